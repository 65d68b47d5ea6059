"""The sentences an alert quotes: a fact's own span is short ("300"), its sentence says what it counts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection

from policylens.extraction.text import TextIndex
from policylens.store import documents

MAX_QUOTE = 300  # characters of one quoted sentence; an alert is read at a glance


class Quoter:
    """Document texts loaded once per poll, for every alert that quotes them."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.indexes: dict[int, TextIndex] = {}

    def load(self, document_ids: Iterable[int]) -> None:
        wanted = [d for d in set(document_ids) if d not in self.indexes]
        for doc_id, text in documents.document_texts(self.conn, wanted).items():
            self.indexes[doc_id] = TextIndex(text)

    def text(self, document_id: int) -> str:
        self.load([document_id])
        return self.indexes[document_id].text

    def find(self, document_id: int, words: str) -> str | None:
        """The first sentence holding ``words`` (in that order, any case and spacing), if the text has one."""
        pattern = r"\W+".join(re.escape(w) for w in re.findall(r"\w+", words))
        m = re.search(pattern, self.text(document_id), re.IGNORECASE) if pattern else None
        return self.sentence(document_id, m.start()) if m else None

    def sentence(self, document_id: int, start: int) -> str:
        """The sentence of the document that holds offset ``start``, on one line and clipped."""
        self.load([document_id])
        index = self.indexes[document_id]
        lo, hi = index.sentence_at(start)
        quoted = " ".join(index.text[lo:hi].split())
        return quoted if len(quoted) <= MAX_QUOTE else quoted[: MAX_QUOTE - 1] + "…"
