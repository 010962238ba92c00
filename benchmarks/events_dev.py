"""The event coder on the development sets: the challenge suite (dev half), EventDNA dev and
the untagged CoNLL-2002 news of De Morgen (for reading false events), with the issue-12 targets.

    .venv/bin/python benchmarks/events_dev.py                      # all three, Frog once per set (cached)
    .venv/bin/python benchmarks/events_dev.py --sets chal,edna     # only these
    .venv/bin/python benchmarks/events_dev.py --refresh            # analyse again with Frog
    .venv/bin/python benchmarks/events_dev.py --show conll         # print the CoNLL events to read them

Frog's analysis of each set is kept in CACHE/SET/articles.jsonl (default
/tmp/kroniek-dev-cache); the stages after Frog (time, actors, events, quotes) run afresh on
every call, so a lexicon or engine change is measured in seconds. These are development
figures: the sets are the ones the coder is tuned on.

Targets (issue 12): challenge dev F1 with dates ≥ 0.80, forbidden hits ≤ 2, no event on the
control cases, recall ≥ 0.6 in every root; EventDNA mapped recall ≥ 0.45 at precision proxy
≥ 0.80; the coder under 10% of Frog's time per article.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, SHARED, read_analysed, write_jsonl  # noqa: E402

from kroniek.pipeline import available, get_factory  # noqa: E402

CHALLENGE = SHARED / "eval" / "challenge"
EVENTDNA = SHARED / "benchmarks" / "eventdna-dev"
CONLL = SHARED / "benchmarks" / "conll2002-nl" / "ned.testa"


def conll_articles(path: Path, out: Path) -> Path:
    """CoNLL-2002 documents as articles (JSON Lines): one article per -DOCSTART-, sentences as
    paragraphs, tokens joined back with the usual spacing. The corpus has no dates: De Morgen,
    2000, so every article is dated 2000-05."""
    docs: list[list[list[str]]] = [[]]
    sent: list[str] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("-DOCSTART-") or not line.strip():
            if sent:
                docs[-1].append(sent)
                sent = []
            if line.startswith("-DOCSTART-") and docs[-1]:
                docs.append([])
            continue
        sent.append(line.split(" ")[0])
    if sent:
        docs[-1].append(sent)

    def detok(words: list[str]) -> str:
        return re.sub(r"\( ", "(", re.sub(r" ([,.:;!?)])", r"\1", " ".join(words)))
    return write_jsonl(out, ({"id": f"conll-testa-{i:03d}", "date": "2000-05",
                              "text": "\n\n".join(detok(s) for s in d)} for i, d in enumerate(docs) if d))


def analysed(name: str, source: Path, cache: Path, refresh: bool) -> Path:
    """CACHE/NAME/articles.jsonl, made by `kroniek extract` (one Frog) when missing."""
    target = cache / name / "articles.jsonl"
    if refresh or not target.exists():
        print(f"analysing {name} with Frog (kept in {target.parent}) …", file=sys.stderr)
        subprocess.run([str(ROOT / ".venv" / "bin" / "kroniek"), "extract", str(source), "--out", str(target.parent)],
                       check=False, stdout=subprocess.DEVNULL)
    return target


def code(path: Path, out: Path) -> tuple[Path, float, float, int]:
    """Events of the analysed articles: (events.jsonl, seconds in the event stage, seconds in
    all stages after Frog, articles)."""
    stages = [(n, get_factory(n)()) for n in ("timex", "actors", "quotes", "events") if available(n)]
    spent = Counter()
    records, n = [], 0
    for a in read_analysed(path):
        a.timexes, a.actors, a.events, a.quotes = [], [], [], []
        for name, stage in stages:
            t = time.perf_counter()
            a = stage(a)
            spent[name] += time.perf_counter() - t
        records += [e.to_json(a.id) for e in a.events]
        n += 1
    return write_jsonl(out / "events.jsonl", records), spent["events"], sum(spent.values()), n


def run_json(cmd: list[str]) -> dict:
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout[res.stdout.index("{"):])


def challenge(events: Path) -> tuple[dict, str]:
    report = run_json([sys.executable, str(SHARED / "eval" / "score.py"), "events", str(events),
                       str(CHALLENGE / "dev.events.jsonl"), "--corpus", str(CHALLENGE / "dev"), "--json"])
    res = subprocess.run([sys.executable, str(CHALLENGE / "breakdown.py"), str(events), "dev"],
                         capture_output=True, text=True, check=True)
    return report, res.stdout


def controls(events: Path) -> int:
    """Events (asserted or intended) on the control cases, which have no political event."""
    meta = [json.loads(line) for line in (CHALLENGE / "dev.meta.jsonl").read_text().splitlines() if line.strip()]
    docs = {m["id"] if "id" in m else m["doc"] for m in meta if m.get("mode") == "control" or m.get("topic") == "control"}
    return sum(1 for line in events.read_text().splitlines()
               if line.strip() and json.loads(line)["doc"] in docs and json.loads(line)["mode"] in ("asserted", "intended"))


def root_recall(breakdown: str) -> dict[str, tuple[int, int]]:
    out, on = {}, False
    for line in breakdown.splitlines():
        if line.startswith("## recall by CAMEO root"):
            on = True
            continue
        if on and line.startswith("##"):
            break
        m = re.match(r"\s+(\d\d)\s+(\d+)/(\d+)", line)
        if on and m:
            out[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default="chal,edna,conll")
    ap.add_argument("--cache", default="/tmp/kroniek-dev-cache")
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument("--show", default="", help="comma list of sets whose events are printed")
    args = ap.parse_args()
    cache = Path(args.cache)
    sets = args.sets.split(",")
    ok = True
    if "chal" in sets:
        path = analysed("chal", CHALLENGE / "dev", cache, args.refresh)
        events, ev_s, all_s, n = code(path, cache / "chal" / "coded")
        report, breakdown = challenge(events)
        wd = report["with_date"]
        roots = root_recall(breakdown)
        low = [f"{r} {f}/{g}" for r, (f, g) in sorted(roots.items()) if g and f / g < 0.6]
        ctrl = controls(events)
        print(f"challenge dev ({n} cases): F1 with dates {wd['f1']:.3f} (P {wd['precision']:.3f}, R {wd['recall']:.3f}, "
              f"{wd['required_found']}/{wd['required']} required, {wd['system_events']} scored events), "
              f"forbidden hits {report['forbidden_hits']}, events on controls {ctrl}")
        print("  recall by root: " + "  ".join(f"{r} {f}/{g}" for r, (f, g) in sorted(roots.items())))
        print(f"  roots under 0.6: {', '.join(low) or 'none'}")
        print(f"  event stage {ev_s:.2f} s of {all_s:.2f} s after Frog")
        ok &= wd["f1"] >= 0.80 and report["forbidden_hits"] <= 2 and ctrl == 0 and not low
    if "edna" in sets:
        path = analysed("edna", EVENTDNA / "dev.articles.jsonl", cache, args.refresh)
        events, ev_s, all_s, n = code(path, cache / "edna" / "coded")
        report = run_json([sys.executable, str(EVENTDNA / "score_eventdna.py"), str(events)])
        rec = report["recall"]["overall"]
        prec = report.get("precision_proxy") or report.get("precision") or {}
        p = prec.get("precision_proxy", prec.get("precision")) if isinstance(prec, dict) else prec
        print(f"EventDNA dev ({n} articles): mapped recall {rec['recall']:.3f} ({rec['found']}/{rec['gold']}), "
              f"precision proxy {p if p is None else round(p, 3)}")
        print("  | type | gold | found | recall |")
        print("  |---|---|---|---|")
        for t, r in sorted(report["recall"]["by_type"].items()):
            print(f"  | {t} | {r['gold']} | {r['found']} | {r['recall']:.2f} |")
        print(f"  event stage {ev_s:.2f} s of {all_s:.2f} s after Frog")
        ok &= rec["recall"] >= 0.45 and (p or 0) >= 0.80
    if "conll" in sets:
        src = conll_articles(CONLL, cache / "conll-input.jsonl")
        path = analysed("conll", src, cache, args.refresh)
        events, ev_s, all_s, n = code(path, cache / "conll" / "coded")
        recs = [json.loads(line) for line in events.read_text().splitlines() if line.strip()]
        sents = sum(1 for _ in read_analysed(path) for _ in _.sentences)
        by_root = Counter(r["cameo"][:2] for r in recs)
        print(f"CoNLL-2002 testa ({n} documents, {sents} sentences): {len(recs)} events "
              f"({1000 * len(recs) / max(sents, 1):.0f} per 1,000 sentences); by root: "
              + " ".join(f"{k}:{v}" for k, v in sorted(by_root.items())))
        if "conll" in args.show.split(","):
            for r in recs:
                src_, tgt = r.get("source") or {}, r.get("target") or {}
                print(f"  {r['doc']}\t{r['cameo']}\t{r['mode']}\t{src_.get('code')}->{tgt.get('code')}\t"
                      f"{r['evidence'][0]['text'][:150]}")
    print("targets met" if ok else "targets not met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
