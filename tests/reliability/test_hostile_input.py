"""Hostile input found by trying (issue 16): each bad file or line costs that file or line
only, as one error naming file and line; every good article around it lands, once.

Items of the issue: 1 (a file name that is not UTF-8, a lone surrogate in an id), 2 (a line
the JSON parser or Python refuses), 3 (a url or source that is no string), 18 (lenient
input: impossible times, ids that are numbers, lists or nothing).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kroniek.reading.sources import iter_articles
from kroniek.records import Article, DocDate, InputError
from kroniek.store import Store

from .conftest import run_kroniek

BODY = "Minister bezoekt Gent\n\nDe minister bezocht gisteren de haven van Gent."
OTHER = "Burgemeester opent brug\n\nDe burgemeester opende vandaag een nieuwe brug."


def line(doc_id, text=BODY, **extra) -> str:
    """One JSON Lines line; `doc_id` and values are written as given (raw JSON when a str starts with '@')."""
    fields = {"id": doc_id, "date": "2025-03-04", "text": text, **extra}
    return "{" + ", ".join(f'"{k}": {v[1:] if isinstance(v, str) and v.startswith("@") else json.dumps(v)}'
                           for k, v in fields.items()) + "}"


def read(*paths: Path) -> tuple[list[Article], list[InputError]]:
    items = list(iter_articles(list(paths)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def latin1_folder(tmp_path: Path) -> Path:
    """A folder with a file whose name is Latin-1 (not UTF-8), a JSON Lines file whose first id
    holds a lone surrogate, and good articles around them."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text("date 2025-03-03\n" + OTHER)
    with open(os.path.join(os.fsencode(folder), "caf\xe9.txt".encode("latin-1")), "w") as f:
        f.write("date 2025-03-04\n" + BODY)
    (folder / "z.jsonl").write_text("\n".join([line("@\"x\\ud800\""), line("j2", OTHER + " Twee.")]) + "\n")
    return folder


def test_item1_non_utf8_file_name_and_surrogate_id_readers(tmp_path):
    folder = latin1_folder(tmp_path)
    arts, errs = read(folder)
    assert [a.id for a in arts] == ["a-good", "café", "j2"]
    assert arts[1].origin == str(folder / "caf\\xe9.txt")    # the byte shown, the name still unambiguous
    (err,) = errs
    assert (err.file, err.line) == (str(folder / "z.jsonl"), 1) and "lone surrogate U+D800" in err.reason


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_item1_non_utf8_file_name_and_surrogate_id_end_to_end(tmp_path, fake_frog, command):
    folder = latin1_folder(tmp_path)
    out, db = tmp_path / "out", tmp_path / "k.duckdb"
    where = ["--out", str(out)] if command == "extract" else ["--db", str(db)]
    r = run_kroniek(command, str(folder), *where, "--stages", "frog", "--no-progress",
                    *(["--no-summary"] if command == "extract" else []))
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert f"{folder / 'z.jsonl'}:1" in r.stderr
    if command == "extract":
        ids = [json.loads(x)["id"] for x in (out / "articles.jsonl").open(encoding="utf-8")]
        errors = [json.loads(x) for x in (out / "errors.jsonl").open(encoding="utf-8")]
        assert [(e["file"], e["line"]) for e in errors] == [(str(folder / "z.jsonl"), 1)]
    else:
        with Store(db, read_only=True) as s:
            ids = [row["id"] for row in s.query("SELECT id FROM articles ORDER BY id")]
    assert sorted(ids) == ["a-good", "café", "j2"]


BAD_LINES = {
    "surrogate in text": (line("b1", "@\"Een tekst \\ud800 hier.\""), "field 'text' holds a lone surrogate"),
    "surrogate in title": (line("b2", title="@\"Kop \\udfff\""), "field 'title' holds a lone surrogate"),
    "nested 100,000 deep": ('{"id": "b3", "date": "2025-03-04", "text": "x", "p": ' + "[" * 100_000
                            + "]" * 100_000 + "}", "nested too deeply"),
    "integer of 5,000 digits": (line("b4", n="@" + "7" * 5000), "malformed JSON"),
    "url is an object": (line("b5", url="@{\"h\": 1}"), "field 'url' must be a string"),
    "source is a number": (line("b6", source="@12"), "field 'source' must be a string"),
    "title is a list": (line("b7", title="@[\"a\"]"), "field 'title' must be a string"),
    "date is a number": (line("b8", date="@20250304"), "field 'date' must be a string"),
}


