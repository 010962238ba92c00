"""Bytes to text with a clear verdict: BOM-aware, UTF-8 first, a legacy fallback, binary refused."""
from __future__ import annotations

import codecs

from ..records import InputProblem


def decode_bytes(data: bytes, file: str) -> tuple[str, str]:
    """Return (text, encoding). Raise InputProblem for binary or undecodable data.

    UTF-8 is the norm; a BOM (UTF-8, UTF-16, UTF-32) decides the encoding where present.
    Text that is not UTF-8 but has no control bytes is taken as Windows-1252 (a superset of
    latin-1 for printable text), the usual encoding of older Dutch news archives.
    """
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputProblem(f"broken {enc} text at byte {exc.start}", file) from None
    if b"\x00" in data[:65536]:
        utf16 = _bomless_utf16(data)
        if utf16:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        raise InputProblem("binary file (NUL bytes), not text", file)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 13))
    if controls == 0:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputProblem(f"not UTF-8 text (byte {utf8_error.start})", file, line)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: Latin-script text has a NUL in (nearly) every other byte."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 8:
        return None
    half = len(sample) // 2
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls >= 0.7 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.7 * half and odd_nuls == 0:
        return "utf-16-be"
    return None
