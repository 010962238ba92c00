"""`kroniek serve` itself: a real process on loopback, read-only, stopped with SIGTERM."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from kroniek.store import Store
from tests.api.server import free_port
from tests.store.factory import make_article


def test_kroniek_serve_process(tmp_path):
    db = tmp_path / "k.duckdb"
    with Store(db) as s:
        s.ingest([make_article("a1")])
    port = free_port()
    kroniek = str(Path(sys.executable).with_name("kroniek"))
    proc = subprocess.Popen([kroniek, "serve", "--db", str(db), "--port", str(port), "--read-only"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                health = httpx.get(f"{base}/health", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "kroniek serve did not answer"
                time.sleep(0.2)
        assert health["events"] == 3 and health["read_only"] is True
        assert httpx.get(f"{base}/events", params={"actor": "RUS"}).json()["total"] == 1
        assert httpx.post(f"{base}/articles", json={"id": "x", "date": "2025-03-01", "text": "iets"}).status_code == 403
        page = httpx.get(f"{base}/")
        assert page.status_code == 200 and "content-security-policy" in page.headers
        # a read-only server lets the command line read the same file at the same time
        from typer.testing import CliRunner
        from kroniek.interfaces.cli import app
        r = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "json"])
        assert r.exit_code == 0, r.output
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(15)
