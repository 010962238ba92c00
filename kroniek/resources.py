"""Where kroniek finds its data: files inside the installed package, nothing else.

- `package_data(...)`: the package's own files (dictionaries, lexicons, web page).
- `data_file(...)`: the third-party reference data shipped in `kroniek/data/` (CAMEO codebook,
  CAMEO→PLOVER table, GeoNames countries; sources and licences in `kroniek/data/README.md`).
  `KRONIEK_DATA=DIR` replaces any of them by DIR's file of the same path.

kroniek never looks in the working directory or in a `shared` folder next to it for these:
a stranger's `shared/data/cameo/cameo-codes.csv` above the folder a user works in must not
change the codes. (Build scripts that turn ../shared material into package files take their
inputs from `build_source`, which is for a checkout of the repository only.)
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
DATA_ENV = "KRONIEK_DATA"

# The reference files the program reads at run time (checked up front by `check_data`).
REFERENCE_FILES = (("cameo", "cameo-codes.csv"), ("plover", "CAMEO2PLOVER-2021.txt"),
                   ("geonames", "countryInfo.txt"))


class DataFileError(Exception):
    """A data file kroniek needs is missing or unreadable: a broken install or a wrong
    KRONIEK_DATA, never the user's input. Deliberately no OSError, so that it is not
    mistaken for a failed write of the output."""

    def __init__(self, path: Path | str, problem: str):
        self.path, self.problem = Path(path), problem
        super().__init__(f"kroniek's data file {path} {problem}")


def package_data(*parts: str) -> Path:
    return PACKAGE_DIR.joinpath(*parts)


def data_dir() -> Path:
    """$KRONIEK_DATA when set (it must be a folder), else the package's `data/`."""
    env = os.environ.get(DATA_ENV)
    if env:
        if not Path(env).is_dir():
            raise DataFileError(env, f"is not a folder (named by {DATA_ENV}; unset it to use the package's data)")
        return Path(env)
    return DATA_DIR


def data_file(*parts: str) -> Path:
    """The path of a reference file, checked: it exists and can be read."""
    override = data_dir()
    path = override.joinpath(*parts)
    if override != DATA_DIR and not path.exists():
        path = DATA_DIR.joinpath(*parts)       # KRONIEK_DATA replaces only what it holds
    if not path.exists():
        raise DataFileError(path, "is missing (reinstall kroniek, or check KRONIEK_DATA)")
    if not path.is_file():
        raise DataFileError(path, "is not a file (reinstall kroniek, or check KRONIEK_DATA)")
    if not os.access(path, os.R_OK):
        raise DataFileError(path, "cannot be read (permission denied)")
    return path


def open_data(*parts: str):
    """A reference file opened for reading as UTF-8 text; any failure names the file."""
    path = data_file(*parts)
    try:
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise DataFileError(path, f"cannot be read ({exc.strerror or exc})") from exc


def check_data() -> None:
    """Raise DataFileError for the first reference file that is missing or unreadable."""
    for parts in REFERENCE_FILES:
        data_file(*parts)


def build_source(*parts: str) -> Path:
    """Input of a build script (PETRARCH2, GeoNames dumps …) in a checkout of the repository:
    $KRONIEK_SHARED/data/..., else ../shared/data/... beside the repository. Never used at
    run time, never the working directory."""
    base = Path(os.environ.get("KRONIEK_SHARED") or PACKAGE_DIR.parent.parent / "shared")
    return base.joinpath("data", *parts)


def read_yaml(fh):
    """YAML from an open file, with libyaml's C loader where PyYAML has it: the event
    dictionary is thousands of entries, which the pure-Python loader reads in seconds."""
    import yaml
    return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
