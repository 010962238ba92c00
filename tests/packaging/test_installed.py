"""The installed wheel works from any folder, with its own data only (issue 13).

Every command runs the console script of a fresh virtual environment (see conftest.py), in a
folder with no `shared` above it. The article is invented.
"""
from __future__ import annotations

import json
import os
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from .conftest import no_shared_above

ARTICLE = ("date 2025-03-12\n"
           "De Duitse regering heeft Rusland dinsdag scherp veroordeeld. "
           "Gisteren bezocht de Nederlandse premier Kyiv.\n")


def _article(folder: Path) -> Path:
    path = folder / "bericht.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _clean(r) -> None:
    assert "Traceback" not in r.stderr and "╭" not in r.stderr, r.stderr[-3000:]


def test_wheel_holds_the_reference_data_and_licences(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for f in ("cameo/cameo-codes.csv", "plover/CAMEO2PLOVER-2021.txt", "geonames/countryInfo.txt",
              "README.md", "LICENSES/MIT-icews.txt", "LICENSES/CC-BY-SA-4.0.txt", "LICENSES/CC-BY-4.0.txt",
              "LICENSES/MIT-petrarch2.txt"):
        assert f"kroniek/data/{f}" in names, f
    assert any(n.endswith("licenses/NOTICE") for n in names)
    assert not any("events/build/candidates" in n for n in names)   # FreeDict-derived, GPL: not shipped


def test_cameo_from_a_folder_without_shared(installed):
    assert no_shared_above(installed.work)
    r = installed.run("cameo", "072")
    _clean(r)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\t")[:2] == ["072", "Provide military aid"]
    assert "Goldstein 8.3" in r.stdout and "PLOVER AID" in r.stdout and "QuadClass 2" in r.stdout


def test_version_is_the_package_metadata(installed):
    r = installed.run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"kroniek {metadata.version('kroniek')}"


def test_a_shared_folder_above_the_working_directory_is_never_read(installed, tmp_path):
    """Someone else's shared/data above (and in) the folder the user works in, and even
    KRONIEK_SHARED pointing at it, change nothing."""
    hijack = tmp_path / "shared" / "data"
    for rel, text in {"cameo/cameo-codes.csv": '"","eventtype_ID","name","code","goldstein"\n'
                                               '"1",1,"HIJACKED","072",-99\n',
                      "plover/CAMEO2PLOVER-2021.txt": "072: HIJACKED\n",
                      "geonames/countryInfo.txt": "XX\tXXX\t000\tXX\tHijackland\n"}.items():
        (hijack / rel).parent.mkdir(parents=True, exist_ok=True)
        (hijack / rel).write_text(text, encoding="utf-8")
    work = tmp_path / "work"
    (work / "shared").mkdir(parents=True)
    (work / "shared" / "data").symlink_to(hijack)
    r = installed.run("cameo", "072", cwd=work, env=installed.env(KRONIEK_SHARED=str(tmp_path / "shared")))
    assert r.returncode == 0, r.stderr
    assert "HIJACKED" not in r.stdout and "-99" not in r.stdout
    assert "Provide military aid" in r.stdout and "Goldstein 8.3" in r.stdout and "PLOVER AID" in r.stdout


def test_kroniek_data_replaces_a_file_when_asked(installed, tmp_path):
    """The documented override: KRONIEK_DATA's file wins, the others still come from the package."""
    (tmp_path / "cameo").mkdir()
    (tmp_path / "cameo" / "cameo-codes.csv").write_text('"","eventtype_ID","name","code","goldstein"\n'
                                                        '"1",1,"Own name","072",1.5\n', encoding="utf-8")
    r = installed.run("cameo", "072", env=installed.env(KRONIEK_DATA=str(tmp_path)))
    assert r.returncode == 0, r.stderr
    assert "Own name" in r.stdout and "Goldstein 1.5" in r.stdout and "PLOVER AID" in r.stdout


def test_timex_from_a_folder_without_shared(installed):
    art = _article(installed.work)
    r = installed.run("timex", art.name)
    _clean(r)
    assert r.returncode == 0, r.stderr
    found = {t["text"].lower(): t for t in _jsonl_text(r.stdout)}
    assert found["gisteren"]["value"] == "2025-03-11" and found["gisteren"]["earliest"] == "2025-03-11"
    assert found["dinsdag"]["type"] == "DATE" and found["dinsdag"]["value"].startswith("2025-03-")


def _jsonl_text(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.frog
def test_extract_from_a_folder_without_shared(installed):
    art = _article(installed.work)
    r = installed.run("extract", art.name, "--out", "out", "--no-summary", "--no-progress")
    _clean(r)
    assert r.returncode == 0, r.stderr[-3000:]
    out = installed.work / "out"
    events = _jsonl(out / "events.jsonl")
    pairs = {((e.get("source") or {}).get("code", "")[:3], (e.get("target") or {}).get("code", "")[:3],
              e["cameo"][:2]) for e in events}
    assert ("DEU", "RUS", "11") in pairs, events
    assert all(e["plover"] and e["goldstein"] is not None for e in events)
    assert {t["value"] for t in _jsonl(out / "timex.jsonl")} >= {"2025-03-11"}
    assert {"DEU", "RUS"} <= {a["code"][:3] for a in _jsonl(out / "actors.jsonl") if a.get("code")}
    assert _jsonl(out / "errors.jsonl") == []


def test_missing_frog_is_one_clear_error(installed):
    """PATH without frog: exit 2, the Debian packages named, nothing written as if it ran."""
    art = _article(installed.work)
    env = installed.env(path=str(installed.venv / "bin"))
    for args in (("extract", art.name, "--out", "nofrog", "--no-progress"), ("code", art.name)):
        r = installed.run(*args, env=env)
        _clean(r)
        assert r.returncode == 2, (args, r.stderr)
        said = " ".join(r.stderr.split())
        assert "Frog is not installed" in said and "frog" in said and "frogdata" in said, said
        assert said.count("error:") == 1, said
    # the commands that need no Frog still run
    r = installed.run("timex", art.name, env=env)
    assert r.returncode == 0 and r.stdout.strip(), r.stderr


def test_a_missing_data_file_is_named_not_taken_for_a_full_disk(installed, tmp_path):
    broken = tmp_path / "data"
    (broken / "cameo" / "cameo-codes.csv").mkdir(parents=True)    # a folder where the file should be
    art = _article(installed.work)
    env = installed.env(KRONIEK_DATA=str(broken))
    for args in (("cameo", "072"), ("extract", art.name, "--out", "nodata", "--no-progress")):
        r = installed.run(*args, env=env)
        _clean(r)
        assert r.returncode == 2, (args, r.stderr)
        said = " ".join(r.stderr.split())
        assert str(broken / "cameo" / "cameo-codes.csv") in said and "disk" not in said, said
    r = installed.run("cameo", "072", env=installed.env(KRONIEK_DATA=str(tmp_path / "nowhere")))
    assert r.returncode == 2 and "nowhere" in r.stderr and "KRONIEK_DATA" in r.stderr, r.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_data_file_is_named(installed, tmp_path):
    (tmp_path / "cameo").mkdir()
    f = tmp_path / "cameo" / "cameo-codes.csv"
    f.write_text("x\n", encoding="utf-8")
    f.chmod(0)
    r = installed.run("cameo", "072", env=installed.env(KRONIEK_DATA=str(tmp_path)))
    assert r.returncode == 2 and str(f) in r.stderr and "cannot be read" in r.stderr, r.stderr
