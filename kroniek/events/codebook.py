"""The CAMEO codebook and the CAMEO→PLOVER table, shipped in kroniek/data (kroniek.resources).

Pure look-ups: `goldstein("0356")`, `plover("072")`, `quadclass("19")`, `cameo_name("057")`.
A code that the tables do not list falls back to its parent (4 digits → 3 → root), the
way CAMEO itself defines sub-codes as refinements of their parent.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Optional

from ..resources import DataFileError, open_data, package_data


@lru_cache(maxsize=1)
def _codebook() -> dict[str, dict]:
    rows = {}
    with open_data("cameo", "cameo-codes.csv") as fh:
        reader = csv.DictReader(fh)
        try:
            for row in reader:
                code = row["code"].strip()
                rows[code] = {"name": row["name"].strip(),
                              "goldstein": float(row["goldstein"]) if row["goldstein"] not in ("", "NA") else None,
                              "description": row.get("description") or ""}
        except (KeyError, ValueError, AttributeError, UnicodeDecodeError) as exc:
            raise DataFileError(fh.name, f"line {reader.line_num}: not the CAMEO codebook's layout "
                                         f"({type(exc).__name__}: {exc})") from exc
    return rows


_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z_]+)\s*(?:,\s*([^,#]*))?(?:,\s*([^#]*))?")


@lru_cache(maxsize=1)
def _plover() -> dict[str, dict]:
    """CAMEO code → {"event", "mode", "context"} from CAMEO2PLOVER-2021.txt, plus the
    package's supplement for the codes that table leaves out (roots 01 and 02)."""
    table: dict[str, dict] = {}
    for opener in (lambda: open_data("plover", "CAMEO2PLOVER-2021.txt"),
                   lambda: open(package_data("events", "lexicon", "plover_supplement.txt"), encoding="utf-8")):
        with opener() as fh:
            for line in fh:
                if line.startswith("~"):
                    break
                m = _PLOVER_LINE.match(line.strip())
                if not m:
                    continue
                code, event, mode, context = m.groups()
                table.setdefault(code, {"event": event, "mode": (mode or "").strip() or None,
                                        "context": (context or "").strip() or None})
    return table


def _lineage(code: str) -> list[str]:
    """The code and its parents: 0356 → [0356, 035, 03]."""
    code = code.strip()
    out = [code]
    if len(code) == 4:
        out.append(code[:3])
    if len(code) >= 3:
        out.append(code[:2])
    return out


def is_code(code: str) -> bool:
    return code in _codebook()


def cameo_name(code: str) -> Optional[str]:
    row = _codebook().get(code)
    return row["name"] if row else None


def goldstein(code: str) -> Optional[float]:
    """The Goldstein conflict-cooperation score (-10 … +10) of a CAMEO code, or of its parent."""
    for c in _lineage(code):
        row = _codebook().get(c)
        if row and row["goldstein"] is not None:
            return row["goldstein"]
    return None


def plover(code: str) -> Optional[str]:
    """The PLOVER event type (AGREE, CONSULT, AID, ASSAULT ...) for a CAMEO code."""
    for c in _lineage(code):
        row = _plover().get(c)
        if row:
            return row["event"]
    return None


def plover_detail(code: str) -> Optional[dict]:
    for c in _lineage(code):
        row = _plover().get(c)
        if row:
            return dict(row)
    return None


def quadclass(code: str) -> int:
    """QuadClass: roots 01–05 verbal cooperation (1), 06–08 material cooperation (2),
    09–13 verbal conflict (3), 14–20 material conflict (4)."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {code!r}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def root(code: str) -> str:
    return code[:2]


def all_codes() -> list[str]:
    return sorted(_codebook())
