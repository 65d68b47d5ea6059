"""PDF through pypdf, recognised by its signature; a PDF without a text layer is refused with a clear reason."""

from __future__ import annotations

import io

import pypdf

from policylens.errors import InputError
from policylens.ingestion.fetch import one_line
from policylens.ingestion.raw import RawInput

from . import Format, Parsed, register


def _read(raw: RawInput, text: str | None, url: str | None) -> Parsed:
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw.data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(raw.source, "encrypted PDF: cannot read it without the password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = (info.title or "").strip() if info else ""
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf signals a damaged file with many exception types
        raise InputError(raw.source, one_line(f"unreadable PDF: {exc.__class__.__name__}: {exc}")) from None
    body = "\n\n".join(page.strip("\n") for page in pages if page.strip())
    if not body:
        raise InputError(raw.source, "PDF has no text layer (a scanned image?); run OCR on it first")
    return Parsed(text=body, format="pdf", url=url, fallback_title=title or None)


register(Format("pdf", order=10, binary=True, claims=lambda raw, text: raw.data.lstrip()[:5] == b"%PDF-", read=_read))
