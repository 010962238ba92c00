#!/usr/bin/env python3
"""Does the parse filter change what kroniek finds? Real Frog runs, with and without it.

    .venv/bin/python benchmarks/parse_filter_scores.py [--corpus DIR ...]

Runs the whole pipeline on the seed article and the nl-eval corpus twice (parse everywhere;
`--parse-filter`), scores events, time expressions and quotes of the seed with
../shared/eval/score.py, and counts the events and quotes of every article that differ
between the two runs. One Frog at a time for the full run, two (tagger + parser) for the
filtered one.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from kroniek.output.jsonl import OutputFolder  # noqa: E402
from kroniek.records import Article  # noqa: E402
from kroniek.scale.runner import process_inputs  # noqa: E402
from kroniek.scale.stats import RunStats  # noqa: E402


def run(inputs: list[str], out: Path, parse_filter: bool) -> tuple[dict[str, list[str]], RunStats]:
    stats = RunStats()
    config = {"frog": {"parse_filter": True}} if parse_filter else {}
    records: dict[str, list[str]] = {"events": [], "quotes": [], "timex": []}
    with OutputFolder(out, with_tokens=False) as sink:
        for item in process_inputs(inputs, config=config, stats=stats):
            sink.write(item)
            if isinstance(item, Article):
                records["events"] += [json.dumps(e.to_json(item.id), sort_keys=True) for e in item.events]
                records["quotes"] += [json.dumps(q.to_json(item.id), sort_keys=True) for q in item.quotes]
                records["timex"] += [json.dumps(t.to_json(item.id), sort_keys=True) for t in item.timexes]
    return records, stats


def score(task: str, out: Path) -> str:
    gold = SHARED / "gold" / f"seed.{task}.jsonl"
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), task, str(out / f"{task}.jsonl"),
                          str(gold), "--json"], capture_output=True, text=True)
    try:
        d = json.loads(res.stdout)
    except json.JSONDecodeError:
        return (res.stdout or res.stderr).strip()[:200]
    d = d.get("with_date", d)   # events: the score with dates
    keys = [k for k in ("precision", "recall", "f1") if k in d]
    return ", ".join(f"{k} {d[k]:.3f}" for k in keys) if keys else json.dumps(d)[:200]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", nargs="*", default=[str(SHARED / "corpus" / "seed"), str(SHARED / "corpus" / "nl-eval")])
    ap.add_argument("--verbose", action="store_true", help="show differing records")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for name, flt in (("parse everywhere", False), ("parse filter", True)):
            out = Path(tmp, name.replace(" ", "-"))
            t0 = time.monotonic()
            recs, stats = run(args.corpus, out, flt)
            results[name] = recs
            print(f"{name}: {stats.done} articles, {len(recs['events'])} events, {len(recs['quotes'])} quotes, "
                  f"{len(recs['timex'])} time expressions; {stats.parsed_sentences}/{stats.sentences} sentences "
                  f"parsed; {time.monotonic() - t0:.1f} s", flush=True)
            for task in ("events", "timex", "quotes"):
                print(f"  seed {task}: {score(task, out)}")
        a, b = results["parse everywhere"], results["parse filter"]
        for layer in ("events", "quotes", "timex"):
            diff = set(a[layer]) ^ set(b[layer])
            print(f"{layer}: {len(set(a[layer]) & set(b[layer]))} identical, {len(set(a[layer]) - set(b[layer]))} only "
                  f"with parse everywhere, {len(set(b[layer]) - set(a[layer]))} only with the filter"
                  + ("" if diff else " (unchanged)"))
            if diff and args.verbose:
                for x in sorted(diff)[:12]:
                    d = json.loads(x)
                    print("   ", "full" if x in a[layer] else "filter", d.get("doc"),
                          json.dumps({k: d.get(k) for k in ("quote", "speaker", "cameo", "sentence") if k in d},
                                     ensure_ascii=False)[:220])


if __name__ == "__main__":
    main()
