"""``ki render``: validate, refuse or mark as draft, build the documents, write them safely."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ki_cli.atomic import OutputError, check_target, make_folder, write_atomic
from ki_cli.check.report import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FileReport, Report, Selection, Stop
from ki_cli.files import is_folder
from ki_cli.messages import ui
from ki_cli.text import did_you_mean


@dataclass(frozen=True)
class Request:
    kind: str
    file: Path
    out: Path | None
    fmt: str | None
    template_dir: Path | None
    previous: Path | None
    allow_errors: bool
    force: bool
    agreement_id: str | None
    lang: str
    selection: Selection
    reference_docx: Path | None = None  # the municipality's Word file (styles, margins, letterhead)
    oparl: Any = None  # ki.toml's [oparl] (config.Oparl): base URL and organisation ids


# Warnings that would put a wrong figure or a placeholder into a document: ``ki render`` refuses them
# like errors (whatever severity ki.toml gives them), unless --allow-errors writes a draft marked ENTWURF.
# KI006 (a number YAML reads otherwise, ``28.000`` → 28,0) is an error already.
REFUSED = frozenset({"KI006", "KI007"})


def _refuses(finding: Any) -> bool:
    return bool(finding.severity == "error" or finding.code in REFUSED)


def load_concept(path: Path, req: Request, *, for_render: bool) -> Any:
    """The validated concept of ``path`` and whether it is a draft (findings that refuse it, written with
    --allow-errors); every finding (errors, warnings, infos) is shown on stderr as ``ki validate`` shows it."""
    from ki_cli.check.load import load_path, load_stream
    from ki_cli.check.pipeline import check_loaded
    from ki_cli.files import InputError
    from ki_cli.output import text, wants_colour

    try:  # "-": the concept comes on standard input, as for ki validate
        loaded = load_stream(sys.stdin.buffer, req.lang) if _is_stdin(path) else load_path(path, req.lang)
    except InputError as err:  # a FIFO, a device, a path too long …: never read
        raise Stop(EXIT_USAGE, err.message(req.lang)) from None
    except OSError as err:
        raise Stop(EXIT_USAGE, ui("unreadable", req.lang, path=path, reason=err.strerror or err)) from None
    konzept, findings = check_loaded(loaded, req.lang)
    findings = req.selection.apply(findings)
    refusing = [f for f in findings if _refuses(f)]
    shown = "<stdin>" if _is_stdin(path) else str(path)
    if findings:
        report = Report([FileReport(shown, findings, loaded.text)])
        with contextlib.suppress(BrokenPipeError):
            text.write(sys.stderr, report, req.lang, colour=wants_colour(sys.stderr), quiet=False)
    if konzept is None or (refusing and not (for_render and req.allow_errors)):
        if konzept is None:
            key = "render.unloadable"
        elif any(f.severity == "error" for f in refusing):
            key = "render.refused"
        else:
            key = "render.refused_warnings"
        codes = ", ".join(dict.fromkeys(f.code for f in refusing))
        raise Stop(EXIT_FINDINGS, ui(key, req.lang, path=shown, codes=codes))
    return konzept, bool(refusing)


def _require_pdf_engine(lang: str) -> None:
    """Refuse PDF before any work when WeasyPrint cannot load its native libraries (Pango, GObject):
    on Windows pip installs WeasyPrint but not them, and the import fails with an OSError. WeasyPrint
    itself missing (no ki-cli[dokumente]) raises ModuleNotFoundError: the guard names the extra."""
    try:
        import weasyprint  # noqa: F401 (the PDF engine; loading it is the check)
    except OSError as err:
        detail = str(err).split(":", 1)[0][:120]
        raise Stop(EXIT_USAGE, ui("render.no_pdf", lang, detail=detail)) from None


def _is_stdin(path: Path) -> bool:
    return str(path) == "-"


ALIASES = {"json": "oparl"}  # --format json: OParl, as the suffix .json means


def _format(req: Request) -> str:
    """The format: ``--format`` (which a known suffix of OUT must agree with), else OUT's suffix.

    An unknown or missing suffix takes ``--format`` as given (``-o vorlage --format pdf``)."""
    from ki_cli.render.documents import FORMAT_OF_SUFFIX, SUFFIX

    to_folder = req.out is None or is_folder(req.out) or (req.kind == "agreements" and not req.out.suffix)
    if req.fmt:
        fmt = ALIASES.get(req.fmt, req.fmt)
        named = None if to_folder else FORMAT_OF_SUFFIX.get(req.out.suffix.lower())  # type: ignore[union-attr]
        if named is not None and named != fmt:
            assert req.out is not None  # a suffix was named: OUT is a file
            raise Stop(
                EXIT_USAGE,
                ui(
                    "render.format_mismatch",
                    req.lang,
                    format=req.fmt,
                    path=req.out,
                    suffix=req.out.suffix,
                    suffix_format=named,
                    example=req.out.with_suffix(SUFFIX[fmt]).name,
                ),
            )
        return fmt
    if to_folder:
        return "md"
    assert req.out is not None  # neither standard output nor a folder: a file
    from_suffix = FORMAT_OF_SUFFIX.get(req.out.suffix.lower())
    if from_suffix is None:
        raise Stop(EXIT_USAGE, ui("render.bad_suffix", req.lang, path=req.out))
    return from_suffix


def _changes(req: Request, konzept: Any) -> Any:
    if req.previous is None:
        return None
    from ki_cli.diff import compare, document_section
    from ki_cli.diff.command import load_concept as load_previous
    from ki_cli.diff.command import warn_if_unrelated

    old = load_previous(req.previous, req.lang)  # as for ``ki diff``: only structural errors stop it
    warn_if_unrelated(old, konzept, req.previous, req.file, req.lang)
    return document_section(compare(old, konzept))


def _shown(url: str) -> str:
    """A URL from a template, not endless (``ui`` escapes its control characters)."""
    return url[:200] + ("…" if len(url) > 200 else "")


def _inputs(req: Request) -> tuple[Path, ...]:
    """The files a document is made from (the concept, the previous period, the own templates): never
    overwritten; the concept's permission bits go to new files."""
    found = ([] if _is_stdin(req.file) else [req.file]) + ([req.previous] if req.previous is not None else [])
    found += [req.reference_docx] if req.reference_docx is not None else []
    if req.template_dir is not None:
        with contextlib.suppress(OSError):
            found.extend(sorted(path for path in req.template_dir.iterdir() if path.name.endswith(".j2")))
    return tuple(found)


