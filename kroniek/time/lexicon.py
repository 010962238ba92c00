"""The Dutch time vocabulary (lexicon.yaml, holidays.tsv), loaded once, with number parsing.

The grammar (grammar.py) refers to word classes by name (`{MONTH}`, `{WEEKDAY}`, `{NUM}`,
...); `Lexicon.classes` turns each class into a regular-expression alternation, longest
words first so that "overmorgen" wins over "morgen".
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import yaml

HERE = Path(__file__).resolve().parent
Number = Union[int, float, str]   # str "X": an unspecified amount


def alternation(words) -> str:
    """A non-capturing regex alternation of `words`, longest first; spaces match any white space."""
    parts = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


@dataclass
class Lexicon:
    data: dict
    holidays: dict[str, str]
    numbers: dict[str, Number] = field(default_factory=dict)

    def __post_init__(self):
        n = self.data["numbers"]
        nums: dict[str, Number] = {}
        nums.update(n["units"])
        nums.update(n["teens"])
        nums.update(n["tens"])
        for tw, tv in n["tens"].items():
            for uw, uv in n["units"].items():
                if uw == "één":
                    continue
                link = "ën" if uw.endswith("e") else "en"   # drieëntwintig, vierentwintig
                nums[f"{uw}{link}{tw}"] = uv + tv
        # "tweeëneenhalf", "twee en een half": the amount and a half
        for uw, uv in list(n["units"].items()) + list(n["teens"].items()):
            if uw in ("één", "een") or not isinstance(uv, int) or uv < 2:
                continue
            link = "ën" if uw.endswith("e") else "en"
            nums[f"{uw}{link}eenhalf"] = uv + 0.5
            nums[f"{uw} en een half"] = uv + 0.5
        for w, v in n["large"].items():
            nums[w] = v
        nums.update(n["fractions"])
        nums.update({w: "X" for w in n["vague"]})
        self.numbers = nums

    # --- word classes -------------------------------------------------------
    def classes(self) -> dict[str, str]:
        d = self.data
        parts = alternation(d["parts_of_day"])
        return {
            "MONTH": alternation(d["months"]),
            "MONTHA": alternation(list(d["months"]) + list(d["month_abbreviations"])),
            "WEEKDAY": alternation(d["weekdays"]),
            "DLMONTH": alternation(d["dateline_months"]),
            "WDABBR": r"(?:ma|di|wo|do|vr|za|zo|maan|dins|woens|donder|vrij|zater|zon)(?:d\.|\.)?",
            "PART": parts,
            "PODADV": alternation(d["parts_of_day_adverbs"]).replace("'", "['’‘]"),
            "DAYWORD": alternation(d["day_words"]),
            "UNIT": alternation(d["units"]),
            "DURADJ": alternation(d["duration_adjectives"]),
            "LANG": alternation(d["lang_compounds"]),
            "SETADJ": alternation(k for k, v in d["set_adjectives"].items() if v),
            "DEIC": alternation(d["deictic"]),
            "POS": alternation(d["positions"]),
            "SEASON": alternation(d["seasons"]),
            "AMOD": alternation(d["amount_modifiers"]),
            "VAGUE": alternation(k for k, v in d["vague"].items() if v),
            "NUMW": alternation(self.numbers),
            # Dutch writes decimals with a comma: "5.00 uur" is a clock time, not a duration
            "NUM": r"(?:\d+(?:,\d+)?|½|" + alternation(self.numbers)[3:],
            "ORDW": alternation(d["ordinals"]),
            "HOLIDAY": alternation(self.holidays),
            "DECADEW": alternation(d["decades"]),
        }

    # --- lookups ------------------------------------------------------------
    @staticmethod
    def key(word: str) -> str:
        return re.sub(r"\s+", " ", word.lower().replace("’", "'").replace("‘", "'")).strip().rstrip(".")

    def month(self, word: str) -> Optional[int]:
        k = self.key(word)
        return self.data["months"].get(k) or self.data["month_abbreviations"].get(k)

    def weekday(self, word: str) -> Optional[int]:
        k = self.key(word)
        if k in self.data["weekdays"]:
            return self.data["weekdays"][k]
        for name, n in self.data["weekdays"].items():   # abbreviations: "di", "woensd", "zat"
            if len(k) >= 2 and name.startswith(k.rstrip("d") if len(k) > 3 else k):
                return n
        return None

    def lookup(self, table: str, word: str):
        return self.data[table].get(self.key(word))

    def number(self, word: str) -> Optional[Number]:
        """'dertig' → 30, 'drieëntwintig' → 23, '3,5' → 3.5, 'enkele' → 'X'."""
        k = self.key(word)
        if k == "½":
            return 0.5
        if re.fullmatch(r"\d+", k):
            return int(k)
        if re.fullmatch(r"\d+[,.]\d+", k):
            return float(k.replace(",", "."))
        return self.numbers.get(k)

    def ordinal(self, word: str) -> Optional[int]:
        k = self.key(word)
        m = re.fullmatch(r"(\d{1,2})(?:e|ste|de)?", k)
        if m:
            return int(m.group(1))
        n = self.numbers.get(k)   # "vierentwintig januari"
        return n if isinstance(n, int) else self.data["ordinals"].get(k)


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    with open(HERE / "lexicon.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    holidays: dict[str, str] = {}
    with open(HERE / "holidays.tsv", encoding="utf-8") as fh:
        rows = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            holidays[row["name"].lower()] = row["rule"]
    return Lexicon(data, holidays)
