"""Crash safety of `kroniek ingest`, for real, in subprocesses.

- SIGKILL mid-batch (three times, at different points), then the same command again: the
  store holds every article exactly once, each complete (the same rows as a clean run).
- A full disk (simulated with RLIMIT_FSIZE; SIGXFSZ ignored so writes fail with EFBIG as on
  a full disk): a clear error, the store stays consistent, and a rerun finishes the job.
- A database file locked by another process: a clear error, nothing written.

The fake Frog stands in for Frog, so each run takes a fraction of a second.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kroniek.store import Store

from ..conftest import DEV_CORPUS, ROOT
from .conftest import run_kroniek

TABLES = ("sentences", "timexes", "actor_mentions", "events", "evidence", "quotes")
N = len(list(DEV_CORPUS.glob("*.txt")))   # articles of the input folder (226)


def ingest_cmd(db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "kroniek.interfaces.cli", "ingest", str(DEV_CORPUS), "--db", str(db),
            "--batch", "5", "--no-progress", *extra]


def snapshot(db: Path) -> dict[str, tuple]:
    """Per article: its content hash and its number of sentences (fixed by the fake Frog, so
    a partial article shows), after checking that no layer holds rows of an unstored article.
    (The later layers are not compared: other engineers edit their lexicons while this runs.)"""
    with Store(db, read_only=True) as s:
        ids = [r["id"] for r in s.query("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)), "an article is stored twice"
        out = {r["id"]: [r["hash"]] for r in s.query("SELECT id, hash FROM articles")}
        for t in TABLES:
            counts = {r["article_id"]: r["n"] for r in s.query(f"SELECT article_id, count(*) AS n FROM {t} GROUP BY 1")}
            assert set(counts) <= set(out), f"{t} has rows of articles that are not stored"
            if t == "sentences":
                for k in out:
                    out[k].append(counts.get(k, 0))
        orphans = s.scalar("SELECT count(*) FROM evidence v LEFT JOIN events e USING (gid) WHERE e.gid IS NULL")
        assert orphans == 0, "evidence rows without their event"
    return {k: tuple(v) for k, v in out.items()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory, fake_frog_bin) -> dict[str, tuple]:
    """The store a clean, uninterrupted run makes."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    env = dict(os.environ, PATH=f"{fake_frog_bin}{os.pathsep}{os.environ['PATH']}")
    # Only the Frog layer: hashes and sentence counts are what the snapshots compare.
    r = subprocess.run(ingest_cmd(db, "--stages", "frog"), env=env, cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    snap = snapshot(db)
    assert len(snap) == N
    return snap


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_sigkill_mid_batch_then_rerun(tmp_path, fake_frog, reference):
    db = tmp_path / "k.duckdb"
    progress, log = tmp_path / "progress", tmp_path / "frogs"
    env = dict(os.environ, FAKE_FROG_DELAY="0.003", FAKE_FROG_PROGRESS=str(progress), FAKE_FROG_LOG=str(log))
    from kroniek.reading.sources import iter_articles
    total_paragraphs = sum(len(a.paragraphs) + 1 for a in iter_articles([DEV_CORPUS]))  # + the end marker
    stored_after_kill = []
    for fraction in (0.2, 0.3):  # of all paragraphs, in each run: killed at ~20% and ~50%
        progress.write_text("")
        proc = subprocess.Popen(ingest_cmd(db), env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while (len(progress.read_text().splitlines()) < fraction * total_paragraphs
               and proc.poll() is None and time.monotonic() < deadline):
            time.sleep(0.01)
        assert proc.poll() is None, f"the run ended before it could be killed: {proc.stderr.read()[-2000:]}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        # Its Frog sees the end of its input and goes: no stray analyzer is left behind.
        frogs = [int(line.split()[1]) for line in log.read_text().splitlines()]
        deadline = time.monotonic() + 10
        while any(alive(p) for p in frogs) and time.monotonic() < deadline:
            time.sleep(0.05)
        strays = [p for p in frogs if alive(p)]
        for p in strays:
            os.kill(p, signal.SIGKILL)
        assert not strays, "a Frog outlived the killed ingest"
        snap = snapshot(db)  # opens cleanly; only whole articles, identical to the clean run's
        assert all(snap[k] == reference[k] for k in snap)
        stored_after_kill.append(len(snap))
    # Killed mid-batch: some articles stored, not all (a kill may land before the first commit).
    assert any(0 < n < N for n in stored_after_kill) and stored_after_kill[-1] < N, stored_after_kill
    r = subprocess.run(ingest_cmd(db), env=dict(os.environ), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    said = " ".join(r.stderr.split())
    assert f"{N - stored_after_kill[-1]} added" in said and f"{stored_after_kill[-1]} unchanged" in said
    assert snapshot(db) == reference


def _limit_file_size(limit: int):
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


def test_disk_full_gives_a_clear_error_and_a_consistent_store(tmp_path, fake_frog, reference):
    db = tmp_path / "full.duckdb"
    r = subprocess.run(ingest_cmd(db, "--stages", "frog,timex,quotes"), cwd=ROOT, capture_output=True, text=True, timeout=120,
                       preexec_fn=_limit_file_size(50_000))
    assert r.returncode == 2, r.stderr[-3000:]
    assert "Traceback" not in r.stderr and "╭" not in r.stderr, r.stderr[-3000:]
    said = " ".join(r.stderr.split())
    assert str(db) in said and "disk full" in said and "File too large" in said
    partial = snapshot(db)
    assert 0 < len(partial) < N and all(partial[k] == reference[k] for k in partial)
    r = subprocess.run(ingest_cmd(db, "--stages", "frog,timex,quotes"), cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert snapshot(db) == reference


def test_locked_store_gives_a_clear_error(tmp_path, fake_frog):
    db = tmp_path / "locked.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        r = run_kroniek("ingest", str(DEV_CORPUS), "--db", str(db), "--no-progress", timeout=60)
        assert r.returncode == 2, r.stderr[-3000:]
        assert "Traceback" not in r.stderr and str(db) in r.stderr
        assert "cannot open the store" in r.stderr and "another kroniek" in r.stderr
        r = run_kroniek("events", "--db", str(db), timeout=60)
        assert r.returncode == 2 and "cannot open the store" in r.stderr, r.stderr[-3000:]
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    r = run_kroniek("ingest", str(DEV_CORPUS), "--db", str(db), "--no-progress", "--stages", "frog", timeout=120)
    assert r.returncode == 0 and f"{N} added" in " ".join(r.stderr.split()), r.stderr[-3000:]


def test_not_a_store_gives_a_clear_error(tmp_path):
    db = tmp_path / "notes.duckdb"
    db.write_text("dit is geen database\n" * 100)
    r = run_kroniek("events", "--db", str(db), timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr and str(db) in r.stderr, r.stderr[-2000:]
    r = run_kroniek("events", "--db", str(tmp_path / "absent.duckdb"), timeout=60)
    assert r.returncode == 2 and "no such store" in r.stderr


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def test_sigkill_with_workers_leaves_no_orphans(tmp_path, fake_frog):
    """`ingest --workers 2` killed with SIGKILL: its worker processes and their Frogs go too
    (an orphaned worker would keep a 1.9 GB Frog for ever), and a rerun completes the store."""
    db = tmp_path / "w.duckdb"
    progress, log = tmp_path / "progress", tmp_path / "frogs"
    env = dict(os.environ, FAKE_FROG_DELAY="0.005", FAKE_FROG_PROGRESS=str(progress), FAKE_FROG_LOG=str(log))
    proc = subprocess.Popen(ingest_cmd(db, "--workers", "2", "--stages", "frog"), env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while (not progress.exists() or len(progress.read_text().splitlines()) < 100) and time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be killed"
        time.sleep(0.02)
    workers = children(proc.pid)
    frogs = [int(line.split()[1]) for line in log.read_text().splitlines()]
    assert len(frogs) >= 2
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 15
    while any(alive(p) for p in workers + frogs) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in workers + frogs if alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert not left, "worker processes or Frogs outlived the killed ingest"
    r = subprocess.run(ingest_cmd(db, "--workers", "2", "--stages", "frog"), cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert len(snapshot(db)) == N


def test_extract_on_a_full_disk_says_so(tmp_path, fake_frog):
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "kroniek.interfaces.cli", "extract", str(DEV_CORPUS), "--out", str(out),
                        "--stages", "frog", "--no-progress", "--no-summary"], cwd=ROOT, capture_output=True,
                       text=True, timeout=120, preexec_fn=_limit_file_size(20_000))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "╭" not in r.stderr, r.stderr[-3000:]
    said = " ".join(r.stderr.split())
    assert str(out) in said and "File too large" in said and "incomplete" in said
