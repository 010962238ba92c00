"""The plain-text article format of ../shared/corpus: `date YYYY-MM[-DD]`, then the article.

The header may stand on the same line as the first words of the article (as in the seed),
paragraphs are separated by blank lines, and a first short line without a final full stop
is the headline.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..records import Article, DocDate, InputError, InputProblem
from .decode import decode_bytes
from .ids import article_id, name_text
from .limits import max_article_chars
from .paragraphs import headline_of, split_paragraphs

HEADER = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*(?:\r?\n)?")


def parse_text_article(raw: str, doc_id: str, file: str = "") -> Article:
    m = HEADER.match(raw)
    if not m:
        first = raw.lstrip().split("\n", 1)[0][:60]
        raise InputProblem(f"no date header: the file must start with 'date YYYY-MM' or "
                           f"'date YYYY-MM-DD', found {first!r}" if first else "empty file", file, 1)
    try:
        date = DocDate.parse(m.group(1))
    except ValueError as exc:
        raise InputProblem(f"malformed date header: {exc}", file, 1) from None
    offset = m.end()
    # The article starts at the first non-blank character after the header.
    while offset < len(raw) and raw[offset].isspace():
        offset += 1
    text = raw[offset:].rstrip()
    if not text.strip():
        raise InputProblem("no article text after the date header", file, 1)
    paragraphs = split_paragraphs(text)
    return Article(id=doc_id, date=date, text=text, title=headline_of(text, paragraphs),
                   origin=file, text_offset=offset, paragraphs=paragraphs)


def read_text_file(path: Path) -> Iterator[Article | InputError]:
    file = str(path)
    try:
        limit = max_article_chars()
        size = path.stat().st_size
        if size > 4 * limit + 1024:  # more bytes than any article within the limit can take: do not read it
            raise InputProblem(f"article too long: the file holds {size:,} bytes (limit {limit:,} characters; "
                               f"set KRONIEK_MAX_ARTICLE_CHARS to raise it)", file)
        data = path.read_bytes()
        if not data.strip():
            raise InputProblem("empty file", file)
        raw, encoding = decode_bytes(data, file)
        name = name_text(path.name)
        doc_id = article_id(name[:-4] if name.lower().endswith(".txt") else path.stem, file)
        article = parse_text_article(raw, doc_id, file)
        if encoding not in ("utf-8", "utf-8-sig"):
            article.meta["encoding"] = encoding
        yield article
    except InputProblem as exc:
        yield InputError(file=exc.file or file, line=exc.line, reason=exc.reason)
    except OSError as exc:
        yield InputError(file=file, reason=f"cannot read: {exc.strerror or exc}")
