"""The application of ``ki serve``: its routes and the security every request passes first.

``create_app(root, token)`` gives the Starlette application. What it keeps for the routes, on
``app.state``: ``root`` (the served folder, resolved), ``token``, ``lang`` (the default language of
messages), ``selection`` (``ki.toml``'s select/ignore/severity, as ``ki validate`` in that folder
applies them) and ``config`` (the whole ``ki.toml`` in force).

Every HTTP request passes ``Guard`` (the contract of ``spec/cli.md``):

* the ``Host`` header must be ``127.0.0.1:PORT`` or ``localhost:PORT`` (PORT: the port the server
  listens on), else 403 – a DNS-rebinding page never gets an answer;
* the token must come with it: the header ``X-KI-Token``, the cookie the page visit set, or
  ``?token=`` in the address (a page visit with it gets the cookie and is sent on to the same
  address without the token, so that it stays out of the history); else 403;
* a request that changes something (any method but GET/HEAD/OPTIONS) carrying an ``Origin`` must
  come from the page itself;
* every answer says ``nosniff``, no referrer, and the API's answers are not cached.
"""

from __future__ import annotations

import hmac
import json
import sys
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ki_cli.serve.texts import text

TOKEN_HEADER = "x-ki-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_BODY = 32 * 1024 * 1024  # above the loader's 16 MB (a file that large gets its finding, not a refusal)


def cookie_name(port: int) -> str:
    """One cookie per port: cookies do not tell ports apart, two servers must not share one."""
    return f"ki_token_{port}"


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}, **extra}


def _request_lang(scope: Scope, default: str) -> str:
    from ki_cli.text import supported

    for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1")):
        if key == "lang" and supported(value):
            return supported(value) or default
    return default


class Guard:
    """The ASGI middleware of the Host check, the token and same-origin writes (see the module text)."""

    def __init__(self, app: ASGIApp, token: str, lang: str, port: int | None = None) -> None:
        self.app, self.token, self.lang, self.port = app, token, lang, port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        lang = _request_lang(scope, self.lang)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        port = self.port if self.port is not None else int((scope.get("server") or ("", 80))[1] or 80)
        host = headers.get("host", "")
        allowed = {f"127.0.0.1:{port}", f"localhost:{port}"}
        if port == 80:
            allowed |= {"127.0.0.1", "localhost"}
        if host.lower() not in allowed:
            await self._refuse(scope, receive, send, "forbidden_host", text("forbidden_host", lang, port=port))
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        from_query = next((v for k, v in query if k == "token"), None)
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except Exception:  # a malformed cookie header: as if none came
            cookies = SimpleCookie()
        morsel = cookies.get(cookie_name(port))
        given = [headers.get(TOKEN_HEADER), morsel.value if morsel else None, from_query]
        if not any(value is not None and hmac.compare_digest(value.encode(), self.token.encode()) for value in given):
            await self._refuse(scope, receive, send, "forbidden_token", text("forbidden_token", lang))
            return
        method = scope.get("method", "GET")
        origin = headers.get("origin")
        if method not in SAFE_METHODS and origin is not None and origin.lower() not in {f"http://{h}" for h in allowed}:
            await self._refuse(scope, receive, send, "forbidden_origin", text("forbidden_origin", lang, origin=origin))
            return
        path: str = scope.get("path", "/")
        if from_query is not None and method == "GET" and not path.startswith("/api/") and scope["type"] == "http":
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            response = Response(status_code=303, headers={"location": path + (f"?{rest}" if rest else "")})
            response.set_cookie(cookie_name(port), self.token, httponly=True, samesite="strict", path="/")
            await response(scope, receive, send)
            return
        api = path.startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if api:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        length = headers.get("content-length", "0")
        if length.isdigit() and int(length) > MAX_BODY:
            message = text("too_large", lang, size=int(length), limit=MAX_BODY)
            await JSONResponse(error_body("too_large", message), status_code=413)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, code: str, message: str) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await JSONResponse(error_body(code, message), status_code=403)(scope, receive, send)


async def _not_found(request: Request, exc: Exception) -> Response:
    lang = _request_lang(request.scope, request.app.state.lang)
    status = getattr(exc, "status_code", 404)
    if status == 405:
        body = error_body("method", text("method", lang, method=request.method))
    else:
        body = error_body("not_found", text("no_route", lang, path=request.url.path))
    return JSONResponse(body, status_code=status)


async def _internal(request: Request, exc: Exception) -> Response:
    """The last resort: never a bare 500 page; the traceback goes to the terminal."""
    import traceback

    traceback.print_exception(exc, file=sys.stderr)
    lang = _request_lang(request.scope, request.app.state.lang)
    detail = type(exc).__name__
    return JSONResponse(error_body("internal", text("internal", lang, detail=detail)), status_code=500)


def create_app(root: Path, token: str, *, lang: str | None = None, port: int | None = None) -> Starlette:
    """The application serving the concept files of ``root`` to whoever holds ``token``.

    ``lang``: the default language of messages (else ki's language detection, with ``ki.toml`` of
    ``root``); ``port``: the port of the Host check (else the port the request arrived at)."""
    from ki_cli.check.report import Selection
    from ki_cli.config import discover
    from ki_cli.serve import api, page
    from ki_cli.text import detect_lang

    resolved = root.resolve()
    config = discover(resolved)
    language = detect_lang(lang, config.lang)
    routes: list[BaseRoute] = [*api.routes(), *page.routes()]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, token=token, lang=language, port=port)],
        exception_handlers={404: _not_found, 405: _not_found, Exception: _internal},
    )
    app.state.root = resolved
    app.state.token = token
    app.state.lang = language
    app.state.config = config
    app.state.selection = Selection(select=config.select, ignore=config.ignore, severity=config.severity)
    return app


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
