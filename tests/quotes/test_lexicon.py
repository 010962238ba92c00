"""The attribution lexicon (kroniek/quotes/cues.yaml) loads, is consistent, and bad files fail clearly."""
from __future__ import annotations

import pytest

from kroniek.quotes.lexicon import FRAMES, LexiconError, default_lexicon, load_lexicon


def test_default_lexicon_is_valid_and_covers_the_core_cues():
    lex = default_lexicon()
    for lemma in ("zeggen", "stellen", "benadrukken", "waarschuwen", "verklaren", "melden", "vinden"):
        assert lex.entries(lemma), lemma
    assert "volgens" in lex.sources and "aldus" in lex.sources
    assert {"hij", "zij", "ze"} <= lex.pronouns
    for cues in lex.verbs.values():
        for c in cues:
            assert c.frames <= FRAMES
            assert " " not in c.lemma and "_" not in c.lemma


def test_particle_verbs_need_their_particle_and_glued_lemmas_find_them():
    lex = default_lexicon()
    geven = [c for c in lex.entries("geven") if c.particle == "aan"]
    assert geven, "geven ... aan (gaf aan dat) must be a cue"
    assert [c for c in lex.entries("aangeven") if c.particle == "aan"]
    assert [c for c in lex.entries("aan_geven") if c.particle == "aan"]
    weten = lex.entries("weten")
    assert weten and all(c.governor == "laten" for c in weten), "weten alone is knowledge, not a claim"


def test_rules_and_measures_are_not_sources():
    lex = default_lexicon()
    assert {"plan", "regel", "wet", "mij"} <= lex.not_sources


def test_bad_frame_is_reported_with_file_and_entry(tmp_path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("verbs:\n  zeggen: {frames: [direct, shout]}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues.yaml.*zeggen.*frames"):
        load_lexicon(bad)


def test_multiword_key_without_lemma_is_rejected(tmp_path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("verbs:\n  laten_weten: {frames: [dat]}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="laten_weten"):
        load_lexicon(bad)


def test_broken_yaml_names_the_file(tmp_path):
    bad = tmp_path / "cues.yaml"
    bad.write_text("verbs: [zeggen\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_lexicon(bad)
