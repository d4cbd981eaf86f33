"""The JSON API of ``ki serve`` (``spec/cli.md``): files, validate, render, edit.

Every error answer is ``{"error": {"code": …, "message": …}}``, the message in the request's
language (``"lang"`` in the body, ``?lang=``, else the server's); bad input is a 4xx with findings
where there are some, never a 500.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from ki_cli.serve.app import MAX_BODY, error_body
from ki_cli.serve.paths import confined, listed
from ki_cli.serve.texts import text

_WRITE_LOCK = threading.Lock()  # one check-then-write at a time: an ETag checked stays true until the rename


class Problem(Exception):
    """An answer other than success: HTTP status, error code and message, and more JSON fields."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra

    def response(self) -> JSONResponse:
        return JSONResponse(error_body(self.code, self.message, **self.extra), status_code=self.status)


def etag_of(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def _lang(request: Request, body: dict[str, Any] | None = None) -> str:
    from ki_cli.text import supported

    for candidate in ((body or {}).get("lang"), request.query_params.get("lang")):
        if isinstance(candidate, str) and supported(candidate):
            return supported(candidate) or "de"
    return str(request.app.state.lang)


async def _json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    lang = _lang(request)
    if len(raw) > MAX_BODY:
        raise Problem(413, "too_large", text("too_large", lang, size=len(raw), limit=MAX_BODY))
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as err:
        raise Problem(400, "bad_json", text("bad_json", lang, detail=str(err)[:200])) from None
    if not isinstance(body, dict):
        raise Problem(400, "bad_json", text("bad_json", lang, detail=type(body).__name__))
    return body


def _field(body: dict[str, Any], name: str, kind: type, lang: str, expected: str) -> Any:
    value = body.get(name)
    if not isinstance(value, kind):
        raise Problem(400, "bad_field", text("bad_field", lang, field=name, expected=expected))
    return value


def _target(request: Request, lang: str) -> tuple[str, Path]:
    relative = request.path_params["path"]
    real = confined(request.app.state.root, relative)
    if real is None:
        raise Problem(404, "not_found", text("not_found", lang, path=relative))
    return relative, real


def _read(real: Path, relative: str, lang: str) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    import errno

    from ki_cli.files import InputError, open_input

    try:
        with open_input(real) as handle:
            return handle.read()
    except InputError as err:
        if err.errno in (errno.ENOENT, errno.ENOTDIR):
            return None
        raise Problem(409, "read_failed", text("read_failed", lang, detail=err.message(lang))) from None
    except OSError as err:
        raise Problem(409, "read_failed", text("read_failed", lang, detail=err.strerror or str(err))) from None


def _decoded(data: bytes) -> tuple[str, bool]:
    """The text of a file, and whether it was not UTF-8 (undecodable bytes shown as U+FFFD)."""
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), True


def _write(real: Path, data: bytes, lang: str) -> None:
    from ki_cli.atomic import OutputError, write_atomic

    try:
        write_atomic(real, data, force=True, lang=lang)
    except OutputError as err:
        raise Problem(409, "write_failed", text("write_failed", lang, detail=err.message(lang))) from None


def _answer(handler: Any) -> Any:
    async def endpoint(request: Request) -> Response:
        try:
            result: Response = await handler(request)
            return result
        except Problem as problem:
            return problem.response()

    return endpoint


# --- files ---------------------------------------------------------------------------------------


async def list_files(request: Request) -> Response:
    files = await run_in_threadpool(listed, request.app.state.root)
    return JSONResponse({"files": files})


async def get_file(request: Request) -> Response:
    lang = _lang(request)
    relative, real = _target(request, lang)
    data = await run_in_threadpool(_read, real, relative, lang)
    if data is None:
        raise Problem(404, "not_found", text("not_found", lang, path=relative))
    content, lossy = _decoded(data)
    etag = etag_of(data)
    body: dict[str, Any] = {"path": relative, "text": content, "etag": etag}
    if lossy:
        body["not_utf8"] = True
    return JSONResponse(body, headers={"etag": etag})