def bad_lines_file(tmp_path: Path) -> tuple[Path, list[str]]:
    """Good line, bad line, good line, ... : the good ids in order."""
    lines, good = [], []
    for n, (bad, _) in enumerate(BAD_LINES.values()):
        good.append(f"g{n}")
        lines += [line(f"g{n}", f"{BODY} Nummer {n}."), bad]
    good.append("last")
    lines.append(line("last", OTHER))
    p = tmp_path / "bad.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p, good


def test_items2_3_each_bad_line_is_one_error_with_its_line(tmp_path):
    p, good = bad_lines_file(tmp_path)
    arts, errs = read(p)
    assert [a.id for a in arts] == good
    assert [(e.file, e.line) for e in errs] == [(str(p), 2 * (n + 1)) for n in range(len(BAD_LINES))]
    for e, (name, (_, reason)) in zip(errs, BAD_LINES.items()):
        assert reason in e.reason, (name, e.reason)


def test_items2_3_ingest_stores_every_good_line(tmp_path, fake_frog):
    p, good = bad_lines_file(tmp_path)
    db = tmp_path / "k.duckdb"
    r = run_kroniek("ingest", str(p), "--db", str(db), "--stages", "frog", "--no-progress", "--batch", "100")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-3000:]
    for n in range(len(BAD_LINES)):
        assert f"{p}:{2 * (n + 1)}:" in r.stderr
    with Store(db, read_only=True) as s:
        assert sorted(row["id"] for row in s.query("SELECT id FROM articles")) == sorted(good)


@pytest.mark.parametrize("value,reason", [
    ("2025-03-01T99:99", "hour must be in 0..23"),
    ("2025-03-01T10:61", "minute must be in 0..59"),
    ("2025-03-01T10:00 en later", "not a date"),
])
def test_item18_impossible_times_are_refused(value, reason):
    with pytest.raises(ValueError, match=reason):
        DocDate.parse(value)


def test_item18_iso_date_times_still_read():
    for value in ("2025-03-01T10:00", "2025-03-01T10:00:00Z", "2025-03-01 10:00:00.5+01:00", "2025-03-01T10:00+0100"):
        assert DocDate.parse(value).iso() == "2025-03-01"


@pytest.mark.parametrize("raw,reason", [
    ("1e400", "not a number with a fraction or exponent"),
    ("1.5", "not a number with a fraction or exponent"),
    ("true", "not true or false"),
    ('["a", "b"]', "not a list"),
    ('{"a": 1}', "not an object"),
    ('"   "', "empty id"),
    ('"a\\nb"', "control character U+000A"),
    ('"a\\u2028b"', "line separator U+2028"),
    ('"' + "x" * 600 + '"', "id too long"),
])
def test_item18_ids_that_are_not_text_are_refused(tmp_path, raw, reason):
    p = tmp_path / "ids.jsonl"
    p.write_text(line("@" + raw) + "\n" + line("ok", OTHER) + "\n")
    arts, errs = read(p)
    assert [a.id for a in arts] == ["ok"]
    assert [(e.line, reason in e.reason) for e in errs] == [(1, True)], errs


def test_item18_ids_are_normalised(tmp_path):
    """Integers become their digits; NFC and trimming make one id of two spellings (a duplicate)."""
    p = tmp_path / "ids.jsonl"
    p.write_text("\n".join([line("@12"), line(" cafe\u0301 ", OTHER), line("caf\u00e9", OTHER)]) + "\n")
    arts, errs = read(p)
    assert [a.id for a in arts] == ["12", "caf\u00e9"]
    assert [e.line for e in errs] == [3] and "duplicate id" in errs[0].reason


def test_item18_a_file_named_dot_txt_has_no_id(tmp_path):
    (tmp_path / ".txt").write_text("date 2025-03-04\n" + BODY)
    (tmp_path / "b.txt").write_text("date 2025-03-05\n" + OTHER)
    arts, errs = read(tmp_path)
    assert [a.id for a in arts] == ["b"]
    assert [(Path(e.file).name, e.reason) for e in errs] == [(".txt", "empty id")]
