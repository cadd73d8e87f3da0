"""The gate in front of the app: a request is refused before its body is read when it
lacks the API key (401) or announces a body over the limit (413); a body that streams
past the limit without announcing its length is cut off at the limit (413 too). So no
request ever makes the service hold more than ``max_body_bytes`` of it in memory.
"""
from __future__ import annotations

import hmac

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import problem

API_KEY_HEADER = "X-API-Key"


def key_matches(expected: str, given) -> bool:
    """Constant-time comparison, so the key cannot be guessed byte by byte from timings."""
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


class Guard:
    """ASGI middleware: API key on ``protected`` paths, body size on every request."""

    def __init__(self, app: ASGIApp, *, api_key, max_body_bytes: int, protected: str = "/v1/"):
        self.app = app
        self.api_key = api_key
        self.max_body_bytes = max_body_bytes
        self.protected = protected

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        path = scope["path"]
        if self.api_key and path.startswith(self.protected) and not key_matches(self.api_key, headers.get(API_KEY_HEADER)):
            detail = f"send the service's API key in the {API_KEY_HEADER} header"
            if headers.get(API_KEY_HEADER) is not None:
                detail = f"the {API_KEY_HEADER} header does not hold the service's API key"
            return await problem(401, "Unauthorized", detail, instance=path,
                                 headers={"WWW-Authenticate": f'ApiKey header="{API_KEY_HEADER}"'})(scope, receive, send)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body_bytes:
            return await self.too_large(path)(scope, receive, send)
        limiter = _Limiter(self, scope, receive, send)
        try:
            await self.app(scope, limiter.receive, limiter.send)
        except Exception:
            if not limiter.refused:
                raise

    def too_large(self, path: str):
        return problem(413, "Content too large",
                       f"the request body is over the limit of {self.max_body_bytes} bytes",
                       instance=path, headers={"Connection": "close"})


class _Limiter:
    """One request's body counter. Past the limit it answers 413 itself, then makes the
    app's body read fail and drops whatever the app would have answered instead."""

    def __init__(self, guard: Guard, scope: Scope, receive: Receive, send: Send):
        self.guard, self.scope, self._receive, self._send = guard, scope, receive, send
        self.received = 0
        self.started = False
        self.refused = False

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request" and not self.refused:
            self.received += len(message.get("body", b""))
            if self.received > self.guard.max_body_bytes:
                if not self.started:
                    self.refused = True
                    await self.guard.too_large(self.scope["path"])(self.scope, self._receive, self._send)
                raise _BodyTooLarge()
        return message

    async def send(self, message: Message) -> None:
        if self.refused:
            return
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


class _BodyTooLarge(Exception):
    pass