def _file_bytes(content: str, lang: str) -> bytes:
    """The text to write as UTF-8; a lone surrogate (possible in JSON, impossible in UTF-8) is refused."""
    try:
        return content.encode("utf-8")
    except UnicodeEncodeError:
        raise Problem(400, "bad_field", text("bad_field", lang, field="text", expected="UTF-8")) from None


def _put(real: Path, relative: str, content: str, if_match: str | None, if_none_match: str | None, lang: str) -> str:
    data = _file_bytes(content, lang)
    with _WRITE_LOCK:
        current = _read(real, relative, lang)
        if if_none_match is not None and if_none_match.strip() == "*":
            if current is not None:
                raise Problem(412, "exists", text("exists", lang, path=relative))
        elif if_match is None:
            if current is not None:
                raise Problem(428, "if_match_needed", text("if_match_needed", lang, path=relative))
            raise Problem(404, "not_found", text("gone", lang, path=relative))
        elif current is None:
            raise Problem(412, "gone", text("gone", lang, path=relative))
        elif if_match.strip() != "*" and etag_of(current) not in [t.strip() for t in if_match.split(",")]:
            raise Problem(412, "stale", text("stale", lang, path=relative), etag=etag_of(current))
        _write(real, data, lang)
    return etag_of(data)


async def put_file(request: Request) -> Response:
    body = await _json_body(request)
    lang = _lang(request, body)
    relative, real = _target(request, lang)
    content = _field(body, "text", str, lang, "Text")
    etag = await run_in_threadpool(
        _put, real, relative, content, request.headers.get("if-match"), request.headers.get("if-none-match"), lang
    )
    return JSONResponse({"path": relative, "etag": etag}, headers={"etag": etag})


def starter(body: dict[str, Any], relative: str, lang: str) -> str:
    """``ki init``'s starting file, with the answers the body gives (else its placeholders)."""
    import datetime as dt

    from ki_cli.format.starter import (
        PLACEHOLDER_NAME,
        Answers,
        BadAnswer,
        latest_guideline,
        parse_beginn,
        parse_foerderrichtlinie,
        parse_kommune,
        parse_typ,
        starter_text,
    )
    from ki_cli.periods import next_period_start

    try:
        typ = parse_typ(str(body["typ"])) if body.get("typ") else "kreisfreie_stadt"
        kommune = parse_kommune(str(body["kommune"])) if body.get("kommune") else PLACEHOLDER_NAME[typ]
        beginn = parse_beginn(str(body["beginn"])) if body.get("beginn") else next_period_start(dt.date.today())
        frl = (
            parse_foerderrichtlinie(str(body["foerderrichtlinie"]))
            if body.get("foerderrichtlinie")
            else latest_guideline()
        )
    except BadAnswer as err:
        from ki_cli.cli.init import _explain

        raise Problem(400, "bad_starter", text("bad_starter", lang, detail=_explain(err, lang))) from None
    answers = Answers(kommune=kommune, typ=typ, beginn=beginn, foerderrichtlinie=frl)
    return starter_text(answers, relative)


def _create(real: Path, relative: str, content: str, lang: str) -> str:
    data = _file_bytes(content, lang)
    with _WRITE_LOCK:
        if _read(real, relative, lang) is not None:
            raise Problem(409, "exists", text("exists", lang, path=relative))
        if not real.parent.is_dir():
            raise Problem(404, "not_found", text("not_found", lang, path=relative))
        from ki_cli.atomic import OutputError, write_atomic

        try:
            write_atomic(real, data, force=False, lang=lang)
        except OutputError as err:
            status = 409
            raise Problem(status, "write_failed", text("write_failed", lang, detail=err.message(lang))) from None
    return etag_of(data)


