"""Shared helpers for the event benchmarks: run the stages after Frog on analysed articles.

`analysed` = JSON Lines of analysed articles (`kroniek extract … --out DIR` writes
DIR/articles.jsonl; the session keeps copies in /tmp/analysed/*/articles.jsonl). Reading
them back lets the event benchmarks run without starting Frog; with `--frog` the texts
are analysed afresh (one Frog process).
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterator

from kroniek.pipeline import available, get_factory
from kroniek.records import Article, article_from_json

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def read_analysed(path: str | Path) -> Iterator[Article]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield article_from_json(json.loads(line))


def analyse_with_frog(paths: list[str | Path]) -> list[Article]:
    from kroniek.analysis.component import FrogAnalyzer
    from kroniek.reading.sources import iter_articles
    frog = FrogAnalyzer()
    try:
        return [frog(a) for a in iter_articles([Path(p) for p in paths])]
    finally:
        frog.close()


class Stages:
    """timex → actors → events (→ quotes) with the time spent in each."""

    def __init__(self, names=("timex", "actors", "quotes", "events")):
        self.stages = [(n, get_factory(n)()) for n in names if available(n)]
        self.seconds = {n: 0.0 for n, _ in self.stages}

    def __call__(self, a: Article) -> Article:
        a.timexes, a.actors, a.events, a.quotes = [], [], [], []
        for name, st in self.stages:
            t = time.perf_counter()
            a = st(a)
            self.seconds[name] += time.perf_counter() - t
        return a


def write_events(articles: list[Article], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "events.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            for e in a.events:
                fh.write(json.dumps(e.to_json(a.id), ensure_ascii=False) + "\n")
    return path
