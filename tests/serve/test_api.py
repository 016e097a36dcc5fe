"""The REST API, served by uvicorn on 127.0.0.1 over a real store of the sample corpus,
asked over real HTTP."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from storyline.pipeline import ingest
from storyline.serve.api import create_app
from storyline.store import open_store
from tests.conftest import EXAMPLES

TOKEN = "test-token"


class Server:
    def __init__(self, base: str) -> None:
        self.base = base

    def request(
        self, path: str, *, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            self.base + path,
            data=data,
            headers={"Content-Type": "application/json", **(headers or {})},
            method="POST" if data is not None else "GET",
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def get(self, path: str) -> Any:
        status, body = self.request(path)
        assert status == 200, body
        return body


def serve(app: Any) -> Iterator[str]:
    """Run `app` on a free port of 127.0.0.1 until the test is done; yield its URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "sample.db"
    with open_store(path) as store:
        assert ingest(store, [str(EXAMPLES)]).failed == 0
    return path


@pytest.fixture(scope="module")
def api(sample_db: Path) -> Iterator[Server]:
    for base in serve(create_app(sample_db, token=TOKEN)):
        yield Server(base)


def test_lists_paginate_with_a_total(api: Server) -> None:
    first = api.get("/api/documents?limit=4")
    second = api.get("/api/documents?limit=4&offset=4")
    assert first["total"] == second["total"] >= 8 and len(first["items"]) == 4
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    stories = api.get("/api/stories")
    assert stories["total"] >= 2 and stories["items"][0]["title"]


def test_a_document_with_its_mentions_by_offset(api: Server) -> None:
    [listed, *_] = api.get("/api/documents?limit=1")["items"]
    document = api.get(f"/api/documents/{listed['id']}")
    assert document["mentions"]
    for mention in document["mentions"]:
        assert document["text"][mention["start"] : mention["end"]] == mention["text"]


def test_story_entity_timeline_graph_and_search(api: Server) -> None:
    story = api.get("/api/stories")["items"][0]
    detail = api.get(f"/api/stories/{story['id']}")
    assert detail["documents"] and detail["events"] and detail["entities"]
    entity = api.get("/api/entities?q=Min%20Seo%20Yeon")["items"][0]  # any spelling
    assert entity["name"] == "Min Seo-yeon"
    one = api.get(f"/api/entities/{entity['id']}")
    assert one["events"] and one["relations"] and "Min Seo Yeon" in one["aliases"]
    entries = api.get("/api/timeline?entity=Min%20Seo-yeon")["entries"]
    assert entries and all(e["evidence"] and e["evidence"][0]["outlet"] for e in entries)
    pair = api.get("/api/timeline?pair=Yoon%20Ha-rin&pair=Kang%20Do-jin")["entries"]
    assert pair
    graph = api.get(f"/api/graph?story={story['id']}")
    assert graph["nodes"] and graph["edges"]
    assert api.get("/api/events?type=career.*&modality=asserted")["items"]
    assert api.get("/api/search?q=harbor")["items"]


def test_long_timelines_come_a_page_at_a_time(api: Server) -> None:
    story = api.get("/api/stories")["items"][0]["id"]
    whole = api.get(f"/api/timeline?story={story}")
    assert whole["total"] == len(whole["entries"]) >= 3
    pages = [
        api.get(f"/api/timeline?story={story}&limit=2&offset={k}")["entries"]
        for k in range(0, whole["total"], 2)
    ]
    assert [e["event"] for page in pages for e in page] == [e["event"] for e in whole["entries"]]


def test_errors_are_json(api: Server) -> None:
    assert api.request("/api/stories/s_nothing") == (404, {"error": "no story 's_nothing'"})
    status, body = api.request("/api/documents?limit=0")
    assert status == 422 and "limit" in body["error"]
    status, body = api.request("/api/timeline")
    assert status == 400 and "story=" in body["error"]
    status, body = api.request("/api/documents/..%2F..%2Fetc%2Fpasswd")
    assert status == 404 and "root:" not in json.dumps(body)


def test_openapi_documents_the_endpoints(api: Server) -> None:
    paths = api.get("/openapi.json")["paths"]
    for path in (
        "/api/documents",
        "/api/stories/{story_id}",
        "/api/entities/{entity_id}",
        "/api/events",
        "/api/timeline",
        "/api/graph",
        "/api/search",
    ):
        assert path in paths


