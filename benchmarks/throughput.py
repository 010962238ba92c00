#!/usr/bin/env python3
"""Throughput of kroniek end to end against `frog` alone, with and without the parse filter,
with 1 and 2 workers (issue 8).

    .venv/bin/python benchmarks/throughput.py                 # all modes, MEANTIME nl + nl-eval
    .venv/bin/python benchmarks/throughput.py --modes floor,full-1 --limit 20
    .venv/bin/python benchmarks/throughput.py --json out.json # also write the numbers

Corpus: the MEANTIME Dutch documents (../shared/benchmarks/meantime-nl, the ones with a valid
creation date) and the 70 nl-eval articles (../shared/corpus/nl-eval), about 45,000 tokens.

Modes (run one after the other, never two at once):
- floor:     `frog --skip=a -t FILE` (the same paragraphs, one process, OMP_NUM_THREADS=1 as
             kroniek's Frogs); its start-up is timed on a one-line file and subtracted.
- full-N:    `process_inputs` with every pipeline stage, N worker processes, parse everywhere.
- filter-N:  the same with the parse filter (kroniek/analysis/parse_filter.py), which also
             leaves out Frog's chunker (no stage reads chunk tags).
- nochunk-N: (optional) parse everywhere, chunker left out: what the filter alone gains.
Kroniek's times are wall time and "steady" time (from the first article out to the last, so
Frog's ~8 s start-up is left out, as for the floor), and CPU seconds of all its processes:
within one worker, Frog and the Python stages overlap on two cores, so wall time alone would
flatter one worker against `frog` on one core. Tokens are kroniek's words (a Frog
multiword unit is split into its words); the floor counts Frog's rows. Peak memory is per
worker: its Python process and its Frog process(es) (VmHWM). Events of every mode are
compared with those of full-1: the filter and the workers must not change them.

"others" is the CPU that processes outside the run took while it ran (machine-wide busy time
minus the run's own, in cores): one worker leaves a core half free, so another user's job
hardly slows it, while 2 workers need both cores and lose to it whatever another process
takes. A 2-worker ratio read while "others" is above ~0.1 measures the neighbours, not
kroniek; `--quiet` waits (up to a minute) for the machine to calm down before each mode, and
`--retries N` runs a mode again (up to N times) when others took more than 0.15 cores during
it, keeping the quietest run.

The machine is shared: run it when it is quiet, and read ratios rather than absolute rates.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from common import peak_rss_mb  # noqa: E402
from kroniek.reading.sources import iter_articles  # noqa: E402
from kroniek.records import Article, DocDate  # noqa: E402
from kroniek.scale.runner import process_inputs  # noqa: E402
from kroniek.scale.stats import RunStats  # noqa: E402

ALL_MODES = ("floor", "full-1", "filter-1", "full-2", "filter-2")
NOISY = 0.15   # cores used by other processes above which a measurement is disturbed


def build_corpus(tmp: Path, limit: int | None) -> list[str]:
    """The MEANTIME documents as kroniek JSON Lines (valid dates only) plus the nl-eval folder."""
    out = tmp / "meantime.jsonl"
    n = 0
    with open(SHARED / "benchmarks" / "meantime-nl" / "derived_meantime_nl_docs.jsonl", encoding="utf-8") as src, \
            open(out, "w", encoding="utf-8") as dst:
        for line in src:
            d = json.loads(line)
            try:
                DocDate.parse(d["dct"][:10])
            except ValueError:
                continue
            if limit and n >= limit:
                break
            dst.write(json.dumps({"id": d["doc"], "date": d["dct"][:10], "title": d.get("title"),
                                  "text": d["raw"]}, ensure_ascii=False) + "\n")
            n += 1
    inputs = [str(out)]
    nl_eval = SHARED / "corpus" / "nl-eval"
    if limit:
        folder = tmp / "nl-eval"
        folder.mkdir()
        for p in sorted(nl_eval.glob("*.txt"))[:limit]:
            (folder / p.name).write_bytes(p.read_bytes())
        nl_eval = folder
    inputs.append(str(nl_eval))
    return inputs


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (Frogs, worker processes)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _machine_busy() -> float:
    """CPU seconds all processes of the machine have used (all cores), from /proc/stat."""
    import psutil
    t = psutil.cpu_times()
    return t.user + t.nice + t.system + t.irq + t.softirq + getattr(t, "steal", 0.0)


class OthersLoad:
    """Cores that processes outside this run used while it ran."""

    def __enter__(self) -> "OthersLoad":
        self.t0, self.busy0, self.cpu0 = time.monotonic(), _machine_busy(), _own_cpu_now()
        return self

    def __exit__(self, *exc) -> None:
        wall = max(time.monotonic() - self.t0, 1e-9)
        self.cores = max(0.0, (_machine_busy() - self.busy0) - (_own_cpu_now() - self.cpu0)) / wall


def _own_cpu_now() -> float:
    """CPU of this process and all its live and finished descendants, now."""
    import psutil
    total = _cpu()
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def wait_for_quiet(limit: float = 60.0, threshold: float = NOISY) -> float:
    """Wait until other processes use under `threshold` cores over 3 s (at most `limit` s);
    the last reading."""
    deadline = time.monotonic() + limit
    while True:
        with OthersLoad() as load:
            time.sleep(3)
        if load.cores < threshold or time.monotonic() > deadline:
            return load.cores


def _vm_hwm_mb(pid: int) -> float:
    """Peak resident memory in MB, 0 when it cannot be read (a process already gone)."""
    mb = peak_rss_mb(pid)
    return 0.0 if mb != mb else mb


def run_floor(paragraphs: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        one, full, out = Path(tmp, "one.txt"), Path(tmp, "in.txt"), Path(tmp, "out.tsv")
        one.write_text("Start.\n")
        full.write_text("\n\n".join(" ".join(p.split()) for p in paragraphs) + "\n")
        env = dict(os.environ, OMP_NUM_THREADS="1")

        def timed(path: Path) -> tuple[float, float, float]:
            peak = [0.0]
            c0 = _cpu()
            t0 = time.monotonic()
            proc = subprocess.Popen(["frog", "--skip=a", "-t", str(path), "-o", str(out)], env=env, cwd=tmp,
                                    stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
            while proc.poll() is None:
                peak[0] = max(peak[0], _vm_hwm_mb(proc.pid))
                time.sleep(0.2)
            return time.monotonic() - t0, peak[0], _cpu() - c0
        startup, _, startup_cpu = timed(one)
        total, peak, cpu = timed(full)
        rows = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.strip())
    return {"mode": "floor", "wall": total, "steady": total - startup, "startup": startup, "tokens": rows,
            "cpu": cpu, "steady_cpu": cpu - startup_cpu,
            "steady_tokens": rows, "workers": {"frog": {"python_mb": 0.0, "frog_mb": peak, "frogs": 1}}}


def run_kroniek(inputs: list[str], workers: int, kind: str) -> dict:
    stats = RunStats()
    config = {"filter": {"frog": {"parse_filter": True}}, "nochunk": {"frog": {"skip": "c"}}}.get(kind, {})
    c0 = _cpu()
    t0 = time.monotonic()
    first = None
    articles: list[Article] = []
    events: list[str] = []
    failed = 0
    for item in process_inputs(inputs, config=config, workers=workers, stats=stats):
        if first is None:
            first = time.monotonic()
            first_tokens = len(getattr(item, "tokens", []))
        if isinstance(item, Article):
            articles.append(item)
            events += [json.dumps(e.to_json(item.id), sort_keys=True, ensure_ascii=False) for e in item.events]
        else:
            failed += 1
    end = time.monotonic()
    cpu = _cpu() - c0   # Frogs and workers are waited for when the run closes them
    tokens = sum(len(a.tokens) for a in articles)
    return {"mode": f"{kind}-{workers}", "wall": end - t0,
            "steady": end - (first or end), "tokens": tokens, "steady_tokens": tokens - first_tokens,
            "articles": len(articles), "failed": failed, "events": sorted(events), "cpu": cpu,
            "sentences": stats.sentences, "parsed": stats.parsed_sentences, "workers": stats.workers}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--modes", default=",".join(ALL_MODES),
                    help=f"comma-separated, of {', '.join(ALL_MODES)} (and nochunk-N)")
    ap.add_argument("--limit", type=int, default=None, help="at most this many articles of each corpus (quick runs)")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument("--quiet", action="store_true",
                    help="before each mode, wait (up to 60 s) until other processes use < 0.15 cores")
    ap.add_argument("--retries", type=int, default=0,
                    help="run a mode again, up to this many times, when other processes took > 0.15 cores "
                         "during it; the quietest run is kept")
    args = ap.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = build_corpus(Path(tmp), args.limit)
        articles = [a for a in iter_articles(inputs) if isinstance(a, Article)]
        paragraphs = [a.text[s:e] for a in articles for s, e in a.paragraphs]
        print(f"corpus: {len(articles)} articles, {sum(len(a.text) for a in articles):,} characters "
              f"({', '.join(inputs)})", flush=True)
        results = []
        for mode in modes:
            runs = []
            for attempt in range(1 + max(args.retries, 0)):
                if args.quiet:
                    print(f"others use {wait_for_quiet():.2f} cores", flush=True)
                print(f"running {mode} ..." + (f" (again: others took {runs[-1]['others']:.2f} cores)" if runs else ""),
                      flush=True)
                with OthersLoad() as others:
                    if mode == "floor":
                        r = run_floor(paragraphs)
                        r["articles"] = len(articles)
                    else:
                        kind, _, n = mode.partition("-")
                        r = run_kroniek(inputs, int(n or 1), kind)
                r["others"] = others.cores
                runs.append(r)
                if r["others"] <= NOISY:
                    break
            r = min(runs, key=lambda x: x["others"])
            r["runs"] = len(runs)
            results.append(r)
    report(results)
    if args.json:
        args.json.write_text(json.dumps([{k: v for k, v in r.items() if k != "events"} for r in results], indent=1))


def report(results: list[dict]) -> None:
    floor = next((r for r in results if r["mode"] == "floor"), None)
    base = next((r for r in results if r["mode"] == "full-1"), None)
    one = {r["mode"].split("-")[0]: r for r in results if r["mode"].endswith("-1")}
    print()
    print("| mode | wall s | steady s | CPU s | tokens/s | articles/s | × floor | × 1 worker | parsed | events | "
          "same events as full-1 | peak MB per worker (python + frog) | others |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        steady = max(r["steady"], 1e-9)
        tps = r["steady_tokens"] / steady
        n_art = r.get("articles", 0)
        aps = (n_art - (0 if r["mode"] == "floor" else 1)) / steady
        vs_floor = f"{floor['steady'] / steady:.2f}" if floor and r is not floor else "—"
        kind, _, n = r["mode"].partition("-")
        vs_one = f"{one[kind]['steady'] / steady:.2f}" if n and n != "1" and kind in one else "—"
        parsed = f"{100 * r['parsed'] / r['sentences']:.0f}%" if r.get("sentences") else "—"
        if "events" in r and base is not None:
            same = "yes" if r["events"] == base["events"] else \
                f"no ({len(set(r['events']) ^ set(base['events']))} differ)"
            n_events = str(len(r["events"]))
        else:
            same, n_events = "—", "—"
        mem = "; ".join(f"{m.get('python_mb', 0):.0f} + {m.get('frog_mb', 0):.0f}" for m in r["workers"].values())
        print(f"| {r['mode']} | {r['wall']:.1f} | {steady:.1f} | {r.get('cpu', 0):.0f} | {tps:.0f} | {aps:.2f} | "
              f"{vs_floor} | {vs_one} | "
              f"{parsed} | {n_events} | {same} | {mem} | {r.get('others', 0):.2f}"
              + (f" (quietest of {r['runs']})" if r.get("runs", 1) > 1 else "") + " |")
    if floor:
        print(f"\nfloor: frog start-up {floor['startup']:.1f} s subtracted ({floor['cpu'] - floor['steady_cpu']:.0f} "
              f"CPU s); {floor['tokens']} Frog rows")
    print("CPU s: user + system time of the run and of every process it started, Frog start-ups included")
    print("others: cores used by processes outside the run while it ran (the machine is shared)")


if __name__ == "__main__":
    main()
