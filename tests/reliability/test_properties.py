"""Property tests (Hypothesis) of the readers, the temporal normalizer and the store's query
filters: on any input, no exception other than the documented input errors, nothing lost,
and dates always ordered (`earliest` <= `latest`).

A longer fuzz run of the same properties: `python benchmarks/fuzz.py --examples 3000`.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import string
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kroniek.reading.decode import decode_bytes
from kroniek.reading.jsonl import article_from_record, read_jsonl_file
from kroniek.reading.sources import iter_articles
from kroniek.reading.text import parse_text_article, read_text_file
from kroniek.records import MODES, Article, DocDate, InputError, InputProblem

EXAMPLES = int(os.environ.get("KRONIEK_FUZZ_EXAMPLES", "150"))  # benchmarks/fuzz.py raises it
FAST = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


# -- strategies ----------------------------------------------------------------------------------
def doc_dates() -> st.SearchStrategy[DocDate]:
    years = st.one_of(st.integers(1, 9999), st.integers(1990, 2030))
    return st.builds(lambda y, m, d, prec: DocDate(y, m if prec > 0 else None,
                                                   min(d, 28) if prec > 1 else None),
                     years, st.integers(1, 12), st.integers(1, 31), st.integers(0, 2))


@lru_cache(maxsize=1)
def time_words() -> list[str]:
    """Every word of the temporal lexicon, and numbers and signs that dates are made of."""
    import yaml
    from kroniek.resources import package_data
    words: set[str] = set()

    def walk(node):
        if isinstance(node, str):
            words.add(node)
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(k) if isinstance(k, str) else None
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(yaml.safe_load(package_data("time", "lexicon.yaml").read_text(encoding="utf-8")))
    words |= {"0", "1", "3", "12", "13", "24", "29", "30", "31", "32", "99", "100", "1999", "2000", "2024",
              "2025", "9999", "10000", "0001", "'80", "'24", "2024-02-29", "2025-02-29", "2025-13-01", "31-04-2025",
              "8.45", "25.61", "24:00", "12u30", "-", "–", "/", ".", ",", "(", ")", "van", "tot", "tussen", "en",
              "sinds", "om", "uur", "na", "voor", "later", "eerder", "daarvoor", "daarna", "Q3", "Q0", "week 53",
              "week 0", "de jaren", "eeuw", "-5", "1e", "21e", "zaterdag", "maandag", "\n\n"}
    return sorted(w for w in words if w)


def time_texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(time_words()), st.text(string.ascii_letters + string.digits + " .-/'", max_size=8))
    return st.lists(piece, min_size=1, max_size=14).map(" ".join)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
record_fields = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=10), st.integers(), st.none()),
    "date": st.one_of(st.text(max_size=12), st.sampled_from(["2025", "2025-03", "2025-03-04", "2025-02-30", "2025-3-4",
                                                             "2025-03-04T10:00:00Z", "0000-01-01", "9999-12-31"]),
                      st.integers(), st.none()),
    "text": st.one_of(st.text(max_size=60), st.integers(), st.none(), st.lists(st.text(max_size=3), max_size=2)),
    "title": json_values, "url": json_values, "source": json_values})


# -- readers -----------------------------------------------------------------------------------------
@FAST
@given(st.binary(max_size=300))
def test_decode_any_bytes(data):
    try:
        text, enc = decode_bytes(data, "f")
    except InputProblem as exc:
        assert exc.file == "f" and exc.reason
    else:
        assert isinstance(text, str) and enc


@FAST
@given(st.text(max_size=40))
def test_docdate_parse_any_string(value):
    try:
        d = DocDate.parse(value)
    except ValueError:
        return
    assert d.earliest <= d.latest
    assert DocDate.parse(d.iso()) == DocDate(d.year, d.month, d.day)


@FAST
@given(doc_dates())
def test_docdate_interval_ordered(d):
    assert d.earliest <= d.latest
    assert d.to_json()["earliest"] <= d.to_json()["latest"]


@FAST
@given(st.one_of(st.text(max_size=200), st.builds(lambda d, body: f"date {d}\n{body}",
                                                  st.sampled_from(["2025-03", "2025-03-04", "2025", "2025-13", "x"]),
                                                  st.text(max_size=200))))
def test_text_article_any_text(raw):
    try:
        a = parse_text_article(raw, "doc", "f.txt")
    except InputProblem as exc:
        assert exc.file == "f.txt" and exc.line == 1
        return
    assert a.text.strip() and a.date.earliest <= a.date.latest
    for s, e in a.paragraphs:
        assert 0 <= s < e <= len(a.text) and a.text[s:e].strip() == a.text[s:e]
    if a.title:
        assert a.text.startswith(a.title) or a.text.lstrip().startswith(a.title)


@FAST
@given(record_fields)
def test_jsonl_record_any_fields(rec):
    try:
        a = article_from_record(rec, "f.jsonl", 7)
    except InputProblem as exc:
        assert exc.line == 7 and exc.reason
        return
    assert a.text == rec["text"] and a.id == str(rec["id"]) and a.line == 7


@FAST
@given(st.lists(st.one_of(
    st.builds(lambda i, t: json.dumps({"id": f"r{i}", "date": "2025-03-04", "text": t}, ensure_ascii=False),
              st.integers(0, 10**6), st.text(min_size=1, max_size=40).filter(str.strip)),
    # (junk without NUL: a file of nothing but NUL lines is one "binary file" error, see test_bad_input)
    st.text(max_size=30).filter(lambda s: "\n" not in s and "\r" not in s and "\x00" not in s)),
    min_size=1, max_size=8))
def test_jsonl_file_loses_no_line(tmp_path_factory, lines):
    """Every non-blank line of a JSON Lines file is one article or one error on that line,
    whatever characters the article texts hold (U+2028, U+0085, form feeds ...)."""
    p = tmp_path_factory.mktemp("jl") / "f.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl_file(p))
    nonblank = [n for n, line in enumerate(lines, 1) if line.strip()]
    if not nonblank:
        assert len(items) == 1 and isinstance(items[0], InputError) and "empty" in items[0].reason
        return
    assert [i.line for i in items] == nonblank
    for n, item in zip(nonblank, items):
        try:
            rec = json.loads(lines[n - 1])
        except ValueError:
            assert isinstance(item, InputError)
            continue
        if isinstance(rec, dict) and isinstance(rec.get("text"), str) and rec["text"].strip() and rec.get("id"):
            assert isinstance(item, Article) and item.text == rec["text"], (item, rec)


@settings(max_examples=max(40, EXAMPLES // 4), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["a.txt", "b.jsonl", "sub/c.txt", "d.html", "e.warc", "f.txt"]),
                          st.binary(max_size=200)), max_size=5))
def test_folder_of_random_files(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("fz")
    for name, data in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    for item in iter_articles([root]):
        assert isinstance(item, (Article, InputError))
        if isinstance(item, InputError):
            assert item.file.startswith(str(root)) and item.reason
            assert not item.reason.startswith("reader failed"), item  # a reader bug, not an input error


# -- the temporal normalizer --------------------------------------------------------------------------
def _check_timexes(text: str, doc: DocDate) -> None:
    from kroniek.time.tagger import tag_text
    for t in tag_text(text, doc):
        assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text, t
        for day in (t.earliest, t.latest):
            if day is not None:
                dt.date.fromisoformat(day)
        if t.earliest and t.latest:
            assert t.earliest <= t.latest, (text, doc, t)


@FAST
@given(time_texts(), doc_dates())
def test_timex_any_text_ordered_dates(text, doc):
    _check_timexes(text, doc)


@FAST
@given(st.text(max_size=80), doc_dates())
def test_timex_any_unicode(text, doc):
    _check_timexes(text, doc)


# -- the store's query filters ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from kroniek.store import Store
    from tests.store.factory import make_article
    s = Store(tmp_path_factory.mktemp("q") / "q.duckdb")
    s.ingest([make_article(f"a{n}", f"2025-0{n % 9 + 1}-1{n}") for n in range(8)])
    yield s
    s.close()


filter_text = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["USA", "UKR", "RUS", "USAGOV", "Rubio",
                                                                          "%", "_", "\\", "'", "\"", "--", ";"]))
date_text = st.one_of(st.none(), st.text(max_size=12), st.dates().map(str),
                      st.sampled_from(["2025", "2025-03", "2025-13", "2025-02-30", "0000", "9999-12-31", "10000-01-01"]))


@st.composite
def event_filters(draw):
    from kroniek.store.queries import EventFilter
    dyad = draw(st.one_of(st.none(), st.tuples(filter_text.filter(bool), filter_text.filter(bool))))
    return EventFilter(
        actor=draw(filter_text), source=draw(filter_text), target=draw(filter_text), dyad=dyad,
        directed=draw(st.booleans()),
        cameo=draw(st.lists(st.one_of(st.text(max_size=4), st.sampled_from(["0", "03", "195", "19"])), max_size=2)),
        root=draw(st.lists(st.text(max_size=3), max_size=2)),
        plover=draw(st.lists(st.one_of(st.text(max_size=6), st.just("AID")), max_size=2)),
        quadclass=draw(st.lists(st.integers(-2, 6), max_size=2)),
        mode=draw(st.lists(st.one_of(st.sampled_from(MODES), st.text(max_size=6)), max_size=2)),
        since=draw(date_text), until=draw(date_text), article_since=draw(date_text), article_until=draw(date_text),
        text=draw(filter_text), article=draw(st.one_of(st.none(), st.text(max_size=4), st.just("a1"))),
        min_confidence=draw(st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))))


@FAST
@given(f=event_filters(), limit=st.integers(1, 1000), offset=st.integers(0, 2**53), order=st.text(max_size=10))
def test_query_filters_any_values(store, f, limit, offset, order):
    from kroniek.store import queries
    for call in (lambda: queries.events(store, f, limit=limit, offset=offset % 50,
                                        order=order if order in queries.ORDERS else "date"),
                 lambda: queries.timeline(store, f, limit=limit, offset=offset),
                 lambda: queries.actors(store, f, limit=limit, offset=offset % 50)):
        try:
            res = call()
        except ValueError:
            continue  # a documented input error: the API answers 400
        for e in res["items"]:
            if e.get("earliest") and e.get("latest"):
                assert e["earliest"] <= e["latest"]
            if f.since and e.get("latest"):
                assert str(e["latest"]) >= queries._date(f.since, "since").isoformat()[:10]


@FAST
@given(a=filter_text.filter(bool), b=filter_text.filter(bool), by=st.text(max_size=8),
       since=date_text, until=date_text)
def test_dyad_any_values(store, a, b, by, since, until):
    from kroniek.store import queries
    from kroniek.store.queries import EventFilter
    try:
        res = queries.dyad(store, a, b, by=by if by in queries.BUCKETS else "week",
                           f=EventFilter(since=since, until=until))
    except ValueError:
        return
    periods = [p["period"] for p in res["periods"]]
    assert periods == sorted(periods)


# -- the later pipeline stages on any analysed text ---------------------------------------------------
@lru_cache(maxsize=1)
def dutch_words() -> list[str]:
    """Words of the development news items (real Dutch news vocabulary: names, verbs, quotes, numbers)."""
    from ..conftest import DEV_CORPUS
    words: set[str] = set()
    for p in sorted(DEV_CORPUS.glob("*.txt"))[:120]:
        words |= set(p.read_text(encoding="utf-8").split()[2:])
    return sorted(words)


@pytest.fixture(scope="module")
def stages(fake_frog_bin):
    """The pipeline after Frog (timex, actors, events, quotes), on fake-Frog analyses."""
    from kroniek.pipeline import Pipeline
    with Pipeline(["frog", "timex", "actors", "quotes", "events"],
                  config={"frog": {"binary": str(fake_frog_bin / "frog")}}) as pipe:
        yield pipe


@settings(max_examples=max(30, EXAMPLES // 5), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.one_of(st.sampled_from(dutch_words()), st.sampled_from(time_words()),
                                st.sampled_from(['"', "'", "‘", "’", "“", "”", ":", ".", "\n\n", "zei", "aldus"])),
                      min_size=1, max_size=60),
       doc=doc_dates())
def test_pipeline_stages_any_article(stages, words, doc):
    text = " ".join(words).strip()
    assume(text)
    a = Article(id="fz", date=doc, text=text, origin="fuzz")
    from kroniek.reading.paragraphs import split_paragraphs
    a.paragraphs = split_paragraphs(text)
    out = stages(a)  # raises on a stage bug (Pipeline.process would turn it into an error record)
    for t in out.timexes:
        assert text[t.start:t.end] == t.text
        if t.earliest and t.latest:
            assert t.earliest <= t.latest
    for e in out.events:
        if e.earliest and e.latest:
            assert e.earliest <= e.latest, e
        for sp in e.evidence:
            assert 0 <= sp.start <= sp.end <= len(text)
    for q in out.quotes:
        assert 0 <= q.start <= q.end <= len(text)
