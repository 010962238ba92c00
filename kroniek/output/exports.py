"""Exports of a store's events: JSON Lines, CSV, Parquet and the GDELT 2.0 event table.

The GDELT layout is the 61 tab-separated columns of the GDELT 2.0 Event Database codebook
(no header line, as in GDELT's own files), filled where kroniek has the field and empty
otherwise, so tools written for GDELT read kroniek output unchanged. Choices:
- DATEADDED is when the article was stored (UTC, YYYYMMDDHHMMSS as in GDELT 2.0).
- GLOBALEVENTID is the store's stable event number; SQLDATE is the event's earliest
  possible day (GDELT's is the day the event took place as best it knows).
- NumMentions/NumSources/NumArticles are 1: each kroniek event row is one mention in one
  article; AvgTone is empty (kroniek does not measure tone).
- IsRootEvent is 1 when the evidence lies in the article's lead paragraph, as in GDELT.
- Actor type codes are the 3-letter parts of the CAMEO actor code after the country
  (USAGOVMIL → GOV, MIL); known-group codes come from IGO/NGO/MNC codes (IGOUNO → UNO).
- ActionGeo is filled from the event's place; GDELT geo country codes are FIPS 10-4, so
  ISO alpha-3 codes are mapped through iso3_fips.tsv (GeoNames).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from ..store.db import Store
from ..store.queries import EVENT_COLUMNS, EventFilter, iter_events

FORMATS = ("jsonl", "csv", "parquet", "gdelt")

# GDELT 2.0 Event Database, in codebook order (GDELT-Event_Codebook-V2.0).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

# CAMEO actor codes whose first part is not a country but an organisation class; the next
# three letters are then GDELT's KnownGroupCode.
GROUP_PREFIXES = {"IGO", "NGO", "NGM", "MNC", "IMG", "UIS"}

# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
GEO_COUNTRY, GEO_WORLD_CITY = 1, 4


@lru_cache(maxsize=1)
def iso3_to_fips() -> dict[str, str]:
    table: dict[str, str] = {}
    with open(Path(__file__).with_name("iso3_fips.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
                continue
            iso3, fips, *_ = line.rstrip("\n").split("\t")
            table[iso3] = fips
    return table


def actor_parts(code: Optional[str], role: Optional[str] = None) -> dict:
    """Split a CAMEO actor code into GDELT's country, known-group and type codes."""
    code = (code or "").upper()
    parts = [code[i:i + 3] for i in range(0, len(code), 3) if len(code[i:i + 3]) == 3]
    out = {"country": "", "group": "", "types": []}
    if not parts:
        if role:
            out["types"] = [role.upper()]
        return out
    rest = parts[1:]
    if parts[0] in GROUP_PREFIXES:
        out["group"] = rest[0] if rest else ""
        rest = rest[1:]
    else:
        out["country"] = parts[0]
    types = list(rest)
    if role and role.upper() not in types:
        types.insert(0, role.upper())
    out["types"] = types[:3]
    return out


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def gdelt_row(e: dict, dateadded: Optional[dt.datetime] = None) -> list[str]:
    """One event (a row of `queries.events`) as the 61 GDELT fields."""
    day: dt.date = e["day"]
    frac = day.year + (day.timetuple().tm_yday - 1) / 365.0 if day else None
    row: dict[str, object] = {c: None for c in GDELT_COLUMNS}
    row.update(GLOBALEVENTID=e["gid"], SQLDATE=day.strftime("%Y%m%d") if day else None,
               MonthYear=day.strftime("%Y%m") if day else None, Year=day.year if day else None,
               FractionDate=f"{frac:.4f}" if frac is not None else None)
    for n, p in (("1", "src"), ("2", "tgt")):
        code = e.get(f"{p}_code")
        if not code and not e.get(f"{p}_text"):
            continue
        parts = actor_parts(code, e.get(f"{p}_role"))
        name = e.get(f"{p}_person") or e.get(f"{p}_text")
        row[f"Actor{n}Code"] = code or e.get(f"{p}_country")
        row[f"Actor{n}Name"] = name.upper() if name else None   # GDELT names are upper case
        row[f"Actor{n}CountryCode"] = e.get(f"{p}_country") or parts["country"] or None
        row[f"Actor{n}KnownGroupCode"] = parts["group"] or None
        for k, t in enumerate(parts["types"], 1):
            row[f"Actor{n}Type{k}Code"] = t
    cameo = e.get("cameo") or ""
    row.update(IsRootEvent=1 if e.get("lead") else 0, EventCode=cameo or None, EventBaseCode=cameo[:3] or None,
               EventRootCode=cameo[:2] or None, QuadClass=e.get("quadclass"), GoldsteinScale=e.get("goldstein"),
               NumMentions=1, NumSources=1, NumArticles=1)
    if e.get("place_text") or e.get("place_country"):
        has_point = e.get("place_lat") is not None and e.get("place_lon") is not None
        iso3 = (e.get("place_country") or "").upper()
        row.update(ActionGeo_Type=GEO_WORLD_CITY if has_point else GEO_COUNTRY,
                   ActionGeo_FullName=e.get("place_text"), ActionGeo_CountryCode=iso3_to_fips().get(iso3),
                   ActionGeo_Lat=e.get("place_lat"), ActionGeo_Long=e.get("place_lon"),
                   ActionGeo_FeatureID=_place(e).get("geonameid"))
    added = dateadded or e.get("article_ingested_at") or dt.datetime.now(dt.timezone.utc)
    row.update(DATEADDED=added.strftime("%Y%m%d%H%M%S"), SOURCEURL=e.get("article_url"))
    return [_fmt(row[c]) for c in GDELT_COLUMNS]


