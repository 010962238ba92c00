"""Classes added while widening the benchmark margins (raw text, no Frog).

Reference date 2025-03-10 is a Monday."""
import pytest

from tests.time.helpers import one, tag

D = "2025-03-10"


@pytest.mark.parametrize("sentence, expr, value", [
    # an end before the start on the 12-hour dial is the afternoon
    ("De winkel is open van half acht tot 4 uur.", "van half acht tot 4 uur", "(T07:30,T16,PT8H30M)"),
    ("Het museum is open van 9 tot 5.", "van 9 tot 5", "(T09,T17,PT8H)"),
    # ... but a 24-hour night range crosses midnight
    ("De avondklok geldt van 22.00 tot 6.00 uur.", "van 22.00 tot 6.00 uur", "(T22:00,T06:00,PT8H)"),
])
def test_time_range_end_on_the_12_hour_dial(sentence, expr, value):
    t = tag(sentence, D)[expr]
    assert (t.type, t.value) == ("TIME", value)
