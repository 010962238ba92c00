"""Shared by the quote benchmarks: analysed articles in, quotes out (the pipeline's
actors → events → quotes stages, as `kroniek extract` runs them)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from kroniek.pipeline import available, get_factory
from kroniek.records import Article, article_from_json

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def analysed_articles(corpus: Path, articles_jsonl: str | None) -> Iterator[Article]:
    """Pre-analysed articles from a JSON Lines file (`kroniek extract --out DIR` writes
    DIR/articles.jsonl), else the corpus folder run through one Frog."""
    if articles_jsonl:
        with open(articles_jsonl, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield article_from_json(json.loads(line))
        return
    from kroniek.analysis.component import FrogAnalyzer
    from kroniek.reading.sources import iter_articles
    frog = FrogAnalyzer()
    try:
        for a in iter_articles([corpus]):
            if isinstance(a, Article):
                yield frog(a)
    finally:
        frog.close()


def run_stages(articles, stages=("actors", "events", "quotes")) -> Iterator[Article]:
    comps = [get_factory(s)() for s in stages if available(s)]
    for a in articles:
        for c in comps:
            a = c(a)
        yield a
