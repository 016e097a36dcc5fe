"""`storyline serve`: the web page and the REST API."""

from __future__ import annotations

import socket

import click
from rich.markup import escape

from storyline.cli.base import cli, db_option, err, open_db


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="STORYLINE_TOKEN",
    metavar="TOKEN",
    help="Bearer token that POST /api/documents requires (or STORYLINE_TOKEN). "
    "Without one, the server takes no writes.",
)
@click.option("--allow-fetch", is_flag=True, help="Let POST /api/documents name a URL to fetch.")
@click.option(
    "--allow-host",
    "allowed",
    multiple=True,
    metavar="NAME",
    help="A host name the server answers to besides 127.0.0.1, localhost and --host "
    "(repeatable; '*' for any). Other names are refused, against DNS rebinding.",
)
@click.pass_context
def serve_command(
    ctx: click.Context,
    host: str,
    port: int,
    token: str | None,
    allow_fetch: bool,
    allowed: tuple[str, ...],
) -> None:
    """Serve the web page and the REST API over the database.

    Open http://HOST:PORT/ for stories, timelines, graphs and evidence; the API lives
    under /api/ and documents itself at /docs and /openapi.json.

    \b
    Examples:
      storyline --db demo.db serve
      STORYLINE_TOKEN=secret storyline serve --port 8080
      storyline serve --host 0.0.0.0 --allow-host news.example.org
    """
    import uvicorn

    from storyline.serve.api import LOCAL_HOSTS, create_app

    with open_db(ctx) as store:  # checks the database exists and migrates it
        path = store.path
    hosts = {*LOCAL_HOSTS, host, *allowed}
    if host in {"0.0.0.0", "::"}:  # every interface: the names this machine goes by
        hosts |= {socket.gethostname(), socket.getfqdn()}
    app = create_app(path, token=token, allow_fetch=allow_fetch, hosts=hosts)
    err.print(f"storyline: serving {escape(str(path))} at [bold]http://{host}:{port}/[/]")
    uvicorn.run(app, host=host, port=port, log_level="warning")
