"""The vocabulary files, clause tense, the pipeline component and the `kroniek timex` command."""
import json

import pytest
from typer.testing import CliRunner

from kroniek.records import Article, DocDate, Sentence, Token
from kroniek.time.grammar import RULES, compile_rules
from kroniek.time.lexicon import load
from kroniek.time.resolve import holiday_day
from kroniek.time.tense import tense_from_text, tense_from_tokens


def test_lexicon_is_complete_and_consistent():
    lex = load()
    assert sorted(lex.data["months"].values()) == list(range(1, 13))
    assert sorted(lex.data["weekdays"].values()) == list(range(1, 8))
    assert set(lex.data["parts_of_day"].values()) <= {"MO", "AF", "EV", "NI", "DT"}
    assert set(lex.data["units"].values()) <= {"S", "MIN", "H", "D", "W", "WE", "M", "Q", "Y", "DE", "CE"}
    assert set(v for v in lex.data["vague"].values() if v) <= {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    assert all(-1 <= v <= 1 for v in lex.data["deictic"].values())
    assert lex.number("drieëntwintig") == 23 and lex.number("eenenveertig") == 41 and lex.number("dertig") == 30
    assert lex.number("anderhalf") == 1.5 and lex.number("enkele") == "X"
    assert all(1 <= v <= 31 for v in lex.data["ordinals"].values())


def test_every_holiday_rule_resolves():
    for name in load().holidays:
        d = holiday_day(name, 2025)
        assert d is not None and d.year == 2025, name
    assert holiday_day("pasen", 2024).isoformat() == "2024-03-31"
    assert holiday_day("koningsdag", 2025).isoformat() == "2025-04-26"      # the 27th is a Sunday
    assert holiday_day("prinsjesdag", 2025).isoformat() == "2025-09-16"


def test_rules_compile_and_have_unique_names():
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(r.regex is not None for r in compile_rules())


@pytest.mark.parametrize("sentence, tense", [
    ("Zaterdag demonstreerden duizenden mensen in Den Haag.", "past"),
    ("Zaterdag zullen duizenden mensen demonstreren.", "future"),
    ("Zaterdag heeft de minister het besluit genomen.", "past"),
    ("Zaterdag wordt er gestemd over de wet.", "present"),
    ("De minister zei dat zaterdag de stemming wordt gehouden.", "present"),
])
def test_tense_from_raw_text(sentence, tense):
    i = sentence.lower().index("zaterdag")
    assert tense_from_text(sentence, i, i + 8) == tense


def toks(spec, text):
    """Tokens from (word, pos, head) triples, offsets found in `text`."""
    out, at = [], 0
    for i, (w, pos, head) in enumerate(spec):
        s = text.index(w, at)
        at = s + len(w)
        out.append(Token(i=i, text=w, start=s, end=at, sent=0, lemma=w.lower(), pos=pos, head=head))
    return out


def test_tense_from_frog_tokens_follows_the_head():
    text = "Zaterdag zal hij zeggen dat hij vrijdag vertrok"
    spec = [("Zaterdag", "N(eigen,ev,basis,zijd,stan)", 1), ("zal", "WW(pv,tgw,ev)", None), ("hij", "VNW", 1),
            ("zeggen", "WW(inf,vrij,zonder)", 1), ("dat", "VG(onder)", 3), ("hij", "VNW", 7),
            ("vrijdag", "N(eigen,ev,basis,zijd,stan)", 7), ("vertrok", "WW(pv,verl,ev)", 4)]
    tokens = toks(spec, text)
    tokens[1].lemma = "zullen"
    assert tense_from_tokens(tokens, tokens, 0, 8) == "future"
    i = text.index("vrijdag")
    assert tense_from_tokens(tokens, tokens, i, i + 7) == "past"


def test_component_fills_timexes_with_sentences_and_tids():
    from kroniek.pipeline import get_factory
    text = "Zaterdag vertrok hij. Een dag later kwam hij terug."
    spec0 = [("Zaterdag", "N(eigen,ev,basis,zijd,stan)", 1), ("vertrok", "WW(pv,verl,ev)", None), ("hij", "VNW", 1), (".", "LET()", 1)]
    tokens = toks(spec0, text)
    rest = text.index("Een")
    spec1 = [("Een", "LID", 1), ("dag", "N", 2), ("later", "ADJ", 3), ("kwam", "WW(pv,verl,ev)", None), ("hij", "VNW", 3),
             ("terug", "VZ", 3), (".", "LET()", 3)]
    t1 = toks(spec1, text[rest:])
    for k, t in enumerate(t1):
        t.i, t.start, t.end, t.sent = 4 + k, t.start + rest, t.end + rest, 1
        t.head = None if t.head is None else t.head + 4
    a = Article(id="x", date=DocDate.parse("2025-03-10"), text=text, tokens=tokens + t1,
                sentences=[Sentence(0, 0, rest - 1, 0, 0, 4), Sentence(1, rest, len(text), 0, 4, 11)])
    a = get_factory("timex")()(a)
    assert [(t.text, t.value, t.sent, t.tid) for t in a.timexes] == \
        [("Zaterdag", "2025-03-08", 0, "t1"), ("Een dag later", "2025-03-09", 1, "t2")]
    assert a.timexes[1].anchor == "t1"


def test_timex_command_writes_json_lines(tmp_path):
    from kroniek.interfaces.cli import app
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "d1", "date": "2025-03", "text": "Vandaag en morgen."}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["timex", str(f)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(l) for l in r.stdout.splitlines()]
    assert [(x["doc"], x["text"], x["earliest"], x["latest"]) for x in rows] == \
        [("d1", "Vandaag", "2025-03-01", "2025-03-31"), ("d1", "morgen", "2025-03-02", "2025-04-01")]


def test_timex_command_reports_bad_input(tmp_path):
    from kroniek.interfaces.cli import app
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": "d1", "date": "2025-13", "text": "x"}\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["timex", str(f)])
    assert r.exit_code == 1
    assert "bad.jsonl" in r.output


@pytest.mark.frog
def test_weekday_tense_with_real_frog(analysed):
    from kroniek.pipeline import get_factory
    a = analysed("Zaterdag demonstreerden duizenden mensen. Zaterdag gaan ze opnieuw demonstreren.", "2025-03-10")
    a = get_factory("timex")()(a)
    assert [(t.value, t.sent) for t in a.timexes] == [("2025-03-08", 0), ("2025-03-15", 1)]


def test_component_and_command_can_leave_out_vague_references(tmp_path):
    from kroniek.interfaces.cli import app
    from kroniek.pipeline import get_factory
    a = Article(id="x", date=DocDate.parse("2025-03-10"), text="Nu is het zover, gisteren niet.")
    assert [t.text for t in get_factory("timex")(vague=False)(a).timexes] == ["gisteren"]
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "d1", "date": "2025-03-10", "text": a.text}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["timex", "--no-vague", str(f)])
    assert [json.loads(l)["text"] for l in r.stdout.splitlines()] == ["gisteren"]
