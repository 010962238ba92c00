"""Queries: every event filter, paging, timeline order, dyad series, actors, article marks."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kroniek.store import EventFilter
from kroniek.store import queries as Q
from tests.store.factory import make_article


def ids(res) -> list[tuple[str, str]]:
    return [(e["article_id"], e["event_id"]) for e in res["items"]]


@pytest.mark.parametrize("f, expected", [
    (EventFilter(), 6),
    (EventFilter(actor="USA"), 4),                    # code prefix: USAGOV, as source
    (EventFilter(actor="usagov"), 4),
    (EventFilter(actor="UKR"), 4),                    # as target
    (EventFilter(source="UKR"), 0),
    (EventFilter(target="UKR"), 4),
    (EventFilter(actor="Marco Rubio"), 2),            # a person's name
    (EventFilter(actor="rubio"), 2),                  # part of a person's name
    (EventFilter(actor="rusland"), 2),                # the actor's text
    (EventFilter(actor="Rus_and"), 0),                # no wildcards from users
    (EventFilter(actor="RUSLAND"), 0),                # capitals are a code
    (EventFilter(actor="%"), 0),
    (EventFilter(text="%"), 0),
    (EventFilter(dyad=("USA", "UKR")), 2),
    (EventFilter(dyad=("UKR", "USA")), 2),            # undirected by default
    (EventFilter(dyad=("UKR", "USA"), directed=True), 0),
    (EventFilter(cameo=["03"]), 4),                   # prefix
    (EventFilter(cameo=["0331"]), 2),
    (EventFilter(cameo=["19", "036"]), 4),
    (EventFilter(root=["19"]), 2),
    (EventFilter(plover=["assault"]), 2),
    (EventFilter(quadclass=[3, 4]), 2),
    (EventFilter(mode=["intended"]), 2),
    (EventFilter(since="2025-03-11"), 4),             # overlap: the intended event runs to 03-31
    (EventFilter(until="2025-03-10"), 2),
    (EventFilter(since="2025-04"), 1),                # a month
    (EventFilter(until="2025-03"), 5),                # until the end of March
    (EventFilter(article_since="2025-04-01"), 3),
    (EventFilter(article_until="2025-03-31"), 3),
    (EventFilter(text="bombardeerde"), 2),
    (EventFilter(text="hulp hervat a2"), 3),          # the article title
    (EventFilter(article="a2"), 3),
    (EventFilter(min_confidence=0.85), 2),
    (EventFilter(actor="USA", mode=["asserted"], until="2025-03-31"), 1),
])
def test_event_filters(filled, f, expected):
    res = Q.events(filled, f, limit=None)
    assert res["total"] == expected == len(res["items"])


def test_bad_filter_values_are_clear_errors(filled):
    with pytest.raises(ValueError, match="since"):
        Q.events(filled, EventFilter(since="March"))
    with pytest.raises(ValueError, match="order"):
        Q.events(filled, order="random")


def test_sql_in_filter_values_is_data(filled):
    assert Q.events(filled, EventFilter(actor="x' OR 1=1 --", text="%' OR '1'='1"))["total"] == 0


def test_paging(filled):
    first = Q.events(filled, limit=4, offset=0)
    second = Q.events(filled, limit=4, offset=4)
    assert first["total"] == second["total"] == 6
    assert len(first["items"]) == 4 and len(second["items"]) == 2
    assert not set(ids(first)) & set(ids(second))


def test_timeline_is_in_date_order_with_evidence_and_article(filled):
    items = Q.timeline(filled)["items"]
    days = [e["day"] for e in items]
    assert days == sorted(days)
    assert items[0]["evidence_text"] == "Rusland bombardeerde Kyiv op 10 maart"
    assert items[0]["article_title"].startswith("Hulp hervat")


def test_dyad_by_week_and_month(store):
    arts = []
    for n, day in enumerate(["2025-03-03", "2025-03-05", "2025-03-20", "2025-05-02"]):
        a = make_article(f"d{n}", day)
        a.events = [dataclasses.replace(a.events[0], earliest=day, latest=day)]   # USA → UKR aid, Goldstein 7.4
        if n == 3:
            a.events.append(dataclasses.replace(a.events[0], id="x", cameo="190", quadclass=4, goldstein=-10.0,
                                                source=a.events[0].target, target=a.events[0].source))
        arts.append(a)
    store.ingest(arts)
    week = Q.dyad(store, "USA", "UKR", by="week")
    periods = {p["period"]: p for p in week["periods"]}
    assert periods[dt.date(2025, 3, 3)]["events"] == 2 and periods[dt.date(2025, 3, 3)]["q2"] == 2
    assert periods[dt.date(2025, 3, 10)]["events"] == 0          # gaps are filled
    assert periods[dt.date(2025, 4, 28)]["q4"] == 1
    assert periods[dt.date(2025, 4, 28)]["goldstein"] == pytest.approx(7.4 - 10.0)
    assert periods[dt.date(2025, 4, 28)]["b_to_a"] == 1
    month = Q.dyad(store, "USA", "UKR", by="month")
    assert [p["events"] for p in month["periods"]] == [3, 0, 2]
    assert month["totals"]["q2"] == 4 and month["totals"]["q4"] == 1
    directed = Q.dyad(store, "USA", "UKR", by="month", directed=True)
    assert directed["totals"]["events"] == 4


def test_dyad_counts_asserted_events_unless_told(filled):
    assert Q.dyad(filled, "USA", "UKR", by="month")["totals"]["events"] == 2
    res = Q.dyad(filled, "RUS", "UKR", by="week", f=EventFilter(mode=["asserted", "intended"]))
    assert res["totals"]["q4"] == 2


def test_dyad_reports_vague_dates(store):
    a = make_article("v1", "2025-03")
    a.events = [dataclasses.replace(a.events[0], earliest="2025-03-01", latest="2025-03-31")]
    store.ingest([a])
    assert Q.dyad(store, "USA", "UKR", by="week")["periods"][0]["imprecise"] == 1
    assert Q.dyad(store, "USA", "UKR", by="month")["periods"][0]["imprecise"] == 0
    middle = Q.dyad(store, "USA", "UKR", by="week", anchor="middle")["periods"]
    assert [p["period"].isoformat() for p in middle] == ["2025-03-10"]      # 2025-03-16 is in that week
    assert Q.dyad(store, "USA", "UKR", by="week", anchor="latest")["periods"][0]["period"].isoformat() == "2025-03-31"


def test_actors(filled):
    res = Q.actors(filled)
    by = {(r["actor"], r["person"]): r for r in res["items"]}
    assert by[("UKR", None)]["as_target"] == 4
    assert by[("RUSMIL", None)]["as_source"] == 2 and by[("RUSMIL", None)]["goldstein_mean"] == -10
    assert by[("USAGOV", "Marco Rubio")]["events"] == 2
    assert Q.actors(filled, search="rubio")["total"] == 1


def test_article_detail_marks_and_segments(filled):
    art = Q.article_detail(filled, "a1")
    assert "".join(s["text"] for s in art["segments"]) == art["text"]
    kinds = {m["kind"] for m in art["marks"]}
    assert {"evidence", "trigger", "quote", "speaker", "timex"} <= kinds
    for m in art["marks"]:
        assert 0 <= m["start"] < m["end"] <= len(art["text"])
    ev = next(e for e in art["events"] if e["event_id"] == "e2")
    assert art["text"][ev["evidence"][0]["start"]:ev["evidence"][0]["end"]] == "Rusland bombardeerde Kyiv op 10 maart"
    assert Q.article_detail(filled, "nope") is None


def test_segments_with_nested_and_overlapping_marks():
    marks = [{"start": 0, "end": 10}, {"start": 5, "end": 15}, {"start": 7, "end": 8}, {"start": 3, "end": 3}]
    segs = Q.segments("abcdefghijklmnopq", marks)
    assert "".join(s["text"] for s in segs) == "abcdefghijklmnopq"
    assert next(s for s in segs if s["start"] == 7)["marks"] == [0, 1, 2]


def test_event_detail_with_quote(filled):
    e3 = next(e for e in Q.events(filled, EventFilter(article="a1"))["items"] if e["event_id"] == "e3")
    detail = Q.event_detail(filled, e3["gid"])
    assert detail["quotes"][0]["speaker_person"] == "Marco Rubio"
    assert detail["article"]["id"] == "a1"
    assert Q.event_detail(filled, 12345) is None
