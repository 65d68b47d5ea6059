"""The extraction pipeline: one document, read by the rules of its language, into the contract objects.

Each language (``extraction/languages/``: en, zh…) runs small components in
order over one shared text index; see :func:`languages.language_for` for
how a document's language is chosen.
"""

from __future__ import annotations

from policylens.extraction.languages import language_for
from policylens.model import Document, Extraction


def extract(document: Document) -> Extraction:
    return language_for(document).read(document)
