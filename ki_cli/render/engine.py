"""Templates: the built-in ones inside the package, a municipality's own ones first.

The environment is sandboxed (a template cannot reach ``__class__``, ``__globals__``, the
file system or the OS), undefined variables are errors that name the template and line, and
HTML templates are autoescaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError, select_autoescape
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ki_cli.render.formatting import FILTERS
from ki_cli.render.labels import label

BUILTIN = Path(__file__).resolve().parent.parent / "templates"


class RenderError(Exception):
    """A template failed: which template, which line, and why (German and English)."""

    def __init__(self, template: str, line: int | None, de: str, en: str) -> None:
        super().__init__(de)
        self.template, self.line, self.de, self.en = template, line, de, en

    def message(self, lang: str) -> str:
        where = f"{self.template}:{self.line}" if self.line else self.template
        text = self.de if lang == "de" else self.en
        return f"{where}: {text}"


def environment(template_dir: Path | None = None) -> SandboxedEnvironment:
    """The sandboxed environment: ``template_dir`` (if any) before the built-in templates."""
    loaders = [FileSystemLoader(str(template_dir))] if template_dir else []
    loaders.append(FileSystemLoader(str(BUILTIN)))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters["label"] = label
    return env


def _template_line(err: BaseException) -> tuple[str | None, int | None]:
    """The template name and line a runtime error happened in (Jinja keeps them in the traceback)."""
    name, line = None, None
    tb = err.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(".html") or filename.endswith(".md"):
            name, line = Path(filename).name, tb.tb_lineno
        tb = tb.tb_next
    return name, line


def render(env: SandboxedEnvironment, name: str, variables: dict[str, Any]) -> str:
    """Render template ``name``; every failure becomes a RenderError with name and line."""
    try:
        return env.get_template(name).render(variables)
    except TemplateSyntaxError as err:
        raise RenderError(err.name or name, err.lineno, f"Syntaxfehler in der Vorlage: {err.message}",
                          f"syntax error in the template: {err.message}") from None
    except SecurityError as err:
        where, line = _template_line(err)
        raise RenderError(where or name, line, f"von der Sandbox verweigert: {err}",
                          f"refused by the sandbox: {err}") from None
    except TemplateError as err:  # UndefinedError and the like
        where, line = _template_line(err)
        raise RenderError(where or name, line, f"{err.message or err}", f"{err.message or err}") from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError, OverflowError) as err:
        where, line = _template_line(err)
        raise RenderError(where or name, line, f"Fehler beim Ausfüllen der Vorlage: {err}",
                          f"error while filling in the template: {err}") from None
