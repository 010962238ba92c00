"""The store: schema and migrations, idempotent ingest, atomic replacement."""
from __future__ import annotations

import dataclasses

import pytest

from kroniek.records import Event
from kroniek.store import Store, StoreError, event_gid
from kroniek.store import db as store_db
from kroniek.store.schema import MIGRATIONS, Migration
from tests.store.factory import make_article


def test_new_store_has_latest_schema_and_reopens_without_migrating(tmp_path):
    path = tmp_path / "k.duckdb"
    with Store(path) as s:
        assert s.version() == MIGRATIONS[-1].version
    with Store(path) as s:
        assert s.migrate() == []
        assert s.scalar("SELECT count(*) FROM schema_version") == len(MIGRATIONS)


def test_migration_is_applied_to_an_older_file(tmp_path):
    path = tmp_path / "k.duckdb"
    with Store(path) as s:
        s.ingest([make_article()])
    extra = Migration(MIGRATIONS[-1].version + 1, "a column for tone", ("ALTER TABLE events ADD COLUMN tone DOUBLE",))
    with Store(path, migrations=(*MIGRATIONS, extra)) as s:
        assert s.version() == extra.version
        assert s.scalar("SELECT count(tone) FROM events") == 0
        assert s.scalar("SELECT count(*) FROM events") == 3


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "k.duckdb"
    with Store(path) as s:
        s.con.execute("INSERT INTO schema_version VALUES (999, 'from the future', now())")
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_not_a_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    with pytest.raises(StoreError, match="bad.duckdb"):
        Store(bad)


def test_ingest_is_idempotent_by_id_and_content_hash(store):
    assert store.ingest([make_article("a1")]).added == ["a1"]
    before = store.counts()
    again = store.ingest([make_article("a1")])
    assert again.unchanged == ["a1"] and not again.added and not again.replaced
    assert store.counts() == before


def test_changed_article_replaces_all_its_rows(store):
    store.ingest([make_article("a1"), make_article("a2")])
    changed = make_article("a1", extra=" Nieuwe zin.")
    changed.events = changed.events[:1]
    changed.quotes = []
    res = store.ingest([changed])
    assert res.replaced == ["a1"]
    assert store.scalar("SELECT count(*) FROM events WHERE article_id = 'a1'") == 1
    assert store.scalar("SELECT count(*) FROM evidence WHERE article_id = 'a1'") == 1
    assert store.scalar("SELECT count(*) FROM quotes WHERE article_id = 'a1'") == 0
    assert store.scalar("SELECT count(*) FROM articles WHERE id = 'a1'") == 1
    assert store.scalar("SELECT text FROM articles WHERE id = 'a1'").endswith("Nieuwe zin.")
    assert store.scalar("SELECT count(*) FROM events WHERE article_id = 'a2'") == 3  # untouched


def test_a_failure_mid_batch_leaves_no_partial_article(store, monkeypatch):
    store.ingest([make_article("a1")])
    before = store.counts()
    real = store_db.Store._insert

    def failing(self, table, rows):
        if table == "evidence":
            raise RuntimeError("disk full")
        return real(self, table, rows)
    monkeypatch.setattr(store_db.Store, "_insert", failing)
    with pytest.raises(RuntimeError):
        store.ingest([make_article("a1", extra=" gewijzigd"), make_article("a3")])
    monkeypatch.undo()
    assert store.counts() == before
    assert store.scalar("SELECT count(*) FROM articles WHERE id = 'a3'") == 0
    assert not store.scalar("SELECT text FROM articles WHERE id = 'a1'").endswith("gewijzigd")


def test_event_numbers_are_stable_across_reingest(store):
    store.ingest([make_article("a1")])
    gids = store.query("SELECT gid FROM events ORDER BY gid")
    store.ingest([make_article("a1", extra=" x")])
    assert store.query("SELECT gid FROM events ORDER BY gid") == gids
    assert gids[0]["gid"] < 2 ** 53 and event_gid("a1", "e1") in {g["gid"] for g in gids}


def test_stored_spans_point_into_the_article_text(filled):
    rows = filled.query('SELECT a.text, v.start, v."end", v.text AS span FROM evidence v JOIN articles a ON a.id = v.article_id')
    assert rows and all(r["text"][r["start"]:r["end"]] == r["span"] for r in rows)


def test_events_without_ids_or_dates_are_stored(store):
    a = make_article("a1")
    a.events = [dataclasses.replace(e, id="", earliest=None, latest=None) for e in a.events]
    a.events.append(dataclasses.replace(a.events[0], id="e1"))  # an id given twice must not merge two events
    store.ingest([a])
    rows = store.query("SELECT event_id, day FROM events ORDER BY seq")
    assert [r["event_id"] for r in rows] == ["e1", "e2", "e3", "e1'"]
    assert {r["day"].isoformat() for r in rows} == {"2025-03-11"}  # the article's date


def test_malformed_dates_and_scores_do_not_stop_ingest(store):
    a = make_article("a1")
    a.events[0] = dataclasses.replace(a.events[0], earliest="2025-02-30", goldstein="n/a")
    store.ingest([a])
    row = store.query("SELECT earliest, goldstein FROM events WHERE event_id = 'e1'")[0]
    assert row == {"earliest": None, "goldstein": None}


def test_version_1_store_gets_last_day_from_migration_2(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path, migrations=MIGRATIONS[:1]) as old:
        assert old.version() == 1
        old.con.execute("INSERT INTO events (gid, article_id, event_id, earliest, latest, day, article_latest) VALUES "
                        "(1, 'a', 'e1', DATE '2025-03-01', DATE '2025-03-31', DATE '2025-03-01', DATE '2025-03-31'), "
                        "(2, 'a', 'e2', NULL, NULL, DATE '2025-03-01', DATE '2025-03-31')")
    with Store(path) as s:
        assert s.version() == MIGRATIONS[-1].version
        assert [r["last_day"].isoformat() for r in s.query("SELECT last_day FROM events ORDER BY gid")] == \
            ["2025-03-31", "2025-03-31"]


def test_a_store_in_use_by_another_process_is_a_clear_error(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r}); "
                               "print('ready', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="another kroniek is writing"):
            Store(path, read_only=True)
    finally:
        holder.kill()
        holder.wait(10)
