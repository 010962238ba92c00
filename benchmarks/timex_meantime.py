#!/usr/bin/env python3
"""MEANTIME Dutch (115 news articles): document-level TIMEX3 value F1 against the gold
values of the English originals.

    .venv/bin/python benchmarks/timex_meantime.py [--out DIR] [--diff]

Tags each document's `raw` text with kroniek.time.tag_text, the document date being the
corpus `dct`, writes DIR/timex.jsonl and scores it with ../shared/eval/meantime_values.py.
Two documents have odd `dct` values: `14-Feb-07` is read as a date (dateutil); an
unusable one (`0000-00-00`) falls back to the dateline in the text, else the document is
skipped (reported as `dct_skipped`). NewsReader baseline: F1 0.358 (`meantime_values.py
--newsreader`); target ≥ 0.70. --diff prints per-document missing and extra values.

Scope: the English MEANTIME time expressions were annotated only in the title, the
dateline and the first three sentences of each article (every document of
../shared/benchmarks/meantime-en-timex has exactly six annotated blocks), so by default
only expressions that start in that part of the Dutch text are scored (`--sentences 3`;
the Dutch raw text has one sentence per line). `--sentences 0` scores whole documents.
`--newsreader` scores the stored NewsReader output in the same scope, for a fair comparison
(with `--sentences 0` it reproduces `meantime_values.py --newsreader`, F1 0.358).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from dateutil import parser as dateparser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, read_analysed  # noqa: E402

from kroniek.records import DocDate  # noqa: E402
from kroniek.time import tag_text  # noqa: E402

DOCS = SHARED / "benchmarks" / "meantime-nl" / "derived_meantime_nl_docs.jsonl"
GOLD = SHARED / "benchmarks" / "meantime-nl" / "meantime_timex_gold_from_english.jsonl"


def doc_date(dct: str, raw: str) -> tuple[DocDate | None, str]:
    """The document date and how it was found ("dct", "dct-parsed", "dateline")."""
    try:
        d = DocDate.parse(dct[:10])
        if d.year > 1900:
            return d, "dct"
    except ValueError:
        pass
    try:
        x = dateparser.parse(dct, dayfirst=True)
        if x.year > 1900:
            return DocDate(x.year, x.month, x.day), "dct-parsed"
    except (ValueError, OverflowError):
        pass
    m = re.search(r"^\s*(\d{1,2}-[A-Za-z]{3}-\d{2,4})\s*$", raw[:400], re.M)
    if m:
        x = dateparser.parse(m.group(1), dayfirst=True)
        return DocDate(x.year, x.month, x.day), "dateline"
    return None, "skipped"


def scope_end(raw: str, sentences: int) -> int:
    """Offset where the annotated part ends: title, dateline, then `sentences` body lines."""
    if sentences <= 0:
        return len(raw)
    blocks = [m for m in re.finditer(r"[^\n]*\S[^\n]*", raw)]
    keep = 2 + sentences
    return blocks[keep - 1].end() if len(blocks) >= keep else len(raw)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/kroniek-bench/meantime")
    ap.add_argument("--diff", action="store_true")
    ap.add_argument("--sentences", type=int, default=3, help="body sentences in scope (0: whole document)")
    ap.add_argument("--newsreader", action="store_true",
                    help="score the stored NewsReader output in the same scope instead (its expressions are found in the text in order)")
    ap.add_argument("--analysed", help="articles.jsonl of the same documents with Frog tokens (tense from the parser)")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    how = Counter()
    mine: dict[str, list] = {}
    analysed = {a.id: a for a in read_analysed(args.analysed)} if args.analysed else {}
    with open(DOCS, encoding="utf-8") as fh, open(out / "timex.jsonl", "w", encoding="utf-8") as w:
        for line in fh:
            d = json.loads(line)
            date, h = doc_date(d["dct"], d["raw"])
            how[h] += 1
            if date is None:
                continue
            if args.newsreader:
                cut = scope_end(d["raw"], args.sentences)
                at = 0
                for t in d["system_timex3_newsreader"]:
                    if t.get("function") == "CREATION_TIME" or not t.get("text"):
                        continue
                    i = d["raw"].find(t["text"], at)
                    if i < 0:
                        i = d["raw"].lower().find(t["text"].lower(), at)
                    if i >= 0:
                        at = i + len(t["text"])
                    if 0 <= i < cut:
                        w.write(json.dumps({"doc": d["doc"], "text": t["text"], "type": t["type"], "value": t["value"]}) + "\n")
                continue
            a = analysed.get(d["doc"])
            if a is not None and a.text == d["raw"]:
                found = tag_text(a.text, date, a.tokens or None, a.sentences or None)
                how["with_frog_tokens"] += 1
            else:
                found = tag_text(d["raw"], date)
            cut = scope_end(d["raw"], args.sentences)
            for t in found:
                if t.start >= cut:
                    continue
                w.write(json.dumps(t.to_json(d["doc"]), ensure_ascii=False) + "\n")
                mine.setdefault(d["doc"], []).append(t)
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "meantime_values.py"), str(out / "timex.jsonl")],
                         check=True, capture_output=True, text=True).stdout
    print(res.strip())
    print(json.dumps({"dct": dict(how)}))
    if args.diff:
        for line in open(GOLD, encoding="utf-8"):
            g = json.loads(line)
            gold = Counter(t["value"] for t in g["timex"])
            sysv = Counter(str(t.value) for t in mine.get(g["doc"], []))
            miss, extra = gold - sysv, sysv - gold
            if miss or extra:
                print(f"{g['doc']} dct={g['dct']}")
                for v in miss.elements():
                    texts = [t["text"] for t in g["timex"] if t["value"] == v]
                    print(f"   MISS  {v:14} {texts[:2]}")
                for v in extra.elements():
                    texts = [t.text for t in mine.get(g["doc"], []) if str(t.value) == v]
                    print(f"   EXTRA {v:14} {texts[:2]}")


if __name__ == "__main__":
    main()
