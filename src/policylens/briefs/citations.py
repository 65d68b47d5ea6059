"""Numbering the sentences a brief cites, across the documents it draws on.

A reader checks a point by reading the sentence it came from, so a citation
is always a whole sentence (from the extraction's own sentence splitter),
never a fragment, and the same sentence cited twice keeps one number.
"""

from __future__ import annotations

from policylens.extraction.text import TextIndex
from policylens.model import Document

from .model import Citation


class Citer:
    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[int, int], int] = {}
        self._indexes: dict[int, TextIndex] = {}
        self._documents: dict[int, Document] = {}

    def index(self, document: Document) -> TextIndex:
        key = id(document)
        if key not in self._indexes:
            self._indexes[key] = TextIndex(document.text)
            self._documents[key] = document  # keeps id(document) unique while we hold it
        return self._indexes[key]

    def sentence(self, document: Document, pos: int) -> tuple[int, int]:
        return self.index(document).sentence_at(pos)

    def cite(self, document: Document, pos: int) -> int:
        """The number of the sentence holding character ``pos`` of ``document``."""
        start, end = self.sentence(document, pos)
        key = (id(document), start)
        if key not in self._numbers:
            number = len(self.citations) + 1
            self._numbers[key] = number
            self.citations.append(
                Citation(number, document.source, document.title, document.id, start, end, document.text[start:end])
            )
        return self._numbers[key]