async def create_file(request: Request) -> Response:
    """A new file: the body's ``text``, else ``ki init``'s starter; an existing file is never overwritten."""
    body = await _json_body(request)
    lang = _lang(request, body)
    relative, real = _target(request, lang)
    content = body.get("text")
    if content is not None and not isinstance(content, str):
        raise Problem(400, "bad_field", text("bad_field", lang, field="text", expected="Text"))
    if content is None:
        content = starter(body, relative, lang)
    etag = await run_in_threadpool(_create, real, relative, content, lang)
    return JSONResponse({"path": relative, "text": content, "etag": etag}, status_code=201, headers={"etag": etag})


async def file_endpoint(request: Request) -> Response:
    if request.method in ("GET", "HEAD"):
        return await get_file(request)
    if request.method == "PUT":
        return await put_file(request)
    return await create_file(request)


# --- validate ------------------------------------------------------------------------------------


def validation(request_state: Any, raw: bytes, path: str, lang: str) -> tuple[str, int]:
    """Exactly what ``ki validate --format json PATH`` prints for this content, and its exit code."""
    from ki_cli.check.pipeline import validate_bytes
    from ki_cli.check.report import Report
    from ki_cli.output import json_text
    from ki_cli.output.json import to_json

    report = Report([validate_bytes(raw, path, lang, request_state.selection)])
    output = json_text(json.dumps(to_json(report), ensure_ascii=False, indent=2)) + "\n"
    return output, report.exit_code(request_state.config.strict)


async def validate(request: Request) -> Response:
    body = await _json_body(request)
    lang = _lang(request, body)
    content = _field(body, "text", str, lang, "Text")
    path = body.get("path")
    shown = path if isinstance(path, str) and path else "<stdin>"
    output, code = await run_in_threadpool(
        validation, request.app.state, content.encode("utf-8", errors="surrogatepass"), shown, lang
    )
    return Response(output, media_type="application/json", headers={"x-ki-exit-code": str(code)})


# --- render --------------------------------------------------------------------------------------

MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "oparl": "application/json",
}
# a preview shown in a frame of the page runs no script and loads nothing from elsewhere
PREVIEW_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"


def _findings_json(report: Any) -> list[dict[str, Any]]:
    from ki_cli.output.json import to_json

    files: list[dict[str, Any]] = to_json(report)["files"]
    return list(files[0]["findings"]) if files else []


def rendering(state: Any, raw: bytes, kind: str, fmt: str, options: dict[str, str], lang: str) -> tuple[bytes, str]:
    """The document's bytes and file name, as ``ki render KIND - --format FMT`` writes it; ``Problem``
    (with the findings) when the concept cannot be rendered."""
    from ki_cli.check.load import load_bytes
    from ki_cli.check.pipeline import check_loaded
    from ki_cli.check.report import FileReport, Report
    from ki_cli.render.command import REFUSED
    from ki_cli.render.documents import SUFFIX, build, output
    from ki_cli.render.engine import RenderError

    loaded = load_bytes(raw, lang)
    konzept, findings = check_loaded(loaded, lang)
    findings = state.selection.apply(findings)
    refusing = [f for f in findings if f.severity == "error" or f.code in REFUSED]
    allow_errors = options.get("allow_errors", "") in ("1", "true", "ja", "yes")
    shown = _findings_json(Report([FileReport(options.get("path") or "<stdin>", findings, loaded.text)]))
    if konzept is None:
        raise Problem(422, "unloadable", text("unloadable", lang), findings=shown)
    if refusing and not allow_errors:
        codes = ", ".join(dict.fromkeys(f.code for f in refusing))
        raise Problem(422, "refused", text("refused", lang, codes=codes), findings=shown)
    if fmt == "pdf":
        try:
            import weasyprint  # noqa: F401 (the PDF engine; loading it is the check)
        except OSError as err:
            raise Problem(501, "no_pdf", text("no_pdf", lang, detail=str(err).split(":", 1)[0][:120])) from None
    config = state.config
    agreement_id = options.get("id") or None
    try:
        env, documents = build(
            kind, konzept, template_dir=config.template_dir, entwurf=bool(refusing), agreement_id=agreement_id
        )
        if kind == "agreements":
            known = ", ".join(v.id for v in konzept.vereinbarungen)
            if not documents and agreement_id:
                raise Problem(404, "no_agreement", text("no_agreement", lang, id=agreement_id, known=known))
            if not documents:
                raise Problem(422, "no_agreements", text("no_agreements", lang))
            if len(documents) > 1 and fmt in ("pdf", "docx", "oparl"):
                raise Problem(422, "many_agreements", text("many_agreements", lang, count=len(documents), known=known))
        reference = None
        if fmt == "docx" and config.reference_docx is not None:
            from ki_cli.render.docx import ReferenceRefused, read_reference

            try:
                reference = read_reference(config.reference_docx)
            except ReferenceRefused as err:
                raise Problem(409, "render_failed", text("render_failed", lang, detail=err.message(lang))) from None
        parts = [output(env, doc, fmt, [], reference, oparl=config.oparl) for doc in documents]
    except RenderError as err:
        raise Problem(422, "render_failed", text("render_failed", lang, detail=err.message(lang))) from None
    separator = b"\n---\n\n" if fmt == "md" else b"\n"
    return separator.join(parts), documents[0].stem + SUFFIX[fmt]


