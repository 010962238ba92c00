"""Server safety: `kroniek serve` binds to loopback, writes need a token when exposed, requests
are bounded in size and in what they ask for, the page never runs article text, and no
request reaches the file system.

The served app is the one `kroniek serve` builds: `harden(create_app(...), host, token)`.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kroniek.interfaces.api import create_app
from kroniek.interfaces.security import MAX_BODY_BYTES, check_exposure, harden, host_name, is_loopback
from kroniek.store import Store
from tests.api.server import free_port, running
from tests.store.factory import make_article

from ..conftest import ROOT

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'


def processor(article):
    """Stands in for the pipeline behind POST /articles (the pipeline is tested elsewhere)."""
    return article


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("srv") / "k.duckdb")
    arts = [make_article(f"a{n}", f"2025-03-{n + 10:02d}") for n in range(5)]
    evil = make_article("evil", "2025-03-20", extra=" " + XSS, url="javascript:window.__xss=1")
    evil.title = "Titel " + XSS
    for e in evil.events:
        if e.source:
            e.source.text = e.source.text + XSS
            e.source.person = "Persoon " + XSS
    s.ingest([*arts, evil])
    yield s
    s.close()


@pytest.fixture(scope="module")
def site(store):
    with running(harden(create_app(store, process=processor), "127.0.0.1")) as url:
        yield url


@pytest.fixture(scope="module")
def exposed(store):
    """As served on 0.0.0.0 with a token (in-process: bound to loopback, Host check off)."""
    with running(harden(create_app(store, process=processor), "0.0.0.0", token="s3cret")) as url:
        yield url


def post(url: str, doc: dict, **kw) -> httpx.Response:
    return httpx.post(f"{url}/articles", json=doc, timeout=30, **kw)


DOC = {"id": "new1", "date": "2025-03-05", "text": "De minister bezocht Kyiv."}


# -- binding and tokens -------------------------------------------------------------------------
def test_exposure_rules():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("::")
    assert check_exposure("127.0.0.1", writable=True, token=None) is None
    assert "token" in check_exposure("0.0.0.0", writable=True, token=None)
    assert check_exposure("0.0.0.0", writable=True, token="x") is None
    assert check_exposure("0.0.0.0", writable=False, token=None) is None
    assert [host_name(h) for h in ("127.0.0.1:8000", "localhost", "[::1]:80", "Evil.example:1")] == [
        "127.0.0.1", "localhost", "[::1]", "evil.example"]


def listening_addresses(port: int) -> set[str]:
    out = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, p = local.split(":")
            if state == "0A" and int(p, 16) == port:  # LISTEN
                out.add(addr)
    return out


def serve(db: Path, port: int, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kroniek.interfaces.cli", "serve", "--db", str(db),
                             "--port", str(port), *args], cwd=ROOT, env=dict(os.environ, **(env or {})),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_listening(proc: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 30
    while not listening_addresses(port):
        assert proc.poll() is None, proc.stderr.read()[-2000:]
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_serve_binds_to_loopback_by_default(tmp_path):
    db = tmp_path / "k.duckdb"
    Store(db).close()
    port = free_port()
    proc = serve(db, port, "--read-only")
    try:
        wait_listening(proc, port)
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1 only
        r = httpx.get(f"http://127.0.0.1:{port}/health", timeout=10)
        assert r.status_code == 200 and r.json()["read_only"] is True
        assert httpx.post(f"http://127.0.0.1:{port}/articles", json=DOC, timeout=10).status_code == 403
    finally:
        stop(proc)


def test_serve_refuses_an_exposed_writable_store_without_token(tmp_path):
    db = tmp_path / "k.duckdb"
    Store(db).close()
    port = free_port()
    proc = serve(db, port, "--host", "0.0.0.0", env={"KRONIEK_TOKEN": ""})
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "token" in err and "--read-only" in err, err[-2000:]
    assert not listening_addresses(port)


def test_serve_exposed_with_token_from_environment(tmp_path):
    db = tmp_path / "k.duckdb"
    Store(db).close()
    port = free_port()
    proc = serve(db, port, "--host", "0.0.0.0", "--read-only", env={"KRONIEK_TOKEN": "t0ken"})
    try:
        wait_listening(proc, port)
        assert listening_addresses(port) == {"00000000"}
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/events", timeout=10).status_code == 200  # reading needs no token
        assert httpx.post(f"{base}/articles", json=DOC, timeout=10).status_code == 401
        r = httpx.post(f"{base}/articles", json=DOC, headers={"Authorization": "Bearer t0ken"}, timeout=10)
        assert r.status_code == 403  # past the token; the store is read-only
    finally:
        stop(proc)


def test_token_guards_every_write(exposed):
    assert httpx.get(f"{exposed}/events", timeout=10).status_code == 200
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"},
                    {"Authorization": "Bearer s3cret2"}, {"Authorization": "bearer S3CRET"}, {"X-Token": "s3cret"}):
        r = post(exposed, DOC, headers=headers)
        assert r.status_code == 401 and "token" in r.json()["detail"], (headers, r.text)
        assert r.headers["www-authenticate"].startswith("Bearer")
    for method in ("PUT", "DELETE", "PATCH"):
        assert httpx.request(method, f"{exposed}/articles/a1", timeout=10).status_code == 401
    r = post(exposed, {**DOC, "id": "tok1"}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200 and r.json()["status"] == "added"


# -- request size and content ---------------------------------------------------------------
def test_body_size_limit(site):
    big = {**DOC, "text": "Woord " * (MAX_BODY_BYTES // 6 + 10)}
    r = post(site, big)
    assert r.status_code == 413 and "larger than" in r.json()["detail"]

    def chunks():  # no Content-Length: the limit holds for a streamed body too
        yield b'{"id": "x", "date": "2025-03-01", "text": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'
    r = httpx.post(f"{site}/articles", content=chunks(), headers={"Content-Type": "application/json"}, timeout=30)
    assert r.status_code == 413
    for length in ("-5", "1e9", str(MAX_BODY_BYTES + 1)):
        status, _ = raw(site, "POST", "/articles", f"Content-Type: application/json\r\nContent-Length: {length}\r\n")
        assert status in (400, 413), length


def test_posted_articles_follow_the_reader_rules(site):
    r = post(site, {**DOC, "id": "fut", "date": "2999-01-01"})
    assert r.status_code == 400 and "future" in r.json()["detail"]
    r = post(site, {**DOC, "id": "long", "text": "Woord " * 40_000})
    assert r.status_code == 400 and "too long" in r.json()["detail"]
    for bad in ({**DOC, "date": "gisteren"}, {**DOC, "text": ""}, {"id": "x"}, [1, 2], "tekst"):
        assert post(site, bad).status_code in (400, 422), bad
    assert post(site, {**DOC, "id": "ok1"}).json()["status"] == "added"


def test_no_cross_site_form_post(site):
    """A form on another site can send text/plain without a preflight; it must not write."""
    r = httpx.post(f"{site}/articles", content=json.dumps({**DOC, "id": "csrf"}),
                   headers={"Content-Type": "text/plain"}, timeout=10)
    assert r.status_code == 422
    assert httpx.get(f"{site}/articles/csrf", timeout=10).status_code == 404


def test_dns_rebinding_host_is_refused(site):
    port = site.rsplit(":", 1)[1]
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.evil.example"):
        r = httpx.get(f"{site}/events", headers={"Host": host}, timeout=10)
        assert r.status_code == 421, host
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        assert httpx.get(f"{site}/events", headers={"Host": host}, timeout=10).status_code == 200


# -- query limits and pagination ----------------------------------------------------------------
@pytest.mark.parametrize("query", ["limit=1001", "limit=0", "limit=-1", "offset=-1", "limit=abc",
                                   "quadclass=9", "mode=maybe", "since=gisteren", "until=2025-13",
                                   "order=;DROP TABLE events", "min_confidence=2", "dyad=USA"])
def test_bad_query_parameters_are_400s(site, query):
    r = httpx.get(f"{site}/events?{query}", timeout=10)
    assert r.status_code in (400, 422), (query, r.status_code, r.text[:300])
    assert "detail" in r.json()


@pytest.mark.parametrize("path", ["/events?offset=100000000000000000000", "/events?offset=9223372036854775807",
                                  "/events/99999999999999999999999", "/events/-1", "/actors?offset=99999999999999999999",
                                  "/articles?offset=99999999999999999999", "/timeline?offset=18446744073709551616",
                                  "/dyad?a=USA&b=UKR&by=century", "/events?text=%25%27%22%5C", "/events?cameo=%25"])
def test_extreme_parameters_never_500(site, path):
    r = httpx.get(f"{site}{path}", timeout=10)
    assert r.status_code < 500, (path, r.status_code, r.text[:300])


def test_pagination_walks_every_event_once(site, store):
    total = store.scalar("SELECT count(*) FROM events")
    seen, offset, pages = [], 0, 0
    while offset is not None:
        r = httpx.get(f"{site}/events", params={"limit": 4, "offset": offset}, timeout=10).json()
        assert len(r["items"]) <= 4 and r["total"] == total
        seen += [e["gid"] for e in r["items"]]
        offset, pages = r["next_offset"], pages + 1
        assert pages <= total
    assert len(seen) == len(set(seen)) == total


# -- the page and the file system -----------------------------------------------------------------
def test_security_headers(site):
    r = httpx.get(f"{site}/", timeout=10)
    assert r.status_code == 200
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    assert "content-security-policy" not in httpx.get(f"{site}/docs", timeout=10).headers


def test_article_text_comes_back_as_data(site):
    art = httpx.get(f"{site}/articles/evil", timeout=10)
    assert art.headers["content-type"].startswith("application/json")
    assert XSS in art.json()["text"]


def raw_get(url: str, target: str) -> tuple[int, bytes]:
    return raw(url, "GET", target)


def raw(url: str, method: str, target: str, headers: str = "") -> tuple[int, bytes]:
    """Send the request exactly as given (httpx would normalise `..` away, or refuse bad headers)."""
    host, port = url.rsplit("//", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"{method} {target} HTTP/1.1\r\nHost: {host}:{port}\r\n{headers}Connection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.parametrize("target", [
    "/static/../api.py", "/static/..%2fapi.py", "/static/%2e%2e/api.py", "/static/..%2f..%2fstore%2fdb.py",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static//etc/passwd", "/static/....//api.py",
    "/static/..\\api.py", "/../../../../etc/passwd", "/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/static/%00", "/static/app.js%00.html", "/static/.", "/static/", "/export?format=../../etc/passwd",
    "/static/" + "../" * 12 + "etc/passwd"])
def test_no_request_reaches_the_file_system(site, target):
    status, body = raw_get(site, target)
    assert status in (400, 404, 405, 422), (target, status)
    assert b"root:x:0:0" not in body and b"def create_app" not in body and b"class Store" not in body


def test_static_files_still_served(site):
    status, body = raw_get(site, "/static/app.js")
    assert status == 200 and b"textContent" in body


def test_concurrent_requests_all_succeed(site):
    """Many threads of the server at once (GET /health once answered 500: a shared connection)."""
    from concurrent.futures import ThreadPoolExecutor
    paths = ["/health", "/events?limit=5", "/timeline", "/actors", "/articles", "/dyad?a=USA&b=UKR", "/articles/a1"]
    with ThreadPoolExecutor(40) as pool:
        statuses = list(pool.map(lambda n: httpx.get(site + paths[n % len(paths)], timeout=60).status_code, range(140)))
    assert statuses == [200] * 140, [s for s in statuses if s != 200]


# -- any query string: an answer, never a server error ------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PARAMS = ["actor", "source", "target", "dyad", "directed", "cameo", "root", "plover", "quadclass", "mode", "since",
          "until", "article_since", "article_until", "text", "article", "min_confidence", "limit", "offset", "order",
          "a", "b", "by", "search", "segments", "format"]
VALUES = st.one_of(st.text(max_size=12), st.integers(-2**70, 2**70).map(str), st.floats().map(str),
                   st.sampled_from(["USA", "UKR,RUS", "2025-03", "2025-13-01", "asserted", "true", "-date", "gdelt",
                                    "%", "_", "'", "\\", "\x00", "../../etc/passwd", "week", "1,2", "0"]))


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient
    return TestClient(create_app(store, process=processor), raise_server_exceptions=False)


@settings(max_examples=int(os.environ.get("KRONIEK_FUZZ_EXAMPLES", "150")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/events", "/timeline", "/actors", "/articles", "/dyad", "/export", "/articles/a1",
                             "/events/1"]),
       params=st.lists(st.tuples(st.sampled_from(PARAMS), VALUES), max_size=6))
def test_any_query_string_is_answered(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code < 500, (path, params, r.status_code, r.text[:300])
