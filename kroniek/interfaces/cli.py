"""The `kroniek` command line (Typer). Each command module in `commands/` adds its commands."""
from __future__ import annotations

import importlib
import pkgutil

import typer

from . import commands

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="kroniek: Dutch news articles in, coded and time-anchored political events out.")


def _version(value: bool) -> None:
    if value:
        from .. import __version__
        typer.echo(f"kroniek {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit")) -> None:
    """kroniek: Dutch news articles in, coded and time-anchored political events out."""
    from ..resources import check_data
    check_data()   # a broken install or a wrong KRONIEK_DATA: say which file, before any work


for _mod in sorted(m.name for m in pkgutil.iter_modules(commands.__path__)):
    importlib.import_module(f"{commands.__name__}.{_mod}").register(app)


def main() -> None:
    """The console script: errors of the installation (a data file missing or unreadable, a
    stage that cannot load) are one `error:` line and exit code 2, not a traceback."""
    from ..pipeline import StageLoadError
    from ..resources import DataFileError
    try:
        app()
    except (DataFileError, StageLoadError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise SystemExit(2)


if __name__ == "__main__":
    main()
