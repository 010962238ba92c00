"""Frog's rows placed back on the article text (no Frog needed: rows are written by hand)."""
from kroniek.analysis.align import align
from kroniek.analysis.frog import FrogRow


def _rows(words):
    return [FrogRow(index=n, word=w, lemma=w.lower(), morph="", pos="N(soort,ev)", confidence=1.0, ner="O",
                    chunk="O", head=None, rel="") for n, w in enumerate(words, 1)]


def test_a_soft_hyphen_before_a_word_is_skipped_not_a_reason_to_jump_ahead():
    # Frog drops the soft hyphen (U+00AD); the word must be placed right after it, not at the
    # next whole-word occurrence further on
    text = "de \u00adkoning opende de brug. De koning sprak."
    words = ["de", "koning", "opende", "de", "brug", ".", "De", "koning", "sprak", "."]
    _, tokens = align(text, [_rows(words[:6]), _rows(words[6:])], [(0, len(text))])
    assert [text[t.start:t.end] for t in tokens] == words
    assert tokens[1].start == 4


def test_zero_width_space_between_words():
    text = "Kabinet\u200b valt"
    _, tokens = align(text, [_rows(["Kabinet", "valt"])], [(0, len(text))])
    assert [t.text for t in tokens] == ["Kabinet", "valt"]
