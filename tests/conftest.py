"""Shared fixtures. Tests that need Frog use the real Frog, started once per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The test sets (../shared/corpus/seed, corpus/nl-eval, benchmarks/meantime-nl) are for
# benchmarks/ only: unit tests run on invented text, such as the invented articles of examples/.
# Bulk input of the reliability tests (fake Frog; nothing is judged): the development half of
# the challenge suite, 226 short dated news items.
DEV_CORPUS = SHARED / "eval" / "challenge" / "dev"
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "001_brussel_luchtverdediging.txt"   # invented; dated to the month, header on line 1


def pytest_collection_modifyitems(config, items):
    if shutil.which("frog") is None:
        skip = pytest.mark.skip(reason="Frog is not installed (make setup installs it)")
        for item in items:
            if "frog" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def frog_analyzer():
    """One Frog for the whole test session (starting one costs ~8 s and ~1.9 GB)."""
    from kroniek.analysis.component import FrogAnalyzer
    analyzer = FrogAnalyzer()
    yield analyzer
    analyzer.close()


@pytest.fixture(scope="session")
def analysed(frog_analyzer):
    """analysed(text, date='2025-03-10') -> an Article with sentences and tokens (cached)."""
    from kroniek.reading.jsonl import article_from_record
    cache: dict = {}

    def run(text: str, date: str = "2025-03-10", doc_id: str = "t"):
        key = (text, date)
        if key not in cache:
            a = article_from_record({"id": doc_id, "date": date, "text": text}, "test", 1)
            cache[key] = frog_analyzer(a)
        return cache[key]
    return run


@pytest.fixture(scope="session")
def example_article(frog_analyzer):
    """The invented example article examples/001_…, analysed by Frog."""
    from kroniek.reading.text import read_text_file
    return frog_analyzer(next(iter(read_text_file(EXAMPLE))))


@pytest.fixture(scope="session")
def example_articles(frog_analyzer):
    """All invented articles of examples/ (.txt and .jsonl), analysed by Frog."""
    from kroniek.reading.sources import iter_articles
    from kroniek.records import Article
    return [frog_analyzer(a) for a in iter_articles([EXAMPLES]) if isinstance(a, Article)]
