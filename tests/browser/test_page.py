"""The web page in a real browser: filter on an actor, open an event, see the evidence highlighted."""
from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from kroniek.interfaces.api import create_app
from kroniek.interfaces.security import harden
from kroniek.store import Store
from tests.api.server import running
from tests.store.factory import make_article

pytestmark = pytest.mark.browser


def norm(s: str) -> str:
    return " ".join(s.split())


def current_evidence(page) -> str:
    return norm("".join(page.locator("#article-text mark.evidence.current").all_inner_texts()))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("web") / "k.duckdb")
    store.ingest([make_article("a1", "2025-03-11"), make_article("a2", "2025-04-02")])
    # as `kroniek serve` runs it: with the security layer (CSP, Host check), so that a page
    # that breaks the policy fails here
    with running(harden(create_app(store), "127.0.0.1")) as url:
        yield url
    store.close()


def test_filter_open_event_and_see_evidence(site, page, artifacts):
    page.goto(f"{site}/#timeline")
    page.wait_for_selector(".event-row")
    assert page.locator(".event-row").count() == 6
    page.fill("#filter-actor", "RUS")
    page.click("#apply")
    expect(page.locator(".event-row")).to_have_count(2)
    assert all("RUSMIL" in t for t in page.locator(".event-row .actors").all_inner_texts())
    assert "actor=RUS" in page.url
    page.select_option("#filter-plover", "ASSAULT")
    page.click("#apply")
    expect(page).to_have_url(re.compile("plover=ASSAULT"))
    expect(page.locator(".event-row")).to_have_count(2)
    page.locator(".event-row").first.click()
    mark = page.wait_for_selector("#article-text mark.evidence.current")
    # the evidence may be cut into several marks where a trigger or time expression sits inside it
    assert current_evidence(page) == "Rusland bombardeerde Kyiv op 10 maart"
    # highlighted: the page's stylesheet gives the current evidence a background
    # (checked without running script in the page: its policy forbids eval)
    expect(page.locator("#article-text mark.evidence.current").first).to_have_css("background-color",
                                                                                   "rgb(255, 212, 59)")
    # Article text is escaped: the markup in it is shown, not run.
    assert page.locator("#article-text b").count() == 0
    assert "<b>Let op</b>" in page.inner_text("#article-text")
    assert page.locator("#event-head").inner_text().count("Rusland") >= 1
    page.screenshot(path=str(artifacts / "event-view.png"), full_page=True)
    assert not page.problems, page.problems


def test_event_with_quote_shows_speaker(site, page, artifacts):
    gid = httpx.get(f"{site}/events", params={"cameo": "036", "article": "a1"}).json()["items"][0]["gid"]
    page.goto(f"{site}/#event/{gid}")
    page.wait_for_selector("#quote-panel .speaker-name")
    assert page.inner_text("#quote-panel .speaker-name") == "Marco Rubio"
    assert norm(page.inner_text("#quote-panel blockquote")) == "We willen deze maand nog een antwoord uit Moskou"
    assert current_evidence(page) == "We willen deze maand nog een antwoord uit Moskou"
    # the other events of the article are linked
    assert page.locator("#sibling-events a").count() == 2
    page.screenshot(path=str(artifacts / "event-quote-view.png"), full_page=True)
    assert not page.problems, page.problems


def test_dyad_chart_and_actor_view(site, page, artifacts):
    page.goto(f"{site}/#dyad?a=USA&b=UKR&by=week&mode=asserted,intended")
    page.wait_for_selector("svg.dyad-svg")
    assert page.locator("svg.dyad-svg rect.q2").count() >= 2     # material cooperation bars
    assert re.search(r"2 cooperation, 0 conflict", page.inner_text("#dyad-summary"))
    page.screenshot(path=str(artifacts / "dyad-view.png"), full_page=True)
    page.goto(f"{site}/#actors")
    page.wait_for_selector(".actor-row")
    page.locator(".actor-row", has_text="RUSMIL").click()
    page.wait_for_selector("#actor-events .event-row")
    assert page.locator("#actor-events .event-row").count() == 2
    assert "UKR" in page.inner_text("#actor-summary")
    assert not page.problems, page.problems
