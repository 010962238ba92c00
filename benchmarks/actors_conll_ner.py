"""Frog's named-entity F1 per type on CoNLL-2002 Dutch, through kroniek's analysis layer:
the baseline for the entity layer the actor resolver builds on.

    .venv/bin/python benchmarks/actors_conll_ner.py [--file ../shared/benchmarks/conll2002-nl/ned.testb]
        [--limit N] [--batch 200] [--out benchmarks/results/actors_conll_ner.txt]

The CoNLL file is Latin-1 and pre-tokenised (one token a line, sentences separated by blank
lines). Each sentence is written as one line of text (tokens joined by spaces) and sent as
its own paragraph through `FrogAnalyzer` (one Frog, `-n`: one sentence a line, so Frog
does not re-split sentences; parser and morphology skipped, `--skip=ap`, as NER does not
use them). kroniek's aligner gives every Frog token character offsets; a Frog entity is
mapped back onto the gold tokens by those offsets, and it counts only where both its ends
fall on gold token boundaries (exact match, as conlleval). Frog's SoNaR types are mapped
to CoNLL's: per/org/loc as such, pro/eve/misc -> MISC. A few bytes in the file are C1
control characters (0x80-0x9f, a broken encoding of accented letters); they are replaced
by `e` so that Frog keeps the word whole.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kroniek.analysis.component import FrogAnalyzer  # noqa: E402
from kroniek.analysis.frog import FrogConfig  # noqa: E402
from kroniek.records import Article, DocDate  # noqa: E402

TYPE_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "PRO": "MISC", "EVE": "MISC"}


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    for line in path.read_bytes().decode("latin-1").splitlines():
        line = line.strip()
        if not line:
            if cur:
                sents.append(cur)
            cur = []
            continue
        parts = line.split()
        if parts[0] == "-DOCSTART-":
            continue
        word = "".join("e" if 0x80 <= ord(c) <= 0x9F else c for c in parts[0])
        cur.append((word, parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def bio_spans(tags: list[str]) -> set[tuple[str, int, int]]:
    spans, start, typ = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        t = tag.upper()
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                spans.add((typ, start, i))
            start, typ = (i, t[2:]) if t != "O" else (None, None)
    return spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default=str(ROOT.parent / "shared" / "benchmarks" / "conll2002-nl" / "ned.testb"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--batch", type=int, default=200, help="sentences per Frog request")
    ap.add_argument("--out", help="also write the report to this file")
    args = ap.parse_args()
    sents = read_conll(Path(args.file))
    if args.limit:
        sents = sents[: args.limit]
    gold_all, pred_all = set(), set()
    from kroniek.actors.kb import load_kb, normalise
    kb = load_kb()
    nationality: set[tuple] = set()      # predicted spans that are KB adjectives/demonyms
    analyzer = FrogAnalyzer(FrogConfig(skip="ap", extra_args=("-n",), timeout=600))
    t0 = time.monotonic()
    ntok = 0
    try:
        for b in range(0, len(sents), args.batch):
            batch = sents[b: b + args.batch]
            text, paras, tok_spans = "", [], []
            for s in batch:
                start = len(text)
                spans = []
                for w, _ in s:
                    spans.append((len(text), len(text) + len(w)))
                    text += w + " "
                text = text[:-1]
                paras.append((start, len(text)))
                tok_spans.append(spans)
                text += "\n\n"
            art = Article(id=f"conll-{b}", date=DocDate(2002), text=text, paragraphs=paras)
            art = analyzer(art)
            # gold
            for si, s in enumerate(batch):
                for typ, f, l in bio_spans([tag for _, tag in s]):
                    gold_all.add((b + si, typ, f, l))
            # predicted: Frog entities by character offsets
            starts = {}
            ends = {}
            for si, spans in enumerate(tok_spans):
                for ti, (cs, ce) in enumerate(spans):
                    starts[cs] = (si, ti)
                    ends[ce] = (si, ti)
            tags = [t.ner for t in art.tokens]
            for typ, f, l in bio_spans(tags):
                cs, ce = art.tokens[f].start, art.tokens[l - 1].end
                if cs in starts and ce in ends and starts[cs][0] == ends[ce][0]:
                    si, ti = starts[cs]
                    key = (b + si, TYPE_MAP.get(typ, "MISC"), ti, ends[ce][1] + 1)
                    pred_all.add(key)
                    words = tuple(normalise(t.text) for t in art.tokens[f:l])
                    if any(e.kind in ("adjective", "demonym") for e in kb.aliases.get(words, [])):
                        nationality.add(key)
                else:
                    pred_all.add((b, "MISALIGNED", cs, ce))
            ntok += sum(len(s) for s in batch)
            print(f"  {b + len(batch)}/{len(sents)} sentences, {time.monotonic() - t0:.0f} s", file=sys.stderr)
    finally:
        analyzer.close()
    lines = [f"CoNLL-2002 Dutch {Path(args.file).name}: {len(sents)} sentences, {ntok} tokens, "
             f"{time.monotonic() - t0:.0f} s (Frog --skip=ap -n via kroniek.analysis)",
             f"{'type':6} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6}"]
    types = ["PER", "ORG", "LOC", "MISC"]
    for typ in types + ["ALL"]:
        g = {x for x in gold_all if typ == "ALL" or x[1] == typ}
        p = {x for x in pred_all if typ == "ALL" or x[1] == typ}
        tp = len(g & p)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        lines.append(f"{typ:6} {len(g):6} {len(p):6} {prec:6.3f} {rec:6.3f} {f1:6.3f}")
    loc_fp = {x for x in pred_all if x[1] == "LOC"} - gold_all
    nat_fp = loc_fp & nationality
    nat_as_misc = {x for x in nationality if x[1] == "LOC" and (x[0], "MISC", x[2], x[3]) in gold_all}
    lines.append(f"Frog LOC not in the gold: {len(loc_fp)}; of these {len(nat_fp)} are nationality adjectives or "
                 f"demonyms in the actor KB ({len(nat_as_misc)} of them gold MISC): the actor stage reads those "
                 f"from the KB, not from NER")
    mis = sum(1 for x in pred_all if x[1] == "MISALIGNED")
    lines.append(f"Frog entities not on gold token boundaries: {mis}")
    report = "\n".join(lines)
    print(report)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
