"""The browser page of ``ki serve``: the list of concept files and the editor of one file.

Server-rendered Jinja2 (``templates/``) with one small script of its own (``static/editor.js``). The
page talks to the JSON API (``api.py``) for everything the contract names – read, edit, validate,
render, save – and to three routes of its own, here:

* ``POST /page/form`` ``{"text"}`` → the form of that text as HTML (after a list entry was added,
  removed or moved, and when coming back from the text view), or the reason there is none; with
  ``"path"`` (a list entry) only that entry's fields – a long list's entry when it is opened;
* ``GET /page/previous/PATH`` → ``{"path"}``: the file of the previous period in the folder (the same
  Kommune, the period ending the day before this one begins), or ``null``;
* ``POST /page/diff/PATH`` ``{"text"}`` → the changes against that file as HTML (``ki diff``'s Markdown).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from ki_cli.serve.paths import confined, listed

HERE = Path(__file__).parent
FORM_MAX_BYTES = 1024 * 1024
"""Above this size a file opens in the text view: a form of thousands of entries helps nobody (the
form is still there, one click away)."""
KINDS = (
    ("proposal", "Beschlussvorlage"),
    ("concept", "Schwerpunktkonzept"),
    ("agreements", "Vereinbarungen"),
    ("workplan", "Arbeitsplan"),
)


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(("html",)),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlpath"] = lambda value: quote(str(value))
    return env


def _html(name: str, status: int = 200, **variables: Any) -> HTMLResponse:
    return HTMLResponse(_environment().get_template(name).render(**variables), status_code=status)


def _message(title: str, text: str, status: int) -> HTMLResponse:
    return _html("message.html", status=status, title=title, text=text)


# --- the form of a text -------------------------------------------------------------------------


def form_of(text: str) -> tuple[str, str]:
    """The form of a concept's text as HTML, and why there is none ("" when there is one)."""
    from ki_cli.check.load import load_bytes
    from ki_cli.serve.forms import build_form

    raw = text.encode("utf-8", errors="surrogatepass")
    loaded = load_bytes(raw)
    if not isinstance(loaded.data, dict):
        first = next((f for f in loaded.findings if f.severity == "error"), None)
        reason = "Die Datei lässt sich nicht als Konzept lesen"
        if first is not None:
            reason += f" (Zeile {first.line}: {first.message.rstrip('.')})"
        return "", reason + ". Bitte beheben Sie das in der Textansicht; danach erscheint das Formular."
    form = build_form(loaded.data)
    return _environment().get_template("form.html").render(form=form), ""


def entry_of(text: str, path: str, level: int) -> str:
    """The fields of one list entry as HTML ("" when the text has no such entry)."""
    from ki_cli.check.load import load_bytes
    from ki_cli.serve.forms import build_entry

    entry = build_entry(load_bytes(text.encode("utf-8", errors="surrogatepass")).data, path)
    if entry is None or entry.content is None:
        return ""
    return str(_environment().get_template("entry.html").render(entry=entry, level=level))


async def form_route(request: Request) -> Response:
    body = await _body(request)
    text = body.get("text")
    if not isinstance(text, str):
        return JSONResponse({"error": {"code": "bad_field", "message": "„text“ fehlt."}}, status_code=400)
    path = body.get("path")
    if isinstance(path, str):
        level = body.get("level")
        html = await run_in_threadpool(entry_of, text, path, level if isinstance(level, int) else 1)
        return JSONResponse({"html": html, "reason": "" if html else f"Keinen Eintrag „{path}“ gefunden."})
    html, reason = await run_in_threadpool(form_of, text)
    return JSONResponse({"html": html, "reason": reason})


async def _body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        return {}
    return body if isinstance(body, dict) else {}


# --- pages --------------------------------------------------------------------------------------


async def index(request: Request) -> Response:
    from ki_cli.format.vocab import KOMMUNE_TYP
    from ki_cli.render.labels import LABELS

    files = await run_in_threadpool(listed, request.app.state.root)
    typen = [(typ, LABELS.get(typ, typ)) for typ in KOMMUNE_TYP]
    return _html("index.html", files=files, title="Konzeptdateien", typen=typen)


