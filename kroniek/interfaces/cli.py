"""The `kroniek` command line (Typer). Each command module in `commands/` adds its commands."""
from __future__ import annotations

import importlib
import pkgutil

import typer

from . import commands

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="kroniek: Dutch news articles in, coded and time-anchored political events out.")



@app.callback()
def _root() -> None:
    """kroniek: Dutch news articles in, coded and time-anchored political events out."""


for _mod in sorted(m.name for m in pkgutil.iter_modules(commands.__path__)):
    importlib.import_module(f"{commands.__name__}.{_mod}").register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
