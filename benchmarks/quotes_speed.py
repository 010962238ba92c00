"""Speed of the quotes stage alone (issue 6): tokens per second on pre-analysed articles,
with the actor mentions computed beforehand as the pipeline does.

Usage:
    .venv/bin/python benchmarks/quotes_speed.py /tmp/analysed/meantime/articles.jsonl [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import time

from kroniek.pipeline import available, get_factory
from kroniek.records import article_from_json


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", help="articles.jsonl with tokens (kroniek extract --out DIR)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with open(args.articles, encoding="utf-8") as f:
        arts = [article_from_json(json.loads(line)) for line in f if line.strip()]
    if available("actors"):
        actors = get_factory("actors")()
        arts = [actors(a) for a in arts]
    quotes = get_factory("quotes")()
    tokens = sum(len(a.tokens) for a in arts)
    best = None
    for _ in range(args.repeat):
        t = time.perf_counter()
        found = sum(len(quotes(a).quotes) for a in arts)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    print(json.dumps({"articles": len(arts), "tokens": tokens, "quotes": found, "seconds": round(best, 3),
                      "tokens_per_second": round(tokens / best)}))


if __name__ == "__main__":
    main()
