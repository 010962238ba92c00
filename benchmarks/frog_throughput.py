#!/usr/bin/env python3
"""Frog throughput through kroniek's wrapper against `frog` alone on the same texts.

    .venv/bin/python benchmarks/frog_throughput.py [INPUT...]   (default: ../shared corpus seed + nl-eval)

Both sides get the same paragraphs. `frog alone` is one `frog -t FILE` run (start-up time
reported apart); the wrapper is one FrogAnalyzer over every article (start-up apart), with
alignment to character offsets included. Memory is Frog's peak resident set (VmHWM).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, peak_rss_mb  # noqa: E402

from kroniek.analysis.component import FrogAnalyzer  # noqa: E402
from kroniek.reading.sources import iter_articles  # noqa: E402
from kroniek.records import Article  # noqa: E402


def frog_alone(paragraphs: list[str]) -> tuple[float, float, int, float]:
    """(startup s, processing s, tokens, peak MB) for one `frog -t` run over the paragraphs."""
    with tempfile.TemporaryDirectory() as tmp:
        empty, full, out = Path(tmp, "empty.txt"), Path(tmp, "in.txt"), Path(tmp, "out.tsv")
        empty.write_text("Start.\n")
        full.write_text("\n\n".join(" ".join(p.split()) for p in paragraphs) + "\n")
        env = dict(os.environ, OMP_NUM_THREADS="1")
        t0 = time.monotonic()
        subprocess.run(["frog", "--skip=a", "-t", str(empty), "-o", str(out)], env=env, cwd=tmp,
                       stderr=subprocess.DEVNULL, check=True)
        startup = time.monotonic() - t0
        peak = [0.0]
        t0 = time.monotonic()
        proc = subprocess.Popen(["frog", "--skip=a", "-t", str(full), "-o", str(out)], env=env, cwd=tmp,
                                stderr=subprocess.DEVNULL)

        def watch():
            while proc.poll() is None:
                peak[0] = max(peak[0], peak_rss_mb(proc.pid) if proc.poll() is None else 0)
                time.sleep(0.2)
        th = threading.Thread(target=watch, daemon=True)
        th.start()
        proc.wait()
        total = time.monotonic() - t0
        tokens = sum(1 for line in out.read_text().splitlines() if line.strip())
        return startup, total - startup, tokens, peak[0]


def main(inputs: list[str]) -> None:
    articles = [a for a in iter_articles(inputs) if isinstance(a, Article)]
    paragraphs = [a.text[s:e] for a in articles for s, e in a.paragraphs]
    s_alone, t_alone, tok_alone, mem_alone = frog_alone(paragraphs)
    t0 = time.monotonic()
    analyzer = FrogAnalyzer()
    analyzer.frog.start()
    s_wrap = time.monotonic() - t0
    t0 = time.monotonic()
    tokens = sum(len(analyzer(a).tokens) for a in articles)
    t_wrap = time.monotonic() - t0
    mem_wrap = peak_rss_mb(analyzer.frog.pid)
    analyzer.close()
    print(f"{len(articles)} articles, {len(paragraphs)} paragraphs")
    print(f"{'':14} {'start s':>8} {'run s':>8} {'tokens':>8} {'tokens/s':>9} {'articles/s':>10} {'peak MB':>8}")
    print(f"{'frog alone':14} {s_alone:8.1f} {t_alone:8.1f} {tok_alone:8d} {tok_alone / t_alone:9.0f} "
          f"{len(articles) / t_alone:10.2f} {mem_alone:8.0f}")
    print(f"{'kroniek':14} {s_wrap:8.1f} {t_wrap:8.1f} {tokens:8d} {tokens / t_wrap:9.0f} "
          f"{len(articles) / t_wrap:10.2f} {mem_wrap:8.0f}")
    print("(frog alone counts Frog's rows, where a multiword unit is one row; kroniek counts words)")


if __name__ == "__main__":
    shared = SHARED / "corpus"
    main(sys.argv[1:] or [str(shared / "seed"), str(shared / "nl-eval")])
