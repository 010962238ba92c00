"""Shared by the quote benchmarks: quotes of analysed articles (the pipeline's stages after
Frog, common.run_stages) checked against hand verdicts.

The verdict files name each quote by document, kind (D/i) and the character span [start, end)
of its first 70 characters in the article text, never by its words: the corpora are test
sets, read from ../shared at run time."""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from common import run_stages

# ---------------------------------------------------------------- hand verdicts

def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


PREFIX = 70   # a verdict's span covers the first PREFIX characters of the quote


def key(doc: str, kind: str, start: int) -> tuple[str, str, int]:
    return doc, kind, int(start)


def load_verdicts(path: Path) -> dict:
    out = {}
    with open(path, encoding="utf-8") as f:
        rows = [r for r in f if r.strip() and not r.startswith("#")]
    for n, row in enumerate(csv.DictReader(rows, delimiter="\t"), 2):
        if row["quote_ok"] not in ("y", "n"):
            raise SystemExit(f"{path}:{n}: quote_ok must be y or n, got {row['quote_ok']!r}")
        k = key(row["doc"], row["kind"], row["start"])
        if k in out:   # the same quote twice: a second row for a later occurrence is a mistake
            raise SystemExit(f"{path}:{n}: a second verdict for {k}")
        out[k] = row
    return out


def find_verdict(verdicts: dict, k: tuple[str, str, int]):
    """The verdict for a quote: same document and kind, and the quote starting where the
    verdict's span starts (a quote the engine now reads a paragraph further keeps its
    verdict), or within two characters of it (a quote mark or space more or less)."""
    if k in verdicts:
        return verdicts[k]
    doc, kind, start = k
    for shift in (-1, 1, -2, 2):
        v = verdicts.get((doc, kind, start + shift))
        if v is not None:
            return v
    return None


def speaker_right(system_name: str | None, truth: str) -> bool:
    """score.py's rule: the last word of a true name among the system name's words; `-` is nobody."""
    if truth.strip() == "-":
        return not system_name
    words = set(norm(system_name).split())
    return any(norm(t).split() and norm(t).split()[-1] in words for t in truth.split("|"))


def check(articles, verdicts_path: Path, out: Path, show: bool = False, template: bool = False,
          list_unchecked: bool = True) -> dict:
    """Run the quote stage, write out/quotes.jsonl, score every quote that has a verdict."""
    out.mkdir(parents=True, exist_ok=True)
    verdicts = load_verdicts(verdicts_path) if verdicts_path.exists() else {}
    stats = {k: {"system": 0, "checked": 0, "ok": 0, "speaker_n": 0, "speaker_ok": 0, "attributed": 0}
             for k in ("D", "i")}
    unchecked, wrong = [], []
    with open(out / "quotes.jsonl", "w", encoding="utf-8") as f:
        for a in run_stages(articles):
            for q in a.quotes:
                rec = q.to_json(a.id)
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                kind = "D" if q.direct else "i"
                name = rec["speaker"]["name"] if rec["speaker"] else None
                st = stats[kind]
                st["system"] += 1
                st["attributed"] += bool(name)
                v = find_verdict(verdicts, key(a.id, kind, q.start))
                if v is None:
                    unchecked.append((a.id, kind, q.start, q.quote, name))
                    continue
                st["checked"] += 1
                if v["quote_ok"] != "y":
                    wrong.append(f"NOT A QUOTE {a.id} {kind} {q.quote[:PREFIX]!r} ({v.get('note', '')})")
                    continue
                st["ok"] += 1
                st["speaker_n"] += 1
                if speaker_right(name, v["true_speaker"]):
                    st["speaker_ok"] += 1
                else:
                    wrong.append(f"SPEAKER {a.id} {kind} {q.quote[:60]!r}: system {name!r}, true {v['true_speaker']!r}")
    report: dict = {}
    for kind, label in (("D", "direct"), ("i", "indirect")):
        st = stats[kind]
        report[label] = {
            "quotes": st["system"], "checked": st["checked"],
            "precision": round(st["ok"] / st["checked"], 4) if st["checked"] else None,
            "speaker_accuracy": round(st["speaker_ok"] / st["speaker_n"], 4) if st["speaker_n"] else None,
            "with_speaker": st["attributed"]}
    report["unchecked"] = len(unchecked)
    print(json.dumps(report, indent=2))
    if show:
        for w in wrong:
            print(w, file=sys.stderr)
    for doc, kind, start, quote, name in unchecked:
        if template:
            # the row carries offsets only; the words go to stderr for the checker to read
            end = start + len(quote[:PREFIX])
            print("\t".join([doc, kind, str(start), str(end), "?", name or "-", ""]))
            print(f"  {doc} {start}: {quote[:PREFIX]!r}", file=sys.stderr)
        elif list_unchecked:
            print(f"UNCHECKED {doc} {kind} {start} {quote[:PREFIX]!r} -> {name}", file=sys.stderr)
    report["unchecked_items"] = unchecked
    return report
