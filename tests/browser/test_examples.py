"""End to end: the real pipeline on examples/, stored, served, and read in a real browser."""
from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from kroniek.interfaces.api import create_app
from kroniek.interfaces.security import harden
from kroniek.pipeline import Pipeline
from kroniek.reading.sources import iter_articles
from kroniek.records import Article
from kroniek.store import Store
from kroniek.store import queries
from tests.api.server import running
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.frog, pytest.mark.slow]


@pytest.fixture(scope="module")
def examples_site(frog_analyzer, tmp_path_factory):
    """examples/ through Frog (the session's one Frog) and the later stages, into a store."""
    articles = [a for a in iter_articles([ROOT / "examples"]) if isinstance(a, Article)]
    assert articles, "examples/ holds no readable articles"
    analysed = [frog_analyzer(a) for a in articles]
    with Pipeline(["timex", "actors", "quotes", "events"]) as rest:
        done = [a for a in rest.process(analysed) if isinstance(a, Article)]
    store = Store(tmp_path_factory.mktemp("examples") / "kroniek.duckdb")
    store.ingest(done)
    assert store.ingest(done).unchanged  # idempotent on the real output too
    with running(harden(create_app(store), "127.0.0.1")) as url:
        yield url, store
    store.close()


def test_examples_in_the_browser(examples_site, page, artifacts):
    url, store = examples_site
    if not store.scalar("SELECT count(*) FROM events"):
        pytest.skip("the pipeline found no events in examples/ (event coder not available)")
    top = queries.actors(store, limit=1)["items"][0]
    actor = top["person"] or top["actor"]
    expected = httpx.get(f"{url}/timeline", params={"actor": actor}).json()
    page.goto(f"{url}/#timeline")
    page.wait_for_selector(".event-row")
    page.fill("#filter-actor", actor)
    page.click("#apply")
    expect(page.locator(".event-row")).to_have_count(len(expected["items"]))
    page.locator(".event-row").first.click()
    page.wait_for_selector("#article-text mark.evidence.current")
    first = expected["items"][0]
    shown = "".join(page.locator("#article-text mark.evidence.current").all_inner_texts())
    assert " ".join(shown.split()) == " ".join(first["evidence"]["text"].split())
    page.screenshot(path=str(artifacts / "examples-event.png"), full_page=True)
    # an event that a quote carries, with its speaker, when the pipeline found one
    for e in httpx.get(f"{url}/timeline", params={"limit": 200}).json()["items"]:
        detail = httpx.get(f"{url}/events/{e['gid']}").json()
        if detail["quotes"]:
            page.goto(f"{url}/#event/{e['gid']}")
            page.wait_for_selector("#quote-panel .speaker-name")
            assert page.locator("#article-text mark.evidence.current").count() >= 1
            page.screenshot(path=str(artifacts / "examples-quote.png"), full_page=True)
            break
    page.goto(f"{url}/#dyad?a=USA&b=UKR&by=week&mode=asserted,intended")
    page.wait_for_selector("svg.dyad-svg, #dyad-chart p")
    page.screenshot(path=str(artifacts / "examples-dyad.png"), full_page=True)
    assert not page.problems, page.problems
