"""Actor coverage on nl-eval: the share of Frog's PER/ORG/LOC mentions that get an actor code.

    .venv/bin/python benchmarks/actors_coverage.py [--articles /tmp/analysed/nl-eval/articles.jsonl]
        [--missed N] [--sample benchmarks/actors_sample.tsv --sample-size 160]

Reads pre-analysed articles (Frog output as `article_from_json` lines; made by
`kroniek extract ../shared/corpus/nl-eval --out DIR`), runs the actor resolver and reports,
per NER type, how many Frog entity spans overlap a mention with a code. With --sample it
writes a reproducible random sample of coded mentions to a TSV for hand checking (the
`verdict` and `gold_code` columns are filled by hand; `actors_accuracy.py` scores it). The
TSV names each mention by document and character offsets only, so that no words of the test
set enter the repository; the words and their sentence are printed here for the checker.
"""
from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import read_analysed  # noqa: E402

from kroniek.actors.resolve import resolve_article  # noqa: E402


def ner_spans(article):
    """Contiguous BIO spans as (type, first, last)."""
    spans, cur = [], None
    for t in article.tokens:
        tag = t.ner or "O"
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:] or cur[2] != t.i)):
            if cur:
                spans.append(tuple(cur))
            cur = [tag[2:], t.i, t.i + 1]
        elif tag.startswith("I-") and cur:
            cur[2] = t.i + 1
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default="/tmp/analysed/nl-eval/articles.jsonl")
    ap.add_argument("--missed", type=int, default=0, help="print the N most frequent uncovered names")
    ap.add_argument("--sample", help="write a random sample of coded mentions to this TSV")
    ap.add_argument("--sample-size", type=int, default=160)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--exclude", help="leave out the mentions of an earlier sample TSV (a fresh, unseen sample)")
    args = ap.parse_args()
    arts = list(read_analysed(args.articles))
    total, covered = collections.Counter(), collections.Counter()
    missed = collections.Counter()
    all_mentions = []
    import time
    from kroniek.actors.kb import load_kb
    load_kb()                                   # load the knowledge base before timing
    t0 = time.perf_counter()
    resolved = [resolve_article(a) for a in arts]
    elapsed = time.perf_counter() - t0
    ntok = sum(len(a.tokens) for a in arts)
    for a, ms in zip(arts, resolved):
        all_mentions += [(a, m) for m in ms if m.code]
        coded = [m for m in ms if m.code]
        for typ, f, l in ner_spans(a):
            if typ not in ("PER", "ORG", "LOC"):
                continue
            total[typ] += 1
            if any(m.tokens[0] < l and f < m.tokens[1] for m in coded):
                covered[typ] += 1
            else:
                missed[(typ, a.text[a.tokens[f].start:a.tokens[l - 1].end])] += 1
    print(f"articles: {len(arts)}   actor mentions with a code: {len(all_mentions)}   "
          f"resolver: {elapsed:.2f} s for {ntok} tokens ({ntok / max(elapsed, 1e-9):,.0f} tokens/s, Frog not included)")
    for typ in ("PER", "ORG", "LOC"):
        print(f"{typ}: {covered[typ]}/{total[typ]} = {covered[typ] / max(1, total[typ]):.3f}")
    t, c = sum(total.values()), sum(covered.values())
    print(f"ALL: {c}/{t} = {c / max(1, t):.3f}")
    if args.missed:
        for (typ, text), n in missed.most_common(args.missed):
            print(f"  missed {typ:4} {n:3} {text}")
    if args.sample:
        rng = random.Random(args.seed)
        if args.exclude:
            seen = {(l.split("\t")[0], l.split("\t")[2], l.split("\t")[3])
                    for l in open(args.exclude, encoding="utf-8") if not l.startswith(("#", "doc\t"))}
            all_mentions = [(a, m) for a, m in all_mentions if (a.id, str(m.start), str(m.end)) not in seen]
        sample = rng.sample(all_mentions, min(args.sample_size, len(all_mentions)))
        sample.sort(key=lambda am: (am[0].id, am[1].start))
        with open(args.sample, "w", encoding="utf-8") as fh:
            fh.write("doc\tdate\tstart\tend\tkind\tcode\tperson\tverdict\tgold_code\tnote\n")
            for a, m in sample:
                fh.write(f"{a.id}\t{a.date.iso()}\t{m.start}\t{m.end}\t{m.kind}\t{m.code}\t{m.person or ''}\t\t\t\n")
                sent = a.sentence_text(m.sent).replace("\t", " ").replace("\n", " ")
                print(f"{a.id}\t{m.start}\t{m.end}\t{m.text!r}\t{sent}")
        print(f"wrote {len(sample)} mentions to {args.sample}")


if __name__ == "__main__":
    main()
