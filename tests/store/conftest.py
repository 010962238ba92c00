from __future__ import annotations

import pytest

from kroniek.store import Store
from tests.store.factory import make_article


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "k.duckdb") as s:
        yield s


@pytest.fixture
def filled(store):
    store.ingest([make_article("a1", "2025-03-11"), make_article("a2", "2025-04-02", url="https://example.org/x?a=1&b=2")])
    return store
