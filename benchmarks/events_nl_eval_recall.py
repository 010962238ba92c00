"""Recall estimate on ../shared/corpus/nl-eval from the hand-made list of missed events.

    .venv/bin/python benchmarks/events_nl_eval.py --analysed /tmp/analysed/nl-eval/articles.jsonl \
        --out /tmp/kroniek-events-nl-eval
    .venv/bin/python benchmarks/events_nl_eval_recall.py /tmp/kroniek-events-nl-eval/events.jsonl

A row of benchmarks/events_nl_eval_missed.tsv counts as found when an event of the same
document has its root code (first two digits), source country and, where the row names
one, target country. Recall = correct events (hand judgements, partial = ½) / (correct
events + rows still missed): every event a careful coder would record is either coded
(and judged) or listed as missed.
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]


def _country(code: str) -> str:
    return (code or "")[:3]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("events", help="events.jsonl written by benchmarks/events_nl_eval.py")
    ap.add_argument("--missed", default=str(HERE / "events_nl_eval_missed.tsv"))
    ap.add_argument("--judgements", default=str(HERE / "events_nl_eval_judgements.tsv"))
    args = ap.parse_args()
    events = [json.loads(line) for line in open(args.events, encoding="utf-8") if line.strip()]
    docs = {e["doc"] for e in events}
    verdicts = {(r[0], r[1], r[2], r[3]): r[4] for r in _rows(Path(args.judgements))}
    correct = 0.0
    for e in events:
        key = (e["doc"], e["cameo"], e["source"].get("code") or "", (e.get("target") or {}).get("code") or "")
        correct += {"ok": 1.0, "partial": 0.5}.get(verdicts.get(key, ""), 0.0)
    still, now = [], []
    for r in _rows(Path(args.missed)):
        doc, _sent, code, src, tgt = r[:5]
        hit = any(e["doc"] == doc and e["cameo"][:2] == code[:2]
                  and _country(e["source"].get("code")) == _country(src)
                  and (not tgt or _country((e.get("target") or {}).get("code")) == _country(tgt))
                  for e in events)
        (now if hit else still).append(r)
    print(f"missed-list rows: {len(now) + len(still)}, now found: {len(now)}, still missed: {len(still)}")
    for r in now:
        print("  found:", "\t".join(r[:5]))
    print(f"correct events (judged): {correct:g}; recall estimate = {correct:g} / ({correct:g} + {len(still)})"
          f" = {correct / (correct + len(still)) if correct + len(still) else 0:.2f}   ({len(docs)} documents with events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
