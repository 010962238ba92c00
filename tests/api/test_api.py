"""The HTTP API on a real server on the loopback interface."""
from __future__ import annotations

import json

import httpx
import pytest

from kroniek.interfaces.api import create_app
from kroniek.store import Store
from kroniek.store.schema import MIGRATIONS
from tests.api.server import running
from tests.store.factory import make_article


def fake_process(article):
    """Stands in for the pipeline: the hand-made events, anchored in the posted text."""
    coded = make_article(article.id, article.date.iso())
    if article.text.startswith(coded.text[:40]):
        article.events, article.quotes = coded.events, coded.quotes
    return article


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "k.duckdb"
    store = Store(path)
    store.ingest([make_article("a1", "2025-03-11"), make_article("a2", "2025-04-02")])
    with running(create_app(store, process=fake_process)) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def client(base):
    with httpx.Client(base_url=base, timeout=10) as c:
        yield c


def test_health(client):
    h = client.get("/health").json()
    assert h["status"] == "ok" and h["events"] >= 6 and h["schema_version"] == MIGRATIONS[-1].version


def test_events_filters_and_paging(client):
    r = client.get("/events", params={"actor": "RUS"}).json()
    assert r["total"] == 2 and all(e["source"]["code"] == "RUSMIL" for e in r["items"])
    r = client.get("/events", params=[("mode", "asserted"), ("mode", "intended"), ("root", "03"), ("limit", 3)]).json()
    assert r["total"] == 4 and len(r["items"]) == 3 and r["next_offset"] == 3
    r2 = client.get("/events", params=[("root", "03"), ("limit", 3), ("offset", 3)]).json()
    assert len(r2["items"]) == 1 and r2["next_offset"] is None
    r = client.get("/events", params={"dyad": "UKR,USA", "directed": "true"}).json()
    assert r["total"] == 0
    assert client.get("/events", params={"quadclass": "4", "since": "2025-03-10", "until": "2025-03-10"}).json()["total"] == 2


def test_bad_requests_are_clear(client):
    assert client.get("/events", params={"since": "maart"}).status_code == 400
    assert client.get("/events", params={"mode": "maybe"}).json()["detail"].startswith("unknown mode")
    assert client.get("/events", params={"limit": 5000}).status_code == 422
    assert client.get("/events", params={"order": "x"}).status_code == 422
    assert client.get("/events/1").status_code == 404
    assert client.get("/articles/nope").status_code == 404


def test_event_detail_and_article_with_marks(client):
    e = client.get("/events", params={"cameo": "036", "article": "a1"}).json()["items"][0]
    d = client.get(f"/events/{e['gid']}").json()
    assert d["quotes"][0]["speaker_person"] == "Marco Rubio"
    assert d["evidence_spans"][0]["text"] == "We willen deze maand nog een antwoord uit Moskou"
    art = client.get("/articles/a1").json()
    assert "".join(s["text"] for s in art["segments"]) == art["text"]
    ev = [m for m in art["marks"] if m["kind"] == "evidence" and m["event"] == e["gid"]]
    assert art["text"][ev[0]["start"]:ev[0]["end"]] == d["evidence_spans"][0]["text"]
    assert "<b>Let op</b>" in art["text"]          # text is data; the page escapes it


def test_timeline_dyad_actors_articles(client):
    t = client.get("/timeline").json()
    days = [e["date"]["day"] for e in t["items"]]
    assert days == sorted(days)
    d = client.get("/dyad", params={"a": "USA", "b": "UKR", "by": "month"}).json()
    assert d["totals"]["q2"] == 2 and d["periods"][0]["period"] == "2025-03-01"
    assert client.get("/dyad", params={"a": "USA", "b": "UKR", "by": "decade"}).status_code == 422
    a = client.get("/actors", params={"search": "rus"}).json()
    assert a["items"][0]["actor"] == "RUSMIL"
    arts = client.get("/articles").json()
    assert arts["total"] >= 2 and arts["items"][0]["events"] == 3


