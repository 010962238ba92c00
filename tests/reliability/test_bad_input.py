"""The bad input suite: every bad input gets a clear error naming file and line, nothing is lost.

Each case is a file made here. It is checked twice: alone, through the readers (the exact
message, file and line), and all together in one folder through `kroniek extract` (exit
code, errors.jsonl, the message on stderr, and every good article written completely).
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from kroniek.reading.sources import iter_articles, reader_for
from kroniek.records import Article, InputError

from .conftest import run_kroniek

BODY = ("Kabinet valt na ruzie over asiel\n\n"
        "Het kabinet-Schoof is gevallen. Premier Schoof biedt het ontslag van zijn ploeg aan bij "
        "koning Willem-Alexander, meldt de NOS.\n\n"
        "De PVV stapte gisteren uit de coalitie.")
ACCENTED = ("Café-eigenaar in Zürich weigert Curaçaose minister\n\n"
            "De eigenaar van het café zei dat hij ‘geen politiek’ wilde; de minister reageerde gekrenkt.")
HEADER = "date 2025-03-04\n"


def hdr(day: int) -> str:
    """A date header; each good case has its own day, so no two share a content hash."""
    return f"date 2025-03-{day:02d}\n"
TWENTY_MB = 20 * 1024 * 1024


@dataclass
class Case:
    name: str                      # file name (a `/` makes a sub folder)
    make: Callable[[Path], None]   # writes the file at the given path
    ok: dict[str, str] = field(default_factory=dict)              # article id -> expected text
    errors: list[tuple[int | None, str]] = field(default_factory=list)  # (line, reason substring)
    needs: str = ""                # a file ending whose reader must be registered
    prefix: str = ""               # cut-off input: the articles before the cut (ids PREFIX0, 1, ...), then one error


def write(data: bytes | str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def make(p: Path) -> None:
        p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return make


def jsonl(*records: object) -> Callable[[Path], None]:
    return write("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n")


def fifo(p: Path) -> None:
    os.mkfifo(p)


def dangling(p: Path) -> None:
    p.symlink_to(p.parent / "does-not-exist.txt")


def loop(p: Path) -> None:
    p.symlink_to(p)


def big(p: Path) -> None:
    with p.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write(("Woord " * 1000 + "\n\n") * (TWENTY_MB // 6002 + 1))


def warc_truncated(p: Path) -> None:
    import io
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=p.name.endswith(".gz"))
    html = (f"<html><head><title>Kabinet valt</title><meta property='article:published_time' "
            f"content='2025-03-04T10:00:00Z'></head><body><article><h1>Kabinet valt</h1>"
            f"{''.join(f'<p>{para}</p>' for para in BODY.split(chr(10) + chr(10))[1:] * 4)}</article></body></html>")
    for n in range(2):
        payload = html.replace("Kabinet valt", f"Kabinet valt {n}").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(f"https://nos.nl/artikel/{n}", "response",
                                        payload=io.BytesIO(payload), http_headers=headers)
        writer.write_record(rec)
    data = buf.getvalue()
    p.write_bytes(data[: len(data) - (150 if p.name.endswith(".gz") else 300)])  # the second record is cut off


def gzip_cut(p: Path) -> None:
    """A gzip-compressed JSON Lines file cut off halfway (a download or copy that stopped)."""
    data = gzip.compress("".join(json.dumps({"id": f"t{i}", "date": "2025-06-02", "text": f"{i} {BODY}",
                                             "pad": os.urandom(300).hex()}) + "\n" for i in range(400)).encode())
    p.write_bytes(data[: len(data) // 2])


CASES: list[Case] = [
    Case("good.txt", write(hdr(11) + BODY), ok={"good": BODY}),
    Case("empty.txt", write(b""), errors=[(None, "empty file")]),
    Case("whitespace.txt", write(b" \n\n\t\n"), errors=[(None, "empty file")]),
    Case("binary.txt", write(bytes(range(256)) * 8), errors=[(None, "binary file")]),
    Case("utf16.txt", write(hdr(12) + ACCENTED, "utf-16"), ok={"utf16": ACCENTED}),
    Case("utf16be.txt", write(codecs.BOM_UTF16_BE + (hdr(13) + ACCENTED).encode("utf-16-be")), ok={"utf16be": ACCENTED}),
    Case("utf16-no-bom.txt", write(hdr(14) + ACCENTED, "utf-16-le"), ok={"utf16-no-bom": ACCENTED}),
    Case("latin1.txt", write(hdr(15) + ACCENTED.replace("‘", "'").replace("’", "'"), "latin-1"),
         ok={"latin1": ACCENTED.replace("‘", "'").replace("’", "'")}),
    Case("cp1252.txt", write(hdr(16) + ACCENTED, "cp1252"), ok={"cp1252": ACCENTED}),
    Case("bom.txt", write(codecs.BOM_UTF8 + (hdr(17) + BODY).encode()), ok={"bom": BODY}),
    Case("crlf.txt", write((hdr(18) + BODY).replace("\n", "\r\n")), ok={"crlf": BODY.replace("\n", "\r\n")}),
    # Not UTF-8 and not Windows-1252 either: control bytes beside invalid UTF-8, on line 3.
    Case("undecodable.txt", write(hdr(19).encode() + b"Kop\n\x01\x02 tekst \xff\xfe\x81 meer"),
         errors=[(3, "not UTF-8")]),
    Case("nodate.txt", write(BODY), errors=[(1, "no date header")]),
    # Square brackets in a message must not be read as console markup (it crashed the run).
    Case("markup.txt", write("[/red] [bold]geen datum\n"), errors=[(1, "no date header")]),
    Case("month13.txt", write("date 2025-13\n" + BODY), errors=[(1, "malformed date")]),
    Case("gisteren.txt", write("date gisteren\n" + BODY), errors=[(1, "malformed date")]),
    Case("feb30.txt", write("date 2025-02-30\n" + BODY), errors=[(1, "malformed date")]),
    Case("future.txt", write("date 2999-01-01\n" + BODY), errors=[(1, "lies in the future")]),
    Case("header-only.txt", write("date 2025-03-04\n\n"), errors=[(1, "no article text")]),
    Case("big.txt", big, errors=[(None, "article too long")]),
    Case("oneword.txt", write(hdr(20) + "Vrede"), ok={"oneword": "Vrede"}),
    Case("batch.jsonl", jsonl({"id": "j1", "date": "2025-03-01", "text": BODY},
                              '{"id": "j2", "date": "2025-03-02", "text": "afgebroken',
                              {"id": "j3", "date": "2025-03-03", "text": ACCENTED},
                              {"id": "j4", "date": "2025-03-04"},
                              {"id": "j5", "date": "2025-13", "text": BODY},
                              ["geen", "object"],
                              {"id": "j7", "date": "2025-03", "text": 42},
                              {"id": "j8", "date": "2999-03", "text": BODY},
                              {"id": "j9", "date": "2025-03-09", "text": "Woord " * 40_000}),
         ok={"j1": BODY, "j3": ACCENTED},
         errors=[(2, "malformed JSON"), (4, "missing field(s): text"), (5, "malformed date"),
                 (6, "JSON object"), (7, "must be a string"), (8, "lies in the future"), (9, "article too long")]),
    Case("dupes.jsonl", jsonl({"id": "d1", "date": "2025-04-01", "text": BODY},
                              {"id": "d2", "date": "2025-04-01", "text": ACCENTED},
                              {"id": "d1", "date": "2025-04-01", "text": ACCENTED},
                              {"id": "d2", "date": "2025-04-01", "text": ACCENTED}),
         ok={"d1": BODY, "d2": ACCENTED},
         errors=[(3, "duplicate id 'd1' with different text"), (4, "duplicate id 'd2': the same article")]),
    # A crashed writer's NUL-filled tail and a damaged line cost those lines only.
    Case("crashed.jsonl", write(json.dumps({"id": "c1", "date": "2025-05-01", "text": BODY}).encode() + b"\n"
                                + b'{"id": "c2", "date": "2025-05-02", "te\x00\x00xt": "x"}\n'
                                + json.dumps({"id": "c3", "date": "2025-05-03", "text": ACCENTED}).encode() + b"\n"
                                + b"\x00" * 4096),
         ok={"c1": BODY, "c3": ACCENTED}, errors=[(2, "NUL bytes in this line"), (4, "NUL bytes in this line")]),
    Case("packed.jsonl.gz", lambda p: p.write_bytes(gzip.compress(
        (json.dumps({"id": "g1", "date": "2025-06-01", "text": BODY}) + "\n").encode() * 1)), ok={"g1": BODY}),
    # gzip cut off: the whole lines before the cut are read, then one error for the rest
    Case("cut.jsonl.gz", gzip_cut,
         ok={}, errors=[(None, "cannot read further")], prefix="t"),
    Case("binary.jsonl", write(bytes(range(256)) * 64), errors=[(None, "binary file")]),
    Case("bom.jsonl", write(codecs.BOM_UTF8 + json.dumps({"id": "jb", "date": "2025-03", "text": BODY}).encode()),
         ok={"jb": BODY}),
    Case("empty.jsonl", write(b"\n\n"), errors=[(None, "empty file")]),
    Case("unreadable/fifo.txt", fifo, errors=[(None, "not a regular file")]),
    Case("unreadable/dangling.txt", dangling, errors=[(None, "broken symbolic link")]),
    Case("unreadable/loop.txt", loop, errors=[(None, "symbolic link")]),
    Case("unreadable/readable.txt", write(hdr(21) + BODY), ok={"readable": BODY}),
    Case("web/no-article.html", write("<html><head><title>Cookies</title></head><body><nav>"
                                      "<a href='/'>Home</a></nav><form>Accepteer cookies</form></body></html>"),
         errors=[(None, "")], needs=".html"),
    Case("web/truncated.warc", warc_truncated, ok={}, errors=[(None, "")], needs=".warc"),
    Case("web/truncated.warc.gz", warc_truncated, ok={}, errors=[(None, "")], needs=".warc.gz"),
]


def registered(ending: str) -> bool:
    return not ending or reader_for(Path("x" + ending)) is not None


def build(folder: Path, cases: list[Case]) -> list[Case]:
    made = []
    for c in cases:
        if not registered(c.needs):
            continue
        p = folder / c.name
        p.parent.mkdir(parents=True, exist_ok=True)
        c.make(p)
        made.append(c)
    return made


def read(path: Path) -> tuple[list[Article], list[InputError]]:
    items = list(iter_articles([path]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_alone(tmp_path, case):
    if not registered(case.needs):
        pytest.skip(f"no reader for {case.needs} yet")
    (path,) = [tmp_path / c.name for c in build(tmp_path, [case])]
    arts, errs = read(path)
    if case.prefix:
        check_prefix(case, arts, errs, str(path))
        return
    if ".warc" not in case.name:
        assert {a.id: a.text for a in arts} == case.ok
    if ".warc" in case.name:  # the whole first record is read, the cut-off second one refused
        assert [a.title for a in arts] == ["Kabinet valt 0"] and arts[0].line == 1
        assert arts[0].text.endswith("uit de coalitie.")
        assert [(e.file, e.line) for e in errs] == [(str(path), 2)] and "truncated" in errs[0].reason, errs
        return
    if case.needs:  # a clear error naming the file (the exact reason is the web reader's)
        assert errs and all(e.file == str(path) and len(e.reason) > 10 for e in errs), errs
        return
    assert [(e.line, e.file) for e in errs] == [(line, str(path)) for line, _ in case.errors], errs
    for e, (_, reason) in zip(errs, case.errors):
        assert reason in e.reason, e
        assert str(path) in str(e)


def check_prefix(case: Case, arts: list, errs: list, path: str) -> None:
    assert [a.id for a in arts] == [f"{case.prefix}{i}" for i in range(len(arts))] and len(arts) > 3
    assert all(a.text == f"{i} {BODY}" for i, a in enumerate(arts))
    (err,) = errs
    assert err.file == path and err.line == len(arts) + 1 and case.errors[0][1] in err.reason


def test_encodings_are_recorded(tmp_path):
    build(tmp_path, [c for c in CASES if c.name in ("latin1.txt", "utf16.txt", "good.txt")])
    arts = {a.id: a for a in read(tmp_path)[0]}
    assert arts["latin1"].meta.get("encoding") == "cp1252"
    assert arts["utf16"].meta.get("encoding") == "utf-16"
    assert "encoding" not in arts["good"].meta


def test_offsets_survive_bom_and_crlf(tmp_path):
    build(tmp_path, [c for c in CASES if c.name in ("bom.txt", "crlf.txt")])
    for a in read(tmp_path)[0]:
        assert a.text.startswith("Kabinet valt") and a.title == "Kabinet valt na ruzie over asiel"
        for s, e in a.paragraphs:
            assert a.text[s:e].strip() == a.text[s:e]


def test_size_limit_is_configurable(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text(HEADER + BODY)
    monkeypatch.setenv("KRONIEK_MAX_ARTICLE_CHARS", "50")
    (err,) = read(p)[1]
    assert "article too long" in err.reason and "limit 50" in err.reason and "KRONIEK_MAX_ARTICLE_CHARS" in err.reason
    monkeypatch.setenv("KRONIEK_MAX_ARTICLE_CHARS", str(len(BODY)))
    assert read(p)[0][0].text == BODY


def test_same_file_name_in_two_folders_collides_clearly(tmp_path):
    for sub, text in (("a", BODY), ("b", ACCENTED)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(HEADER + text)
    arts, (err,) = read(tmp_path)
    assert [a.text for a in arts] == [BODY]
    assert err.file == str(tmp_path / "b" / "x.txt") and str(tmp_path / "a" / "x.txt") in err.reason


def test_missing_and_unknown_inputs(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    items = list(iter_articles([tmp_path / "nope.txt", tmp_path / "notes.pdf"]))
    assert [type(i) for i in items] == [InputError, InputError]
    assert "no such file" in items[0].reason and "unknown input type" in items[1].reason


def test_extract_whole_folder(tmp_path, fake_frog):
    """All cases in one folder through `kroniek extract`: every good article written in
    full exactly once, every bad input one error line naming its file (and line)."""
    inputs = tmp_path / "in"
    made = build(inputs, CASES)
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    r = run_kroniek("extract", str(inputs), str(missing), "--out", str(out), "--stages", "frog",
                    "--no-summary", "--no-progress", timeout=120)
    assert r.returncode == 1, r.stderr[-3000:]
    articles = [json.loads(l) for l in (out / "articles.jsonl").open(encoding="utf-8")]
    errors = [json.loads(l) for l in (out / "errors.jsonl").open(encoding="utf-8")]

    expected_ok = {k: v for c in made for k, v in c.ok.items()}
    got = {}
    for a in articles:
        assert a["id"] not in got, f"article {a['id']} written twice"
        got[a["id"]] = a
    for c in made:
        if c.prefix:
            cut = sorted((k for k in got if k.startswith(c.prefix)), key=lambda k: int(k[len(c.prefix):]))
            assert len(cut) > 3 and cut == [f"{c.prefix}{i}" for i in range(len(cut))]
            for k in cut:
                assert got.pop(k)["text"].endswith(BODY)
    if any(".warc" in c.name for c in made):  # a truncated WARC keeps its whole records
        for k in [k for k in got if k not in expected_ok]:
            assert "Kabinet valt 0" in got.pop(k)["text"]
    assert {k: a["text"] for k, a in got.items()} == expected_ok
    for a in got.values():  # analysed completely: every word of the text is a token
        words = [t["text"] for s in a["sentences"] for t in s["tokens"]]
        assert "".join(words) == "".join(a["text"].split())

    # A record repeated with the same id and text is counted as a duplicate (kroniek.scale.runner),
    # not an error: the run says how many.
    # (so is the first record of truncated.warc.gz: the same page as in truncated.warc)
    dupes = 1 + (sum(".warc" in c.name for c in made) > 1)
    assert f"{dupes} duplicates" in " ".join(r.stderr.split()), r.stderr[-2000:]
    by_file: dict[str, list[dict]] = {}
    for e in errors:
        by_file.setdefault(e["file"], []).append(e)
    assert by_file.pop(str(missing))[0]["reason"] == "no such file or folder"
    for c in made:
        path = str(inputs / c.name)
        errs = by_file.pop(path, [])
        if c.needs:
            assert errs, f"{c.name}: no error recorded"
            continue
        if c.prefix:
            assert len(errs) == 1 and c.errors[0][1] in errs[0]["reason"], errs
            continue
        expected = [(line, reason) for line, reason in c.errors if "the same article" not in reason]
        assert [(e.get("line"), e["reason"]) for e in errs] == [
            (line, next((e["reason"] for e in errs if e.get("line") == line and reason in e["reason"]), reason))
            for line, reason in expected], (c.name, errs)
        for e in errs:
            where = f"{path}:{e['line']}" if e.get("line") else path
            assert where in r.stderr, (where, r.stderr[-2000:])
    assert not by_file, f"errors for unexpected files: {by_file}"


def test_extract_clean_folder_exits_zero(tmp_path, fake_frog):
    inputs = tmp_path / "in"
    build(inputs, [c for c in CASES if c.name in ("good.txt", "latin1.txt", "oneword.txt")])
    r = run_kroniek("extract", str(inputs), "--out", str(tmp_path / "out"), "--stages", "frog",
                    "--no-summary", "--no-progress")
    assert r.returncode == 0, r.stderr[-3000:]
    assert (tmp_path / "out" / "errors.jsonl").read_text() == ""
    assert len((tmp_path / "out" / "articles.jsonl").read_text().splitlines()) == 3


def test_summary_prints_bracketed_text(capsys):
    """Article text and actor names in the summary table are not console markup."""
    from kroniek.interfaces.summary import print_summary
    from kroniek.records import ActorRef, DocDate, Event, Span
    text = "[/red] Minister [bold]X[/b] belooft hulp aan [/dim]Y."
    a = Article(id="m", date=DocDate.parse("2025-03-04"), text=text)
    a.events.append(Event(cameo="051", source=ActorRef("[/red]Minister"), target=ActorRef("[/dim]Y", code="[/x]"),
                          earliest="2025-03-04", latest="2025-03-04", evidence=[Span(0, len(text), text)]))
    import io
    from rich.console import Console
    out = io.StringIO()
    print_summary([a], 0, 0.1, console=Console(file=out, width=400))
    assert "[/red]Minister" in out.getvalue() and "[/x]" in out.getvalue()


def test_large_jsonl_is_streamed(tmp_path):
    """A JSON Lines file is read line by line: 80 MB of input, well under 80 MB of memory."""
    import subprocess
    import sys
    p = tmp_path / "large.jsonl"
    with p.open("w", encoding="utf-8") as f:
        line = json.dumps({"id": "x{}", "date": "2025-03-04", "text": BODY * 8})
        for i in range(80 * 1024 * 1024 // len(line)):
            f.write(line.replace("x{}", f"x{i}") + "\n")
    # VmHWM, not ru_maxrss: the latter keeps the peak of the forked pytest process across exec
    code = ("import re, sys\nfrom kroniek.reading.sources import iter_articles\n"
            "n = sum(1 for _ in iter_articles([sys.argv[1]]))\n"
            "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
            "print(n, int(hwm) // 1024)")
    r = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True, timeout=120)
    n, peak_mb = map(int, r.stdout.split())
    assert n == 80 * 1024 * 1024 // len(line) and peak_mb < 80, (n, peak_mb, r.stderr[-1000:])


def test_permission_denied_without_root_privileges(tmp_path):
    """Real unreadability: a file and a folder without read permission, read by a process
    whose root privilege to ignore permissions is dropped (setpriv removes CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH; the tests run as root, who may otherwise read anything)."""
    import shutil
    import subprocess
    import sys
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or not setpriv:
        pytest.skip("needs root and util-linux setpriv")
    (tmp_path / "ok.txt").write_text(hdr(22) + BODY)
    (tmp_path / "secret.txt").write_text(hdr(23) + BODY)
    (tmp_path / "secret.txt").chmod(0o000)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.txt").write_text(hdr(24) + BODY)
    (tmp_path / "closed").chmod(0o000)
    try:
        code = ("import json, sys\nfrom kroniek.reading.sources import iter_articles\n"
                "print(json.dumps([getattr(i, 'id', None) or [i.file, i.reason] for i in iter_articles([sys.argv[1]])]))")
        r = subprocess.run([setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", sys.executable, "-c",
                            code, str(tmp_path)], capture_output=True, text=True, timeout=60)
        items = json.loads(r.stdout)
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert "ok" in items, (items, r.stderr[-1000:])
    errors = {Path(e[0]).name: e[1] for e in items if isinstance(e, list)}
    assert "Permission denied" in errors["secret.txt"] and "cannot read" in errors["secret.txt"], errors
    assert "Permission denied" in errors["closed"] and "folder" in errors["closed"], errors
