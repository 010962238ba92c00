"""HTML and WARC input: article text, title, date and URL; other languages skipped and counted;
identical articles once; pages without article or date reported by file and record."""
from __future__ import annotations

from kroniek.reading.sources import iter_articles
from kroniek.records import Article, InputError
from kroniek.scale.runner import process_inputs
from kroniek.scale.stats import RunStats

from . import fakecomp  # noqa: F401
from .webfixtures import DUTCH, ENGLISH, html_page, write_warc


def test_html_page_becomes_an_article(tmp_path):
    title, date, paras = DUTCH[0]
    (tmp_path / "kabinet.html").write_text(html_page(title, date, paras), encoding="utf-8")
    [a] = list(iter_articles([tmp_path]))
    assert isinstance(a, Article)
    assert a.id == "kabinet" and a.title == title and a.date.iso() == date and a.lang == "nl"
    assert "Alle rechten voorbehouden" not in a.text and "Binnenland" not in a.text   # boilerplate gone
    assert a.text.startswith(title) and len(a.paragraphs) == 3                       # headline + 2 paragraphs
    assert a.text[a.paragraphs[1][0]:].startswith("Het kabinet heeft dinsdag besloten")


def test_warc_records_become_articles_with_urls(tmp_path):
    pages = [(f"https://voorbeeld.nl/nieuws/{i}", html_page(*d)) for i, d in enumerate(DUTCH)]
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)
    arts = [a for a in iter_articles([warc]) if isinstance(a, Article)]
    assert [a.url for a in arts] == [u for u, _ in pages]
    assert [a.date.iso() for a in arts] == [d[1] for d in DUTCH]
    assert all(a.origin == str(warc) and a.line for a in arts)          # record number kept
    assert len({a.id for a in arts}) == 2


def test_language_skip_duplicates_and_bad_pages_are_counted_not_fatal(tmp_path):
    page0 = html_page(*DUTCH[0])
    pages = [("https://voorbeeld.nl/a", page0), ("https://voorbeeld.nl/b", html_page(*DUTCH[1])),
             ("https://voorbeeld.nl/a-kopie", page0),                               # the same article again
             ("https://voorbeeld.nl/a", page0),                                     # the same page fetched again
             ("https://example.com/en", html_page(*ENGLISH, lang="en")),
             ("https://voorbeeld.nl/geen-datum", "<html><body><article><p>" + "Een tekst zonder datum. " * 20
              + "</p></article></body></html>"),
             ("https://voorbeeld.nl/leeg", "<html><body><nav>Home</nav></body></html>")]
    warc = write_warc(tmp_path / "crawl.warc", pages, gzip=False)
    (tmp_path / "kapot.warc.gz").write_bytes(b"this is not a warc file at all\n" * 5)
    stats = RunStats()
    out = list(process_inputs([str(tmp_path)], ["fake"], stats=stats))
    arts = [o for o in out if isinstance(o, Article)]
    errors = [o for o in out if isinstance(o, InputError)]
    assert [a.url for a in arts] == ["https://voorbeeld.nl/a", "https://voorbeeld.nl/b"]
    assert stats.skipped_language == {"en": 1} and stats.duplicates == 2
    reasons = {(e.file.rsplit("/", 1)[-1], e.reason.split(" (")[0]) for e in errors}
    assert ("crawl.warc", "no publication date found in the page") in reasons
    assert len(reasons & {("crawl.warc", "no article text found in the page"),
                          ("crawl.warc", "page text too short for an article")}) == 1   # the page with only a menu
    assert any(f == "kapot.warc.gz" and "not a readable WARC" in r for f, r in reasons)
    assert all(e.line for e in errors if e.file == str(warc))
    assert "skipped by language (en 1)" in stats.summary() and "2 duplicates" in stats.summary()


def test_a_year_in_the_text_is_not_a_publication_date(tmp_path):
    body = "Op 4 maart 2022 viel Rusland Oekraïne binnen met tanks en troepen. " * 5
    page = f"<html><body><article><h1>Titel van het stuk</h1><p>{body}</p></article></body></html>"
    (tmp_path / "zonder.html").write_text(page, encoding="utf-8")
    [err] = list(iter_articles([tmp_path]))
    assert isinstance(err, InputError) and err.reason == "no publication date found in the page"
    warc = write_warc(tmp_path / "c.warc.gz", [("https://voorbeeld.nl/nieuws/2025/03/04/inval", page)])
    [a] = list(iter_articles([warc]))
    assert isinstance(a, Article) and a.date.iso() == "2025-03-04"          # a date in the URL is used
