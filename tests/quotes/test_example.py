"""A whole invented article (examples/001_…): every direct quote with the right speaker,
scored by the shared scorer against the hand list below, and the events inside quotes carry
their attribution."""
from __future__ import annotations

import importlib.util

import pytest

from kroniek.pipeline import available, get_factory
from kroniek.quotes.component import make_quotes

from ..conftest import SHARED

pytestmark = pytest.mark.frog

DOC = "001_brussel_luchtverdediging"
# The direct quotes a careful reader marks in the example, with their speakers.
GOLD = [
    ("Elke nacht vallen er burgerslachtoffers. Europa moet nu laten zien dat het zijn beloftes nakomt",
     "Kaja Kallas", "IGOEEC"),
    ("een regelrechte oorlogsmisdaad", "Kaja Kallas", "IGOEEC"),
    ("Wij nemen onze verantwoordelijkheid", "Caspar Veldkamp", "NLDGOV"),
    ("voorzichtig optimistisch", "Marco Rubio", "USAGOV"),
    ("Wij onderhandelen niet terwijl onze kinderen in schuilkelders slapen", "Andrii Sybiha", "UKRGOV"),
]


def _scorer():
    spec = importlib.util.spec_from_file_location("kroniek_shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def example(example_article):
    a = example_article
    for stage in ("timex", "actors"):
        if available(stage):
            a = get_factory(stage)()(a)
    a = make_quotes()(a)
    if available("events"):
        a = get_factory("events")()(a)
    return a


def test_example_quotes_match_the_hand_list_with_their_speakers(example):
    gold = [{"doc": DOC, "quote": q, "speaker": who, "speaker_code": code} for q, who, code in GOLD]
    system = [q.to_json(example.id) for q in example.quotes]
    result = _scorer().score_quotes(system, gold, verbose=False)
    assert result["recall"] == 1.0 and result["precision"] == 1.0
    assert result["speaker_accuracy"] == 1.0


def test_example_speakers_are_actors(example):
    by_text = {q.quote[:20]: q for q in example.quotes if q.direct}
    veldkamp = by_text["Wij nemen onze veran"]
    assert veldkamp.cue.text == "zei" and "Veldkamp" in (veldkamp.speaker.person or veldkamp.speaker.text)
    if available("actors"):
        assert veldkamp.speaker.code == "NLDGOV"      # "zei hij": the pronoun is the minister before it


def test_events_inside_quotes_are_attributed(example):
    if not example.events:
        pytest.skip("the event coder is not installed")
    ids = {e.id for e in example.events}
    for q in example.quotes:
        assert set(q.events) <= ids
    for e in example.events:
        anchor = e.trigger or (e.evidence[0] if e.evidence else None)
        holders = [q for q in example.quotes if anchor and q.start <= anchor.start and anchor.end <= q.end
                   and not (q.cue and anchor.start < q.cue.end and q.cue.start < anchor.end)]
        if holders and any(q.speaker for q in holders):
            assert e.attributed_to is not None, e.to_json(example.id)
            assert all(e.id in q.events for q in holders)
