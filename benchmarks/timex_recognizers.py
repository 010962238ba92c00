#!/usr/bin/env python3
"""Microsoft Recognizers-Text Dutch date/time cases (741 sentences with reference dates).

    .venv/bin/python benchmarks/timex_recognizers.py [--out DIR] [--errors]

Runs ../shared/eval/recognizers.py input → cases.jsonl, tags every case with
kroniek.time.tag_text (each case's `date` is the reference date-time), writes
DIR/timex.jsonl and scores it with `recognizers.py score`. Target: F1 ≥ 0.90, value
accuracy ≥ 0.85. --errors lists misses, extras and wrong values.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, write_jsonl  # noqa: E402

from kroniek.records import DocDate  # noqa: E402
from kroniek.time import tag_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/kroniek-bench/recognizers")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    script = SHARED / "eval" / "recognizers.py"
    cases_txt = subprocess.run([sys.executable, str(script), "input"], check=True, capture_output=True, text=True).stdout
    (out / "cases.jsonl").write_text(cases_txt, encoding="utf-8")
    cases = [json.loads(l) for l in cases_txt.splitlines() if l.strip()]
    write_jsonl(out / "timex.jsonl", (t.to_json(c["id"]) for c in cases for t in tag_text(c["text"], DocDate.parse(c["date"]))))
    res = subprocess.run([sys.executable, str(script), "score", str(out / "timex.jsonl")], check=True, capture_output=True, text=True).stdout
    print(res.strip())
    if args.errors:
        show_errors(cases, out / "timex.jsonl")


def show_errors(cases, path):
    sys.path.insert(0, str(SHARED / "eval"))
    import recognizers as R
    system = {}
    for l in open(path, encoding="utf-8"):
        r = json.loads(l)
        system.setdefault(r["doc"], []).append(r)
    for cid, c in R.cases():
        ss = list(system.get(cid, []))
        for gold in c.get("Results", []):
            hit = next((s for s in ss if R.norm(s.get("text")) and (R.norm(s["text"]) in R.norm(gold["Text"]) or R.norm(gold["Text"]) in R.norm(s["text"]))), None)
            if hit is None:
                print(f"MISS  {cid} {c['Context']['ReferenceDateTime'][:10]} {gold['Text']!r} in {c['Input']!r}")
                continue
            ss.remove(hit)
            values, intervals = R.accepted(gold)
            sv = R.canon(hit.get("value"))
            ok = sv in values or ("T" in sv and "T" + sv.split("T", 1)[1] in values) or (str(hit.get("earliest"))[:10], str(hit.get("latest"))[:10]) in intervals
            if not ok:
                print(f"VALUE {cid} {c['Context']['ReferenceDateTime'][:10]} {gold['Text']!r} sys={hit['text']!r} {hit.get('value')} {hit.get('earliest')}..{hit.get('latest')} gold={sorted(values)[:3]} {sorted(intervals)[:2]}")
        for s in ss:
            print(f"EXTRA {cid} {s['text']!r} {s.get('value')} in {c['Input']!r}")


if __name__ == "__main__":
    main()
