"""Actors of the seed's gold events: does every gold source/target country appear among
the actor mentions the resolver finds in the event's evidence?

    .venv/bin/python benchmarks/actors_seed.py [--articles /tmp/analysed/seed/articles.jsonl]

For each gold event (../shared/gold/seed.events.jsonl, forbidden ones left out) the
evidence text is located in the article; the coded mentions inside it are listed with
code, kind and person. An event counts as covered when, for the source and for the
target, at least one allowed country is among the mentions' countries in the evidence
sentence(s) (a gold target of null needs nothing). Gold answers are read at run time
only, never kept in code.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, read_analysed, run_stages  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default="/tmp/analysed/seed/articles.jsonl")
    ap.add_argument("--gold", default=str(SHARED / "gold" / "seed.events.jsonl"))
    args = ap.parse_args()
    arts = {a.id: a for a in run_stages(read_analysed(args.articles), ["actors"])}
    gold = [json.loads(l) for l in open(args.gold, encoding="utf-8") if l.strip()]
    covered = total = 0
    for g in gold:
        if g.get("forbidden"):
            continue
        a = arts[g["doc"]]
        start = a.text.find(g["evidence"])
        if start < 0:
            print(f"{g['id']}: evidence not found")
            continue
        end = start + len(g["evidence"])
        sents = {s.index for s in a.sentences if s.start < end and start < s.end}
        ms = [m for m in a.actors if m.sent in sents and m.code]
        countries = {m.country for m in ms}
        src_ok = not g["source"] or bool(set(g["source"]) & countries)
        tgt_ok = not g.get("target") or bool(set(g["target"]) & countries)
        total += 1
        covered += src_ok and tgt_ok
        mark = "ok " if src_ok and tgt_ok else "MISS"
        print(f"{mark} {g['id']:4} source {g['source']} target {g['target']}: "
              + "; ".join(f"{m.text} {m.code}{' (' + m.person + ')' if m.person else ''}" for m in ms))
    print(f"gold events whose source and target countries are among the resolved actors: {covered}/{total}")


if __name__ == "__main__":
    main()