async def render(request: Request) -> Response:
    from ki_cli.render.documents import KINDS

    body = await _json_body(request)
    lang = _lang(request, body)
    kind = request.path_params["kind"]
    if kind not in KINDS:
        raise Problem(404, "bad_kind", text("bad_kind", lang, kind=kind, known=", ".join(KINDS)))
    fmt = request.query_params.get("format", "html")
    fmt = {"json": "oparl"}.get(fmt, fmt)
    if fmt not in MEDIA or (fmt == "oparl" and kind != "proposal"):
        known = "html, docx, pdf, md" + (", oparl" if kind == "proposal" else "")
        raise Problem(400, "bad_format", text("bad_format", lang, format=fmt, known=known))
    content = _field(body, "text", str, lang, "Text")
    options = {k: v for k, v in request.query_params.items() if k in ("allow_errors", "id")}
    if isinstance(body.get("path"), str):
        options["path"] = body["path"]
    data, name = await run_in_threadpool(
        rendering, request.app.state, content.encode("utf-8", errors="surrogatepass"), kind, fmt, options, lang
    )
    headers = {"content-disposition": f'{"inline" if fmt == "html" else "attachment"}; filename="{name}"'}
    if fmt == "html":
        headers["content-security-policy"] = PREVIEW_POLICY
    return Response(data, media_type=MEDIA[fmt], headers=headers)


# --- edit ----------------------------------------------------------------------------------------


def editing(content: str, changes: list[Any], lang: str) -> str:
    from ki_cli.serve.edit import REASONS, EditError, apply

    try:
        return apply(content, changes)
    except EditError as err:
        reason = REASONS[err.reason][0 if lang == "de" else 1]
        raise Problem(
            422,
            "edit_failed",
            text("edit_failed", lang, path=err.path, detail=reason),
            index=err.index,
            reason=err.reason,
        ) from None


async def edit(request: Request) -> Response:
    """Form edits applied to the text: ``{"text", "changes": [...]}`` → ``{"text"}`` (``ki_cli.serve.edit``)."""
    body = await _json_body(request)
    lang = _lang(request, body)
    content = _field(body, "text", str, lang, "Text")
    changes = _field(body, "changes", list, lang, "Liste/list")
    return JSONResponse({"text": await run_in_threadpool(editing, content, changes, lang)})


def routes() -> list[BaseRoute]:
    return [
        Route("/api/files", _answer(list_files), methods=["GET"]),
        Route("/api/files/{path:path}", _answer(file_endpoint), methods=["GET", "PUT", "POST"]),
        Route("/api/validate", _answer(validate), methods=["POST"]),
        Route("/api/render/{kind}", _answer(render), methods=["POST"]),
        Route("/api/edit", _answer(edit), methods=["POST"]),
    ]
