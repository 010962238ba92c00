"""Where kroniek finds its data: the package's own files, and the shared reference data.

The CAMEO codebook, the CAMEO→PLOVER table and GeoNames are read where they lie (the
project's `../shared/data` beside the repository, or a folder named by `KRONIEK_SHARED`),
never copied into the package.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def package_data(*parts: str) -> Path:
    return PACKAGE_DIR.joinpath(*parts)


@lru_cache(maxsize=1)
def shared_dir() -> Path:
    """The `shared` folder: $KRONIEK_SHARED, else `../shared` from the repository or the working directory."""
    env = os.environ.get("KRONIEK_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [PACKAGE_DIR.parent.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if (c / "data").is_dir():
            return c.resolve()
    raise FileNotFoundError("the shared reference data (CAMEO codebook, PLOVER table, GeoNames) was not found: "
                            "set KRONIEK_SHARED to the folder that holds data/cameo, data/plover, data/geonames")


def shared_data(*parts: str) -> Path:
    return shared_dir().joinpath("data", *parts)


def read_yaml(fh):
    """YAML from an open file, with libyaml's C loader where PyYAML has it: the event
    dictionary is thousands of entries, which the pure-Python loader reads in seconds."""
    import yaml
    return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
