"""The time stage on an invented example article dated to the month (raw text, no Frog)."""
from kroniek.reading.text import read_text_file
from kroniek.time import tag_text

from tests.conftest import EXAMPLE


def test_example_expressions_and_intervals():
    a = next(iter(read_text_file(EXAMPLE)))
    got = {(t.text.lower(), t.earliest, t.latest) for t in tag_text(a.text, a.date)}
    for t in tag_text(a.text, a.date):
        assert a.text[t.start:t.end] == t.text
    assert ("9 maart", "2025-03-09", "2025-03-09") in got
    assert ("eind vorige maand", "2025-02-21", "2025-02-28") in got
    # relative to a document date known to the month: a week before any day of March ...
    assert ("precies een week geleden", "2025-02-22", "2025-03-24") in got
    # ... and a day after that
    assert ("een dag later", "2025-02-23", "2025-03-25") in got
