"""Accuracy of actor codes on the hand-checked nl-eval sample (benchmarks/actors_sample.tsv).

    .venv/bin/python benchmarks/actors_accuracy.py [--articles /tmp/analysed/nl-eval/articles.jsonl]

The sample holds 170 coded mentions drawn at random (actors_coverage.py --sample), each
with the hand verdict on the code the resolver gave then and the code a careful coder
gives (`gold_code`, '-' where the words are no actor). Reported: the verdicts as checked,
and the current resolver re-scored against gold_code on the same character spans (exact
code, and country only), so that later changes can be rechecked. The sample names each
mention by document and character offsets only; its words are read from the articles here.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, read_analysed, run_stages  # noqa: E402

from kroniek.actors.resolve import actor_for_span  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default="/tmp/analysed/nl-eval/articles.jsonl")
    ap.add_argument("--sample", default=str(ROOT / "benchmarks" / "actors_sample.tsv"))
    ap.add_argument("--show", action="store_true", help="print the mentions the current resolver gets wrong")
    args = ap.parse_args()
    arts = {a.id: a for a in run_stages(read_analysed(args.articles), ["actors"])}
    lines = [l.rstrip("\n").split("\t") for l in open(args.sample, encoding="utf-8") if not l.startswith("#")]
    head, rows = lines[0], [dict(zip(lines[0], r)) for r in lines[1:]]
    verdicts = collections.Counter(r["verdict"] for r in rows)
    n = len(rows)
    print(f"hand-checked sample: {n} mentions; verdicts on the codes as sampled: "
          + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    print(f"  accuracy (code exactly right): {verdicts['ok'] / n:.3f}   "
          f"country right: {(verdicts['ok'] + verdicts['partial']) / n:.3f}")
    exact = country = 0
    for r in rows:
        a = arts[r["doc"]]
        s, e = int(r["start"]), int(r["end"])
        toks = [t.i for t in a.tokens if t.start < e and s < t.end]
        m = actor_for_span(a, toks[0], toks[-1] + 1) if toks else None
        got = m.code if m and m.code else "-"
        gold = r["gold_code"]
        exact += got == gold
        country += got[:3] == gold[:3]
        if args.show and got != gold:
            print(f"  {r['doc']} {a.text[s:e]!r}: now {got}, gold {gold}  {r['note']}")
    print(f"current resolver against gold_code: exact {exact}/{n} = {exact / n:.3f}, "
          f"country {country}/{n} = {country / n:.3f}")


if __name__ == "__main__":
    main()
