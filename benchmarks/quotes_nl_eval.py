"""Quotes on ../shared/corpus/nl-eval/, checked against hand verdicts (issue 6).

There is no gold for quotes on nl-eval, so every quote the system found was read by hand
and judged in benchmarks/quotes_nl_eval_handcheck.tsv, one row per quote:

    doc  kind  start  end  quote_ok  true_speaker  note

- kind: D (direct quote) or i (indirect speech, direct=false)
- start, end: the character span of the quote's first 70 characters in the article text (the
  row's key is doc, kind and start; nl-eval is a test set, so the file holds no words of it:
  they are read from ../shared/corpus/nl-eval when the benchmark runs)
- quote_ok: y (a real quotation / real reported speech, span about right) or n (scare
  quote, title, not speech, or a span that says something else)
- true_speaker: who said it by the article, `|` between acceptable names; `-` where the
  text names nobody. The speaker is right when one name's last word is among the words
  of the system speaker's name (the rule of score.py), or both are nobody.

Speaker accuracy is recomputed from true_speaker on every run, so the verdicts stay valid
when the engine changes; quotes without a verdict are listed as unchecked.

Usage:
    .venv/bin/python benchmarks/quotes_nl_eval.py [--articles /tmp/analysed/nl-eval/articles.jsonl]
        [--out DIR] [--show] [--template]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, analysed_articles  # noqa: E402
from quotes_common import check  # noqa: E402

VERDICTS = Path(__file__).resolve().parent / "quotes_nl_eval_handcheck.tsv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", help="pre-analysed articles.jsonl (default: run Frog on nl-eval)")
    ap.add_argument("--out", default="/tmp/kroniek-quotes-nl-eval")
    ap.add_argument("--verdicts", default=str(VERDICTS))
    ap.add_argument("--show", action="store_true", help="print every wrong quote and speaker")
    ap.add_argument("--template", action="store_true", help="print TSV rows for unchecked quotes")
    args = ap.parse_args()
    check(analysed_articles(SHARED / "corpus" / "nl-eval", args.articles), Path(args.verdicts), Path(args.out),
          show=args.show, template=args.template)


if __name__ == "__main__":
    main()
