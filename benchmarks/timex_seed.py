#!/usr/bin/env python3
"""Seed article: the time stage against the hand-made gold.

    .venv/bin/python benchmarks/timex_seed.py [--out DIR]

Writes DIR/timex.jsonl with `kroniek timex` (raw text, no Frog) and runs
`python3 ../shared/eval/score.py timex DIR/timex.jsonl ../shared/gold/seed.timex.jsonl --verbose`.
Target: all 11 gold expressions found, interval accuracy 1.0.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, score_seed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/kroniek-bench/seed")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    kroniek = Path(sys.executable).parent / "kroniek"
    with open(out / "timex.jsonl", "w", encoding="utf-8") as fh:
        subprocess.run([str(kroniek), "timex", str(SHARED / "corpus" / "seed")], check=True, stdout=fh)
    score_seed("timex", out / "timex.jsonl")


if __name__ == "__main__":
    main()
