"""Speed of the quotes stage alone (issue 6): tokens per second on pre-analysed articles,
with the actor mentions computed beforehand as the pipeline does.

Usage:
    .venv/bin/python benchmarks/quotes_speed.py /tmp/analysed/meantime/articles.jsonl [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import read_analysed, run_stages  # noqa: E402

from kroniek.pipeline import get_factory  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", help="articles.jsonl with tokens (kroniek extract --out DIR)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    arts = list(run_stages(read_analysed(args.articles), ["actors"]))
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
