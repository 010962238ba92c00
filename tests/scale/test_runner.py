"""process_inputs: admission (language, duplicates, known ids), worker pool = one process."""
from __future__ import annotations

import json

import pytest

from kroniek.records import Article, InputError
from kroniek.scale.runner import process_inputs
from kroniek.scale.stats import RunStats

from . import fakecomp  # noqa: F401  (registers the "fake" component)


def _corpus(tmp_path, n=13):
    lines = []
    for i in range(n):
        text = f"Artikel {i} over het kabinet.\n\nTweede alinea {i} met meer tekst."
        lines.append({"id": f"a{i}", "date": f"2025-0{1 + i % 3}-1{i % 9}", "text": text})
    lines.append({"id": "dup", "date": "2025-01-10", "text": lines[0]["text"]})   # not the same hash: other id? same date/text
    lines.append({"id": "boom", "date": "2025-01-01", "text": "Dit gaat BOOM in de component."})
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    return p


def _key(items):
    return [(i.id, [e.to_json(i.id) for e in i.events], len(i.tokens)) if isinstance(i, Article)
            else ("error", i.line, i.stage) for i in items]


def test_admission_skips_language_duplicates_and_known(tmp_path):
    from kroniek.scale.runner import Admission
    stats = RunStats()
    adm = Admission(stats, skip_ids={"k"})
    mk = lambda i, text, lang="nl": Article(id=i, date=__import__("kroniek.records", fromlist=["DocDate"]).DocDate(2025, 3), text=text, lang=lang)
    items = [mk("a", "tekst een"), mk("b", "tekst een"), mk("c", "english text", "en"), mk("k", "bekend"),
             InputError(file="x", reason="bad")]
    out = list(adm.filter(items))
    assert [getattr(o, "id", None) for o in out] == ["a", None]
    assert stats.read == 4 and stats.duplicates == 1 and stats.skipped_language == {"en": 1} and stats.skipped_known == 1


def test_workers_give_the_same_result_as_one_process(tmp_path):
    src = _corpus(tmp_path)
    one_stats, two_stats = RunStats(), RunStats()
    one = list(process_inputs([str(src)], ["fake"], stats=one_stats))
    two = list(process_inputs([str(src)], ["fake"], workers=2, stats=two_stats, batch_size=2))
    assert _key(one) == _key(two)
    assert one_stats.failed == two_stats.failed == 2          # the component failure and the broken line
    assert one_stats.duplicates == two_stats.duplicates == 1
    assert two_stats.done == one_stats.done == 13
    pids = {a.meta["pid"] for a in two if isinstance(a, Article)}
    assert 1 <= len(pids) <= 2 and pids.isdisjoint({one[0].meta["pid"]})   # done in the worker processes
    assert set(two_stats.workers) == {f"pid {p}" for p in pids}
    assert all(m["python_mb"] > 0 for m in two_stats.workers.values())
    assert "2 worker processes" in two_stats.summary()


def test_a_dying_worker_loses_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("KRONIEK_FAKE_DIE", "1")
    src = tmp_path / "in.jsonl"
    recs = [{"id": f"a{i}", "date": "2025-03-01", "text": f"Artikel {i}." + (" DIE" if i == 3 else "")} for i in range(8)]
    src.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    out = list(process_inputs([str(src)], ["fake"], workers=2, batch_size=2))
    ids = [o.id if isinstance(o, Article) else o.doc for o in out]
    assert sorted(ids) == sorted(r["id"] for r in recs)       # each article once: processed or failed
    failed = [o for o in out if isinstance(o, InputError)]
    assert [(f.doc, f.stage) for f in failed] == [("a3", "worker")]   # only the article that kills its worker


def test_a_pipeline_that_cannot_be_built_is_a_clear_error_in_workers(tmp_path):
    src = _corpus(tmp_path, n=3)
    with pytest.raises(KeyError, match="unknown pipeline component 'no-such-stage'"):
        list(process_inputs([str(src)], ["no-such-stage"], workers=2))


def test_a_copy_of_a_stored_article_is_a_duplicate():
    from kroniek.records import DocDate
    from kroniek.scale.runner import Admission
    stats = RunStats()
    adm = Admission(stats, skip_ids={"stored"})
    a = Article(id="stored", date=DocDate(2025, 3), text="dezelfde tekst")
    copy = Article(id="web-123", date=DocDate(2025, 3), text="dezelfde tekst")
    assert list(adm.filter([a, copy])) == []
    assert stats.skipped_known == 1 and stats.duplicates == 1
