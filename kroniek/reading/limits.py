"""Checks every reader's articles pass before analysis: size, a date not in the future, unique ids.

They live here, not in each reader, so that every input format (text, JSON Lines, HTML,
WARC, ...) gets the same rules and the same messages.

- Size: an article longer than `max_chars` (default 200 000 characters, about 30 000 words,
  several times the longest long-read) is refused with a clear error rather than truncated:
  such inputs are nearly always a page dump or a concatenated feed, and a silently cut
  article would yield events without saying that part of the text was never read. Frog
  analyses about 4 400 characters a second (measured on nl-eval, one core), so the limit
  also keeps one article well within the analyzer's 120 s time-out. Raise it with
  $KRONIEK_MAX_ARTICLE_CHARS.
- Compressed and crawled input is bounded before it is read whole, since a few hundred KB
  of gzip can hold gigabytes: a JSON Lines line is read only up to `max_line_bytes()` (16
  bytes per character of the article limit, the most JSON escapes can take, plus 1 MB for
  the other fields) and a web page (an HTML file, a WARC record) up to `max_page_bytes()`
  ($KRONIEK_MAX_PAGE_BYTES, default 32 MB: pages carry scripts and markup many times their
  text). What lies beyond is skipped while decompressing, never kept, and the line or
  record is refused; the lines and records after it are read.
- Date: a publication date that starts after tomorrow (one day of slack for time zones
  and embargoes) is a typo or a wrong field, and every relative date ("gisteren",
  "vorige week") would be anchored on it; it is refused.
- Ids: the store and the output files key on the article id. A second article with an id
  already read in this run is refused, saying whether its text differs and where the
  first one came from (text files take their id from the file name, so two folders with
  the same file name collide).
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Optional

from ..records import Article, InputError

DEFAULT_MAX_ARTICLE_CHARS = 200_000
DEFAULT_MAX_PAGE_BYTES = 32 * 1024 * 1024
FUTURE_SLACK = dt.timedelta(days=1)


def max_article_chars() -> int:
    value = os.environ.get("KRONIEK_MAX_ARTICLE_CHARS", "")
    return int(value) if value.strip().isdigit() else DEFAULT_MAX_ARTICLE_CHARS


def max_line_bytes() -> int:
    return 16 * max_article_chars() + (1 << 20)


def max_page_bytes() -> int:
    value = os.environ.get("KRONIEK_MAX_PAGE_BYTES", "")
    return int(value) if value.strip().isdigit() else DEFAULT_MAX_PAGE_BYTES


def _where(a: Article) -> str:
    return f"{a.origin}:{a.line}" if a.line else a.origin


@dataclass
class ArticleChecks:
    max_chars: int = field(default_factory=max_article_chars)
    today: Optional[dt.date] = None
    seen: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (content hash, where)

    def check(self, a: Article) -> Optional[InputError]:
        """None if the article may go on, else the InputError that replaces it."""
        def error(reason: str, line: Optional[int] = a.line) -> InputError:
            return InputError(file=a.origin, line=line, doc=a.id, reason=reason)

        if len(a.text) > self.max_chars:
            return error(f"article too long: {len(a.text):,} characters (limit {self.max_chars:,}; "
                         f"set KRONIEK_MAX_ARTICLE_CHARS to raise it)")
        today = self.today or dt.date.today()
        if a.date.earliest > today + FUTURE_SLACK:
            # A text file's date is on its first line.
            return error(f"date {a.date.iso()} lies in the future (today is {today.isoformat()})",
                         a.line or 1)
        first = self.seen.get(a.id)
        if first is not None:
            digest, where = first
            if digest == a.content_hash:
                return error(f"duplicate id {a.id!r}: the same article was already read from {where}; skipped")
            return error(f"duplicate id {a.id!r} with different text: the first was read from {where}; "
                         f"ids must be unique (a text file takes its id from its file name)")
        self.seen[a.id] = (a.content_hash, _where(a))
        return None
