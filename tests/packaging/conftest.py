"""kroniek as a user gets it: a wheel built from the sources, installed into a fresh virtual
environment outside the repository, run from a folder with no `shared` anywhere above it.

Offline by construction: the wheel is built with `--no-build-isolation` (the setuptools of the
test interpreter, pinned in constraints.txt) from a copy of the sources (so no `build/` folder
appears in the working tree, and stale files of an earlier build cannot slip in), and
installed with `--no-deps --no-index`. The new environment gets its dependencies from the
test interpreter's site-packages through a `.pth` line: a plain path line, so the editable
install of the repository that lives there is not activated (its .pth files are not read),
and `import kroniek` finds the wheel's copy.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import ROOT

SOURCES = ("pyproject.toml", "README.md", "NOTICE", "kroniek")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "candidates", "*.egg-info")


@dataclass
class Installed:
    venv: Path
    wheel: Path
    work: Path            # an empty folder to run in, nothing named `shared` above it

    @property
    def kroniek(self) -> str:
        return str(self.venv / "bin" / "kroniek")

    def env(self, path: str | None = None, **extra: str) -> dict:
        """The environment of a user: the venv's bin first on PATH, no kroniek variables."""
        env = {k: v for k, v in os.environ.items()
               if k not in ("KRONIEK_DATA", "KRONIEK_SHARED", "PYTHONPATH", "VIRTUAL_ENV")}
        env["PATH"] = path if path is not None else f"{self.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
        env["COLUMNS"] = "200"
        env.update(extra)
        return env

    def run(self, *args: str, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 180) -> subprocess.CompletedProcess:
        return subprocess.run([self.kroniek, *args], cwd=cwd or self.work, env=env or self.env(),
                              capture_output=True, text=True, timeout=timeout)


def _build_wheel(dest: Path) -> Path:
    src = dest / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=IGNORE)
        else:
            shutil.copy2(path, src / name)
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                        "--no-index", "-w", str(dest / "dist"), str(src)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, ("pip wheel failed (make setup installs the setuptools of constraints.txt):\n"
                               + r.stdout[-2000:] + r.stderr[-3000:])
    (wheel,) = (dest / "dist").glob("kroniek-*.whl")
    return wheel


def _make_venv(venv: Path, wheel: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "_kroniek_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
                        "--no-deps", "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]


def no_shared_above(folder: Path) -> bool:
    return not any((p / "shared").exists() for p in (folder, *folder.parents))


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    if not no_shared_above(base):
        pytest.skip(f"a `shared` folder lies above {base}; the test needs a place without one")
    wheel = _build_wheel(base)
    venv = base / "venv"
    _make_venv(venv, wheel)
    work = base / "work"
    work.mkdir()
    return Installed(venv=venv, wheel=wheel, work=work)
