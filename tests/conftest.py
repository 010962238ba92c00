"""Shared fixtures. Tests that need Frog use the real Frog, started once per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "corpus" / "seed"
SEED = SEED_DIR / "000_9f43b64be0762dad.txt"
NL_EVAL = SHARED / "corpus" / "nl-eval"
GOLD = SHARED / "gold"


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
def seed_article(frog_analyzer):
    from kroniek.reading.text import read_text_file
    return frog_analyzer(next(iter(read_text_file(SEED))))


@pytest.fixture(scope="session")
def nl_eval_articles(frog_analyzer):
    from kroniek.reading.sources import iter_articles
    return [frog_analyzer(a) for a in iter_articles([NL_EVAL])]
