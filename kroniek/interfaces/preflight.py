"""Checks before a run spends time: do the stages load, is Frog installed, is Dask there
for `--cluster`?

Without them every article would fail with the same reason, a worker would die on start-up
or the run would stop with a traceback; one clear message and exit code 2 tell the user
what is wrong instead. `check_run` does all three.
"""
from __future__ import annotations

import shutil
from typing import Optional, Sequence

import typer

FROG_MISSING = ("Frog is not installed: there is no `{binary}` on the PATH. kroniek needs it for the "
                "Dutch analysis; install the Debian packages frog and frogdata "
                "(`sudo apt-get install frog frogdata`, or `make setup` in the repository). "
                "`kroniek timex` and the `--analysed` modes of `code` and `quotes` run without it.")


def frog_missing(stages: Sequence[str], cluster: Optional[str] = None) -> Optional[str]:
    """The message when the stages need Frog here and it is not on the PATH, else None. A
    remote cluster (`tcp://…`) runs Frog on its workers, so it is not checked here."""
    if "frog" not in stages or (cluster and not cluster.startswith("local")):
        return None
    from ..analysis.frog import FrogConfig
    binary = FrogConfig().binary
    return None if shutil.which(binary) else FROG_MISSING.format(binary=binary)


def require_frog(stages: Sequence[str], cluster: Optional[str] = None) -> None:
    """Exit 2 with the message of `frog_missing` when Frog is needed and absent."""
    message = frog_missing(stages, cluster)
    if message:
        typer.echo(f"error: {message}", err=True)
        raise typer.Exit(2)


def require_cluster(cluster: Optional[str]) -> None:
    """`--cluster` needs Dask, an optional extra: exit 2 saying how to install it."""
    import importlib.util
    if cluster and importlib.util.find_spec("distributed") is None:
        typer.echo("error: --cluster needs Dask, which is not installed: pip install 'kroniek[cluster]' "
                   "(in the repository `make setup` installs it)", err=True)
        raise typer.Exit(2)


def require_stages(stages: Sequence[str]) -> None:
    """Exit 2 naming the stage and the cause when a stage is unknown or cannot be imported
    (here, in the main process, before worker processes would each fail on it)."""
    from ..pipeline import StageLoadError, get_factory
    for name in stages:
        try:
            get_factory(name)
        except StageLoadError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2)
        except KeyError as exc:
            typer.echo(f"error: {exc.args[0]}", err=True)
            raise typer.Exit(2)


def check_run(stages: Sequence[str], cluster: Optional[str] = None) -> None:
    require_stages(stages)
    require_cluster(cluster)
    require_frog(stages, cluster)
