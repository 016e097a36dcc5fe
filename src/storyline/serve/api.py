"""The REST API and the web page: `create_app(store)` serves what the store knows.

Reads are under /api/ (lists take `limit` and `offset` and answer with a `total`);
errors are JSON `{"error": message}`. The one write, POST /api/documents, needs the
bearer token the server was started with; without one configured every write is
refused. Requests take a connection from a pool and give it back. `guard` answers
what must not reach a route; `routes` holds one module per resource.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Collection
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline._version import __version__
from storyline.errors import NotFoundError, StorylineError
from storyline.serve.guard import LOCAL_HOSTS, MAX_BODY, Guard
from storyline.serve.routes import documents, entities, events, search, stories
from storyline.store import SQLiteStore

__all__ = ["LOCAL_HOSTS", "MAX_BODY", "create_app"]
WEB = resources.files("storyline.serve") / "web"


def create_app(
    store: SQLiteStore | str | Path,
    *,
    token: str | None = None,
    allow_fetch: bool = False,
    hosts: Collection[str] = LOCAL_HOSTS,
) -> FastAPI:
    """The API and web page over the store (or the database file) given.

    `hosts`: the host names (or addresses) requests may name in their Host header;
    "*" allows any. `token`: the bearer token writes need; None refuses writes.
    `allow_fetch`: whether a post may name a URL for the server to fetch."""
    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Stories, timelines, entities, events and evidence from news coverage.",
    )
    app.state.database = Path(store.path if isinstance(store, SQLiteStore) else store)
    app.state.pool = queue.SimpleQueue()
    app.state.allow_fetch = allow_fetch
    app.state.writing = threading.Lock()  # one write at a time from this server
    _errors_as_json(app)
    app.add_middleware(Guard, token=token, hosts=hosts)
    for module in (documents, stories, entities, events, search):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(WEB)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(WEB / "index.html"))

    return app


def _errors_as_json(app: FastAPI) -> None:
    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(StorylineError)
    async def bad_request(request: Request, exc: StorylineError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(StarletteHTTPException)  # FastAPI's too, and 405s
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(404)
    async def no_route(request: Request, exc: Exception) -> JSONResponse:
        return _error(404, f"nothing at {request.url.path}")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        # the server logs the traceback; the client gets JSON like every other error
        return _error(500, f"internal error ({type(exc).__name__}); see the server's log")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, f"{where}: {first.get('msg', 'invalid request')}")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)
