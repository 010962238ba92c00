"""Quotes on the seed article, scored against ../shared/gold/seed.quotes.jsonl (issue 6).

Usage:
    .venv/bin/python benchmarks/quotes_seed.py [--articles /tmp/analysed/seed/articles.jsonl] [--out OUT]
Writes OUT/quotes.jsonl (default /tmp/kroniek-quotes-seed) and prints the scorer's result
(python3 ../shared/eval/score.py quotes OUT/quotes.jsonl ../shared/gold/seed.quotes.jsonl --verbose).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, analysed_articles, run_stages, score_seed, write_jsonl  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", help="pre-analysed articles.jsonl (default: run Frog on the seed)")
    ap.add_argument("--out", default="/tmp/kroniek-quotes-seed")
    args = ap.parse_args()
    articles = run_stages(analysed_articles(SHARED / "corpus" / "seed", args.articles))
    path = write_jsonl(Path(args.out) / "quotes.jsonl", (q.to_json(a.id) for a in articles for q in a.quotes))
    score_seed("quotes", path)


if __name__ == "__main__":
    main()
