"""Stages on consecutive articles at once: same results, same order, failures kept per article."""
from __future__ import annotations

import time

import pytest

from kroniek.pipeline import Pipeline
from kroniek.records import Article, DocDate, InputError
from kroniek.scale.overlap import process_overlapped


def _pipe(first, later) -> Pipeline:
    pipe = Pipeline([])
    pipe.components = [("frog", first), ("events", later)]
    return pipe


def _articles(n):
    return [Article(id=f"a{i}", date=DocDate(2025, 3, 1), text=f"tekst {i}") for i in range(n)]


def test_order_results_and_failures():
    def first(a):
        if a.id == "a3":
            raise ValueError("tagger broke")
        a.meta["first"] = True
        return a

    def later(a):
        if a.id == "a5":
            raise KeyError("coder broke")
        a.meta["later"] = a.meta.get("first", False)
        return a
    items = _articles(8)
    items.insert(2, InputError(file="f", reason="unreadable"))
    out = list(process_overlapped(_pipe(first, later), items))
    assert [o.id if isinstance(o, Article) else (o.doc, o.stage) for o in out] == \
        ["a0", "a1", (None, "read"), "a2", ("a3", "pipeline"), "a4", ("a5", "pipeline"), "a6", "a7"]
    assert all(o.meta["later"] for o in out if isinstance(o, Article))
    assert "ValueError: tagger broke" in out[4].reason


def test_steps_run_at_the_same_time():
    def slow(a):
        time.sleep(0.05)
        return a
    start = time.monotonic()
    out = list(process_overlapped(_pipe(slow, slow), _articles(12)))
    assert len(out) == 12
    assert time.monotonic() - start < 12 * 0.1 * 0.8   # sequential would take 1.2 s


def test_a_reader_failure_is_raised():
    def reader():
        yield _articles(1)[0]
        raise RuntimeError("disk gone")
    with pytest.raises(RuntimeError, match="disk gone"):
        list(process_overlapped(_pipe(lambda a: a, lambda a: a), reader()))
