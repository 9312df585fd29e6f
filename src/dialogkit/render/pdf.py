"""PDF from pandoc's Typst output: A4, tagged, PDF/A-2a and PDF/UA-1, compiled in a closed folder."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dialogkit.errors import DialogError, Finding

if TYPE_CHECKING:
    from typst import PDFStandard

# PDF/A-2a is the archival profile with tagged structure; PDF/UA-1 adds the accessibility
# rules (title shown, language, alt text). Typst checks both while it writes the file.
PDF_STANDARDS: list[PDFStandard] = ["a-2a", "ua-1"]


def compile_pdf(
    typst_source: bytes,
    files: Mapping[str, bytes],
    *,
    source: str,
    inputs: Mapping[str, str],
    font_dir: Path | None = None,
) -> bytes:
    """Compile Typst to an archival, accessible PDF.

    The compiler's root is a fresh temporary folder holding only ``files`` (the images),
    so even Typst code that got into the document could read nothing else. ``inputs`` reach
    the template as ``sys.inputs`` (title, author, language), never as Typst code.
    """
    import typst

    with tempfile.TemporaryDirectory(prefix="dialog-typst-") as folder:
        root = Path(folder)
        for name, data in files.items():
            (root / name).write_bytes(data)
        main = root / "main.typ"
        main.write_bytes(typst_source)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pdf = typst.compile(
                    main,
                    root=root,
                    format="pdf",
                    pdf_standards=PDF_STANDARDS,
                    sys_inputs=dict(inputs),
                    font_paths=[font_dir] if font_dir is not None else [],
                    ignore_system_fonts=True,
                    timestamp=_timestamp(),
                )
        except RuntimeError as exc:  # typst.TypstError
            raise DialogError(
                Finding(source, 1, 1, "error", f"typst could not make the PDF: {_message(exc)}")
            ) from None
    if not isinstance(pdf, bytes):
        raise DialogError(Finding(source, 1, 1, "error", "typst made no PDF"))
    return pdf


def _timestamp() -> int:
    """The creation time in the PDF: SOURCE_DATE_EPOCH when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else int(dt.datetime.now(dt.UTC).timestamp())


def _message(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc)
    hints = getattr(exc, "hints", None) or []
    return " ".join([str(message), *(f"(hint: {h})" for h in hints)])
