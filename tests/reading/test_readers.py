import json
from pathlib import Path

import pytest

from kroniek.reading.sources import iter_articles
from kroniek.records import Article, DocDate, InputError

from ..conftest import EXAMPLE, EXAMPLES


def read(*paths):
    items = list(iter_articles(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def test_month_precision_with_the_header_on_the_first_line():
    (a,), errs = read(EXAMPLE)   # invented example: "date 2025-03 De ministers …"
    assert not errs
    assert a.id == "001_brussel_luchtverdediging"
    assert a.date.precision == "month" and a.date.iso() == "2025-03"
    assert (a.date.earliest.isoformat(), a.date.latest.isoformat()) == ("2025-03-01", "2025-03-31")
    assert a.text.startswith("De ministers van Buitenlandse Zaken")
    assert a.title is None  # the first paragraph is a full sentence, not a headline
    assert a.text[slice(*a.paragraphs[4])] == "Hongaars veto"   # a subheading is a paragraph of its own


def test_headlines_and_days_of_a_folder():
    arts, errs = read(EXAMPLES)
    assert len(arts) == 6 and not errs
    first = next(a for a in arts if a.id == "002_kamer_onderwijs")
    assert first.date.precision == "day"
    assert first.title.startswith("Oppositie eist dat kabinet")
    assert all(a.text[slice(*a.paragraphs[0])].startswith(a.title) for a in arts if a.title)


def test_folder_recursive_and_several_inputs(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text("date 2024-01-02\nKop\n\nTekst hier.", encoding="utf-8")
    (tmp_path / "y.jsonl").write_text(json.dumps({"id": "y1", "date": "2024-02", "text": "Iets."}) + "\n")
    (tmp_path / "ignored.csv").write_text("a,b")
    arts, errs = read(tmp_path, EXAMPLE)
    assert sorted(a.id for a in arts) == ["001_brussel_luchtverdediging", "x", "y1"]
    assert not errs


@pytest.mark.parametrize("content,reason", [
    ("", "empty file"),
    ("Geen datum hier.\n\nTekst.", "no date header"),
    ("date 2025-13\nTekst.", "malformed date"),
    ("date gisteren\nTekst.", "malformed date"),
    ("date 2025-02-30 Tekst.", "malformed date"),
    ("date 2025-03\n\n   \n", "no article text"),
])
def test_text_reader_errors(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_text(content, encoding="utf-8")
    arts, (err,) = read(p)
    assert not arts
    assert err.file == str(p) and reason in err.reason


def test_encodings(tmp_path):
    (tmp_path / "latin.txt").write_bytes("date 2024-05-01\nDe Oekraïense regering.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("date 2024-05-01\nDe Oekraïense regering.".encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "date 2024-05-01\nÉén.".encode())
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02date")
    arts, errs = read(tmp_path)
    assert {a.id: a.text for a in arts} == {"bom": "Één.", "latin": "De Oekraïense regering.",
                                            "utf16": "De Oekraïense regering."}
    assert len(errs) == 1 and "binary" in errs[0].reason


def test_jsonl_good_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "date": "2025-03-11T09:30:00Z", "text": "Eerste.", "title": "T", "url": "http://x"}),
             "{not json",
             json.dumps({"id": "b", "date": "2025-03"}),
             json.dumps({"id": "c", "date": "maart", "text": "x"}),
             json.dumps(["list"]),
             json.dumps({"id": "d", "date": "2025", "text": "Laatste."})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = read(p)
    assert [a.id for a in arts] == ["a", "d"]
    assert arts[0].date == DocDate(2025, 3, 11, "09:30:00") and arts[0].line == 1 and arts[0].url == "http://x"
    assert arts[1].date.precision == "year"
    assert [(e.line, e.file) for e in errs] == [(2, str(p)), (3, str(p)), (4, str(p)), (5, str(p))]
    assert "malformed JSON" in errs[0].reason and "missing field(s): text" in errs[1].reason


def test_missing_input_reported():
    arts, (err,) = read("/nonexistent/file.txt")
    assert "no such file" in err.reason


def test_analysed_articles_read_back_with_bad_lines_named(tmp_path):
    from kroniek.reading.jsonl import read_analysed
    good = Article(id="a1", date=DocDate.parse("2025-03-10"), text="Rutte sprak.")
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(good.to_json()) + "\n\n{broken\n", encoding="utf-8")
    items = list(read_analysed([path, tmp_path / "missing.jsonl"]))
    assert isinstance(items[0], Article) and items[0].id == "a1" and items[0].text == "Rutte sprak."
    assert [(e.file, e.line) for e in items[1:]] == [(str(path), 3), (str(tmp_path / "missing.jsonl"), None)]
    assert "not an analysed article" in items[1].reason
