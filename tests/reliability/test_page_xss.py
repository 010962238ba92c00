"""In a real browser (Debian's Chromium): an article whose text, title, URL and actor names
carry `<script>`, an `onerror` handler and a `javascript:` URL is shown as text, never run,
in every view, with the security headers `kroniek serve` sends (which the page must work with)."""
from __future__ import annotations

import httpx
import pytest

from kroniek.interfaces.api import create_app
from kroniek.interfaces.security import harden
from kroniek.store import Store
from tests.api.server import running
from tests.browser.conftest import browser, page  # noqa: F401  (fixtures)
from tests.store.factory import make_article

from .test_server_safety import XSS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("xss") / "k.duckdb")
    evil = make_article("evil", "2025-03-20", extra=" " + XSS, url="javascript:window.__xss=1")
    evil.title = "Titel " + XSS
    for e in evil.events:
        if e.source:
            e.source.text += XSS
            e.source.person = "Persoon " + XSS
            e.source.code = "USA<img src=x onerror=window.__xss=1>"
    store.ingest([make_article("a1", "2025-03-11"), evil])
    with running(harden(create_app(store), "127.0.0.1")) as url:
        yield url
    store.close()


def assert_not_run(page) -> None:
    assert page.evaluate("window.__xss") is None
    assert page.locator("main script").count() == 0
    assert page.locator("main img").count() == 0


def test_script_in_article_does_not_run(site, page):
    page.goto(f"{site}/#timeline")
    try:
        page.wait_for_selector(".event-row", timeout=5000)
    except Exception:
        raise AssertionError(f"{page.problems} {page.inner_text('main')[:500]}")
    assert "<script>" in page.inner_text("#timeline") or "<img" in page.inner_text("#timeline")
    assert_not_run(page)

    gid = httpx.get(f"{site}/events", params={"article": "evil", "cameo": "195"}, timeout=10).json()["items"][0]["gid"]
    page.goto(f"{site}/#event/{gid}")
    page.wait_for_selector("#article-text mark")
    assert "<script>window.__xss=1</script>" in page.inner_text("#article-text")
    assert "<script>" in page.inner_text("#article-title")
    assert "Persoon <script>" in page.inner_text("#event-head") or "<script>" in page.inner_text("#view-event")
    assert page.locator("#article-meta a[href^='javascript']").count() == 0
    assert_not_run(page)

    page.goto(f"{site}/#actors")
    page.wait_for_selector(".actor-row")
    assert_not_run(page)
    assert not page.problems, page.problems  # the page works under the Content-Security-Policy
