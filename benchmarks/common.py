"""Shared by the benchmarks: where the repository and ../shared are, analysed articles read
back from articles.jsonl (`kroniek extract --out DIR` writes DIR/articles.jsonl; the session
keeps copies in /tmp/analysed/*/articles.jsonl) or analysed afresh by one Frog, the pipeline
stages after Frog, records written as JSON Lines and scored against the seed's gold, and a
process's peak memory.

A benchmark script imports it after putting its own folder on sys.path:

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import ROOT, SHARED, read_analysed  # noqa: E402
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:  # run as a script, the package is found without installing
    sys.path.insert(0, str(ROOT))

from kroniek.pipeline import available, get_factory  # noqa: E402
from kroniek.records import Article, InputError  # noqa: E402


def read_analysed(path: str | Path) -> Iterator[Article]:
    """The analysed articles of one articles.jsonl; a bad line stops the benchmark, named."""
    from kroniek.reading.jsonl import read_analysed as read
    for item in read([path]):
        if isinstance(item, InputError):
            raise SystemExit(f"error: {item}")
        yield item


def analyse_with_frog(inputs: Iterable[str | Path]) -> Iterator[Article]:
    """The articles of `inputs` (files, folders) analysed by one Frog, closed at the end."""
    from kroniek.analysis.component import FrogAnalyzer
    from kroniek.reading.sources import iter_articles
    frog = FrogAnalyzer()
    try:
        for a in iter_articles([Path(p) for p in inputs]):
            if isinstance(a, Article):
                yield frog(a)
    finally:
        frog.close()


def analysed_articles(corpus: Path, articles_jsonl: str | None) -> Iterator[Article]:
    """Pre-analysed articles from `articles_jsonl` if given, else the corpus through one Frog."""
    return read_analysed(articles_jsonl) if articles_jsonl else analyse_with_frog([corpus])


def run_stages(articles: Iterable[Article], stages=("timex", "actors", "quotes", "events")) -> Iterator[Article]:
    """The pipeline's stages after Frog (those built so far), as `kroniek extract` runs them."""
    comps = [get_factory(s)() for s in stages if available(s)]
    for a in articles:
        for c in comps:
            a = c(a)
        yield a


def write_jsonl(path: Path, records: Iterable[dict]) -> Path:
    """`records` as JSON Lines (UTF-8 as it is), the folder made if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def score_seed(layer: str, system: Path) -> None:
    """../shared/eval/score.py LAYER SYSTEM ../shared/gold/seed.LAYER.jsonl --verbose, printed."""
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), layer, str(system),
                    str(SHARED / "gold" / f"seed.{layer}.jsonl"), "--verbose"], check=True)


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a running process in MB (VmHWM), NaN when it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")