def test_writes_need_the_token(api: Server) -> None:
    article = {"text": "Kang Do-jin will star in the film Night Ferry, Northwind Management said."}
    assert api.request("/api/documents", body=article)[0] == 401
    wrong = {"Authorization": "Bearer nope"}
    assert api.request("/api/documents", body=article, headers=wrong)[0] == 401
    status, body = api.request(
        "/api/documents", body=article, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert status == 201 and body["outcome"] == "ingested"
    assert api.get(f"/api/documents/{body['document']}")["text"].startswith("Kang Do-jin")
    status, body = api.request(
        "/api/documents",
        body={"url": "http://127.0.0.1:9/x"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert status == 403 and "--allow-fetch" in body["error"]


def test_without_a_token_every_write_is_refused(sample_db: Path) -> None:
    for base in serve(create_app(sample_db)):
        status, body = Server(base).request("/api/documents", body={"text": "x"})
        assert status == 403 and "takes no writes" in body["error"]


def test_oversized_requests_are_refused(api: Server) -> None:
    host, port = api.base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.putrequest("POST", "/api/documents")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(6 * 1024 * 1024))
    connection.putheader("Authorization", f"Bearer {TOKEN}")
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413 and "limited" in json.loads(response.read())["error"]
    connection.close()


def _raw_request(
    base: str, method: str, path: str, headers: dict[str, str], chunks: list[bytes] = ()
) -> tuple[int, dict[str, str], Any]:
    """A request as a client may really send it: any Host, a chunked body."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.putrequest(method, path, skip_host="Host" in headers)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        for chunk in chunks:
            connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        response = connection.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        data = response.read()
        body = json.loads(data) if headers.get("content-type") == "application/json" else data
        return response.status, headers, body
    finally:
        connection.close()


def test_posts_without_a_source_are_each_their_own_document(api: Server) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    posted = []
    for n in (1, 2):
        text = f"Night Ferry wraps filming {n}\nKang Do-jin finished filming on day {n}."
        status, body = api.request("/api/documents", body={"text": text}, headers=auth)
        assert status == 201 and body["outcome"] == "ingested", body
        posted.append(api.get(f"/api/documents/{body['document']}"))
    assert posted[0]["id"] != posted[1]["id"]
    assert [p["title"] for p in posted] == [
        "Night Ferry wraps filming 1",
        "Night Ferry wraps filming 2",
    ]
    assert posted[0]["text"] == "Kang Do-jin finished filming on day 1."
    # a post that names its source replaces what that source held
    first = {"text": "Kang Do-jin arrived.", "source": "wire:41"}
    second = {"text": "Kang Do-jin arrived on Sunday.", "source": "wire:41"}
    assert api.request("/api/documents", body=first, headers=auth)[1]["outcome"] == "ingested"
    assert api.request("/api/documents", body=second, headers=auth)[1]["outcome"] == "updated"


def test_a_write_without_the_token_is_refused_before_its_body_is_read(api: Server) -> None:
    # the headers of an endless chunked upload: the answer comes without any body
    status, _, body = _raw_request(
        api.base, "POST", "/api/documents", {"Transfer-Encoding": "chunked"}
    )
    assert status == 401 and "token" in body["error"]


def test_a_chunked_body_is_cut_at_the_limit(api: Server) -> None:
    headers = {
        "Authorization": f"Bearer {TOKEN}",
        "Content-Type": "application/json",
        "Transfer-Encoding": "chunked",
    }
    chunks = [b'{"text": "'] + [b"x" * 65536] * 96  # 6 MB, no Content-Length
    status, _, body = _raw_request(api.base, "POST", "/api/documents", headers, chunks)
    assert status == 413 and "limited to 5 MB" in body["error"]


def test_a_text_over_a_million_characters_is_stored(api: Server) -> None:
    text = "Long read\nKang Do-jin spoke.\n\n" + "y" * 1_200_000
    status, body = api.request(
        "/api/documents", body={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert status == 201 and body["outcome"] == "ingested", body


@pytest.mark.parametrize(
    "path",
    [
        "/api/documents",
        "/api/stories",
        "/api/entities",
        "/api/events",
        "/api/timeline?entity=Kang%20Do-jin&",
    ],
)
def test_an_offset_too_large_is_a_json_error(api: Server, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    status, body = api.request(f"{path.rstrip('&')}{joiner}offset={10**20}")
    assert status == 422 and "offset" in body["error"]


def test_a_foreign_host_is_refused(api: Server) -> None:
    status, _, body = _raw_request(api.base, "GET", "/api/stories", {"Host": "evil.example"})
    assert status == 400 and "evil.example" in body["error"]
    port = api.base.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "LOCALHOST"):
        assert _raw_request(api.base, "GET", "/api/stories", {"Host": host})[0] == 200


def test_answers_carry_a_policy_that_forbids_inline_script(api: Server) -> None:
    for path in ("/", "/api/stories", "/static/app.js", "/api/nothing"):
        _, headers, _ = _raw_request(api.base, "GET", path, {})
        policy = headers["content-security-policy"]
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
