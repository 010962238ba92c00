"""The worker pool's batching and scheduling: batches bounded by text length, and a slow batch
that does not leave the other workers idle. Frog-free (the fake components)."""
from __future__ import annotations

import json
import os
import time

from kroniek.pipeline import component
from kroniek.records import Article, DocDate, InputError
from kroniek.scale.pool import _batches
from kroniek.scale.runner import process_inputs

from . import fakecomp


class SlowFake(fakecomp.FakeAnalysis):
    """The fake analysis, but an article with SLOW in it takes two seconds."""

    def __call__(self, a: Article) -> Article:
        if "SLOW" in a.text:
            time.sleep(2.0)
        a = super().__call__(a)
        a.meta["done_at"] = time.time()
        return a


@component("slow-fake")
def make_slow_fake() -> SlowFake:
    return SlowFake()


def _art(i: int, chars: int) -> Article:
    return Article(id=f"a{i}", date=DocDate(2025, 3), text="x" * chars)


def test_batches_close_at_the_article_count_or_the_text_length():
    items = [_art(i, 100) for i in range(2)] + [_art(i, 500) for i in range(2, 8)] + [InputError(file="f", reason="r")]
    sizes = [len(b) for b in _batches(items, size=4, workers=2, max_chars=1000)]
    assert sizes[:2] == [1, 1]                       # one article per worker first: every Frog starts at once
    assert sizes[2:] == [2, 2, 2, 1]                 # 2 × 500 characters fill a batch before 4 articles do
    assert [len(b) for b in _batches(items, size=4, workers=2)][2:] == [4, 3]   # no length limit
    flat = [x for b in _batches(items, size=4, workers=2, max_chars=1000) for x in b]
    assert flat == items                             # nothing lost, order kept


def test_a_slow_batch_does_not_idle_the_other_worker(tmp_path):
    src = tmp_path / "in.jsonl"
    recs = [{"id": f"a{i}", "date": "2025-03-01", "text": f"Artikel {i}." + (" SLOW" if i == 0 else "")}
            for i in range(24)]
    src.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    out = list(process_inputs([str(src)], ["slow-fake"], workers=2, batch_size=1))
    assert [a.id for a in out] == [r["id"] for r in recs]          # input order, each once
    slow_done = out[0].meta["done_at"]
    meanwhile = sum(1 for a in out[1:] if a.meta["done_at"] < slow_done)
    # While one worker spends 2 s on the first article, the other goes on with later batches
    # (their results wait for it): more than the 3 it would get if only the batches just
    # behind the slow one in input order were in flight.
    assert meanwhile >= 8, meanwhile
    assert os.getpid() not in {a.meta["pid"] for a in out}
