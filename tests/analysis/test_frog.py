import pytest

pytestmark = pytest.mark.frog


def test_offsets_round_trip_example(example_article):
    a = example_article
    assert len(a.sentences) >= 20
    for t in a.tokens:
        assert a.text[t.start:t.end] == t.text
    covered = {i for t in a.tokens for i in range(t.start, t.end)}
    assert all(i in covered for i, c in enumerate(a.text) if not c.isspace())


def test_offsets_round_trip_all_examples(example_articles):
    assert len(example_articles) == 6
    for a in example_articles:
        assert a.tokens, a.id
        for t in a.tokens:
            assert a.text[t.start:t.end] == t.text, (a.id, t)
        for s in a.sentences:
            assert a.text[s.start:s.end].strip() == a.text[s.start:s.end]


def test_multiword_units_are_split(analysed):
    a = analysed("De Verenigde Staten sturen de conceptverklaring morgen naar het Kremlin.")
    words = [t.text for t in a.tokens]
    assert words[:3] == ["De", "Verenigde", "Staten"]
    assert "naar" in words and "het" in words and "Kremlin" in words
    staten = a.tokens[2]
    assert staten.rel == "mwp" and staten.mwu == 1 and staten.ner == "I-LOC"
    assert a.tokens[1].ner == "B-LOC" and a.tokens[1].rel != "mwp"
    kremlin = next(t for t in a.tokens if t.text == "Kremlin")
    assert kremlin.ner.endswith("LOC")


def test_lemmas_pos_and_parse(analysed):
    a = analysed("Op 2 augustus 1990 vielen Iraakse troepen Koeweit binnen.")
    by = {t.text: t for t in a.tokens}
    assert by["vielen"].lemma == "vallen" and by["vielen"].tag == "WW"
    assert by["troepen"].lemma == "troep"
    assert by["binnen"].rel == "svp" and a.tokens[by["binnen"].head].text == "vielen"
    assert all(t.head is None or 0 <= t.head < len(a.tokens) for t in a.tokens)


def test_restart_after_kill(frog_analyzer):
    frog = frog_analyzer.frog
    first = frog.analyse(["Dit is een zin."])
    frog.proc.kill()
    frog.proc.wait()
    again = frog.analyse(["Dit is een zin."])  # starts a fresh Frog, which the session keeps
    assert [r.word for r in again[0]] == [r.word for r in first[0]]
