"""The output as a Parquet dataset, partitioned by article month (Hive layout), for big runs.

    DIR/articles/month=2025-03/part-<writer>-00000.parquet
    DIR/events/month=2025-03/part-<writer>-00000.parquet
    DIR/timex/…  DIR/quotes/…  DIR/actors/…  DIR/errors/part-<writer>-00000.parquet

Each table has flat, typed columns for querying (DuckDB, pandas, Spark, Polars read the
folder as one table with a `month` column) and a `json` column that holds the record exactly
as `kroniek extract` writes it, so `kroniek load` rebuilds the articles without loss.
Every row carries the article's content `hash`, so duplicates written by different shards
can be dropped at query or load time.

    duckdb:  SELECT month, cameo, count(*) FROM read_parquet('DIR/events/*/*.parquet', hive_partitioning=1) GROUP BY ALL
    pandas:  pandas.read_parquet('DIR/events')
    spark:   spark.read.parquet('DIR/events')

File names are made from the writer's name (the shard id on a cluster), so a task that is
run again after a worker died overwrites its own files instead of adding rows twice.
Articles dated only to the year go to `month=YYYY-00`.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import Article, InputError, iso_day

TABLES = ("articles", "events", "timex", "quotes", "actors", "errors")
ROWS_PER_FILE = 50_000

_S, _I, _F, _B, _D = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([("id", _S), ("hash", _S), ("date", _S), ("date_precision", _S),
                           ("date_earliest", _D), ("date_latest", _D), ("title", _S), ("url", _S),
                           ("source", _S), ("lang", _S), ("origin", _S), ("line", _I), ("tokens", _I),
                           ("sentences", _I), ("parsed_sentences", _I), ("events", _I), ("json", _S)]),
    "events": pa.schema([("doc", _S), ("hash", _S), ("id", _S), ("cameo", _S), ("plover", _S),
                         ("quadclass", _I), ("goldstein", _F), ("mode", _S), ("confidence", _F),
                         ("earliest", _D), ("latest", _D), ("source_text", _S), ("source_code", _S),
                         ("source_country", _S), ("target_text", _S), ("target_code", _S),
                         ("target_country", _S), ("sentence", _S), ("rule", _S), ("json", _S)]),
    "timex": pa.schema([("doc", _S), ("hash", _S), ("tid", _S), ("text", _S), ("type", _S), ("value", _S),
                        ("earliest", _D), ("latest", _D), ("json", _S)]),
    "quotes": pa.schema([("doc", _S), ("hash", _S), ("id", _S), ("quote", _S), ("speaker", _S),
                         ("direct", _B), ("json", _S)]),
    "actors": pa.schema([("doc", _S), ("hash", _S), ("text", _S), ("code", _S), ("country", _S),
                         ("role", _S), ("kind", _S), ("json", _S)]),
    "errors": pa.schema([("file", _S), ("line", _I), ("doc", _S), ("stage", _S), ("reason", _S)]),
}


def month_of(a: Article) -> str:
    return f"{a.date.year:04d}-{a.date.month or 0:02d}"


def _dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)


def article_rows(a: Article, with_tokens: bool = True) -> dict[str, list[dict]]:
    """The rows one article adds to each table."""
    h = a.content_hash
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    out["articles"].append({
        "id": a.id, "hash": h, "date": a.date.iso(), "date_precision": a.date.precision,
        "date_earliest": a.date.earliest, "date_latest": a.date.latest, "title": a.title, "url": a.url,
        "source": a.source, "lang": a.lang, "origin": a.origin, "line": a.line, "tokens": len(a.tokens),
        "sentences": len(a.sentences), "parsed_sentences": sum(1 for s in a.sentences if s.parsed),
        "events": len(a.events), "json": _dumps({**a.to_json(with_tokens=with_tokens), "meta": a.meta})})
    for e in a.events:
        src, tgt = e.source, e.target
        out["events"].append({
            "doc": a.id, "hash": h, "id": e.id, "cameo": e.cameo, "plover": e.plover,
            "quadclass": e.quadclass, "goldstein": e.goldstein, "mode": e.mode, "confidence": e.confidence,
            "earliest": iso_day(e.earliest), "latest": iso_day(e.latest),
            "source_text": src.text if src else None, "source_code": src.code if src else None,
            "source_country": src.country if src else None, "target_text": tgt.text if tgt else None,
            "target_code": tgt.code if tgt else None, "target_country": tgt.country if tgt else None,
            "sentence": e.sentence, "rule": e.rule, "json": _dumps(e.to_json(a.id))})
    for t in a.timexes:
        out["timex"].append({"doc": a.id, "hash": h, "tid": t.tid, "text": t.text, "type": t.type,
                             "value": t.value, "earliest": iso_day(t.earliest), "latest": iso_day(t.latest),
                             "json": _dumps(t.to_json(a.id))})
    for q in a.quotes:
        sp = q.speaker
        out["quotes"].append({"doc": a.id, "hash": h, "id": q.id, "quote": q.quote,
                              "speaker": (sp.person or sp.text) if sp else None, "direct": q.direct,
                              "json": _dumps(q.to_json(a.id))})
    for m in a.actors:
        out["actors"].append({"doc": a.id, "hash": h, "text": m.text, "code": m.code, "country": m.country,
                              "role": m.role, "kind": m.kind, "json": _dumps(m.to_json(a.id))})
    return out


_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class ParquetDataset:
    """Writes one writer's share of the dataset; `part` names its files (unique per writer)."""

    def __init__(self, folder: str | Path, part: str = "main", with_tokens: bool = True,
                 rows_per_file: int = ROWS_PER_FILE):
        self.folder = Path(folder)
        self.part = _SAFE.sub("_", part)
        self.with_tokens = with_tokens
        self.rows_per_file = rows_per_file
        self.buffers: dict[tuple[str, Optional[str]], list[dict]] = {}
        self.sequence: dict[tuple[str, Optional[str]], int] = {}
        self.counts = {t: 0 for t in TABLES}
        self.files: list[Path] = []

    def write(self, item: Article | InputError) -> None:
        if isinstance(item, InputError):
            self._add("errors", None, [item.to_json()])
            return
        month = month_of(item)
        for table, rows in article_rows(item, self.with_tokens).items():
            if rows:
                self._add(table, month, rows)

    def _add(self, table: str, month: Optional[str], rows: list[dict]) -> None:
        key = (table, month)
        buf = self.buffers.setdefault(key, [])
        buf.extend(rows)
        self.counts[table] += len(rows)
        if len(buf) >= self.rows_per_file:
            self._flush(key)

    def _flush(self, key: tuple[str, Optional[str]]) -> None:
        rows = self.buffers.pop(key, [])
        if not rows:
            return
        table, month = key
        folder = self.folder / table / (f"month={month}" if month else "")
        folder.mkdir(parents=True, exist_ok=True)
        seq = self.sequence.get(key, 0)
        self.sequence[key] = seq + 1
        path = folder / f"part-{self.part}-{seq:05d}.parquet"
        schema = SCHEMAS[table]
        tbl = pa.Table.from_pylist([{c: r.get(c) for c in schema.names} for r in rows], schema=schema)
        tmp = path.with_suffix(".parquet.tmp")
        pq.write_table(tbl, tmp, compression="zstd")
        tmp.replace(path)   # readers never see half a file
        self.files.append(path)

    def close(self) -> None:
        for key in list(self.buffers):
            self._flush(key)

    def __enter__(self) -> "ParquetDataset":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def prepare_folder(folder: str | Path, overwrite: bool = False) -> Path:
    """An empty dataset folder; refuses to mix a new run into an old one unless `overwrite`."""
    folder = Path(folder)
    existing = [folder / t for t in TABLES if (folder / t).exists()]
    if existing and not overwrite:
        raise FileExistsError(f"{folder} already holds a kroniek Parquet dataset; choose another folder "
                              f"or pass --overwrite")
    for p in existing:
        shutil.rmtree(p)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def read_table(folder: str | Path, table: str):
    """One table of the dataset as a pyarrow Table (with the `month` partition column)."""
    import pyarrow.dataset as ds
    path = Path(folder) / table
    if not path.exists():
        return pa.table({c: pa.array([], type=SCHEMAS[table].field(c).type) for c in SCHEMAS[table].names})
    return ds.dataset(path, format="parquet", partitioning="hive", schema=None).to_table()


