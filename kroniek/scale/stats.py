"""What a run did, counted where it happened: read, skipped, duplicated, failed, coded, and memory."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional


def _vm_hwm_mb(pid: int) -> float:
    """Peak resident memory of a process (VmHWM), in MB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    try:
        import psutil
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except Exception:
        return []


def memory_report(pid: Optional[int] = None) -> dict:
    """Peak memory of this worker: its own process and its Frog children (MB)."""
    pid = pid or os.getpid()
    kids = _children(pid)
    return {"pid": pid, "python_mb": round(_vm_hwm_mb(pid), 1),
            "frog_mb": round(sum(_vm_hwm_mb(k) for k in kids), 1), "frogs": len(kids)}


@dataclass
class RunStats:
    """Filled by `process_inputs` as it runs; `summary()` is the closing report."""

    read: int = 0                     # articles read from the inputs (before any skipping)
    skipped_language: Counter = field(default_factory=Counter)   # language -> articles
    skipped_known: int = 0            # already in the store (skip_ids)
    duplicates: int = 0               # same content hash as an earlier article
    failed: int = 0                   # InputErrors: unreadable inputs and pipeline failures
    done: int = 0                     # articles through the pipeline
    tokens: int = 0
    events: int = 0
    sentences: int = 0
    parsed_sentences: int = 0
    seconds: float = 0.0
    mode: str = "1 process"
    workers: dict = field(default_factory=dict)   # worker name -> memory_report()

    def add_worker_memory(self, name: str, report: dict) -> None:
        old = self.workers.get(name)
        if old is None:
            self.workers[name] = dict(report)
        else:
            for k in ("python_mb", "frog_mb"):
                old[k] = max(old.get(k, 0.0), report.get(k, 0.0))
            old["frogs"] = max(old.get("frogs", 0), report.get("frogs", 0))

    def count_article(self, article) -> None:
        self.done += 1
        self.tokens += len(article.tokens)
        self.events += len(article.events)
        self.sentences += len(article.sentences)
        self.parsed_sentences += sum(1 for s in article.sentences if s.parsed)

    def consumed(self) -> int:
        """Inputs dealt with so far, whatever became of them (for a progress bar's total)."""
        return (self.done + self.failed + sum(self.skipped_language.values()) + self.duplicates
                + self.skipped_known)

    def summary(self) -> str:
        skipped = sum(self.skipped_language.values())
        langs = ", ".join(f"{k} {v}" for k, v in self.skipped_language.most_common(5))
        rate = self.done / self.seconds if self.seconds else 0.0
        lines = [f"read {self.read} articles: {self.done} processed, {skipped} skipped by language"
                 + (f" ({langs})" if langs else "")
                 + f", {self.duplicates} duplicates, {self.skipped_known} already stored, {self.failed} failed",
                 f"{self.events} events from {self.tokens} tokens in {self.seconds:.1f} s "
                 f"({rate:.2f} articles/s, {self.tokens / self.seconds if self.seconds else 0:.0f} tokens/s; {self.mode})"]
        if self.sentences and self.parsed_sentences < self.sentences:
            lines.append(f"parse filter: {self.parsed_sentences} of {self.sentences} sentences parsed "
                         f"({100 * self.parsed_sentences / self.sentences:.0f}%)")
        for name, m in sorted(self.workers.items()):
            lines.append(f"worker {name}: peak memory {m.get('python_mb', 0):.0f} MB python + "
                         f"{m.get('frog_mb', 0):.0f} MB in {m.get('frogs', 0)} Frog process(es)")
        return "\n".join(lines)
