"""Load test: 200 concurrent clients query the HTTP API on loopback while an ingest runs.

    python benchmarks/load_test.py                     # real Frog: seed, serve, 30 s of load
    python benchmarks/load_test.py --seconds 60 --clients 200
    python benchmarks/load_test.py --fake-frog         # the tests' stand-in Frog (no 1.9 GB)

Steps: (1) `kroniek ingest` the seed article and nl-eval (70 articles) into a fresh store;
(2) `kroniek serve` it on 127.0.0.1 (as users run it: harden(create_app), one pipeline for
POST /articles); (3) for `--seconds` (at most 60), N client tasks share a pool of N
connections and send a mix of the queries the web page and users make (events with filters,
timeline, dyad, actors, article and event detail, health), while one writer posts the 120
MEANTIME articles to POST /articles one after another, so the store is written during the
load. Every answer must be 200 with a JSON body (the writer's too); any other status or a
transport error counts as an error. Prints p50 / p90 / p99 / max latency, requests per
second and the errors; exit code 1 if there was any error.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MEANTIME = SHARED / "benchmarks" / "meantime-nl" / "derived_meantime_nl_docs.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kroniek(*args: str) -> list[str]:
    return [sys.executable, "-m", "kroniek.interfaces.cli", *args]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


class Mix:
    """The queries, with values taken from the store so most of them find something."""

    def __init__(self, gids: list[int], article_ids: list[str], actors: list[str]):
        self.gids, self.article_ids = gids or [1], article_ids or ["none"]
        self.actors = actors or ["USA", "NLD"]

    def next(self, rnd: random.Random) -> tuple[str, dict]:
        a, b = rnd.choice(self.actors), rnd.choice(self.actors)
        choices = [
            ("/events", {"limit": 50}),
            ("/events", {"actor": a, "limit": 20}),
            ("/events", {"root": rnd.choice(["01", "04", "05", "11", "19"]), "since": "2017-01-01"}),
            ("/events", {"text": rnd.choice(["minister", "Trump", "Rusland", "kabinet"]), "limit": 20}),
            ("/events", {"quadclass": rnd.choice("1234"), "mode": "asserted", "order": "-goldstein"}),
            ("/timeline", {"limit": 100}),
            ("/timeline", {"actor": a, "offset": rnd.choice([0, 10, 50])}),
            ("/dyad", {"a": a, "b": b, "by": rnd.choice(["week", "month", "year"])}),
            ("/actors", {"limit": 50}),
            ("/actors", {"search": a[:2]}),
            ("/articles", {"limit": 20}),
            (f"/articles/{rnd.choice(self.article_ids)}", {}),
            (f"/events/{rnd.choice(self.gids)}", {}),
            ("/health", {}),
        ]
        return rnd.choice(choices)


class Connection:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams: the load generator shares two
    cores with the server, so it must cost far less per request than httpx does."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None
        self.used = False

    async def get(self, target: str) -> tuple[int, bytes, bool]:
        """(status, body, retried). A reused connection that the server closed while idle
        (its keep-alive ran out) is reopened and the GET sent once more, as browsers do
        (RFC 9112 9.3.1: idempotent requests may be retried); `retried` says so."""
        for attempt in (0, 1):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                self.used = False
            reused = self.used
            try:
                self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
                await self.writer.drain()
                head = await self.reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError) as exc:
                await self.close()
                if reused and attempt == 0 and not getattr(exc, "partial", b""):
                    continue
                raise
            self.used = True
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)}
            if headers.get("transfer-encoding") == "chunked":
                body = b""
                while True:
                    size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                    body += await self.reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                body = await self.reader.readexactly(int(headers.get("content-length", 0)))
            if headers.get("connection") == "close":
                await self.close()
            return status, body, attempt == 1
        raise AssertionError("unreachable")

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = self.reader = None


async def client(n: int, host: str, port: int, mix: Mix, stop_at: float, lat: list, errors: list,
                 retries: list) -> None:
    rnd = random.Random(n)
    conn = Connection(host, port)
    while time.monotonic() < stop_at:
        path, params = mix.next(rnd)
        target = path + ("?" + urlencode(params) if params else "")
        t = time.monotonic()
        try:
            status, body, retried = await conn.get(target)
            ok = status == 200 or (status == 404 and path.startswith(("/articles/", "/events/")))
            if ok:
                json.loads(body)
                lat.append(time.monotonic() - t)
                if retried:
                    retries.append(target)
            else:
                errors.append(f"{status} {target} {body[:200]!r}")
        except Exception as exc:  # a transport error is an error
            errors.append(f"{type(exc).__name__} {target}: {exc}")
    await conn.close()


async def writer(http: httpx.AsyncClient, docs: list[dict], stop_at: float, done: list, errors: list) -> None:
    for d in docs:
        if time.monotonic() >= stop_at:
            return
        t = time.monotonic()
        try:
            r = await http.post("/articles", json=d, timeout=300)
            if r.status_code != 200:
                errors.append(f"POST {d['id']}: {r.status_code} {r.text[:200]}")
            else:
                done.append((time.monotonic() - t, r.json()["status"]))
        except Exception as exc:
            errors.append(f"POST {d['id']}: {type(exc).__name__}: {exc}")


async def load(base: str, clients: int, seconds: float, mix: Mix, docs: list[dict]) -> dict:
    host, port = base.rsplit("//", 1)[1].split(":")
    lat: list[float] = []
    errors: list[str] = []
    posted: list = []
    retries: list = []
    async with httpx.AsyncClient(base_url=base, timeout=300) as wr:
        stop_at = time.monotonic() + seconds
        started = time.monotonic()
        await asyncio.gather(writer(wr, docs, stop_at, posted, errors),
                             *(client(n, host, int(port), mix, stop_at, lat, errors, retries) for n in range(clients)))
        elapsed = time.monotonic() - started
    return {"latencies": lat, "errors": errors, "posted": posted, "seconds": elapsed, "retries": retries}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30, help="load duration (at most 60)")
    ap.add_argument("--fake-frog", action="store_true", help="use tests/reliability/fake_frog.py instead of Frog")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    seconds = min(args.seconds, 60)
    tmp = Path(tempfile.mkdtemp(prefix="kroniek-load-"))
    env = dict(os.environ)
    if args.fake_frog:
        sys.path.insert(0, str(ROOT))
        from tests.reliability.conftest import make_fake_frog_bin
        env["PATH"] = f"{make_fake_frog_bin(tmp / 'bin')}{os.pathsep}{env['PATH']}"
    db = tmp / "load.duckdb"
    server = None
    try:
        t = time.monotonic()
        r = subprocess.run(kroniek("ingest", str(SHARED / "corpus" / "seed"), str(SHARED / "corpus" / "nl-eval"),
                                   "--db", str(db), "--no-progress"), env=env, cwd=ROOT, capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr[-3000:], file=sys.stderr)
            return 2
        print(f"seeded in {time.monotonic() - t:.1f} s: {' '.join(r.stderr.split())[-160:]}")

        from kroniek.store import Store
        with Store(db, read_only=True) as s:
            gids = [row["gid"] for row in s.query("SELECT gid FROM events LIMIT 500")]
            ids = [row["id"] for row in s.query("SELECT id FROM articles")]
            actors = [row["a"] for row in s.query(
                "SELECT coalesce(src_country, src_code) AS a, count(*) n FROM events WHERE a IS NOT NULL "
                "GROUP BY 1 ORDER BY n DESC LIMIT 12")]
        docs = []
        for line in MEANTIME.open(encoding="utf-8"):
            d = json.loads(line)
            docs.append({"id": f"mt-{d['doc']}", "date": d["dct"][:10], "text": d["raw"], "title": d.get("title")})

        port = free_port()
        server = subprocess.Popen(kroniek("serve", "--db", str(db), "--port", str(port)), env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                print("server did not start:", server.stderr.read()[-2000:], file=sys.stderr)
                return 2
            time.sleep(0.1)

        # Warm up: the server starts its pipeline (Frog, ~8 s) on the first POST; that start
        # is timed here, not inside the load.
        t = time.monotonic()
        r = httpx.post(f"{base}/articles", json=docs[0], timeout=600)
        if r.status_code != 200:
            print("warm-up POST failed:", r.status_code, r.text[:500], file=sys.stderr)
            return 2
        print(f"pipeline started by the first POST in {time.monotonic() - t:.1f} s")
        res = asyncio.run(load(base, args.clients, seconds, Mix(gids, ids, actors), docs[1:]))
        lat = [x * 1000 for x in res["latencies"]]
        n = len(lat) + len([e for e in res["errors"] if not e.startswith("POST")])
        print(f"\nload: {args.clients} clients for {res['seconds']:.1f} s on loopback "
              f"({'fake Frog' if args.fake_frog else 'Frog'}), {len(gids)} events / {len(ids)} articles at start, "
              f"machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"  queries: {n} ({n / res['seconds']:.0f}/s), errors: {len(res['errors'])}, "
              f"GETs resent after an idle keep-alive close: {len(res['retries'])}")
        if lat:
            print(f"  latency ms: p50 {statistics.median(lat):.0f}  p90 {percentile(lat, 90):.0f}  "
                  f"p99 {percentile(lat, 99):.0f}  max {max(lat):.0f}")
        posted = res["posted"]
        if posted:
            print(f"  ingest during the load: {len(posted)} articles posted "
                  f"({sum(1 for _, s in posted if s == 'added')} added), "
                  f"median {statistics.median(p for p, _ in posted):.2f} s per article")
        for e in res["errors"][:10]:
            print("  error:", e)
        return 1 if res["errors"] else 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
