"""Paragraph spans and the headline of an article text."""
from __future__ import annotations

import re

_BLANK_LINES = re.compile(r"\n[ \t\r]*\n\s*")
HEADLINE_MAX_CHARS = 200


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs, trailing white space excluded."""
    spans, start = [], 0
    for m in _BLANK_LINES.finditer(text + "\n\n"):
        chunk = text[start:m.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + len(chunk.rstrip())))
        start = m.end()
    return spans


def headline_of(text: str, paragraphs: list[tuple[int, int]]) -> str | None:
    """A first short line without a final full stop is the headline."""
    if not paragraphs:
        return None
    s, e = paragraphs[0]
    first_line = text[s:e].split("\n", 1)[0].strip()
    if first_line and len(first_line) <= HEADLINE_MAX_CHARS and not first_line.endswith((".", "…")):
        return first_line
    return None
