"""The browser page's routes (a placeholder: the list of the folder's files as links)."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Route

from ki_cli.serve.paths import listed


async def index(request: Request) -> HTMLResponse:
    files = listed(request.app.state.root)
    items = "".join(f'<li><a href="/api/files/{quote(name)}">{escape(name)}</a></li>' for name in files)
    return HTMLResponse(
        f'<!doctype html><html lang="de"><meta charset="utf-8"><title>ki serve</title>'
        f"<h1>Konzeptdateien</h1><ul>{items}</ul></html>"
    )


def routes() -> list[BaseRoute]:
    return [Route("/", index, methods=["GET"])]
