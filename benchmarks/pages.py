"""Render every document of every bundled concept to page images, for a person to look at.

    python benchmarks/pages.py                 # into ./pages/ (PNG, 60 dpi)
    python benchmarks/pages.py --out /tmp/p --dpi 90 concepts/kreis-hohenfeld

For each concept and document kind (proposal, concept, workplan, agreements, and the report of the
period's first budget year) it writes the PDF with `ki render` and turns each page into a PNG with
`pdftoppm` (poppler-utils). Where LibreOffice is installed (`soffice`), the Word file is converted
to PDF the way a clerk would open it and imaged as well, so Word's layout can be compared with the
PDF's. Nothing here is a test: the point is to look at the pages as a council member would. Needs
`ki` installed (`pip install -e .`).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("proposal", "concept", "workplan", "agreements", "report")
_BEGINN = re.compile(r"(?m)^periode:\s*\n(?:[ \t]+.*\n)*?[ \t]+beginn:[^\n]*?((?:19|20)\d\d)")


def _run(argv: list[str]) -> bool:
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(f"  failed: {' '.join(argv)}\n{result.stderr.strip()}", file=sys.stderr)
    return result.returncode == 0


def _images(pdf: Path, dpi: int) -> int:
    prefix = pdf.with_suffix("")
    if not _run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)]):
        return 0
    return len(list(pdf.parent.glob(f"{prefix.name}-*.png")))


def _documents(concept: Path, kind: str, folder: Path, fmt: str) -> list[Path]:
    """Render ``kind`` of ``concept`` as ``fmt``; agreements give one file each (into a folder)."""
    base = [sys.executable, "-m", "ki_cli", "render", kind, str(concept), "--force", "--allow-errors"]
    if kind == "agreements":
        target = folder / f"vereinbarungen-{fmt}"
        ok = _run([*base, "-o", str(target), "--format", fmt])
        return sorted(target.glob(f"*.{fmt}")) if ok else []
    if kind == "report":  # the yearly report of the period's first budget year
        found = _BEGINN.search(concept.read_text(encoding="utf-8"))
        if found is None:
            return []
        base += ["--jahr", found[1]]
    target = folder / f"{kind}.{fmt}"
    return [target] if _run([*base, "-o", str(target)]) else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("concepts", nargs="*", type=Path, help="concept files or folders (default: concepts/)")
    parser.add_argument("--out", type=Path, default=Path("pages"), help="folder for the images (default: pages/)")
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: install poppler-utils (apt-get install poppler-utils)", file=sys.stderr)
        return 2
    soffice = shutil.which("soffice")
    given = args.concepts or [ROOT / "concepts"]
    files = sorted({p for g in given for p in ([g] if g.is_file() else g.glob("**/*.yaml"))})
    for concept in files:
        folder = args.out / concept.parent.name / concept.stem
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{concept}:")
        for kind in KINDS:
            for pdf in _documents(concept, kind, folder, "pdf"):
                print(f"  {pdf.relative_to(args.out)}: {_images(pdf, args.dpi)} pages")
            if soffice is None:
                continue
            for docx in _documents(concept, kind, folder, "docx"):
                word = folder / "word"
                word.mkdir(exist_ok=True)
                if _run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(word), str(docx)]):
                    pdf = word / docx.with_suffix(".pdf").name
                    print(f"  {pdf.relative_to(args.out)} (Word via LibreOffice): {_images(pdf, args.dpi)} pages")
    if soffice is None:
        print("LibreOffice (soffice) not installed: the Word files were not imaged", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