def test_facets(client):
    f = client.get("/facets", params={"article": "a1"}).json()
    assert {d["value"]: d["n"] for d in f["plover"]} == {"AID": 1, "ASSAULT": 1, "CONSULT": 1}
    assert {d["value"]: d["n"] for d in f["quadclass"]} == {1: 1, 2: 1, 4: 1}
    assert {d["value"] for d in f["mode"]} == {"asserted", "intended"}


def test_post_article_is_idempotent(client):
    text = make_article("p1", "2025-05-01").text
    body = {"id": "p1", "date": "2025-05-01", "text": text, "title": "Gepost", "url": "https://example.org/p1"}
    r = client.post("/articles", json=body)
    assert r.status_code == 200 and r.json() == {"id": "p1", "status": "added", "events": 3, "quotes": 1}
    assert client.post("/articles", json=body).json()["status"] == "unchanged"
    body["text"] = text + " Meer."
    assert client.post("/articles", json=body).json()["status"] == "replaced"
    assert client.get("/events", params={"article": "p1"}).json()["total"] == 3
    assert client.get("/articles/p1").json()["title"] == "Gepost"


def test_post_bad_article(client):
    r = client.post("/articles", json={"id": "x", "date": "dertien maart", "text": "iets"})
    assert r.status_code == 400 and "date" in r.json()["detail"]
    assert client.post("/articles", json={"id": "x", "date": "2025-03-01"}).status_code == 422


def test_export_and_openapi_and_page(client):
    g = client.get("/export", params={"format": "gdelt", "actor": "RUS", "article_until": "2025-04-30"})
    lines = g.text.splitlines()
    assert g.status_code == 200 and len(lines) == 2 and all(len(line.split("\t")) == 61 for line in lines)
    c = client.get("/export", params={"format": "csv"}).text.splitlines()
    assert c[0].startswith("gid,") and sum(line.startswith("gid,") for line in c) == 1
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{gid}", "/timeline", "/dyad", "/actors", "/articles", "/articles/{article_id}"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/articles"]
    docs = client.get("/docs").text
    assert "swagger" in docs.lower() and "cdn.jsdelivr" not in docs      # the docs work offline
    page = client.get("/")
    assert page.status_code == 200 and "kroniek" in page.text
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js            # text goes in as text only
    assert "http://" not in js.replace("http://www.w3.org/2000/svg", "") and "https://" not in js


def test_read_only_server_refuses_posts(tmp_path):
    path = tmp_path / "r.duckdb"
    Store(path).close()
    store = Store(path, read_only=True)
    with running(create_app(store, process=None)) as url:
        r = httpx.post(f"{url}/articles", json={"id": "x", "date": "2025-03-01", "text": "iets"})
        assert r.status_code == 403
    store.close()


def test_concurrent_reads_during_writes(base):
    """Readers keep getting whole answers while articles are being posted."""
    from concurrent.futures import ThreadPoolExecutor

    def read(i):
        with httpx.Client(base_url=base, timeout=20) as c:
            r = c.get("/events", params={"actor": "RUS" if i % 2 else "USA", "limit": 50})
            return r.status_code, r.json()["total"] == len(r.json()["items"]) or r.json()["total"] > 50

    def write(i):
        a = make_article(f"c{i}", "2025-06-01")
        with httpx.Client(base_url=base, timeout=20) as c:
            return c.post("/articles", json={"id": a.id, "date": "2025-06-01", "text": a.text}).status_code, True

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: write(i) if i % 5 == 0 else read(i), range(40)))
    assert all(code == 200 for code, _ in results), results
    assert all(ok for _, ok in results), results
    with httpx.Client(base_url=base) as c:
        assert c.get("/articles", params={"search": "c"}).status_code == 200
        assert all(c.get(f"/articles/c{i}").status_code == 200 for i in range(0, 40, 5))
