"""The parse filter: which sentences are parsed, and a parse applied from the second Frog."""
from __future__ import annotations

import pytest

from kroniek.analysis.frog import FrogRow
from kroniek.analysis.parse_filter import FilterLexicon, apply_parse, default_lexicon
from kroniek.records import Article, DocDate, Sentence, Token


def _tokens(spec: str) -> list[Token]:
    """'word/lemma/POS/NER ...' -> tokens of one sentence."""
    out = []
    for i, item in enumerate(spec.split()):
        w, lemma, pos, ner = (item.split("/") + ["O"])[:4]
        out.append(Token(i=i, text=w, start=0, end=0, sent=0, lemma=lemma, pos=pos, ner=ner))
    return out


def test_the_event_lexicon_is_read():
    lex = default_lexicon()
    assert lex.complete and len(lex.predicates) > 50 and lex.nouns and lex.actor_nouns


@pytest.mark.parametrize("spec, expected", [
    # verb predicate + named actor
    ("Rusland/Rusland/SPEC(deeleigen)/B-LOC viel/vallen/WW(pv,verl,ev) Oekraïne/Oekraïne/SPEC(deeleigen)/B-LOC "
     "binnen/binnen/VZ(fin)", True),
    # separable verb found through base lemma + particle, actor is a pronoun
    ("Hij/hij/VNW(pers,pron,nomin,vol,3,ev,masc) kondigde/kondigen/WW(pv,verl,ev) sancties/sanctie/N(soort,mv,basis) "
     "aan/aan/VZ(fin)", True),
    # predicate but no potential actor
    ("Het/het/LID(bep) weer/weer/N(soort,ev) viel/vallen/WW(pv,verl,ev) binnen/binnen/VZ(fin) de/de/LID(bep) "
     "verwachtingen/verwachting/N(soort,mv)", False),
    # actor but no predicate
    ("Minister/minister/N(soort,ev) Brekelmans/Brekelmans/SPEC(deeleigen)/B-PER is/zijn/WW(pv,tgw,ev) "
     "jarig/jarig/ADJ(vrij)", False),
    # nominal event in a compound (vredesgesprekken -> gesprek) with a role noun as actor
    ("De/de/LID(bep) vredesgesprekken/vredesgesprek/N(soort,mv) tussen/tussen/VZ(init) de/de/LID(bep) "
     "regeringen/regering/N(soort,mv) liepen/lopen/WW(pv,verl,mv) vast/vast/ADJ(vrij)", True),
])
def test_needs_parse(spec, expected):
    assert default_lexicon().needs_parse(_tokens(spec)) is expected


def test_a_light_verb_needs_its_object_word():
    lex = default_lexicon()
    with_word = _tokens("Zij/zij/VNW(pers) voerden/voeren/WW(pv,verl,mv) gesprekken/gesprek/N(soort,mv) "
                        "met/met/VZ(init) Macron/Macron/SPEC(deeleigen)/B-PER")
    without = _tokens("Zij/zij/VNW(pers) voerden/voeren/WW(pv,verl,mv) campagne/campagne/N(soort,ev) "
                      "met/met/VZ(init) Macron/Macron/SPEC(deeleigen)/B-PER")
    assert lex.has_predicate(with_word) and not lex.has_predicate(without)


def test_without_a_lexicon_every_sentence_is_parsed(tmp_path):
    lex = FilterLexicon.load(events_dir=tmp_path)   # no verbs.yaml there
    assert not lex.complete
    assert lex.needs_parse(_tokens("Het/het/LID(bep) regent/regenen/WW(pv,tgw,met-t)"))


def test_apply_parse_maps_units_onto_tokens():
    text = "De Verenigde Staten dreigen ."
    toks, pos = [], 0
    for i, w in enumerate(text.split()):
        start = text.index(w, pos)
        pos = start + len(w)
        toks.append(Token(i=i, text=w, start=start, end=pos, sent=0))
    a = Article(id="x", date=DocDate(2025, 3), text=text, tokens=toks,
                sentences=[Sentence(0, 0, len(text), 0, 0, len(toks), parsed=False)])
    rows = [FrogRow(1, "De", "de", "", "LID(bep)", 1, "O", "O", 2, "det"),
            FrogRow(2, "Verenigde_Staten", "Verenigde_Staten", "", "SPEC(deeleigen)_SPEC(deeleigen)", 1, "O", "O", 3, "su"),
            FrogRow(3, "dreigen", "dreigen", "", "WW(pv,tgw,mv)", 1, "O", "O", None, "ROOT"),
            FrogRow(4, ".", ".", "", "LET()", 1, "O", "O", 3, "punct")]
    assert apply_parse(a, a.sentences[0], rows)
    assert [(t.head, t.rel, t.mwu) for t in a.tokens] == [(1, "det", None), (3, "su", 1), (1, "mwp", 1),
                                                           (None, "ROOT", None), (3, "punct", None)]
    assert a.sentences[0].parsed
    a.sentences[0].parsed = False
    assert not apply_parse(a, a.sentences[0], rows[:3])           # words do not match: left unparsed
    assert not a.sentences[0].parsed


@pytest.mark.frog
def test_filtered_analysis_equals_full_analysis_where_parsed(frog_analyzer):
    """Two more Frogs (tagger + parser, ~2.2 GB); a short text."""
    from kroniek.analysis.parse_filter import FilteredFrogAnalyzer
    from kroniek.reading.jsonl import article_from_record
    text = ("Het Russische leger heeft maandag de havenstad Odesa aangevallen met drones. "
            "Het regende de hele dag in de stad.\n\n"
            "President Zelensky veroordeelde de aanval en riep de Verenigde Staten op om meer luchtafweer te sturen. "
            "De schade is nog niet bekend.")
    full = frog_analyzer(article_from_record({"id": "f", "date": "2025-01-20", "text": text}, "t", 1))
    filt = FilteredFrogAnalyzer()
    try:
        part = filt(article_from_record({"id": "f", "date": "2025-01-20", "text": text}, "t", 1))
    finally:
        filt.close()
    assert [(t.text, t.lemma, t.pos, t.ner, t.start) for t in part.tokens] == \
           [(t.text, t.lemma, t.pos, t.ner, t.start) for t in full.tokens]
    assert [s.parsed for s in part.sentences] == [True, False, True, False]
    for s in part.sentences:
        got = [(t.head, t.rel, t.mwu) for t in part.sentence_tokens(s)]
        if s.parsed:
            assert got == [(t.head, t.rel, t.mwu) for t in full.sentence_tokens(s.index)]
        else:
            assert all(h is None for h, r, _ in got if r != "mwp")


@pytest.mark.frog
def test_every_sentence_with_an_event_is_parsed(example_articles):
    """The filter must be a superset of the coder: run the later stages on fully parsed
    articles and check that each event's sentence is one the filter would parse."""
    import copy

    from kroniek.analysis.parse_filter import select_sentences
    from kroniek.pipeline import Pipeline
    pipe = Pipeline(["timex", "actors", "events"])
    n = 0
    for original in example_articles:
        a = pipe(copy.deepcopy(original))
        chosen = set(select_sentences(a))
        for e in a.events:
            for span in e.evidence[:1]:
                s = a.sentence_at(span.start)
                assert s is not None and s.index in chosen, (a.id, e.cameo, a.sentence_text(s))
                n += 1
    assert n >= 10