def _place(e: dict) -> dict:
    """The event's place as the coder gave it (with e.g. its GeoNames id), or {}."""
    raw = e.get("place")
    if isinstance(raw, dict):
        return raw
    try:
        return json.loads(raw) if raw else {}
    except ValueError:
        return {}


def _jsonable(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


def event_json(e: dict) -> dict:
    """A stored event in the nested shape of `kroniek extract`'s events.jsonl (plus store fields)."""
    def actor(p: str, span: bool = True) -> Optional[dict]:
        keys = ("text", "code", "country", "role", "person") + (("start", "end") if span else ())
        d = {k: e.get(f"{p}_{k}") for k in keys if e.get(f"{p}_{k}") is not None}
        return d or None
    place = _place(e) or None
    if place is None and (e.get("place_text") or e.get("place_country")):
        place = {k: e.get(f"place_{k}") for k in ("text", "country", "lat", "lon") if e.get(f"place_{k}") is not None}
    return {
        "gid": e["gid"], "doc": e["article_id"], "id": e["event_id"], "cameo": e["cameo"], "root": e["root"],
        "source": actor("src"), "target": actor("tgt"), "mode": e["mode"],
        "date": {"earliest": _jsonable(e["earliest"]), "latest": _jsonable(e["latest"]), "day": _jsonable(e["day"])},
        "plover": e["plover"], "goldstein": e["goldstein"], "quadclass": e["quadclass"],
        "confidence": e["confidence"], "symmetric": e["symmetric"], "place": place,
        "attributed_to": actor("attr", span=False),
        "evidence": ({"start": e["evidence_start"], "end": e["evidence_end"], "text": e["evidence_text"]}
                     if e.get("evidence_start") is not None else None),
        "trigger": ({"start": e["trigger_start"], "end": e["trigger_end"], "text": e["trigger_text"]}
                    if e.get("trigger_start") is not None else None),
        **({"evidence_spans": e["evidence_spans"]} if "evidence_spans" in e else {}),
        "sentence": e["sentence"], "lead": e["lead"], "timex": e["timex"], "rule": e["rule"],
        "article": {"id": e["article_id"], "date": e.get("article_date"), "title": e.get("article_title"),
                    "url": e.get("article_url")},
    }


CSV_COLUMNS = tuple(c for c in EVENT_COLUMNS) + ("article_date", "article_title", "article_url")


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for e in rows:
        out.write(json.dumps(event_json(e), ensure_ascii=False, default=_jsonable) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], out: IO[str], columns: tuple[str, ...] = CSV_COLUMNS,
              header: bool = True) -> int:
    w = csv.writer(out, lineterminator="\n")
    if header:
        w.writerow(columns)
    n = 0
    for e in rows:
        w.writerow(["" if e.get(c) is None else _jsonable(e.get(c)) for c in columns])
        n += 1
    return n


def write_gdelt(rows: Iterable[dict], out: IO[str], dateadded: Optional[dt.datetime] = None) -> int:
    """GDELT rows; DATEADDED is when the article was stored (UTC) unless `dateadded` is given."""
    added = dateadded
    n = 0
    for e in rows:
        out.write("\t".join(gdelt_row(e, added)) + "\n")
        n += 1
    return n


def write_parquet(store: Store, path: Path, f: EventFilter | None = None) -> int:
    """Parquet straight from DuckDB: the flat event columns plus the article's date, title and url."""
    from ..store.queries import SELECT_EVENT, where
    cond, params = where(f or EventFilter())
    cols = ", ".join(f"e.{c}" for c in SELECT_EVENT.split(", "))
    sql = (f"SELECT {cols}, a.date_value AS article_date, a.title AS article_title, a.url AS article_url "
           f"FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE {cond} ORDER BY e.day, e.article_id, e.seq")
    n = store.scalar(f"SELECT count(*) FROM events WHERE {cond}", params)
    # COPY does not take parameters: materialise the selection, then copy it.
    cur = store._cursor()
    try:
        rel = cur.sql(sql, params=params)
        rel.write_parquet(str(path), compression="zstd")
    finally:
        cur.close()
    return n


def export(store: Store, fmt: str, out: Path | str | None, f: EventFilter | None = None) -> int:
    """Write the events matching `f` in `fmt` to `out` (a path; '-' or None for stdout except parquet).
    The GDELT export holds asserted events only unless `f` asks for modes."""
    import sys
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if fmt == "parquet":
        if out in (None, "-"):
            raise ValueError("parquet needs an output file (--out FILE.parquet)")
        return write_parquet(store, Path(out), f)
    if fmt == "gdelt" and not (f and f.mode):
        # GDELT rows are events that happened: announced, denied or hypothetical ones would be misread.
        f = EventFilter(**{**(f.__dict__ if f else {}), "mode": ["asserted"]})
    writer = {"jsonl": write_jsonl, "csv": write_csv, "gdelt": write_gdelt}[fmt]
    rows: Iterator[dict] = iter_events(store, f, with_spans=fmt == "jsonl")
    if out in (None, "-"):
        return writer(rows, sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return writer(rows, fh)


def read_gdelt(path: Path | str) -> list[dict]:
    """Read a GDELT 2.0 event file (no header) into dicts keyed by the published column names."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != len(GDELT_COLUMNS):
                raise ValueError(f"{path}:{n}: {len(fields)} fields, a GDELT 2.0 event row has {len(GDELT_COLUMNS)}")
            rows.append(dict(zip(GDELT_COLUMNS, fields)))
    return rows
