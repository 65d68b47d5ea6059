"""Extraction: a pure function from a Document to its Extraction (no database, no network, no clock)."""
from policylens.extraction.pipeline import extract

__all__ = ["extract"]
