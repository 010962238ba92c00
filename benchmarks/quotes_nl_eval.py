"""Quotes on ../shared/corpus/nl-eval/, checked against hand verdicts (issue 6).

There is no gold for quotes on nl-eval, so every quote the system found was read by hand
and judged in benchmarks/quotes_nl_eval_handcheck.tsv, one row per quote:

    doc  kind  quote  quote_ok  true_speaker  note

- kind: D (direct quote) or i (indirect speech, direct=false)
- quote: the first 70 characters of the quote text (the row's key, with doc and kind)
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
import csv
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes_common import SHARED, analysed_articles, run_stages  # noqa: E402

VERDICTS = Path(__file__).resolve().parent / "quotes_nl_eval_handcheck.tsv"


def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def key(doc: str, kind: str, quote: str) -> tuple[str, str, str]:
    return doc, kind, norm(quote[:70])


def load_verdicts(path: Path) -> dict:
    out = {}
    with open(path, encoding="utf-8") as f:
        rows = [r for r in f if r.strip() and not r.startswith("#")]
    for n, row in enumerate(csv.DictReader(rows, delimiter="\t"), 2):
        if row["quote_ok"] not in ("y", "n"):
            raise SystemExit(f"{path}:{n}: quote_ok must be y or n, got {row['quote_ok']!r}")
        out[key(row["doc"], row["kind"], row["quote"])] = row
    return out


def speaker_right(system_name: str | None, truth: str) -> bool:
    if truth.strip() == "-":
        return not system_name
    words = set(norm(system_name).split())
    return any(norm(t).split() and norm(t).split()[-1] in words for t in truth.split("|"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", help="pre-analysed articles.jsonl (default: run Frog on nl-eval)")
    ap.add_argument("--out", default="/tmp/kroniek-quotes-nl-eval")
    ap.add_argument("--verdicts", default=str(VERDICTS))
    ap.add_argument("--show", action="store_true", help="print every wrong quote and speaker")
    ap.add_argument("--template", action="store_true", help="print TSV rows for unchecked quotes")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    verdicts = load_verdicts(Path(args.verdicts)) if Path(args.verdicts).exists() else {}
    stats = {k: {"system": 0, "checked": 0, "ok": 0, "speaker_n": 0, "speaker_ok": 0, "attributed": 0}
             for k in ("D", "i")}
    unchecked, wrong = [], []
    with open(out / "quotes.jsonl", "w", encoding="utf-8") as f:
        for a in run_stages(analysed_articles(SHARED / "corpus" / "nl-eval", args.articles)):
            for q in a.quotes:
                rec = q.to_json(a.id)
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                kind = "D" if q.direct else "i"
                name = rec["speaker"]["name"] if rec["speaker"] else None
                st = stats[kind]
                st["system"] += 1
                st["attributed"] += bool(name)
                v = verdicts.get(key(a.id, kind, q.quote))
                if v is None:
                    unchecked.append((a.id, kind, q.quote, name))
                    continue
                st["checked"] += 1
                if v["quote_ok"] != "y":
                    wrong.append(f"NOT A QUOTE {a.id} {kind} {q.quote[:70]!r} ({v.get('note', '')})")
                    continue
                st["ok"] += 1
                st["speaker_n"] += 1
                if speaker_right(name, v["true_speaker"]):
                    st["speaker_ok"] += 1
                else:
                    wrong.append(f"SPEAKER {a.id} {kind} {q.quote[:60]!r}: system {name!r}, true {v['true_speaker']!r}")
    report = {}
    for kind, label in (("D", "direct"), ("i", "indirect")):
        st = stats[kind]
        report[label] = {
            "quotes": st["system"], "checked": st["checked"],
            "precision": round(st["ok"] / st["checked"], 4) if st["checked"] else None,
            "speaker_accuracy": round(st["speaker_ok"] / st["speaker_n"], 4) if st["speaker_n"] else None,
            "with_speaker": st["attributed"]}
    report["unchecked"] = len(unchecked)
    print(json.dumps(report, indent=2))
    if args.show:
        for w in wrong:
            print(w, file=sys.stderr)
    for doc, kind, quote, name in unchecked:
        if args.template:
            print("\t".join([doc, kind, quote[:70].replace("\t", " "), "?", name or "-", ""]))
        else:
            print(f"UNCHECKED {doc} {kind} {quote[:70]!r} -> {name}", file=sys.stderr)


if __name__ == "__main__":
    main()