async def edit(request: Request) -> Response:
    relative = request.path_params["path"]
    real = confined(request.app.state.root, relative)
    if real is None or not real.is_file():
        return _message("Nicht gefunden", f"Die Datei „{relative}“ gibt es in diesem Ordner nicht.", 404)
    raw = await run_in_threadpool(real.read_bytes)
    from ki_cli.serve.api import etag_of

    text = raw.decode("utf-8", errors="replace")
    html, reason = ("", "") if len(raw) > FORM_MAX_BYTES else await run_in_threadpool(form_of, text)
    large = len(raw) > FORM_MAX_BYTES
    if large:
        reason = (
            f"Die Datei ist groß ({len(raw) // 1024} KB); sie öffnet in der Textansicht. "
            "Das Formular erscheint, wenn Sie „Formular“ wählen."
        )
    state = {"path": relative, "text": text, "etag": etag_of(raw), "view": "text" if reason else "form"}
    return _html(
        "edit.html",
        title=relative,
        path=relative,
        form_html=html,
        reason=reason,
        state=json.dumps(state, ensure_ascii=False).replace("<", "\\u003c"),
        kinds=KINDS,
    )


# --- the previous period and the diff against it ------------------------------------------------


_Period = tuple[dt.date | None, dt.date | None, str | None]
_PERIODS: dict[tuple[Path, int, int], _Period] = {}
"""Each file's period and Kommune by path, modification time and size: the folder is read once, not per request."""


def _period_and_kommune(real: Path) -> _Period:
    try:
        stat = real.stat()
    except OSError:
        return None, None, None
    key = (real, stat.st_mtime_ns, stat.st_size)
    if key not in _PERIODS:
        if len(_PERIODS) > 1000:
            _PERIODS.clear()
        _PERIODS[key] = _read_period(real)
    return _PERIODS[key]


def _read_period(real: Path) -> _Period:
    from ki_cli.check.load import load_bytes
    from ki_cli.format.converters import to_date

    try:
        loaded = load_bytes(real.read_bytes())
    except OSError:
        return None, None, None
    data: dict[str, Any] = loaded.data if isinstance(loaded.data, dict) else {}
    periode: dict[str, Any] = data["periode"] if isinstance(data.get("periode"), dict) else {}
    kommune: dict[str, Any] = data["kommune"] if isinstance(data.get("kommune"), dict) else {}

    def date(value: Any) -> dt.date | None:
        try:
            return to_date(value) if value is not None else None
        except Exception:
            return None

    name = kommune.get("name")
    return date(periode.get("beginn")), date(periode.get("ende")), str(name) if name is not None else None


def previous_of(root: Path, relative: str) -> str | None:
    """The folder's file of the period before ``relative``'s: same Kommune, ending the day before it begins."""
    real = confined(root, relative)
    if real is None or not real.is_file():
        return None
    beginn, _, kommune = _period_and_kommune(real)
    if beginn is None or kommune is None:
        return None
    for other in listed(root):
        if other == relative:
            continue
        candidate = confined(root, other)
        if candidate is None:
            continue
        _, ende, name = _period_and_kommune(candidate)
        if name == kommune and ende is not None and ende == beginn - dt.timedelta(days=1):
            return other
    return None


async def previous_route(request: Request) -> Response:
    previous = await run_in_threadpool(previous_of, request.app.state.root, request.path_params["path"])
    return JSONResponse({"path": previous})


_OLD: dict[tuple[Path, int, int], Any] = {}
"""The previous period's concept, read once while it is unchanged on disk."""


def diff_html(root: Path, previous: str, text: str) -> str:
    from ki_cli.check.load import load_bytes
    from ki_cli.diff.changes import compare
    from ki_cli.diff.command import structure
    from ki_cli.diff.views import markdown
    from ki_cli.render.formats import _markdown

    old_real = confined(root, previous)
    if old_real is None:
        return ""
    try:
        stat = old_real.stat()
    except OSError:
        return ""
    key = (old_real, stat.st_mtime_ns, stat.st_size)
    if key not in _OLD:
        _OLD.clear()
        _OLD[key] = structure(load_bytes(old_real.read_bytes()), "de")[0]
    old = _OLD[key]
    new, _ = structure(load_bytes(text.encode("utf-8", errors="surrogatepass")), "de")
    if old is None or new is None:
        return "<p>Der Vergleich braucht zwei lesbare Konzepte; bitte zuerst die Fehler beheben.</p>"
    return str(_markdown().render(markdown(compare(old, new))))


async def diff_route(request: Request) -> Response:
    body = await _body(request)
    text = body.get("text")
    root = request.app.state.root
    previous = await run_in_threadpool(previous_of, root, request.path_params["path"])
    if previous is None or not isinstance(text, str):
        return JSONResponse({"path": None, "html": ""})
    html = await run_in_threadpool(diff_html, root, previous, text)
    return JSONResponse({"path": previous, "html": html})


def routes() -> list[BaseRoute]:
    return [
        Route("/", index, methods=["GET"]),
        Route("/edit/{path:path}", edit, methods=["GET"]),
        Route("/page/form", form_route, methods=["POST"]),
        Route("/page/previous/{path:path}", previous_route, methods=["GET"]),
        Route("/page/diff/{path:path}", diff_route, methods=["POST"]),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
