"""Events inside quotes and reported speech carry the speaker; quotes list their events."""
from __future__ import annotations

import pytest

from kroniek.records import ActorRef, Event, Quote, Span
from kroniek.quotes.linking import link_events

TEXT = ('"Rusland heeft onze steden gebombardeerd", zei Zelensky. Volgens de VN zijn er tienduizenden '
        'vluchtelingen. Scholz gaf aan dat Duitsland de leveringen zou hervatten.')


def span(word: str) -> Span:
    i = TEXT.index(word)
    return Span(i, i + len(word), word)


def quote(text: str, speaker: str, direct: bool, cue: str) -> Quote:
    i = TEXT.index(text)
    return Quote(text, i, i + len(text), ActorRef(speaker), direct, cue=span(cue))


def event(eid: str, trigger: str, **kw) -> Event:
    return Event("190", None, None, trigger=span(trigger), evidence=[span(trigger)], id=eid, **kw)


def test_events_inside_take_the_speaker_and_quotes_list_them():
    quotes = [quote("Rusland heeft onze steden gebombardeerd", "Zelensky", True, "zei"),
              quote("Duitsland de leveringen zou hervatten", "Scholz", False, "gaf aan")]
    events = [event("e1", "gebombardeerd"), event("e2", "hervatten"), event("e3", "vluchtelingen")]
    link_events(events, quotes)
    assert events[0].attributed_to.text == "Zelensky"
    assert events[1].attributed_to.text == "Scholz"
    assert events[2].attributed_to is None
    assert quotes[0].events == ["e1"] and quotes[1].events == ["e2"]


def test_the_event_coders_own_attribution_is_kept():
    quotes = [quote("Rusland heeft onze steden gebombardeerd", "Zelensky", True, "zei")]
    ev = event("e1", "gebombardeerd", attributed_to=ActorRef("Kyiv Independent"))
    link_events([ev], quotes)
    assert ev.attributed_to.text == "Kyiv Independent"
    assert quotes[0].events == ["e1"]


def test_the_speech_act_itself_is_not_inside_its_quote():
    q = quote("Scholz gaf aan dat Duitsland de leveringen zou hervatten", "Scholz", False, "gaf aan")
    ev = event("e1", "gaf")
    link_events([ev], [q])
    assert ev.attributed_to is None and q.events == []


def test_innermost_quote_wins_for_a_partial_quote_inside_reported_speech():
    outer = quote("Duitsland de leveringen zou hervatten", "Scholz", False, "gaf aan")
    inner = quote("leveringen zou hervatten", "Rubio", True, "zei")
    ev = event("e1", "hervatten")
    link_events([ev], [outer, inner])
    assert ev.attributed_to.text == "Rubio"
    assert outer.events == ["e1"] and inner.events == ["e1"]


def test_interrupted_quote_counts_only_its_parts():
    a, b = TEXT.index("Rusland heeft"), TEXT.index("steden gebombardeerd")
    q = Quote("Rusland heeft steden gebombardeerd", a, b + len("steden gebombardeerd"), ActorRef("Zelensky"), True,
              parts=[Span(a, a + len("Rusland heeft")), Span(b, b + len("steden gebombardeerd"))])
    inside, between = event("e1", "gebombardeerd"), event("e2", "onze")   # "onze" lies between the parts
    link_events([inside, between], [q])
    assert inside.attributed_to.text == "Zelensky"
    assert between.attributed_to is None and q.events == ["e1"]


@pytest.mark.frog
@pytest.mark.parametrize("text,who", [
    ('"Rusland heeft gisteren Kiev gebombardeerd", zei president Zelensky.', "Zelensky"),
    ("Volgens de Oekraïense regering heeft Rusland dinsdag Kiev aangevallen.", "regering"),
    ("Zelensky zei dat Russische troepen de stad Charkiv hebben beschoten.", "Zelensky"),
])
def test_coded_events_inside_quotes_carry_the_speaker(analysed, text, who):
    from kroniek.pipeline import available, get_factory
    if not available("events"):
        pytest.skip("the event coder is not installed")
    a = analysed(text)
    for stage in ("timex", "actors", "quotes", "events"):
        if available(stage):
            a = get_factory(stage)()(a)
    (q,) = a.quotes
    inside = [e for e in a.events if e.id in q.events]
    if not inside:
        pytest.skip("the event coder coded nothing inside this quote")
    for e in inside:
        assert who in (e.attributed_to.person or e.attributed_to.text)
