"""JSON Lines: one article a line with `id`, `date`, `text`, optional `title`, `url`, `source`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

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
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(file=file, reason=f"cannot read: {exc.strerror or exc}")
        return
    try:
        # Only "\n" ends a line: str.splitlines() also breaks at U+2028, U+0085, \x1e ...,
        # which JSON strings may hold unescaped, and would cut a good record in two.
        lines: list[str | InputProblem] = list(decode_bytes(data, file)[0].split("\n"))
    except InputProblem as exc:
        salvaged = _decode_line_by_line(data, file)
        if salvaged is None:
            yield InputError(file=file, line=exc.line, reason=exc.reason)
            return
        lines = salvaged
    if not any(isinstance(line, str) and line.strip() for line in lines):
        yield InputError(file=file, reason="empty file")
        return
    for n, line in enumerate(lines, 1):
        if isinstance(line, InputProblem):
            yield InputError(file=file, line=n, reason=line.reason)
            continue
        if not line.strip():
            continue
        try:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputProblem(f"malformed JSON: {exc.msg} (column {exc.colno})", file, n) from None
            yield article_from_record(rec, file, n)
        except InputProblem as exc:
            yield InputError(file=file, line=n, reason=exc.reason)


def _decode_line_by_line(data: bytes, file: str) -> list[str | InputProblem] | None:
    """A file that does not decode as a whole (NUL bytes, a stretch of bad bytes) is decoded
    line by line, so a damaged line (such as the NUL-filled tail a crashed writer leaves)
    costs that line only. None when no line decodes: then the file is not text at all."""
    out: list[str | InputProblem] = []
    for n, chunk in enumerate(data.split(b"\n"), 1):
        try:
            out.append(decode_bytes(chunk, file)[0])
        except InputProblem as exc:
            reason = "NUL bytes in this line: damaged or binary data" if "NUL" in exc.reason else exc.reason
            out.append(InputProblem(reason, file, n))
    return out if any(isinstance(x, str) and x.strip() for x in out) else None
