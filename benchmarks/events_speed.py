"""Speed of the event coder: events per second, articles per second, and its cost relative
to Frog (the analysis that comes before it).

    .venv/bin/python benchmarks/events_speed.py --analysed /tmp/analysed/nl-eval/articles.jsonl \
        --analysed /tmp/analysed/meantime/articles.jsonl [--frog-seconds-per-token S] [--repeat 3]

Frog's cost is measured on the seed with one Frog process unless given
(`--frog-seconds-per-token`, e.g. from benchmarks/frog_throughput.py).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_common import SHARED, Stages, read_analysed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--analysed", action="append", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--frog-seconds-per-token", type=float)
    args = ap.parse_args()
    articles = [a for p in args.analysed for a in read_analysed(p)]
    tokens = sum(len(a.tokens) for a in articles)
    from kroniek.events.engine import EventCoder
    coder = EventCoder()
    prep = Stages(("timex", "actors"))
    articles = [prep(a) for a in articles]
    coder(articles[0])                      # load lexicon, codebook and GeoNames once
    best, events = float("inf"), 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        events = sum(len(coder(a)) for a in articles)
        best = min(best, time.perf_counter() - t)
    print(f"{len(articles)} articles, {tokens} tokens, {events} events")
    print(f"event coder: {best:.3f} s  = {len(articles) / best:.1f} articles/s, {tokens / best:.0f} tokens/s, "
          f"{events / best:.1f} events/s")
    frog_spt = args.frog_seconds_per_token
    if frog_spt is None:
        from kroniek.analysis.component import FrogAnalyzer
        from kroniek.reading.text import read_text_file
        seed = next(iter(read_text_file(SHARED / "corpus" / "seed" / "000_9f43b64be0762dad.txt")))
        frog = FrogAnalyzer()
        try:
            frog(seed)                       # warm up
            t = time.perf_counter()
            seed2 = frog(next(iter(read_text_file(SHARED / "corpus" / "seed" / "000_9f43b64be0762dad.txt"))))
            frog_spt = (time.perf_counter() - t) / max(1, len(seed2.tokens))
        finally:
            frog.close()
    frog_total = frog_spt * tokens
    print(f"Frog (measured {frog_spt * 1000:.2f} ms/token): {frog_total:.1f} s for these tokens; "
          f"event coder cost = {best / frog_total:.2%} of Frog")


if __name__ == "__main__":
    main()
