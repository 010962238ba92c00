"""Hostile files found by trying (issue 16): decompression bombs (item 6), a symlinked
subfolder (item 12), a page with a text node over 10 MB (item 13).

The bombs are a few hundred KB on disk and hundreds of MB decompressed; each is read in a
subprocess that reports its peak memory (VmHWM), with a good article after the bomb that
must still be read.
"""
from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from kroniek.reading.sources import iter_articles
from kroniek.records import Article, InputError

BOMB_BYTES = 256 * 1024 * 1024   # decompressed (the 400 KB WARC took 963 MB)
PARAS = ["De minister van Buitenlandse Zaken bezocht dinsdag de haven van Antwerpen.",
         "Hij sprak er met de havenbaas over de nieuwe kaaimuur en de baggerwerken in de Schelde.",
         "De haven verwacht dit jaar meer schepen dan vorig jaar, zei de havenbaas na afloop."]


def page(title: str, script_chars: int = 0) -> bytes:
    script = f"<script>var x = '{'a' * script_chars}';</script>" if script_chars else ""
    body = "".join(f"<p>{p}</p>" for p in PARAS * 2)
    return (f"<html><head><title>{title}</title><meta property='article:published_time' "
            f"content='2025-03-04T10:00:00Z'>{script}</head><body><article><h1>{title}</h1>{body}"
            f"</article></body></html>").encode()


def gzip_stream(parts) -> bytes:
    """One gzip member of the concatenated byte strings (generators welcome), compressed as it goes."""
    z = zlib.compressobj(1, zlib.DEFLATED, 31)
    return b"".join(z.compress(p) for p in parts) + z.flush()


def zeros(n: int, chunk: int = 1 << 22):
    for start in range(0, n, chunk):
        yield b"a" * min(chunk, n - start)


def warc_bomb(p: Path) -> None:
    """A gzipped WARC: a response record whose page decompresses to BOMB_BYTES, then a good record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bom.example/a\r\n"
            f"WARC-Date: 2025-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + 6 + BOMB_BYTES}\r\n\r\n").encode()
    bomb = gzip_stream([head, http, b"<html>", *zeros(BOMB_BYTES), b"\r\n\r\n"])
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://nos.example/goed", "response",
                                                  payload=io.BytesIO(page("Minister bezoekt haven")),
                                                  http_headers=headers))
    p.write_bytes(bomb + buf.getvalue())


def jsonl_bomb(p: Path) -> None:
    """A .jsonl.gz whose first line decompresses to BOMB_BYTES, then a good line."""
    good = json.dumps({"id": "goed", "date": "2025-03-04", "text": " ".join(PARAS)}).encode()
    p.write_bytes(gzip_stream([b'{"id": "bom", "date": "2025-03-04", "text": "', *zeros(BOMB_BYTES),
                               b'"}\n', good, b"\n"]))


def read_in_subprocess(path: Path) -> tuple[list, int]:
    code = ("import json, re, sys\nfrom kroniek.reading.sources import iter_articles\n"
            "items = [[i.id] if hasattr(i, 'text') else [i.line, i.reason] for i in iter_articles([sys.argv[1]])]\n"
            "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
            "print(json.dumps([items, int(hwm) // 1024]))")
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


@pytest.mark.parametrize("name,make", [("bomb.jsonl.gz", jsonl_bomb), ("bomb.warc.gz", warc_bomb)])
def test_item6_decompression_bombs_cost_one_error_and_little_memory(tmp_path, name, make):
    p = tmp_path / name
    make(p)
    assert p.stat().st_size < 2 * 1024 * 1024
    items, peak_mb = read_in_subprocess(p)
    (line, reason), good = items      # the bomb refused as line (record) 1, the good one after it read
    assert line == 1 and "too l" in reason, items
    assert good == ["goed"] or good[0].startswith("web-"), items
    # 32 MB of a refused page at most is held, plus the interpreter and the readers' imports
    assert peak_mb < 250, peak_mb


def test_item6_a_large_html_file_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("KRONIEK_MAX_PAGE_BYTES", "200")
    (tmp_path / "groot.html").write_bytes(page("Minister bezoekt haven"))
    (err,) = list(iter_articles([tmp_path]))
    assert isinstance(err, InputError) and "page too large" in err.reason and "KRONIEK_MAX_PAGE_BYTES" in err.reason


def test_item12_symlinked_subfolder_is_read(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text("date 2025-03-05\n" + PARAS[1])
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("date 2025-03-04\n" + PARAS[0])
    (inputs / "link").symlink_to(elsewhere, target_is_directory=True)
    (inputs / "loop").symlink_to(inputs, target_is_directory=True)   # a folder that holds itself
    items = list(iter_articles([inputs]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b"]
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert err.file == str(inputs / "loop") and "already read" in err.reason


def test_item13_text_node_over_10_mb(tmp_path):
    p = tmp_path / "script.html"
    p.write_bytes(page("Minister bezoekt haven", script_chars=11 * 1024 * 1024))
    (art,) = list(iter_articles([p]))
    assert isinstance(art, Article), art
    assert art.title == "Minister bezoekt haven" and PARAS[1] in art.text
