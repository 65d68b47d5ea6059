"""Plain text and Markdown: kept as they are.  Plain text is the last resort: it claims every text."""

from __future__ import annotations

from policylens.ingestion.raw import RawInput

from . import Format, Parsed, register

_MARKDOWN_SUFFIXES = (".md", ".markdown")


def _read(name: str):
    def read(raw: RawInput, text: str | None, url: str | None) -> Parsed:
        assert text is not None
        return Parsed(text=text, format=name, url=url)

    return read


register(
    Format(
        "markdown",
        order=80,
        binary=False,
        claims=lambda raw, text: raw.source.lower().endswith(_MARKDOWN_SUFFIXES),
        read=_read("markdown"),
    )
)
register(Format("text", order=100, binary=False, claims=lambda raw, text: True, read=_read("text")))
