"""What makes `kroniek serve` safe to expose: one ASGI middleware in front of the API.

- Writes need a token when one is set: any method other than GET/HEAD/OPTIONS (today
  `POST /articles`) must carry `Authorization: Bearer TOKEN`. `kroniek serve` refuses to
  bind to a non-loopback address with a writable store and no token, so an exposed server
  is never writable by anyone who can reach it.
- Request size: a write body larger than `max_body` (2 MB: an article of the 200 000
  character limit in kroniek.reading.limits, JSON-escaped, with room to spare) is refused
  with 413 before it is read into memory, whether or not it says its length.
- Host header: on loopback only `localhost` / `127.0.0.1` / `[::1]` are accepted, which
  stops DNS rebinding (a web page whose own name resolves to 127.0.0.1 reaching the API
  through the user's browser).
- Response headers: a Content-Security-Policy that lets the page run only its own script
  (so text that slipped into the page as HTML still could not run), no framing, no MIME
  sniffing, no referrer. The Swagger pages (/docs, /redoc) load their script from a CDN
  and are left without the policy.

Query limits (`limit` ≤ 1000, `offset` ≥ 0) are declared on the endpoints themselves.
"""
from __future__ import annotations

import hmac
import ipaddress
import json
from typing import Optional

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_BODY_BYTES = 2 * 1024 * 1024
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})
DOCS_PATHS = ("/docs", "/redoc")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer")]


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name part of a Host header: `127.0.0.1:8000` -> `127.0.0.1`, `[::1]:80` -> `[::1]`."""
    header = header.strip().lower()
    if header.startswith("["):
        return header.split("]", 1)[0] + "]"
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware: token for writes, body size limit, Host check, security headers."""

    def __init__(self, app, token: Optional[str] = None, allowed_hosts: Optional[frozenset[str]] = None,
                 max_body: int = MAX_BODY_BYTES):
        self.app, self.token, self.allowed_hosts, self.max_body = app, token, allowed_hosts, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None and host_name(headers.get("host", "")) not in self.allowed_hosts:
            return await self._refuse(send, 421, "unknown Host header: this server answers to "
                                                 + ", ".join(sorted(self.allowed_hosts)))
        if scope["method"] not in SAFE_METHODS:
            if self.token is not None:
                given = headers.get("authorization", "")
                if not hmac.compare_digest(given.encode(), f"Bearer {self.token}".encode()):
                    return await self._refuse(send, 401, "writing needs the server's token: "
                                                         "Authorization: Bearer TOKEN",
                                              [(b"www-authenticate", b'Bearer realm="kroniek"')])
            length = headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > self.max_body):
                return await self._refuse(send, 413, f"request body larger than {self.max_body} bytes")
            body, more = [], True
            size = 0
            while more:  # read (at most max_body) now, so a body without a length is bounded too
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body:
                    return await self._refuse(send, 413, f"request body larger than {self.max_body} bytes")
                body.append(chunk)
                more = message.get("more_body", False)
            receive = _replay(b"".join(body), receive)
        docs = scope.get("path", "").startswith(DOCS_PATHS)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                extra = list(HEADERS) if docs else [*HEADERS, (b"content-security-policy", CSP.encode())]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    async def _refuse(send, status: int, detail: str, extra: list | None = None) -> None:
        body = json.dumps({"detail": detail}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                *HEADERS, *(extra or [])]})
        await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # then wait for the disconnect, as the server would
    return replay


def harden(app, host: str, token: Optional[str] = None, max_body: int = MAX_BODY_BYTES):
    """The API wrapped for serving on `host` (check `check_exposure` first)."""
    return Guard(app, token=token or None, allowed_hosts=LOOPBACK_HOSTS if is_loopback(host) else None,
                 max_body=max_body)


def check_exposure(host: str, writable: bool, token: Optional[str]) -> Optional[str]:
    """Why serving this way is unsafe, or None."""
    if writable and not token and not is_loopback(host):
        return (f"binding to {host} lets anyone who can reach it write to the store through POST /articles: "
                f"give a token (--token or the environment variable KRONIEK_TOKEN), or serve --read-only")
    return None
