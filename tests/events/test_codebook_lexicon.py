"""Codebook look-ups, lexicon validation, dating and merging as pure functions (no Frog)."""
from __future__ import annotations

import pytest

from kroniek.events import codebook, dating, places
from kroniek.events import lexicon as L
from kroniek.events.engine import merge_events
from kroniek.records import ActorRef, DocDate, Event, Span


@pytest.mark.parametrize("code,name,gold,plover,quad", [
    ("0356", "Express intent to de-escalate military engagement", 7.0, "AGREE", 1),
    ("072", "Provide military aid", 8.3, "AID", 2),
    ("1622", "Reduce or stop military assistance", -5.6, "SANCTION", 4),
    ("112", "Accuse", -2.0, "ACCUSE", 3),
    ("192", "Occupy territory", -9.5, "COERCE", 4),
    ("010", "Make statement", 0.0, "STATEMENT", 1),
])
def test_codebook_lookups(code, name, gold, plover, quad):
    assert codebook.cameo_name(code) == name
    assert codebook.goldstein(code) == pytest.approx(gold)
    assert codebook.plover(code) == plover
    assert codebook.quadclass(code) == quad


def test_quadclass_boundaries():
    assert [codebook.quadclass(f"{r:02d}") for r in (1, 5, 6, 8, 9, 13, 14, 20)] == [1, 1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError):
        codebook.quadclass("21")


def test_every_code_has_a_plover_type_and_goldstein():
    for code in codebook.all_codes():
        assert codebook.plover(code), code
        assert codebook.goldstein(code) is not None, code


def test_lexicon_covers_all_twenty_roots_with_valid_codes():
    lex = L.load()
    roots = set()
    for entries in list(lex.verbs.values()) + list(lex.nouns.values()):
        for e in entries:
            assert codebook.is_code(e.code), e.name
            roots.add(e.code[:2])
            for rule in e.objects:
                assert rule.code == L.NO_EVENT or codebook.is_code(rule.code), e.name
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_bad_lexicon_code_is_refused():
    with pytest.raises(L.LexiconError):
        L._check_code("999", "verbs.yaml entry 1")


def test_object_rules_choose_subcodes():
    lex = L.load()
    words = [("militair", "militaire"), ("hulp", "hulp")]
    entry = next(e for e in lex.verbs["leveren"] if e.with_any)
    assert L.choose_code(entry, words) == "072"
    pause = next(e for e in lex.verbs["pauzeren"] if e.code.startswith("162"))
    assert L.choose_code(pause, [("alle", "alle"), ("militair", "militaire"), ("hulp", "hulp")]) == "1622"
    share = next(e for e in lex.verbs["delen"] if e.code.startswith("06"))
    assert L.choose_code(share, [("inlichting", "inlichtingen")]) == "064"


def test_compound_nouns_find_their_head():
    lex = L.load()
    assert lex.noun_entries("vredesgesprekken") or lex.noun_entries("vredesgesprek")
    assert lex.noun_entries("oorlog") == []          # a state, not an event


def test_regular_verb_forms_recover_mistagged_verbs():
    assert "hint" in L.dutch_verb_forms("hinten")
    assert "pauzeerden" in L.dutch_verb_forms("pauzeren")


def test_pattern_gaps():
    words = [("op", "op"), ("een", "een"), ("gesprek", "gesprek")]
    assert L.find_pattern(("op", "gesprek"), words) == (0, 2)
    assert L.find_pattern(("op", "gesprek"), words, max_gap=0) is None


def test_dating_from_document_and_tense():
    month = DocDate.parse("2025-03")
    assert dating.from_document(month, "past", "asserted") == ("2025-03-01", "2025-03-31")
    day = DocDate.parse("2025-03-11")
    assert dating.from_document(day, "past", "asserted") == ("2025-03-08", "2025-03-11")
    assert dating.from_document(day, "present", "intended") == ("2025-03-11", "2025-03-18")


def test_places_resolve_dutch_exonyms():
    assert places.resolve("Parijs")["country"] == "FRA"
    assert places.resolve("Jeddah")["country"] == "SAU" and "lat" in places.resolve("Jeddah")
    assert places.resolve("Oekraïne")["country"] == "UKR"
    assert places.resolve("Nergenshuizen") is None
    assert places.resolve("Witte Huis")["country"] == "USA"        # a seat, not a populated place


def _event(code, src, tgt, e, l, text, symmetric=False, timex=None):
    return Event(cameo=code, source=ActorRef(src, src, src), target=ActorRef(tgt, tgt, tgt),
                 earliest=e, latest=l, evidence=[Span(0, len(text), text, 0)], symmetric=symmetric,
                 confidence=0.6, timex=timex)


def test_merging_same_dyad_root_and_date_either_way_round_when_symmetric():
    a = _event("040", "USA", "UKR", "2025-03-01", "2025-03-31", "gesprekken", symmetric=True)
    b = _event("046", "UKR", "USA", "2025-03-10", "2025-03-10", "kwamen bijeen", symmetric=True)
    merged = merge_events([a, b])
    assert len(merged) == 1
    m = merged[0]
    assert len(m.evidence) == 2 and m.cameo == "046" and (m.earliest, m.latest) == ("2025-03-10", "2025-03-10")
    assert m.confidence == pytest.approx(1 - 0.4 * 0.4)


def test_no_merge_across_dates_roots_or_distinct_time_expressions():
    a = _event("162", "USA", "UKR", "2025-02-22", "2025-03-24", "pauzeerden", timex="t1")
    b = _event("162", "USA", "UKR", "2025-02-23", "2025-03-25", "opgeschort", timex="t2")
    c = _event("072", "USA", "UKR", "2025-03-01", "2025-03-31", "leveren")
    d = _event("162", "USA", "UKR", "2022-02-24", "2022-02-24", "toen")
    assert len(merge_events([a, b, c, d])) == 4


def test_component_keeps_the_article_when_the_coder_fails(monkeypatch):
    from kroniek.events import component as comp
    from kroniek.records import Article
    run = comp.make_event_coder()
    a = Article(id="x", date=DocDate.parse("2025-03"), text="Tekst.", origin="in.jsonl", line=7)
    monkeypatch.setattr(comp.EventCoder, "__call__", lambda self, art: 1 / 0)
    out = comp.make_event_coder()(a)
    assert out is a and out.events == [] and "ZeroDivisionError" in out.meta["events_error"]
    assert run(Article(id="y", date=DocDate.parse("2025-03"), text="")).events == []



def test_headline_mention_merges_with_the_dated_lead():
    head = _event("190", "ISR", "PSE", "2025-03-11", "2025-03-11", "valt aan")
    lead = _event("190", "ISR", "PSE", "2025-03-10", "2025-03-10", "heeft gisteren aangevallen", timex="t1")
    merged = merge_events([head, lead], DocDate.parse("2025-03-11"))
    assert len(merged) == 1 and (merged[0].earliest, merged[0].latest) == ("2025-03-10", "2025-03-10")
    old = _event("190", "ISR", "PSE", "2024-01-10", "2024-01-10", "in januari 2024", timex="t2")
    assert len(merge_events([head, old], DocDate.parse("2025-03-11"))) == 2


def test_unanalysed_article_yields_no_events_and_no_error():
    from kroniek.events import component as comp
    from kroniek.records import Article
    a = comp.make_event_coder()(Article(id="z", date=DocDate.parse("2025-03-11"), text="Rusland viel Oekraïne aan."))
    assert a.events == [] and "events_error" not in a.meta
