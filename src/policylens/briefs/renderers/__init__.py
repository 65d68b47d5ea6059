"""Brief renderers: one module per output format, each registering itself here.

Brief texts quote documents, and documents are other people's text, so a
renderer escapes everything taken from a Brief for its format.  All formats
share one structure and the same citation numbers.  Adding a format is one
new file here that calls :func:`register`; ``briefs.render`` and every door
(``--format``, the web's downloads) then offer it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from policylens.briefs.model import Brief


@dataclass(frozen=True, slots=True)
class Renderer:
    name: str  # what --format takes: md, html, json…
    order: int  # place in the list of formats (the first is the default)
    render: Callable[[Brief], str]


RENDERERS: dict[str, Renderer] = {}


def register(renderer: Renderer) -> Renderer:
    if renderer.name in RENDERERS:
        raise ValueError(f"brief format {renderer.name!r} is registered twice")
    RENDERERS[renderer.name] = renderer
    ordered = sorted(RENDERERS.values(), key=lambda r: r.order)
    RENDERERS.clear()
    RENDERERS.update((r.name, r) for r in ordered)
    return renderer


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
