"""Shared by the quote benchmarks: quotes of analysed articles (the pipeline's timex → actors
→ events → quotes stages, common.run_stages) checked against hand verdicts."""
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


def find_verdict(verdicts: dict, k: tuple[str, str, str]):
    """The verdict for a quote: same document and kind, and one text the start of the other
    (a quote the engine now reads a paragraph further keeps its verdict)."""
    if k in verdicts:
        return verdicts[k]
    doc, kind, text = k
    for (d, kd, t), v in verdicts.items():
        if d == doc and kd == kind and min(len(t), len(text)) >= 15 and (t.startswith(text) or text.startswith(t)):
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
                v = find_verdict(verdicts, key(a.id, kind, q.quote))
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
    for doc, kind, quote, name in unchecked:
        if template:
            print("\t".join([doc, kind, quote[:70].replace("\t", " ").replace("\n", " "), "?", name or "-", ""]))
        elif list_unchecked:
            print(f"UNCHECKED {doc} {kind} {quote[:70]!r} -> {name}", file=sys.stderr)
    report["unchecked_items"] = unchecked
    return report
