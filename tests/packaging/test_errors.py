"""Errors of the installation, told as such (issue 13): a stage that cannot load, a data file
that is missing, a failed write that is not a full disk; and the data files as shipped."""
from __future__ import annotations

import errno
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

# Python with `dateutil` unimportable (as if it were not installed), then the console script.
NO_DATEUTIL = ("import sys; sys.modules['dateutil'] = None; from kroniek.interfaces.cli import main; "
               "sys.argv = ['kroniek', *sys.argv[1:]]; main()")


def test_a_stage_that_cannot_load_stops_the_run_naming_stage_and_cause(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("date 2025-03-12\nGisteren zei de minister iets.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", NO_DATEUTIL, "extract", str(art), "--out", str(tmp_path / "o"),
                        "--stages", "timex", "--no-progress"], capture_output=True, text=True, cwd=tmp_path,
                       timeout=120)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    said = " ".join(r.stderr.split())
    assert "pipeline stage 'timex' cannot load" in said and "dateutil" in said, said


def test_pipeline_raises_instead_of_leaving_the_stage_out():
    code = ("import sys; sys.modules['dateutil'] = None\n"
            "from kroniek.pipeline import Pipeline, StageLoadError\n"
            "try:\n    Pipeline(['timex'])\nexcept StageLoadError as e:\n    print('STAGE', e.stage, type(e.cause).__name__)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.split() == ["STAGE", "timex", "ModuleNotFoundError"], r.stdout + r.stderr


def test_an_unknown_stage_is_a_usage_error(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("date 2025-03-12\nTekst.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kroniek.interfaces.cli", "extract", str(art), "--out",
                        str(tmp_path / "o"), "--stages", "timex,nosuchstage"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 2 and "unknown pipeline component 'nosuchstage'" in r.stderr, r.stderr


@pytest.mark.parametrize("code, disk", [(errno.ENOSPC, True), (errno.EDQUOT, True), (errno.EACCES, False),
                                        (errno.EROFS, False)])
def test_disk_full_only_when_it_is(tmp_path, code, disk):
    from kroniek.interfaces.commands.extract import write_failure
    out = tmp_path / "out"
    said = write_failure(out, OSError(code, "some reason", str(out / "events.jsonl")))
    assert ("disk is full" in said) is disk and str(out) in said


def test_a_failure_on_another_file_names_that_file(tmp_path):
    from kroniek.interfaces.commands.extract import write_failure
    said = write_failure(tmp_path / "out", FileNotFoundError(errno.ENOENT, "No such file", "/elders/lexicon.yaml"))
    assert said.startswith("/elders/lexicon.yaml: No such file") and "output" not in said


def test_shipped_data_files_are_the_copies_the_readme_lists():
    from kroniek.resources import DATA_DIR, REFERENCE_FILES
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    listed = dict((name, digest) for digest, name in re.findall(r"^\s+([0-9a-f]{64})\s+(\S+)$", readme, re.M))
    assert set(listed) == {"/".join(p) for p in REFERENCE_FILES}
    for name, digest in listed.items():
        assert hashlib.sha256((DATA_DIR / name).read_bytes()).hexdigest() == digest, name


def test_the_program_reads_no_shared_folder_and_no_working_directory():
    """Only build scripts (kroniek/*/build/, run in a checkout) may take input from ../shared,
    through resources.build_source; nothing reads the working directory for its own data."""
    offenders = []
    for path in sorted((ROOT / "kroniek").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/build/" in rel or rel == "kroniek/resources.py":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"Path\.cwd\(", r"os\.getcwd\(", r"[\"']shared[\"']", r"KRONIEK_SHARED", r"build_source"):
            if re.search(pattern, text):
                offenders.append(f"{rel}: {pattern}")
    assert offenders == []


def test_data_file_errors_name_the_file(tmp_path, monkeypatch):
    from kroniek import resources
    monkeypatch.setenv("KRONIEK_DATA", str(tmp_path))
    (tmp_path / "plover").mkdir()
    (tmp_path / "plover" / "CAMEO2PLOVER-2021.txt").mkdir()
    with pytest.raises(resources.DataFileError) as info:
        resources.data_file("plover", "CAMEO2PLOVER-2021.txt")
    assert str(tmp_path / "plover" / "CAMEO2PLOVER-2021.txt") in str(info.value)
    assert not isinstance(info.value, OSError)      # never taken for a failed write
    assert resources.data_file("cameo", "cameo-codes.csv") == resources.DATA_DIR / "cameo" / "cameo-codes.csv"
    monkeypatch.setenv("KRONIEK_DATA", str(tmp_path / "missing"))
    with pytest.raises(resources.DataFileError, match="KRONIEK_DATA"):
        resources.check_data()
    assert Path(resources.DATA_DIR).is_relative_to(Path(resources.__file__).parent)
