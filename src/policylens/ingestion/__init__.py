"""The ingest stage: whatever a user points at becomes clean Documents with trustworthy metadata.

    expand_sources(sources, settings) -> RawInput | InputError, one per input
    read_document(raw)                -> Document (raises InputError)
    read_documents(sources, settings) -> Document | InputError, one per input
    read_path(path)                   -> Document, for one local file

A bad input becomes an InputError naming it and saying why, in one line; the
batch goes on.  The text of a Document is the article alone, headline on top
when the page has one, every kept line exactly as the source wrote it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from policylens.budget import within
from policylens.config import Settings
from policylens.errors import InputError, PolicylensError
from policylens.ingestion.clean import split_page
from policylens.ingestion.formats import parse
from policylens.ingestion.metadata import describe
from policylens.ingestion.raw import RawInput
from policylens.ingestion.sources import expand_sources, read_file
from policylens.model import Document

__all__ = ["RawInput", "expand_sources", "read_document", "read_documents", "read_path"]


def read_document(raw: RawInput, settings: Settings | None = None) -> Document:
    """The clean Document of one input; InputError, whatever went wrong, naming the input.

    Reading has the same time budget as extraction (``extract_seconds``), and a text over
    ``max_text_chars`` is refused as soon as it is known, before the slower metadata passes.
    """
    settings = settings or Settings()
    try:
        return within(
            settings.extract_seconds,
            lambda: _read(raw, settings.max_text_chars),
            "reading (POLICYLENS_EXTRACT_SECONDS)",
        )
    except InputError:
        raise
    except PolicylensError as exc:
        raise InputError(raw.source, str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a parser's surprise is this input's failure, never the batch's
        raise InputError(raw.source, f"cannot read: unexpected {type(exc).__name__}: {exc}"[:500]) from None


def _read(raw: RawInput, max_chars: int) -> Document:
    parsed = parse(raw)
    if len(parsed.text) > max_chars:
        raise InputError(
            raw.source,
            f"too long: {len(parsed.text)} characters of text, above the limit of "
            f"{max_chars} (POLICYLENS_MAX_TEXT_CHARS)",
        )
    page = split_page(parsed.text, extracted_title=parsed.title, extracted=parsed.extracted)
    url = parsed.url or raw.url
    meta = describe(
        page,
        url,
        title=parsed.title or raw.title,
        fallback_title=parsed.fallback_title,
        published=parsed.published or raw.published,
        wider_date=parsed.wider_date,
        publisher=parsed.publisher,
    )
    text = page.text(meta.title_line)
    if not text.strip():
        raise InputError(raw.source, "no article text left after removing page furniture")
    return Document(
        source=raw.source,
        text=text,
        title=meta.title,
        published=meta.published,
        language=meta.language,
        source_type=meta.source_type,
        url=url,
        publisher=meta.publisher,
        format=parsed.format,
    )


def read_documents(sources: Sequence[str | RawInput], settings: Settings) -> Iterator[Document | InputError]:
    for item in expand_sources(sources, settings):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield read_document(item, settings)
        except InputError as exc:
            yield exc


def read_path(path: str | Path, settings: Settings | None = None) -> Document:
    settings = settings or Settings()
    return read_document(read_file(Path(path), settings), settings)
