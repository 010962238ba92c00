"""JSON Lines: one article a line with `id`, `date`, `text`, optional `title`, `url`, `source`."""
from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..records import Article, DocDate, InputError, InputProblem
from .decode import decode_bytes
from .paragraphs import split_paragraphs


def article_from_record(rec: object, file: str, line: int) -> Article:
    if not isinstance(rec, dict):
        raise InputProblem("a line must hold a JSON object", file, line)
    missing = [k for k in ("id", "date", "text") if rec.get(k) in (None, "")]
    if missing:
        raise InputProblem(f"missing field(s): {', '.join(missing)}", file, line)
    if not isinstance(rec["text"], str):
        raise InputProblem("field 'text' must be a string", file, line)
    try:
        date = DocDate.parse(str(rec["date"]))
    except ValueError as exc:
        raise InputProblem(f"malformed date: {exc}", file, line) from None
    text = rec["text"]
    title = rec.get("title") or None
    if not text.strip():
        raise InputProblem("empty text", file, line)
    return Article(id=str(rec["id"]), date=date, text=text, title=str(title) if title else None,
                   url=rec.get("url") or None, source=rec.get("source") or None,
                   origin=file, line=line, paragraphs=split_paragraphs(text))


def read_jsonl_file(path: Path) -> Iterator[Article | InputError]:
    """Stream the file line by line (a JSON Lines file may be many GB; reading it whole took
    three times its size in memory), each line decoded on its own: a damaged line (bad bytes,
    the NUL-filled tail a crashed writer leaves) costs that line only. Gzip-compressed files
    are read as such. UTF-16/32 files, which cannot be split into lines as bytes, are read whole."""
    file = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputError(file=file, reason=f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        try:
            head = fh.read(65536)
            fh.seek(0)
            stream: IO[bytes] = fh
            if head.startswith(b"\x1f\x8b"):
                stream = gzip.open(fh)
                head = stream.read(65536)
                stream.seek(0)
            whole = _whole_file_encoding(head, file)
        except (OSError, EOFError) as exc:
            yield InputError(file=file, reason=f"cannot read: {exc}")
            return
        except InputProblem as exc:
            yield InputError(file=file, line=exc.line, reason=exc.reason)
            return
        if whole:
            lines: Iterable[bytes | str] = decode_bytes(stream.read(), file)[0].split("\n")
        else:
            lines = stream  # binary lines end at b"\n" only, never at U+2028 or U+0085 inside a text
        seen_text = False
        n = 0
        try:
            for n, raw in enumerate(lines, 1):
                try:
                    line = raw if isinstance(raw, str) else _decode_line(raw, n, file)
                    if not line.strip():
                        continue
                    seen_text = True
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputProblem(f"malformed JSON: {exc.msg} (column {exc.colno})", file, n) from None
                    yield article_from_record(rec, file, n)
                except InputProblem as exc:
                    seen_text = True
                    yield InputError(file=file, line=n, reason=exc.reason)
        except (OSError, EOFError) as exc:  # a truncated gzip stream, a read error
            yield InputError(file=file, line=n + 1, reason=f"cannot read further: {exc}")
            return
        if not seen_text:
            yield InputError(file=file, reason="empty file")


def _whole_file_encoding(head: bytes, file: str) -> bool:
    """True for UTF-16/32 text (read whole); InputProblem for a binary file (judged on its
    first 64 KB: no line of it decodes); False for line-by-line text."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if b"\x00" not in head:
        return False
    try:
        _, enc = decode_bytes(head[: len(head) - len(head) % 2], file)
        return enc.startswith("utf-16")
    except InputProblem:
        pass
    for chunk in head.split(b"\n")[:-1] or [head]:
        if b"\x00" not in chunk and chunk.strip():
            return False  # some lines are text: damaged lines are reported one by one
    raise InputProblem("binary file (NUL bytes), not text", file)


def _decode_line(raw: bytes, n: int, file: str) -> str:
    if n == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if b"\x00" in raw:  # valid UTF-8, but never in JSON text: a damaged line
        raise InputProblem("NUL bytes in this line: damaged or binary data", file, n)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(raw, file)[0]  # Windows-1252, or a clear reason
    except InputProblem as exc:
        raise InputProblem(exc.reason, file, n) from None


def read_analysed(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Analysed articles (tokens included) read back from articles.jsonl files that
    `kroniek extract` wrote, so that later stages run without Frog. A file that cannot be
    opened or a line that is no analysed article becomes an InputError naming file and line;
    the other lines are still read."""
    from ..records import article_from_json
    for path in paths:
        try:
            fh = open(path, encoding="utf-8")
        except OSError as exc:
            yield InputError(file=str(path), reason=exc.strerror or str(exc))
            continue
        with fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield article_from_json(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    yield InputError(file=str(path), line=n, reason=f"not an analysed article: {exc}")
