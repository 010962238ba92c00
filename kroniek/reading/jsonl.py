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
        raw, _ = decode_bytes(data, file)
    except InputProblem as exc:
        yield InputError(file=file, line=exc.line, reason=exc.reason)
        return
    except OSError as exc:
        yield InputError(file=file, reason=f"cannot read: {exc.strerror or exc}")
        return
    if not raw.strip():
        yield InputError(file=file, reason="empty file")
        return
    for n, line in enumerate(raw.splitlines(), 1):
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
