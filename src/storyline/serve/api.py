"""The REST API and the web page: `create_app(store)` serves what the store knows.

Reads are under /api/ (lists take `limit` and `offset` and answer with a `total`);
errors are JSON `{"error": message}`. The one write, POST /api/documents, needs the
bearer token the server was started with; without one configured every write is
refused. Requests take a connection from a pool and give it back.

Before any route runs, a guard answers requests for host names the server does not
serve (DNS rebinding), checks a write's token before it reads its body, and stops
reading a body at the size limit; every answer carries a Content-Security-Policy
that allows no inline script.
"""

from __future__ import annotations

import json
import queue
import threading
import uuid
from collections.abc import Awaitable, Callable, Collection, Iterator, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline._version import __version__
from storyline.connect.fusion import fused_event_page, fused_events, latest_fused_events
from storyline.connect.relations import relations
from storyline.errors import NotFoundError, StorylineError
from storyline.models import RawDocument
from storyline.present.export import (
    document_record,
    entity_record,
    entry_record,
    event_record,
    relation_record,
    story_record,
)
from storyline.present.graph import story_graph
from storyline.present.timeline import timeline, timeline_page
from storyline.store import SQLiteStore, open_store

MAX_BODY = 5 * 1024 * 1024  # bytes a request may carry
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000  # SQLite takes 64-bit integers; no list is this long
# The names a server on the loopback answers to; `hosts` adds the others it serves.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
ENTITY_EVENTS = 100  # latest events on an entity's page; the rest through /api/events
ENTITY_DOCUMENTS = 100  # the latest documents on an entity's page; documents_total counts all
RELATION_EVENTS = 200  # an entity page's relations come from its latest events this many
WEB = resources.files("storyline.serve") / "web"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def _db(request: Request) -> Iterator[SQLiteStore]:
    """A connection of the pool for the length of one request (SQLite in WAL mode lets
    readers run beside the one writer)."""
    pool: queue.SimpleQueue[SQLiteStore] = request.app.state.pool
    try:
        store = pool.get_nowait()
    except queue.Empty:
        store = open_store(request.app.state.database, create=False, pooled=True)
    try:
        yield store
    finally:
        pool.put(store)


Store = Annotated[SQLiteStore, Depends(_db)]


class NewDocument(BaseModel):
    """A document to add: its text or its HTML page, or (when the server allows
    fetching) a URL to read it from."""

    text: str | None = Field(None, description="Plain text; the first line may be the title.")
    html: str | None = Field(None, description="A whole HTML page; main text is extracted.")
    url: str | None = Field(None, description="Where it was published (fetched if alone).")
    source: str | None = Field(
        None,
        description="What the document is to be known by: posting again with the same "
        "source replaces it. By default its URL; without one, each post is a new source.",
    )
    title: str | None = None
    published: str | None = Field(None, description="Publication date, e.g. 2024-05-20.")
    outlet: str | None = None


