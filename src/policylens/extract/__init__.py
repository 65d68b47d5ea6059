"""Extraction: a pure function from a Document to its Extraction (no database, no network, no clock)."""
from policylens.extract.pipeline import extract

__all__ = ["extract"]
