"""Seed score for the event coder (issue 3 targets: required recall ≥ 0.9 with dates,
strict precision ≥ 0.85, forbidden_hits 0).

    .venv/bin/python benchmarks/events_seed.py                  # analyse the seed with Frog
    .venv/bin/python benchmarks/events_seed.py --analysed /tmp/analysed/seed/articles.jsonl

Writes OUT/events.jsonl (default /tmp/kroniek-events-seed) and runs
`python3 ../shared/eval/score.py events OUT/events.jsonl ../shared/gold/seed.events.jsonl --verbose`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_common import SHARED, Stages, analyse_with_frog, read_analysed, write_events  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--analysed", help="analysed articles (JSON Lines); default: run Frog on the seed")
    ap.add_argument("--out", default="/tmp/kroniek-events-seed")
    args = ap.parse_args()
    articles = list(read_analysed(args.analysed)) if args.analysed else analyse_with_frog([SHARED / "corpus" / "seed"])
    stages = Stages()
    articles = [stages(a) for a in articles]
    path = write_events(articles, Path(args.out))
    gold = SHARED / "gold" / "seed.events.jsonl"
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "events", str(path), str(gold), "--verbose"]
    print("$", " ".join(cmd))
    res = subprocess.run(cmd, capture_output=True, text=True)
    print(res.stdout, res.stderr, sep="")
    report = json.loads(res.stdout[res.stdout.index("{"):])
    wd = report["with_date"]
    ok = wd["required_found"] / wd["required"] >= 0.9 and wd["precision"] >= 0.85 and report["forbidden_hits"] == 0
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
