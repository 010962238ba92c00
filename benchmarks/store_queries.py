"""Store benchmark: 1,000,000 synthetic events over 100,000 synthetic articles, then the
median time of the main queries (target: under 100 ms each on the 2-core reference machine).

    .venv/bin/python benchmarks/store_queries.py [--articles 100000] [--events-per-article 10]
                                                 [--db /tmp/kroniek-bench.duckdb] [--reuse] [--runs 15]

The store is filled through `Store.ingest` (the path `kroniek ingest` uses), in batches of
1000 articles, so the fill time is also the ingest throughput of the store layer. The
articles are shuffled in time, as an archive crawl would deliver them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kroniek.records import ActorRef, Article, DocDate, Event, Quote, Sentence, Span  # noqa: E402
from kroniek.store import EventFilter, Store  # noqa: E402
from kroniek.store import queries as Q  # noqa: E402

COUNTRIES = ["USA", "UKR", "RUS", "NLD", "DEU", "FRA", "GBR", "CHN", "ISR", "PSE", "IRN", "IRQ", "SYR", "TUR",
             "POL", "BEL", "ITA", "ESP", "IND", "PAK", "AFG", "SAU", "EGY", "LBN", "YEM", "SDN", "ETH", "NGA",
             "ZAF", "BRA", "VEN", "MEX", "CAN", "JPN", "PRK", "KOR", "TWN", "VNM", "IDN", "PHL"]
ROLES = [None, "GOV", "MIL", "GOV", "OPP", "COP", "REB", "BUS", "MED"]
# (code, quadclass, goldstein): a spread over the CAMEO roots
CODES = [("010", 1, 0.0), ("020", 1, 3.0), ("036", 1, 4.0), ("040", 1, 1.0), ("042", 1, 1.9), ("043", 1, 2.8),
         ("051", 1, 3.4), ("057", 1, 8.0), ("061", 2, 6.4), ("064", 2, 7.0), ("071", 2, 7.4), ("072", 2, 8.3),
         ("0331", 1, 5.2), ("081", 2, 5.0), ("090", 3, -2.0), ("100", 3, -5.0), ("111", 3, -2.0),
         ("112", 3, -2.0), ("120", 3, -4.0), ("130", 3, -4.4), ("138", 3, -7.0), ("141", 3, -6.5),
         ("150", 4, -7.2), ("163", 4, -8.0), ("173", 4, -5.0), ("180", 4, -9.0), ("190", 4, -10.0),
         ("193", 4, -10.0), ("195", 4, -10.0)]
MODES = ["asserted"] * 8 + ["intended", "negated"]
TEXT = ("{a} en {b} spraken op {d} over de situatie. Volgens de minister is er geen akkoord. "
        "De regering van {a} kondigde nieuwe maatregelen aan tegen {b}. ")


def synthetic_articles(n: int, per: int, seed: int = 7):
    rnd = random.Random(seed)
    start = dt.date(2015, 1, 1)
    days = (dt.date(2025, 12, 31) - start).days
    order = list(range(n))
    rnd.shuffle(order)
    for i in order:
        day = start + dt.timedelta(days=rnd.randrange(days))
        a_c, b_c = rnd.sample(COUNTRIES, 2)
        text = TEXT.format(a=a_c, b=b_c, d=day.isoformat()) * 2
        art = Article(id=f"syn-{i:06d}", date=DocDate(day.year, day.month, day.day), text=text,
                      title=f"Synthetisch bericht {i}", url=f"https://example.org/syn/{i}", source="bench",
                      paragraphs=[(0, len(text))])
        cut = text.index(". ") + 1
        art.sentences = [Sentence(0, 0, cut, 0, 0, 0), Sentence(1, cut + 1, len(text), 0, 0, 0)]
        for k in range(per):
            src, tgt = (a_c, b_c) if rnd.random() < 0.6 else rnd.sample(COUNTRIES, 2)
            code, qc, g = rnd.choice(CODES)
            role = rnd.choice(ROLES)
            s = rnd.randrange(0, len(text) - 60)
            back = rnd.choice([0, 0, 0, 1, 3, 30])   # some events before the report, some vaguely dated
            earliest = day - dt.timedelta(days=back)
            latest = day if back < 30 else earliest + dt.timedelta(days=29)
            art.events.append(Event(
                cameo=code, source=ActorRef(src, src + (role or ""), src, role), target=ActorRef(tgt, tgt, tgt),
                mode=rnd.choice(MODES), earliest=earliest.isoformat(), latest=latest.isoformat(),
                evidence=[Span(s, s + 60, text[s:s + 60], 0)], trigger=Span(s, s + 5, text[s:s + 5], 0),
                sentence=text[:cut], confidence=round(rnd.uniform(0.3, 1.0), 2), plover=None, goldstein=g,
                quadclass=qc, id=f"e{k + 1}"))
        art.quotes = [Quote(quote="er is geen akkoord", start=0, end=18, speaker=ActorRef("de minister", a_c + "GOV", a_c),
                            events=["e1"], id="q1")]
        yield art


def fill(db: str, n: int, per: int) -> float:
    if os.path.exists(db):
        os.remove(db)
    started = time.perf_counter()
    batch: list[Article] = []
    with Store(db) as store:
        for k, art in enumerate(synthetic_articles(n, per), 1):
            batch.append(art)
            if len(batch) == 1000:
                store.ingest(batch)
                batch = []
                if k % 20000 == 0:
                    print(f"  {k} articles stored ({time.perf_counter() - started:.0f} s)", flush=True)
        if batch:
            store.ingest(batch)
        store.con.execute("CHECKPOINT")
    return time.perf_counter() - started


def median_ms(fn, runs: int) -> tuple[float, float]:
    fn()  # warm up (first touch of the file's blocks)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--events-per-article", type=int, default=10)
    ap.add_argument("--db", default="/tmp/kroniek-bench.duckdb")
    ap.add_argument("--reuse", action="store_true", help="Keep an existing benchmark store")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--exports", action="store_true", help="Also time full exports (JSON Lines, GDELT, Parquet)")
    args = ap.parse_args()
    if not (args.reuse and os.path.exists(args.db)):
        print(f"filling {args.db}: {args.articles} articles x {args.events_per_article} events ...", flush=True)
        secs = fill(args.db, args.articles, args.events_per_article)
        n_ev = args.articles * args.events_per_article
        print(f"filled in {secs:.1f} s ({args.articles / secs:.0f} articles/s, {n_ev / secs:.0f} events/s through "
              f"Store.ingest); file {os.path.getsize(args.db) / 1e6:.0f} MB")
    with Store(args.db, read_only=True) as store:
        counts = store.counts()
        print(f"store: {counts['articles']} articles, {counts['events']} events, {counts['evidence']} evidence spans")
        some_article = store.scalar("SELECT article_id FROM events WHERE gid = (SELECT min(gid) FROM events)")
        some_event = store.scalar("SELECT min(gid) FROM events")
        main = [
            ("dyad USA UKR by week, whole store", lambda: Q.dyad(store, "USA", "UKR", by="week")),
            ("events of one actor (USA) in one month, page of 100 + total",
             lambda: Q.events(store, EventFilter(actor="USA", since="2020-03-01", until="2020-03-31"), limit=100)),
            ("timeline of one article", lambda: Q.timeline(store, EventFilter(article=some_article))),
        ]
        more = [
            ("dyad USA RUS by month, directed", lambda: Q.dyad(store, "USA", "RUS", by="month", directed=True)),
            ("article view (text, events, marks)", lambda: Q.article_detail(store, some_article)),
            ("event view (one event with quotes)", lambda: Q.event_detail(store, some_event)),
            ("events: root 19 + QuadClass 4 in 2024, page + total",
             lambda: Q.events(store, EventFilter(root=["19"], quadclass=[4], since="2024", until="2024"), limit=100)),
            ("actors, top 100", lambda: Q.actors(store, limit=100)),
            ("events: free text, page + total", lambda: Q.events(store, EventFilter(text="maatregelen"), limit=100)),
        ]
        print(f"\nmedian of {args.runs} runs (max in brackets); target < 100 ms for the main queries")
        worst = 0.0
        for label, fn in main:
            med, mx = median_ms(fn, args.runs)
            worst = max(worst, med)
            print(f"  {med:8.1f} ms  ({mx:6.1f})  {label}  {'OK' if med < 100 else 'SLOW'}")
        print("other queries:")
        for label, fn in more:
            med, mx = median_ms(fn, args.runs)
            print(f"  {med:8.1f} ms  ({mx:6.1f})  {label}")
        print(f"\nmain queries: worst median {worst:.1f} ms ({'within' if worst < 100 else 'over'} the 100 ms target)")
        if args.exports:
            import tempfile
            from kroniek.output.exports import export
            print("full exports:")
            with tempfile.TemporaryDirectory() as tmp:
                for fmt in ("parquet", "gdelt", "jsonl"):
                    t = time.perf_counter()
                    n = export(store, fmt, os.path.join(tmp, f"events.{fmt}"))
                    secs = time.perf_counter() - t
                    print(f"  {secs:8.1f} s  {fmt}: {n} events ({n / secs:.0f} events/s)")


if __name__ == "__main__":
    main()
