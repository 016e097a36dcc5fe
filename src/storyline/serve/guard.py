"""The guard before the app: a request must not reach a route when it names a host the
server does not serve (400, against DNS rebinding), writes without the right token
(401, or 403 when the server takes none; checked before the body is read) or carries
a body over MAX_BODY (413, counted as it arrives, chunked or not). Every answer gets a
Content-Security-Policy that allows no inline script, and the other security headers.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from typing import Any

from fastapi import HTTPException

MAX_BODY = 5 * 1024 * 1024  # bytes a request may carry
# The names a server on the loopback answers to; `hosts` adds the others it serves.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

# What the web page may load: its own files only; no inline script, no other site.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc pages load Swagger UI and ReDoc with an inline script.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com "
    "https://cdn.redoc.ly; worker-src blob:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs", "/redoc")
_READS = frozenset({"GET", "HEAD", "OPTIONS"})

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Guard:
    """ASGI middleware that answers before the app when a request must not reach it:
    a Host the server does not serve (400), a write without the right token (401, or
    403 when the server takes none), a body over `MAX_BODY` (413, counted as it arrives,
    chunked or not). Every answer gets the security headers."""

    def __init__(
        self, app: ASGIApp, *, token: str | None, hosts: Collection[str] = LOCAL_HOSTS
    ) -> None:
        self.app = app
        self.token = token
        self.hosts = {h.lower().strip("[]") for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_security_headers(send, scope["path"])
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope["method"], headers)
        if refusal is not None:
            await _send_error(send, *refusal)
            return
        await self.app(scope, _counted(receive), send)

    def _refusal(self, method: str, headers: dict[str, str]) -> tuple[int, str] | None:
        host = _host_name(headers.get("host", ""))
        # no Host header (HTTP/1.0) names no site: a browser always sends one
        if host and "*" not in self.hosts and host not in self.hosts:
            return 400, f"this server does not serve the host {host!r} (see serve --allow-host)"
        if method in _READS:
            return None
        if self.token is None:
            return 403, "this server takes no writes (start it with --token)"
        if headers.get("authorization") != f"Bearer {self.token}":
            return 401, "a valid bearer token is required"
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
            return 413, _TOO_LARGE
        return None


_TOO_LARGE = f"request bodies are limited to {MAX_BODY // 1024 // 1024} MB"


def _host_name(host: str) -> str:
    """'example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _counted(receive: Receive) -> Receive:
    """`receive` that stops a body at MAX_BODY bytes, whatever its headers said.
    FastAPI passes an HTTPException raised while it reads a body on as it is."""
    received = 0

    async def counted() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > MAX_BODY:
                raise HTTPException(413, _TOO_LARGE)
        return message

    return counted


def _with_security_headers(send: Send, path: str) -> Send:
    policy = DOCS_POLICY if path in _DOCS_PATHS else PAGE_POLICY
    extra = [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return sending


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
