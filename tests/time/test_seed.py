"""The time stage on the founding example (raw text, no Frog)."""
from kroniek.reading.text import read_text_file
from kroniek.time import tag_text

from tests.conftest import SEED


def test_seed_expressions_and_intervals():
    a = next(iter(read_text_file(SEED)))
    got = {(t.text.lower(), t.earliest, t.latest) for t in tag_text(a.text, a.date)}
    for t in tag_text(a.text, a.date):
        assert a.text[t.start:t.end] == t.text
    assert ("eind vorige maand", "2025-02-21", "2025-02-28") in got
    assert ("precies een week geleden", "2025-02-22", "2025-03-24") in got
    assert ("een dag later", "2025-02-23", "2025-03-25") in got
