"""The languages extraction reads: one module per language code, each registering how it reads a document.

A document is read by the language its label names (``document.language``),
else by the first language whose ``detect`` recognises its text (a Chinese
page labelled "en" by a careless feed is still read as Chinese), else by
the default language, English.  Every language returns the same contract
objects.  Adding a language is one new file here that calls :func:`register`.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from policylens.model import Document, Extraction, Quantity

DEFAULT = "en"


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # what Document.language says: en, zh…
    read: Callable[[Document], Extraction]
    detect: Callable[[str], bool] | None = None  # whether a text is written in it, whatever its label


LANGUAGES: dict[str, Language] = {}


def register(language: Language) -> Language:
    if language.code in LANGUAGES:
        raise ValueError(f"language {language.code!r} is registered twice")
    LANGUAGES[language.code] = language
    return language


def language_for(document: Document) -> Language:
    labelled = LANGUAGES.get(document.language or "")
    if labelled is not None and labelled.code != DEFAULT:
        return labelled
    for language in LANGUAGES.values():
        if language.detect is not None and language.detect(document.text):
            return language
    return LANGUAGES[DEFAULT]


def finite(q: Quantity) -> bool:
    """A figure of hundreds of digits overflows a float to infinity: no value can be given, so no quantity."""
    return math.isfinite(q.value) and (q.value_max is None or math.isfinite(q.value_max))


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
