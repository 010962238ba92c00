"""Fixtures of the reliability suite: a fake `frog` on PATH and a CLI runner.

The fake Frog (fake_frog.py) speaks Frog's protocol in milliseconds and can crash or hang
on command, so the bad-input, crash and Frog-failure tests run the real `kroniek` code
paths without the 8 s / 1.9 GB of a real Frog. Tests that need the real one are marked
`@pytest.mark.frog` and use the session fixtures of tests/conftest.py.
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

HERE = Path(__file__).resolve().parent
FAKE_FROG = HERE / "fake_frog.py"


def make_fake_frog_bin(folder: Path) -> Path:
    """A folder holding an executable `frog` that runs fake_frog.py."""
    folder.mkdir(parents=True, exist_ok=True)
    shim = folder / "frog"
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} {FAKE_FROG} \"$@\"\n")
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return folder


@pytest.fixture(scope="session")
def fake_frog_bin(tmp_path_factory) -> Path:
    return make_fake_frog_bin(tmp_path_factory.mktemp("fakefrog"))


@pytest.fixture
def fake_frog(fake_frog_bin, monkeypatch) -> str:
    """Absolute path of the fake `frog`; also first on PATH for this test."""
    monkeypatch.setenv("PATH", f"{fake_frog_bin}{os.pathsep}{os.environ.get('PATH', '')}")
    for var in ("FAKE_FROG_CRASH_ON", "FAKE_FROG_HANG_ON", "FAKE_FROG_ONCE", "FAKE_FROG_LOG"):
        monkeypatch.delenv(var, raising=False)
    return str(fake_frog_bin / "frog")


def run_kroniek(*args: str, env: dict | None = None, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """`kroniek ARGS` in a subprocess (the environment as set by the fixtures, plus `env`)."""
    full_env = dict(os.environ, **(env or {}))
    full_env.setdefault("COLUMNS", "200")
    return subprocess.run([sys.executable, "-m", "kroniek.interfaces.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, env=full_env, **kw)
