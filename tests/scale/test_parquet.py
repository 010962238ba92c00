"""The Parquet dataset: partitioned by article month, readable by DuckDB and pyarrow (and so
pandas and Spark), and `kroniek load` brings it into a store without loss or duplicates."""
from __future__ import annotations

import json

import duckdb
import pytest

from kroniek.records import Article
from kroniek.scale.parquet import ParquetDataset, iter_dataset_articles, read_table
from kroniek.scale.runner import process_inputs, write_dataset
from kroniek.scale.stats import RunStats

from . import fakecomp  # noqa: F401


def _inputs(tmp_path):
    recs = [{"id": f"a{i}", "date": ["2025-01-05", "2025-02-07", "2024-12"][i % 3],
             "text": f"Artikel {i} over het kabinet.\n\nTweede alinea van artikel {i}."} for i in range(7)]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n{kapot\n", encoding="utf-8")
    return p


def test_dataset_is_partitioned_by_month_and_readable(tmp_path):
    out = tmp_path / "ds"
    stats = RunStats()
    errors = list(write_dataset([str(_inputs(tmp_path))], str(out), ["fake"], stats=stats))
    assert len(errors) == 1 and errors[0].line == 8
    assert sorted(p.name for p in (out / "events").iterdir()) == ["month=2024-12", "month=2025-01", "month=2025-02"]
    con = duckdb.connect()
    rows = con.execute(f"SELECT month, count(*) FROM read_parquet('{out}/events/*/*.parquet', hive_partitioning=1) "
                       "GROUP BY month ORDER BY month").fetchall()
    assert rows == [("2024-12", 4), ("2025-01", 6), ("2025-02", 4)]            # two events per article
    n_err = con.execute(f"SELECT count(*) FROM read_parquet('{out}/errors/*.parquet')").fetchone()[0]
    assert n_err == 1
    arts = read_table(out, "articles")
    assert arts.num_rows == 7 and "month" in arts.column_names
    assert stats.done == 7 and stats.events == 14


def test_dataset_round_trip_and_duplicate_shards(tmp_path):
    src = _inputs(tmp_path)
    items = [i for i in process_inputs([str(src)], ["fake"]) if isinstance(i, Article)]
    out = tmp_path / "ds"
    with ParquetDataset(out, part="shard-1") as w1:
        for a in items:
            w1.write(a)
    with ParquetDataset(out, part="shard-2") as w2:   # a second shard holding the same articles
        for a in items[:3]:
            w2.write(a)
    back = sorted(iter_dataset_articles(out), key=lambda a: a.id)
    assert [a.id for a in back] == sorted(a.id for a in items)
    by_id = {a.id: a for a in items}
    for a in back:
        orig = by_id[a.id]
        assert [e.to_json(a.id) for e in a.events] == [e.to_json(a.id) for e in orig.events]
        assert a.to_json() == orig.to_json()


def test_load_brings_the_dataset_into_a_store(tmp_path):
    pytest.importorskip("kroniek.store")
    from typer.testing import CliRunner

    from kroniek.interfaces.cli import app
    from kroniek.store import Store
    out = tmp_path / "ds"
    list(write_dataset([str(_inputs(tmp_path))], str(out), ["fake"]))
    db = tmp_path / "k.duckdb"
    runner = CliRunner()
    res = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["load", str(out), "--db", str(db)])               # idempotent
    assert res.exit_code == 0 and "7 unchanged" in res.output
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 7 and store.counts()["events"] == 14


def test_load_refuses_a_folder_that_is_not_a_dataset(tmp_path):
    from typer.testing import CliRunner

    from kroniek.interfaces.cli import app
    res = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "k.duckdb")])
    assert res.exit_code == 2 and "not a kroniek Parquet dataset" in res.output
