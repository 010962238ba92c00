"""One rule for article ids, whatever reader made them (README, "Article ids").

The store, the output files, the API (`/articles/{id}`) and the web page all key on the id, so
it must be text that every one of them can hold, print and compare:

- from JSON Lines: the `id` field, a string or an integer (written as its digits); a number
  with a fraction or exponent (`1e400` would become "inf"), `true`, a list or an object is
  refused, never turned into text;
- from a file (plain text, HTML): the file name without its ending; a name that is not valid
  UTF-8 is read as Windows-1252, like the file's text;
- normalised: Unicode NFC (the same letters typed two ways are one id) and no white space at
  either end;
- refused: an empty id, one over MAX_ID_CHARS characters, and one with a control character,
  a line or paragraph separator or a lone surrogate (none survives being printed, written as
  UTF-8 or put in a URL intact).

Any other character is allowed, `/` included (`nos/2025/03/123`; the API's path takes it).
"""
from __future__ import annotations

import os
import unicodedata
from typing import Optional

from ..records import InputProblem

MAX_ID_CHARS = 512
_KINDS = {float: "a number with a fraction or exponent", bool: "true or false", list: "a list", dict: "an object"}
_REFUSED_CATEGORIES = {"Cc": "a control character", "Cs": "a lone surrogate",
                       "Zl": "a line separator", "Zp": "a paragraph separator"}


def bad_character(text: str) -> Optional[str]:
    """What is wrong with the first character of `text` that cannot be printed or written as
    UTF-8 intact (`a lone surrogate U+D800 at character 3`), or None."""
    for i, ch in enumerate(text):
        kind = _REFUSED_CATEGORIES.get(unicodedata.category(ch))
        if kind:
            return f"{kind} U+{ord(ch):04X} at character {i + 1}"
    return None


def lone_surrogate(text: str) -> Optional[str]:
    """Where `text` holds a lone surrogate (JSON's "\\ud800" decodes to one; no UTF-8 writer
    takes it), or None."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return None
    i = next(i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff")
    return f"a lone surrogate U+{ord(text[i]):04X} at character {i + 1}"


def article_id(value: object, file: str = "", line: Optional[int] = None) -> str:
    """The id `value` normalised by the rule above; InputProblem (naming file and line) if refused."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        kind = _KINDS.get(type(value), type(value).__name__)
        raise InputProblem(f"id must be a string or an integer, not {kind} ({_shown(value)})", file, line)
    text = str(value) if isinstance(value, int) else value
    if bad := bad_character(text):
        raise InputProblem(f"id holds {bad}; ids must be printable text", file, line)
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        raise InputProblem("empty id", file, line)
    if len(text) > MAX_ID_CHARS:
        raise InputProblem(f"id too long: {len(text):,} characters (at most {MAX_ID_CHARS})", file, line)
    return text


def name_text(name: str) -> str:
    """A file name as text: its bytes as UTF-8, else as Windows-1252 (Python hands a name that
    is not UTF-8 over with surrogate escapes, which no output can hold)."""
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def printable(text: str) -> str:
    """`text` as it can be printed and written as UTF-8: a byte of a file name that was not
    UTF-8 (a surrogate escape) shown as `\\xe9`, any other lone surrogate as `\\ud800`, so a
    message still names the file unambiguously."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return "".join(_escaped(ch) if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
