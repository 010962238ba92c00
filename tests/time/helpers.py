from kroniek.records import DocDate
from kroniek.time import tag_text


def tag(text: str, date: str = "2025-03-10"):
    """{expression text (lower case): Timex} for `text` dated `date`."""
    out = {}
    for t in tag_text(text, DocDate.parse(date)):
        assert text[t.start:t.end] == t.text
        out.setdefault(t.text.lower(), t)
    return out


def one(text: str, date: str = "2025-03-10"):
    found = tag_text(text, DocDate.parse(date))
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]