def _unique_stems(stems: list[str]) -> list[str]:
    """One file name per document: agreements sharing an id (possible with --allow-errors) get ``-2``, ``-3`` …

    A numbered name never takes the name of another document, and names that differ only in
    case count as the same (as they are on Windows and macOS)."""
    natural = {stem.casefold() for stem in stems}
    used: set[str] = set()
    unique: list[str] = []
    for stem in stems:
        name, number = stem, 1
        while name.casefold() in used or (number > 1 and name.casefold() in natural):
            number += 1
            name = f"{stem}-{number}"
        used.add(name.casefold())
        unique.append(name)
    return unique


def run(req: Request) -> int:
    """Carry out ``ki render``; returns the exit code (raises Stop for refusals)."""
    from ki_cli.render.documents import BINARY, SUFFIX, build, output
    from ki_cli.render.engine import RenderError

    if req.agreement_id is not None and req.kind != "agreements":
        raise Stop(EXIT_USAGE, ui("render.id_only_agreements", req.lang, kind=req.kind))
    fmt = _format(req)
    if fmt == "oparl" and req.kind != "proposal":
        raise Stop(EXIT_USAGE, ui("render.oparl_only_proposal", req.lang))
    if req.template_dir is not None and not req.template_dir.is_dir():
        raise Stop(EXIT_USAGE, ui("render.template_dir", req.lang, path=req.template_dir))
    into_folder = req.kind == "agreements" and req.out is not None and (is_folder(req.out) or not req.out.suffix)
    if req.out is None and fmt in BINARY:
        raise Stop(EXIT_USAGE, ui("render.needs_out", req.lang, format=fmt))
    if fmt == "pdf":
        _require_pdf_engine(req.lang)
    elif fmt == "docx":
        from ki_cli.extras import require

        require("docx")  # without ki-cli[dokumente]: the extra to install, before any work (ki_cli.extras)
    inputs = _inputs(req)
    if req.out is not None and not into_folder:
        try:
            check_target(req.out, req.force, inputs)  # refuse before any work; the old file stays as it is
        except OutputError as err:
            raise Stop(EXIT_USAGE, err.message(req.lang)) from None

    reference = None
    if fmt == "docx" and req.reference_docx is not None:  # checked before any work; other formats need none
        from ki_cli.render.docx import ReferenceRefused, read_reference

        try:
            reference = read_reference(req.reference_docx)
        except ReferenceRefused as err:
            raise Stop(EXIT_USAGE, err.message(req.lang)) from None

    konzept, has_errors = load_concept(req.file, req, for_render=True)
    aenderungen = _changes(req, konzept)
    try:
        env, documents = build(
            req.kind,
            konzept,
            template_dir=req.template_dir,
            entwurf=has_errors,
            aenderungen=aenderungen,
            agreement_id=req.agreement_id,
        )
    except RenderError as err:
        raise Stop(EXIT_USAGE, ui("render.failed", req.lang, detail=err.message(req.lang))) from None
    if req.kind == "agreements" and not documents:
        if req.agreement_id:
            known = [v.id for v in konzept.vereinbarungen]
            raise Stop(
                EXIT_USAGE,
                ui(
                    "render.no_agreement",
                    req.lang,
                    id=req.agreement_id,
                    did_you_mean=did_you_mean(req.agreement_id, known),
                    known=", ".join(known),
                ),
            )
        raise Stop(EXIT_USAGE, ui("render.no_agreements", req.lang))
    if req.kind == "agreements" and req.out is not None and not into_folder and len(documents) > 1:
        raise Stop(EXIT_USAGE, ui("render.many_need_dir", req.lang, count=len(documents)))

    from ki_cli.cli.progress import progress

    notes: list[tuple[str, str]] = []
    try:
        with progress(len(documents), sys.stderr, ui("progress.render", req.lang)) as advance:
            rendered = []
            for doc in documents:
                rendered.append((doc, output(env, doc, fmt, notes, reference, oparl=req.oparl)))
                advance()
    except RenderError as err:
        raise Stop(EXIT_USAGE, ui("render.failed", req.lang, detail=err.message(req.lang))) from None
    for key, url in dict.fromkeys(notes):  # resources a PDF did not load: the document is written without them
        sys.stderr.write(ui(key, req.lang, url=_shown(url)) + "\n")

    if req.out is None:
        separator = b"\n---\n\n" if fmt == "md" else b"\n"
        sys.stdout.buffer.write(separator.join(data for _, data in rendered))
        sys.stdout.flush()
        return EXIT_OK
    if into_folder:
        stems = _unique_stems([doc.stem for doc, _ in rendered])
        targets = [(req.out / f"{stem}{SUFFIX[fmt]}", data) for stem, (_, data) in zip(stems, rendered)]
    else:
        targets = [(req.out, data) for _, data in rendered]
    if into_folder:
        try:
            make_folder(req.out)
            for target, _ in targets:  # all or nothing: check every file before writing one
                check_target(target, req.force, inputs)
        except OutputError as err:
            raise Stop(EXIT_USAGE, err.message(req.lang)) from None
    for (doc, _), (target, data) in zip(rendered, targets):
        try:
            write_atomic(target, data, force=req.force, inputs=inputs, lang=req.lang)
        except OutputError as err:
            raise Stop(EXIT_USAGE, err.message(req.lang)) from None
        sys.stderr.write(ui("render.written", req.lang, path=target) + "\n")
        if into_folder and target.stem != doc.stem:  # an id used twice: said where the second one went
            sys.stderr.write(ui("render.duplicate_id", req.lang, id=doc.variables["v"].id, path=target) + "\n")
    return EXIT_OK