def create_app(
    store: SQLiteStore | str | Path,
    *,
    token: str | None = None,
    allow_fetch: bool = False,
    hosts: Collection[str] = LOCAL_HOSTS,
) -> FastAPI:
    """The API and web page over the store (or the database file) given.

    `hosts`: the host names (or addresses) requests may name in their Host header;
    "*" allows any. `token`: the bearer token writes need; None refuses writes."""
    path = Path(store.path if isinstance(store, SQLiteStore) else store)
    writing = threading.Lock()
    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Stories, timelines, entities, events and evidence from news coverage.",
    )
    app.state.database = path
    app.state.pool = queue.SimpleQueue()
    _errors_as_json(app)
    app.add_middleware(Guard, token=token, hosts=hosts)

    # documents -------------------------------------------------------------------

    @app.get("/api/documents", tags=["documents"])
    def list_documents(
        store: Store,
        limit: Limit = 50,
        offset: Offset = 0,
        story: str | None = None,
        outlet: str | None = None,
    ) -> dict[str, Any]:
        """Documents in ingest order, optionally of one story or one outlet."""
        story_id = store.story_named(story) if story else None
        total, documents = store.document_page(
            limit=limit, offset=offset, story_id=story_id, outlet=outlet
        )
        items = [_without_text(document_record(d)) for d in documents]
        return _page(total, limit, offset, items)

    @app.get("/api/documents/{document_id}", tags=["documents"])
    def get_document(store: Store, document_id: str) -> dict[str, Any]:
        """One document with its cleaned text, and its entity mentions and events as
        character offsets into that text (for highlighting)."""
        document = store.get_document(document_id)
        found = [m for m in store.document_mentions(document.id) if m.entity]
        names = store.entity_names(str(m.entity) for m in found)
        record = document_record(document)
        record["mentions"] = [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "type": m.type,
                "entity": m.entity,
                "name": names.get(str(m.entity), ""),
            }
            for m in found
        ]
        record["events"] = [event_record(e) for e in fused_events(store, document_id=document.id)]
        return record

    @app.post(
        "/api/documents",
        tags=["documents"],
        status_code=201,
        dependencies=[Security(HTTPBearer(auto_error=False))],  # the Guard checks it
    )
    def add_document(store: Store, body: NewDocument) -> dict[str, Any]:
        """Add a document (bearer token required). Returns what became of it."""
        raw = _raw_document(body, allow_fetch)
        from storyline.pipeline import ingest, ingest_raw

        with writing:
            results = ingest(store, [body.url]) if raw is None and body.url else None
            outcome = ingest_raw(store, [raw]) if raw is not None else []
        if results is not None:
            if results.failures:
                raise HTTPException(422, results.failures[0].message or "could not read it")
            return {"outcome": "fetched", "counts": results.as_dict()}
        [result] = outcome
        if result.outcome.value == "failed":
            raise HTTPException(422, result.message or "could not ingest it")
        return {"outcome": result.outcome.value, "document": result.document_id}

    # stories, entities, events -------------------------------------------------------

    @app.get("/api/stories", tags=["stories"])
    def list_stories(store: Store, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories, the biggest first: title, span, documents, outlets."""
        items = []
        for story in store.stories(limit=limit, offset=offset):
            record = story_record(store, story)
            record["outlets"] = store.story_outlets(story.id)
            record["size"] = len(story.documents)
            items.append(record)
        return _page(store.count_stories(), limit, offset, items)

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def get_story(store: Store, story_id: str) -> dict[str, Any]:
        """One story: its documents, entities, events, relations and span."""
        resolved = store.story_named(story_id)
        story = store.story(resolved)
        record = story_record(store, story)
        record["outlets"] = store.story_outlets(resolved)
        documents = [store.get_document(d) for d in story.documents]
        record["documents"] = [
            _without_text(document_record(d))
            for d in sorted(documents, key=lambda d: (d.published.value or "9999", d.id))
        ]
        names = store.entity_names(record["entities"])
        record["entities"] = [{"id": e, "name": names.get(e, e)} for e in record["entities"]]
        events = fused_events(store, story_id=resolved)
        record["events"] = _with_sources(store, [event_record(e) for e in events])
        found = relations(store, story_id=resolved, events=events)
        record["relations"] = [relation_record(r) for r in found]
        return record

    @app.get("/api/entities", tags=["entities"])
    def list_entities(
        store: Store,
        limit: Limit = 50,
        offset: Offset = 0,
        q: Annotated[str | None, Query(description="A name or any alias.")] = None,
        type: Annotated[str | None, Query(description="person, work, org, …")] = None,
    ) -> dict[str, Any]:
        """Entities, the most mentioned first; `q` finds them by any spelling."""
        if q:
            found = store.entities_by_id([e.id for e in store.find_entities(q)])
            if type:
                found = [e for e in found if e.type == type]
            total, page = len(found), found[offset : offset + limit]
        else:
            total, page = store.entity_page(limit=limit, offset=offset, type_=type)
        return _page(total, limit, offset, [entity_record(e) for e in page])

    @app.get("/api/entities/{entity_id}", tags=["entities"])
    def get_entity(store: Store, entity_id: str) -> dict[str, Any]:
        """One entity with its aliases, its latest documents and events (totals say
        how many there are) and its relations."""
        entity = store.get_entity(store.entity_named(entity_id))
        record = entity_record(entity)
        record["documents_total"] = len(entity.documents)
        record["documents"] = record["documents"][-ENTITY_DOCUMENTS:]  # the latest
        events = latest_fused_events(store, ENTITY_EVENTS, entity_ids=[entity.id])
        record["events"] = [event_record(e) for e in events]
        record["events_total"] = store.count_events(entity_ids=[entity.id])
        found = relations(store, entity_ids=[entity.id], latest=RELATION_EVENTS)
        names = store.entity_names({r.subject for r in found} | {r.object for r in found})
        record["relations"] = [
            {
                **relation_record(r),
                "subject_name": names.get(r.subject),
                "object_name": names.get(r.object),
            }
            for r in found
        ]
        return record

    @app.get("/api/events", tags=["events"])
    def list_events(
        store: Store,
        limit: Limit = 50,
        offset: Offset = 0,
        entity: str | None = None,
        type: Annotated[str | None, Query(description="A type or a glob: social.*")] = None,
        modality: str | None = None,
        since: Annotated[str | None, Query(description="Earliest date, e.g. 2024-05")] = None,
        until: Annotated[str | None, Query(description="Latest date, e.g. 2024-06-30")] = None,
    ) -> dict[str, Any]:
        """Events in time order, filtered by participant, type, modality and dates."""
        ids = [store.entity_named(entity)] if entity else []
        if not (modality or since or until):
            total, page = fused_event_page(
                store, limit=limit, offset=offset, entity_ids=ids, type_pattern=type
            )
            return _page(total, limit, offset, [event_record(e) for e in page])
        events = fused_events(store, entity_ids=ids, type_pattern=type)
        if modality:
            events = [e for e in events if e.modality == modality]
        if since:
            events = [e for e in events if e.time.value and e.time.value[: len(since)] >= since]
        if until:
            events = [e for e in events if e.time.value and e.time.value[: len(until)] <= until]
        items = [event_record(e) for e in events[offset : offset + limit]]
        return _page(len(events), limit, offset, items)

    @app.get("/api/timeline", tags=["timelines"])
    def get_timeline(
        store: Store,
        story: str | None = None,
        entity: str | None = None,
        pair: Annotated[list[str] | None, Query(description="Two names: pair=A&pair=B")] = None,
        limit: Limit = 200,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """The timeline of a story, an entity or a pair, as `storyline timeline` prints
        it, a page at a time: entries with date, text, modality, outlets and evidence."""
        if sum(bool(x) for x in (story, entity, pair)) != 1:
            raise HTTPException(400, "give one of story=, entity= or pair= (twice)")
        if pair is not None:
            if len(pair) != 2:
                raise HTTPException(400, "pair= takes two entities: pair=A&pair=B")
            both = (store.entity_named(pair[0]), store.entity_named(pair[1]))
            entries = timeline(store, pair=both)
            total, entries = len(entries), entries[offset : offset + limit]
        else:
            total, entries = timeline_page(
                store,
                limit=limit,
                offset=offset,
                story_id=store.story_named(story) if story else None,
                entity_ids=[store.entity_named(entity)] if entity else (),
            )
        records = _with_sources(store, [entry_record(e) for e in entries])
        return {"total": total, "limit": limit, "offset": offset, "entries": records}

    @app.get("/api/graph", tags=["graph"])
    def get_graph(
        store: Store, story: str | None = None, entity: str | None = None
    ) -> dict[str, Any]:
        """Nodes (entities) and edges (relations) of a story or around an entity."""
        if bool(story) == bool(entity):
            raise HTTPException(400, "give one of story= or entity=")
        graph = story_graph(
            store,
            story_id=store.story_named(story) if story else None,
            entity_ids=[store.entity_named(entity)] if entity else (),
        )
        return {
            "nodes": [{"id": n, **data} for n, data in graph.nodes(data=True)],
            "edges": [
                {"id": key, "source": a, "target": b, **data}
                for a, b, key, data in graph.edges(keys=True, data=True)
            ],
        }

    @app.get("/api/search", tags=["search"])
    def search(
        store: Store,
        q: Annotated[str, Query(min_length=1, description="Words, all of which must occur.")],
        limit: Limit = 20,
    ) -> dict[str, Any]:
        """Full-text search over titles and texts (SQLite FTS5), best first."""
        hits = store.search(q, limit=limit)
        items = [
            {"document": h.document, "title": h.title, "source": h.source, "snippet": h.snippet}
            for h in hits
        ]
        return {"total": len(items), "items": items}

    # the web page ------------------------------------------------------------------

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


def _with_sources(store: SQLiteStore, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each piece of evidence with the outlet and title of its document, for display."""
    labels = store.document_labels(p["document"] for r in records for p in r["evidence"])
    for record in records:
        for piece in record["evidence"]:
            label = labels.get(piece["document"])
            if label is not None:
                piece.update(outlet=label.outlet, title=label.title, published=label.published)
    return records


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _page(total: int, limit: int, offset: int, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _without_text(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "text"}


def _raw_document(body: NewDocument, allow_fetch: bool) -> RawDocument | None:
    """The document the request carries; None when it is a URL to fetch."""
    # A post names no file: without a source or URL of its own it is a new source,
    # never the replacement of the post before.
    source = body.source or body.url or f"api:{uuid.uuid4().hex[:16]}"
    if body.html:
        from storyline.read.html import parse_html

        raw = parse_html(body.html, source, url=body.url)
    elif body.text:
        from storyline.read.text import parse_text

        raw = parse_text(body.text, source)
        raw.url = body.url
    else:
        raw = None
    if raw is not None:
        raw.title = body.title or raw.title
        raw.outlet = body.outlet or raw.outlet
        if body.published:
            raw.published, raw.published_basis = body.published, "input"
        return raw
    if body.url:
        if not allow_fetch:
            raise HTTPException(
                403, "this server does not fetch URLs (start it with --allow-fetch)"
            )
        return None
    raise HTTPException(422, "give text, html or url")


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
