"""The ASGI app: routes, security headers, the request-size limit and the in-memory result store."""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..read import DEFAULT_MAX_SIZE

# The browser may load nothing but this app's own scripts (the evidence filter, the batch
# progress, which polls this origin: connect-src) and inline styles; no frames, no other
# origin, forms post only here. Reports carry document text, so this is the second line of
# defence after Jinja2 autoescaping.
CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
           (b"cache-control", b"no-store")]


class BodyTooLarge(Exception):
    """The request body grew past the limit while it was being read."""


class SecurityHeaders:
    """Adds CSP and friends to every response; refuses bodies above `limit(path)` bytes (413
    before reading when Content-Length says so, BodyTooLarge from `receive` otherwise)."""

    def __init__(self, app, limit, too_large):
        self.app, self.limit, self.too_large = app, limit, too_large

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        limit = self.limit(scope.get("path", ""))
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length and length.isdigit() and int(length) > limit:
            return await self.too_large(scope.get("path", ""))(scope, receive, send_with_headers)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge()
            return message

        await self.app(scope, limited_receive, send_with_headers)


@dataclass
class Settings:
    max_size: int = DEFAULT_MAX_SIZE
    rules_dirs: tuple[str, ...] = ()
    tmp_root: str | None = None  # where each request's temporary folder is made (default: the system's)
    keep: int = 20  # results kept in memory for the download links
    batch_files: int = 50  # files in one batch upload
    batch_total: int = 1024 * 1024 * 1024  # bytes in one batch upload, all files together
    batch_workers: int = 0  # worker processes of a batch (0: one per core)
    batch_timeout: float = 300.0  # seconds per document, as `alignment batch --timeout`
    batch_keep: int = 5  # batches kept (their results folders on disk) for the download links


@dataclass
class Store:
    """The last `keep` results (the analysed models, not the files), for the download links.
    Bounded, so memory stays flat however many documents are checked."""

    keep: int = 20
    items: OrderedDict = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def put(self, kind: str, model, name: str) -> str:
        token = secrets.token_urlsafe(16)
        with self.lock:
            self.items[token] = (kind, model, name)
            while len(self.items) > self.keep:
                self.items.popitem(last=False)
        return token

    def get(self, token: str):
        with self.lock:
            return self.items.get(token)


def create_app(*, max_size: int = DEFAULT_MAX_SIZE, rules_dirs: tuple[str, ...] = (), tmp_root: str | None = None,
               allowed_hosts: tuple[str, ...] | None = ("127.0.0.1", "localhost", "[::1]", "::1"),
               keep: int = 20, **batch) -> Starlette:
    """The app. `allowed_hosts` guards against DNS rebinding (a page elsewhere reaching this
    server through a name that resolves to 127.0.0.1); None allows any Host header. `batch`:
    the `batch_*` fields of `Settings`."""
    from ..batch.run import default_workers
    from . import batch_routes, routes
    from .batch_jobs import Jobs

    settings = Settings(max_size=max_size, rules_dirs=tuple(rules_dirs), tmp_root=tmp_root, keep=keep, **batch)
    jobs = Jobs(keep=settings.batch_keep, start_options={
        "workers": settings.batch_workers or default_workers(), "max_size": settings.max_size,
        "timeout": settings.batch_timeout, "rules_dirs": tuple(os.path.abspath(d) for d in settings.rules_dirs)})

    def limit(path: str) -> int:
        return settings.batch_total + 1024 * 1024 if path == "/batch" else 2 * max_size + 1024 * 1024

    @contextlib.asynccontextmanager
    async def lifespan(app):
        try:
            yield
        finally:  # batches still running are stopped, and every batch folder deleted
            jobs.close()

    middleware = [Middleware(SecurityHeaders, limit=limit, too_large=routes.too_large_for)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    app = Starlette(routes=routes.ROUTES + batch_routes.ROUTES, middleware=middleware, lifespan=lifespan)
    app.state.settings = settings
    app.state.store = Store(keep=keep)
    app.state.jobs = jobs
    return app
