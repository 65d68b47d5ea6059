"""A Brief as text in any registered format (md, html, json…): see ``briefs.renderers`` to add one."""

from __future__ import annotations

from .model import Brief
from .renderers import RENDERERS

FORMATS = tuple(RENDERERS)


def render(brief: Brief, fmt: str = "md") -> str:
    """The brief as text in ``fmt`` (md, html or json)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown brief format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderer.render(brief)
