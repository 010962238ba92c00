"""JSON Lines: one article a line with `id`, `date`, `text`, optional `title`, `url`, `source`."""
from __future__ import annotations

import codecs
import gzip
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..records import Article, DocDate, InputError, InputProblem
from .decode import decode_bytes
from .ids import article_id, lone_surrogate
from .limits import max_line_bytes
from .paragraphs import split_paragraphs


OPTIONAL_FIELDS = ("title", "url", "source")


def article_from_record(rec: object, file: str, line: int) -> Article:
    """The article of one JSON object; InputProblem (naming file and line) for a record that
    is not one: every field is checked for its type here, so that nothing later (the store's
    typed columns, a UTF-8 writer) meets a value it cannot hold."""
    if not isinstance(rec, dict):
        raise InputProblem("a line must hold a JSON object", file, line)
    missing = [k for k in ("id", "date", "text") if rec.get(k) in (None, "")]
    if missing:
        raise InputProblem(f"missing field(s): {', '.join(missing)}", file, line)
    doc_id = article_id(rec["id"], file, line)
    fields = {k: _text_field(rec, k, file, line) for k in ("date", "text", *OPTIONAL_FIELDS)}
    try:
        date = DocDate.parse(fields["date"])
    except ValueError as exc:
        raise InputProblem(f"malformed date: {exc}", file, line) from None
    text = fields["text"]
    if not text.strip():
        raise InputProblem("empty text", file, line)
    return Article(id=doc_id, date=date, text=text, title=fields["title"] or None, url=fields["url"] or None,
                   source=fields["source"] or None, origin=file, line=line, paragraphs=split_paragraphs(text))


def _text_field(rec: dict, key: str, file: str, line: int) -> str | None:
    """A string field (None when absent or null); InputProblem for another type or for text
    that is not valid Unicode (a lone surrogate such as "\\ud800", which JSON allows)."""
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputProblem(f"field {key!r} must be a string", file, line)
    if bad := lone_surrogate(value):
        raise InputProblem(f"field {key!r} holds {bad}: not valid Unicode", file, line)
    return value


def parse_line(line: str, file: str, n: int) -> object:
    """One JSON Lines line as a JSON value; InputProblem naming file and line for anything the
    JSON parser refuses, a nesting too deep for it and a number too long for Python included."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputProblem(f"malformed JSON: {exc.msg} (column {exc.colno})", file, n) from None
    except RecursionError:
        raise InputProblem("malformed JSON: nested too deeply", file, n) from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise InputProblem(f"malformed JSON: {exc}", file, n) from None


def read_jsonl_file(path: Path) -> Iterator[Article | InputError]:
    """Stream the file line by line (a JSON Lines file may be many GB; reading it whole took
    three times its size in memory), each line decoded on its own: a damaged line (bad bytes,
    the NUL-filled tail a crashed writer leaves) costs that line only. Gzip-compressed files
    are read as such, decompressed as they are read. UTF-16/32 files, which cannot be split
    into lines as bytes, are decoded as a stream of characters. Every line is bounded
    (`bounded_lines`), so a decompression bomb costs one line and no memory."""
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
            encoding = _stream_encoding(head, file)
        except (OSError, EOFError) as exc:
            yield InputError(file=file, reason=f"cannot read: {exc}")
            return
        except InputProblem as exc:
            yield InputError(file=file, line=exc.line, reason=exc.reason)
            return
        limit = max_line_bytes()
        if encoding:  # UTF-16/32: lines of characters, the same bound
            stream = io.TextIOWrapper(stream, encoding=encoding, newline="\n")  # type: ignore[assignment]
        # Lines end at "\n" only, never at U+2028 or U+0085 inside a text.
        lines: Iterable[bytes | str | LineTooLong] = bounded_lines(stream, limit)
        seen_text = False
        n = 0
        try:
            for n, raw in enumerate(lines, 1):
                try:
                    if isinstance(raw, LineTooLong):
                        raise InputProblem(f"line too long: {raw.size:,} {'characters' if encoding else 'bytes'}, "
                                           f"more than an article within the limit takes ({limit:,}; set "
                                           f"KRONIEK_MAX_ARTICLE_CHARS to raise it); not read", file, n)
                    line = raw if isinstance(raw, str) else _decode_line(raw, n, file)
                    if not line.strip():
                        continue
                    seen_text = True
                    yield article_from_record(parse_line(line, file, n), file, n)
                except InputProblem as exc:
                    seen_text = True
                    yield InputError(file=file, line=n, reason=exc.reason)
        except (OSError, EOFError, UnicodeDecodeError) as exc:  # a truncated gzip stream, a read error
            yield InputError(file=file, line=n + 1, reason=f"cannot read further: {exc}")
            return
        if not seen_text:
            yield InputError(file=file, reason="empty file")


def _stream_encoding(head: bytes, file: str) -> str | None:
    """The encoding of UTF-16/32 text (decoded as a stream of characters); InputProblem for a
    binary file (judged on its first 64 KB: no line of it decodes); None for text read as
    lines of bytes."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return enc
    if b"\x00" not in head:
        return None
    try:
        _, enc = decode_bytes(head[: len(head) - len(head) % 2], file)
        return enc if enc.startswith("utf-16") else None
    except InputProblem:
        pass
    for chunk in head.split(b"\n")[:-1] or [head]:
        if b"\x00" not in chunk and chunk.strip():
            return None  # some lines are text: damaged lines are reported one by one
    raise InputProblem("binary file (NUL bytes), not text", file)


@dataclass
class LineTooLong:
    size: int  # bytes (or characters) of the line, skipped unread


def bounded_lines(stream: IO, limit: int) -> Iterator[bytes | str | LineTooLong]:
    """The lines of a binary or text stream, each read only up to `limit`: a longer line
    (a decompression bomb, a dump on one line) is skipped to its end a megabyte at a time,
    never held whole, and stands as a LineTooLong."""
    while True:
        piece = stream.readline(limit + 1)
        if not piece:
            return
        end = b"\n" if isinstance(piece, bytes) else "\n"
        if len(piece) <= limit or piece.endswith(end):
            yield piece
            continue
        size = len(piece)
        del piece
        while True:
            rest = stream.readline(1 << 20)
            size += len(rest)
            if not rest or rest.endswith(end):
                break
        yield LineTooLong(size)


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
