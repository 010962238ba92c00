"""Dutch language analysis: Frog's tokens, lemmas, POS, named entities and dependency parse."""
