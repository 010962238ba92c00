"""The events coded from ../shared/corpus/nl-eval (70 real articles, no gold), listed
article by article for hand-checking, with counts per article and a flag on the articles
that have no political content (accidents, sports, entertainment), which must yield none.

    .venv/bin/python benchmarks/events_nl_eval.py --analysed /tmp/analysed/nl-eval/articles.jsonl
    .venv/bin/python benchmarks/events_nl_eval.py --analysed /tmp/analysed/meantime/articles.jsonl --all

`--judgements FILE` (e.g. benchmarks/events_nl_eval_judgements.tsv) reads hand judgements
(doc, cameo, source code, target code, ok|partial|wrong, note), matches them to the events
and prints the precision they give (partial = ½) and the events not yet judged.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_common import SHARED, Stages, analyse_with_frog, read_analysed, write_events  # noqa: E402

# Articles of nl-eval without political events, by their headline topic (checked by hand):
# accidents, crime without political actors, sports, entertainment, weather.
POLITICS_FREE = {
    "dm-20171028-03158532": "accident at an amusement park",
    "dm-20180604-03545553": "lorry damages a bridge",
    "dm-20180817-03669378": "traffic accident on the A12",
    "dm-20180810-03657494": "floods in southern France",
    "dm-20171217-03247324": "forest fires in California",
    "dm-20180503-03494812": "athlete doping test",
    "dm-20180528-03534503": "stabbing near a station",
    "kk-20211223-03-rtlboulevard": "television programme",
    "dm-20171213-03240800": "television programme on drug dealers",
    "dm-20180212-03353549": "supermarket withdraws sausages",
    "dm-20171115-03187622": "airline licences",
    "dm-20180818-03671432": "obituary of Kofi Annan",
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--analysed", help="analysed articles (JSON Lines); default: run Frog on nl-eval")
    ap.add_argument("--out", default="/tmp/kroniek-events-nl-eval")
    ap.add_argument("--all", action="store_true", help="also list articles without events")
    ap.add_argument("--judgements")
    args = ap.parse_args()
    articles = list(read_analysed(args.analysed)) if args.analysed else analyse_with_frog([SHARED / "corpus" / "nl-eval"])
    stages = Stages()
    articles = [stages(a) for a in articles]
    write_events(articles, Path(args.out))
    total = 0
    bad_free = 0
    for a in articles:
        if not a.events and not args.all:
            continue
        free = POLITICS_FREE.get(a.id)
        print(f"\n== {a.id}  {a.title or a.text[:80]!r}" + (f"  [politics-free: {free}]" if free else ""))
        for e in a.events:
            total += 1
            bad_free += bool(free)
            tgt = f"{e.target.text} ({e.target.code})" if e.target else "-"
            print(f"  {e.id} {e.cameo} {e.plover or '':9s} {e.mode:12s} {e.earliest}..{e.latest} "
                  f"{e.source.text} ({e.source.code}) -> {tgt}  conf={e.confidence:.2f}")
            print(f"      {e.evidence[0].text[:160]!r}   [{e.rule}]")
    n_free = sum(1 for a in articles if a.id in POLITICS_FREE)
    print(f"\n{len(articles)} articles, {total} events; {bad_free} events in {n_free} politics-free articles")
    if args.judgements:
        with open(args.judgements, encoding="utf-8") as fh:
            rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
        verdicts = {(r[0], r[1], r[2], r[3]): r[4] for r in rows}
        score = n = 0
        for a in articles:
            for e in a.events:
                key = (a.id, e.cameo, e.source.code or "", (e.target.code or "") if e.target else "")
                v = verdicts.get(key)
                if v is None:
                    print(f"not judged: {key} {e.evidence[0].text[:80]!r}")
                    continue
                n += 1
                score += {"ok": 1.0, "partial": 0.5}.get(v, 0.0)
        if n:
            print(f"hand-judged precision: {score:.1f}/{n} = {score / n:.2f}")
    return 1 if bad_free else 0


if __name__ == "__main__":
    sys.exit(main())
