"""Exports, and the GDELT 2.0 round trip with the published column names."""
from __future__ import annotations

import csv
import io
import json

import duckdb

from kroniek.output import exports as X
from kroniek.store import EventFilter

# The GDELT 2.0 Event Database columns as published in the GDELT Event Codebook V2.0,
# written out here independently of kroniek.output.exports so that the test checks it.
PUBLISHED = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode
Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code
Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode
EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type
Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long
Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode
ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()


def test_gdelt_columns_are_the_published_ones():
    assert len(PUBLISHED) == 61
    assert list(X.GDELT_COLUMNS) == PUBLISHED


def test_gdelt_round_trip(filled, tmp_path):
    out = tmp_path / "20250311000000.export.CSV"
    n = X.export(filled, "gdelt", out)
    assert n == 4                                   # asserted events only
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(line.count("\t") == 60 for line in lines)
    # Read back the way GDELT users do: tab-separated, no header, the published names.
    rows = duckdb.read_csv(str(out), delimiter="\t", header=False, names=PUBLISHED, all_varchar=True).fetchall()
    recs = [dict(zip(PUBLISHED, r)) for r in rows]
    events = {r["GLOBALEVENTID"]: r for r in recs}
    stored = {str(e["gid"]): e for e in filled.query("SELECT * FROM events")}
    assert set(events) <= set(stored)
    for gid, r in events.items():
        e = stored[gid]
        assert r["EventCode"] == e["cameo"] and r["EventRootCode"] == e["cameo"][:2]
        assert r["EventBaseCode"] == e["cameo"][:3]
        assert r["SQLDATE"] == e["day"].strftime("%Y%m%d") and r["Year"] == str(e["day"].year)
        assert r["Actor1Code"] == e["src_code"] and r["Actor1CountryCode"] == e["src_country"]
        assert r["QuadClass"] == str(e["quadclass"]) and float(r["GoldsteinScale"]) == e["goldstein"]
        assert r["NumArticles"] == "1" and r["AvgTone"] is None
        assert len(r["DATEADDED"]) == 14
    assault = next(r for r in recs if r["EventCode"] == "195")
    assert assault["ActionGeo_CountryCode"] == "UP"           # FIPS for Ukraine
    assert assault["ActionGeo_Type"] == "4" and float(assault["ActionGeo_Lat"]) == 50.45
    assert assault["ActionGeo_FeatureID"] == "703448" and assault["ActionGeo_FullName"] == "Kyiv"
    assert assault["Actor1Type1Code"] == "MIL" and assault["Actor2Code"] == "UKR"
    urls = {r["SOURCEURL"] for r in recs}
    assert urls == {"https://example.org/a1", "https://example.org/x?a=1&b=2"}
    assert X.read_gdelt(out)[0].keys() == set(PUBLISHED)


def test_gdelt_export_takes_other_modes_when_asked(filled):
    buf = io.StringIO()
    X.write_gdelt(X.iter_events(filled, EventFilter(mode=["intended"])), buf)
    assert len(buf.getvalue().splitlines()) == 2


def test_actor_parts():
    assert X.actor_parts("USAGOVMIL") == {"country": "USA", "group": "", "types": ["GOV", "MIL"]}
    assert X.actor_parts("IGOUNO") == {"country": "", "group": "UNO", "types": []}
    assert X.actor_parts("RUS", "MIL") == {"country": "RUS", "group": "", "types": ["MIL"]}
    assert X.actor_parts(None) == {"country": "", "group": "", "types": []}


def test_jsonl_csv_parquet(filled, tmp_path):
    X.export(filled, "jsonl", tmp_path / "e.jsonl")
    recs = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 6
    r = next(r for r in recs if r["cameo"] == "195")
    assert r["source"]["code"] == "RUSMIL" and r["date"] == {"earliest": "2025-03-10", "latest": "2025-03-10",
                                                              "day": "2025-03-10"}
    assert r["evidence"]["text"] == "Rusland bombardeerde Kyiv op 10 maart"
    assert r["evidence_spans"] == [{"start": 62, "end": 99, "text": "Rusland bombardeerde Kyiv op 10 maart", "sent": 1}]
    X.export(filled, "csv", tmp_path / "e.csv", EventFilter(actor="RUS"))
    rows = list(csv.DictReader(open(tmp_path / "e.csv", encoding="utf-8")))
    assert len(rows) == 2 and rows[0]["src_code"] == "RUSMIL" and rows[0]["article_url"]
    n = X.export(filled, "parquet", tmp_path / "e.parquet")
    assert n == 6
    back = duckdb.connect().execute(f"SELECT count(*), count(DISTINCT gid), any_value(article_title) "
                                    f"FROM '{tmp_path / 'e.parquet'}'").fetchall()[0]
    assert back[0] == 6 and back[1] == 6 and back[2].startswith("Hulp hervat")
