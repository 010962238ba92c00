"""The store commands, with a stand-in pipeline so that no Frog is needed."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from kroniek.interfaces.cli import app
from kroniek.reading.sources import iter_articles
from kroniek.records import Article
from tests.store.factory import make_article

runner = CliRunner()


@pytest.fixture
def fake_pipeline(monkeypatch):
    """process_inputs that reads the real inputs and adds the hand-made events; records what it processed."""
    seen: dict = {"processed": [], "kwargs": []}

    def process_inputs(inputs, stages=None, config=None, workers=1, cluster=None, skip_ids=None, stats=None):
        seen["kwargs"].append({"workers": workers, "cluster": cluster, "skip_ids": set(skip_ids or ())})
        for item in iter_articles(inputs):
            if isinstance(item, Article):
                if item.id in (skip_ids or ()):
                    continue
                coded = make_article(item.id, item.date.iso())
                item.sentences, item.events, item.quotes = coded.sentences, coded.events, coded.quotes
                seen["processed"].append(item.id)
            yield item
    monkeypatch.setattr("kroniek.scale.runner.process_inputs", process_inputs)
    return seen


def write_inputs(path, texts: dict[str, str]):
    path.write_text("\n".join(json.dumps({"id": k, "date": "2025-03-11", "title": v, "text": v})
                              for k, v in texts.items()) + "\n", encoding="utf-8")


def test_ingest_skips_unchanged_articles_before_the_pipeline(tmp_path, fake_pipeline):
    db = str(tmp_path / "k.duckdb")
    inp = tmp_path / "in.jsonl"
    write_inputs(inp, {"a1": "een", "a2": "twee"})
    r = runner.invoke(app, ["ingest", str(inp), "--db", db, "--workers", "2", "--batch", "1"])
    assert r.exit_code == 0, r.output
    assert "2 added" in " ".join(r.output.split()) and fake_pipeline["kwargs"][0]["workers"] == 2
    write_inputs(inp, {"a1": "een", "a2": "twee, gewijzigd"})
    r = runner.invoke(app, ["ingest", str(inp), "--db", db])
    assert r.exit_code == 0, r.output
    assert "0 added, 1 replaced, 1 unchanged" in " ".join(r.output.split())
    assert fake_pipeline["kwargs"][1]["skip_ids"] == {"a1"}
    assert fake_pipeline["processed"] == ["a1", "a2", "a2"]


def test_ingest_reports_bad_input_and_exits_1(tmp_path, fake_pipeline):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "a1", "date": "2025-03-11", "text": "een"}\n{"id": "a2", "date": "maart", "text": "x"}\n')
    r = runner.invoke(app, ["ingest", str(inp), "--db", str(tmp_path / "k.duckdb")])
    assert r.exit_code == 1
    out = " ".join(r.output.split())
    assert "in.jsonl:2" in out and "1 added" in out


@pytest.fixture
def db(tmp_path):
    from kroniek.store import Store
    path = tmp_path / "k.duckdb"
    with Store(path) as s:
        s.ingest([make_article("a1", "2025-03-11"), make_article("a2", "2025-04-02")])
    return str(path)


def test_events_formats_and_filters(db):
    r = runner.invoke(app, ["events", "--db", db, "--actor", "RUS", "--format", "json"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert res["total"] == 2 and {e["source"]["code"] for e in res["items"]} == {"RUSMIL"}
    r = runner.invoke(app, ["events", "--db", db, "--mode", "asserted,intended", "--root", "03", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert len(rows) == 4 and {row["root"] for row in rows} == {"03"}
    r = runner.invoke(app, ["events", "--db", db, "--dyad", "USA,UKR", "--since", "2025-04"])
    assert r.exit_code == 0 and "1 events" in r.output and "Oekraïne" in r.output
    r = runner.invoke(app, ["events", "--db", db, "--quadclass", "9"])
    assert r.exit_code == 2 and "quadclass" in r.output


def test_timeline_dyad_actors_article(db):
    r = runner.invoke(app, ["timeline", "--db", db, "--format", "json"])
    days = [e["date"]["day"] for e in json.loads(r.output)["items"]]
    assert days == sorted(days) and len(days) == 6
    r = runner.invoke(app, ["dyad", "USA", "UKR", "--by", "month", "--db", db, "--format", "json"])
    res = json.loads(r.output)
    assert [p["period"] for p in res["periods"]] == ["2025-03-01", "2025-04-01"] and res["totals"]["q2"] == 2
    r = runner.invoke(app, ["dyad", "USA", "UKR", "--by", "week", "--db", db])
    assert r.exit_code == 0 and "Goldstein" in r.output
    r = runner.invoke(app, ["actors", "list", "--db", db, "--format", "csv"])
    assert r.exit_code == 0 and "RUSMIL" in r.output
    r = runner.invoke(app, ["article", "a1", "--db", db])
    assert r.exit_code == 0 and "<b>Let op</b>" in r.output and "Marco Rubio" in r.output
    r = runner.invoke(app, ["article", "zz", "--db", db])
    assert r.exit_code == 2 and "no article" in r.output


def test_export_command(db, tmp_path):
    out = tmp_path / "events.export.CSV"
    r = runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out), "--db", db])
    assert r.exit_code == 0, r.output
    assert len(out.read_text().splitlines()) == 4
    r = runner.invoke(app, ["export", "--format", "parquet", "--db", db])
    assert r.exit_code == 2 and "parquet" in r.output
    r = runner.invoke(app, ["export", "--format", "xml", "--db", db])
    assert r.exit_code == 2


def test_missing_store_is_a_clear_error(tmp_path):
    r = runner.invoke(app, ["events", "--db", str(tmp_path / "nope.duckdb")])
    assert r.exit_code == 2 and "no such store" in r.output


def test_ingest_of_unchanged_inputs_does_not_start_the_pipeline(tmp_path, fake_pipeline):
    db = str(tmp_path / "k.duckdb")
    inp = tmp_path / "in.jsonl"
    write_inputs(inp, {"a1": "een"})
    assert runner.invoke(app, ["ingest", str(inp), "--db", db]).exit_code == 0
    r = runner.invoke(app, ["ingest", str(inp), "--db", db])
    assert r.exit_code == 0 and "1 unchanged" in " ".join(r.output.split())
    assert len(fake_pipeline["kwargs"]) == 1
