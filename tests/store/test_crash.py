"""A writer killed in the middle of ingesting leaves whole articles only."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from kroniek.store import Store

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from kroniek.store import Store
    from tests.store.factory import make_article
    with Store({db!r}) as s:
        n = 0
        while True:
            s.ingest([make_article(f"k{{n + i}}", "2025-03-11") for i in range(20)])
            n += 20
            print(n, flush=True)
""")


def test_killed_writer_leaves_no_partial_article(tmp_path):
    db = tmp_path / "crash.duckdb"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.Popen([sys.executable, "-c", WRITER.format(root=root, db=str(db))],
                            stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(3):               # let a few batches commit, then kill it mid-write
            assert proc.stdout.readline().strip()
        time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    with Store(db) as s:
        n = s.scalar("SELECT count(*) FROM articles")
        assert n >= 60 and n % 20 == 0                       # whole batches only
        per_article = s.query("SELECT a.id, count(e.gid) AS n FROM articles a LEFT JOIN events e "
                              "ON e.article_id = a.id GROUP BY a.id")
        assert {r["n"] for r in per_article} == {3}          # every stored article has all its events
        assert s.scalar("SELECT count(*) FROM evidence") == 3 * n
        assert s.scalar("SELECT count(DISTINCT article_id) FROM events") == n
