#!/usr/bin/env python3
"""Hand-check listing: every time expression kroniek finds in ../shared/corpus/nl-eval/.

    .venv/bin/python benchmarks/timex_nleval.py [--analysed /tmp/analysed/nl-eval/articles.jsonl] [--sample N]

Prints, per expression, the document, its date, the expression in its context, type,
value, mod and interval, for a person to mark right or wrong (precision estimate). With
--analysed the Frog analysis of the articles is used (sentence indices, tense from the
parser); without it the raw text is read as `kroniek timex` does. --sample N prints a
random sample of N (seed 0) instead of everything; the totals per rule come last.

Last hand check (all expressions, with and without --analysed: identical output): 107
expressions in 70 articles, all of them real time expressions; 105 with the right value
and interval (precision 0.98). Wrong: twice a habitual part of the day dated to the
document day. Since habitual parts of the day are SETs (2026-11-28): 106 of 107 right
(0.99); the one left is a headline run on into the feed's closing line (past tense, no
sentence end between). (Before tense_words.yaml had `hebben_participles`, a weekday evening
with a perfect tense went to the next week's day.) The listing is printed from
../shared/corpus/nl-eval at run time; no words of that test set are kept in the repository.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, read_analysed  # noqa: E402

from kroniek.reading.sources import iter_articles  # noqa: E402
from kroniek.records import InputError  # noqa: E402
from kroniek.time import tag_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--analysed", help="articles.jsonl with Frog tokens")
    ap.add_argument("--sample", type=int, default=0)
    args = ap.parse_args()
    if args.analysed:
        articles = list(read_analysed(args.analysed))
    else:
        articles = [a for a in iter_articles([SHARED / "corpus" / "nl-eval"]) if not isinstance(a, InputError)]
    rows = []
    for a in articles:
        for t in tag_text(a.text, a.date, a.tokens or None, a.sentences or None):
            ctx = a.text[max(0, t.start - 50):t.start] + "[[" + t.text + "]]" + a.text[t.end:t.end + 40]
            rows.append((a.id, a.date.iso(), ctx.replace("\n", " "), t))
    show = random.Random(0).sample(rows, min(args.sample, len(rows))) if args.sample else rows
    for i, (doc, date, ctx, t) in enumerate(show, 1):
        print(f"{i:4d} {doc[:22]:22} {date:10} {t.type:8} {t.value:28} {t.mod or '':12} "
              f"{t.earliest or '…'}..{t.latest or '…'} {t.rule:18} | {ctx}")
    print(json.dumps({"articles": len(articles), "expressions": len(rows),
                      "by_rule": dict(Counter(t.rule for *_, t in rows).most_common())}, ensure_ascii=False))


if __name__ == "__main__":
    main()