def _months(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "articles").iterdir() if p.is_dir() and p.name.startswith("month="))


def _read_part(folder: Path, table: str, month: str) -> list[tuple[str, str, str]]:
    """(doc, hash, json) rows of one table in one month folder."""
    path = folder / table / month
    if not path.exists():
        return []
    tbl = pq.ParquetDataset(path).read(columns=["id" if table == "articles" else "doc", "hash", "json"])
    return list(zip(*(tbl.column(i).to_pylist() for i in range(3))))


def iter_dataset_articles(folder: str | Path) -> Iterator[Article]:
    """The articles of a dataset with every layer, month by month, one per content hash."""
    from .revive import article_with_layers
    folder = Path(folder)
    if not (folder / "articles").is_dir():
        raise FileNotFoundError(f"{folder}: not a kroniek Parquet dataset (no articles/ folder)")
    for month in _months(folder):
        # Records keyed by article; a record written twice (the same article in two shards)
        # is the same JSON text, kept once.
        layers: dict[str, dict[tuple[str, str], dict[str, None]]] = {}
        for t in ("events", "timex", "quotes", "actors"):
            layers[t] = {}
            for doc, h, js in _read_part(folder, t, month):
                layers[t].setdefault((doc, h), {})[js] = None
        seen: set[str] = set()   # a hash is a date, title and text: duplicates share the month
        for doc, h, js in _read_part(folder, "articles", month):
            if h in seen:
                continue
            seen.add(h)
            yield article_with_layers(json.loads(js), {t: [json.loads(r) for r in layers[t].get((doc, h), {})]
                                                       for t in layers})
