"""The knowledge files of the store's outputs: ISO→FIPS codes and the web page's CAMEO labels."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from kroniek.output.exports import iso3_to_fips
from tests.conftest import SHARED

WEB = Path(__file__).resolve().parents[2] / "kroniek" / "interfaces" / "web"


def test_iso3_to_fips_table():
    table = iso3_to_fips()
    assert len(table) > 240
    assert all(re.fullmatch(r"[A-Z]{3}", k) and re.fullmatch(r"[A-Z0-9]{2}", v) for k, v in table.items())
    assert table["USA"] == "US" and table["UKR"] == "UP" and table["DEU"] == "GM" and table["NLD"] == "NL"
    # agrees with GeoNames, where it came from
    with open(SHARED / "data" / "geonames" / "countryInfo.txt", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    assert all(table.get(r[1]) == r[3] for r in rows if r[3] and r[1] != "ISO3")  # (its header line)


def test_cameo_root_labels_match_the_codebook():
    roots = json.loads((WEB / "cameo-roots.json").read_text(encoding="utf-8"))
    assert sorted(roots["roots"]) == [f"{i:02d}" for i in range(1, 21)]
    assert set(roots["quadclasses"]) == {"1", "2", "3", "4"}
    with open(SHARED / "data" / "cameo" / "cameo-codes.csv", encoding="utf-8") as fh:
        names = {r["code"]: r["name"] for r in csv.DictReader(fh) if len(r["code"]) == 2}
    for code, (label, quad) in roots["roots"].items():
        assert label.lower().split()[0] in names[code].lower(), (code, label, names[code])
        assert quad in (1, 2, 3, 4)
