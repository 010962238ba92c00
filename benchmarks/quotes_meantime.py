"""Quotes on MEANTIME Dutch (translated Wikinews, ../shared/benchmarks/meantime-nl/), checked
against hand verdicts on a fixed random sample (issue 6).

nl-eval is where the attribution rules were developed; MEANTIME is the second look: its
quotes were sampled (random.Random(6), 40 direct and 30 indirect) and judged by hand in
benchmarks/quotes_meantime_handcheck.tsv (same columns as quotes_nl_eval_handcheck.tsv).
Precision and speaker accuracy are computed over the sampled quotes the engine still finds.

Usage:
    .venv/bin/python benchmarks/quotes_meantime.py [--articles /tmp/analysed/meantime/articles.jsonl] [--show]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, analyse_with_frog, read_analysed  # noqa: E402
from quotes_common import check  # noqa: E402

VERDICTS = Path(__file__).resolve().parent / "quotes_meantime_handcheck.tsv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", help="pre-analysed articles.jsonl (default: run Frog on MEANTIME Dutch)")
    ap.add_argument("--out", default="/tmp/kroniek-quotes-meantime")
    ap.add_argument("--verdicts", default=str(VERDICTS))
    ap.add_argument("--show", action="store_true", help="print every wrong quote and speaker")
    args = ap.parse_args()
    if args.articles:
        articles = read_analysed(args.articles)
    else:   # the corpus as kroniek JSON Lines (id, date, title, text = the raw text), then Frog
        tmp = Path(tempfile.mkdtemp(prefix="kroniek-meantime-")) / "meantime.jsonl"
        with open(SHARED / "benchmarks" / "meantime-nl" / "derived_meantime_nl_docs.jsonl", encoding="utf-8") as src, \
                open(tmp, "w", encoding="utf-8") as dst:
            for line in src:
                d = json.loads(line)
                dst.write(json.dumps({"id": d["doc"], "date": d["dct"][:10], "title": d.get("title"),
                                      "text": d["raw"]}, ensure_ascii=False) + "\n")
        articles = analyse_with_frog([tmp])
    check(articles, Path(args.verdicts), Path(args.out), show=args.show, list_unchecked=False)


if __name__ == "__main__":
    main()
