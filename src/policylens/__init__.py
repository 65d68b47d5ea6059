"""policylens: industrial-policy documents in, cited facts, tracked targets and briefs out.

The pipeline's stages are subpackages (ingestion → extraction → store →
track → …); the functions most callers need are here:

    import policylens
    report = policylens.ingest(["plan.txt", "https://example.org/feed.xml"], db="sqlite:///kb.db")
    for document in report.documents: ...
    facts = policylens.extract(document)
    print(policylens.render_brief(policylens.brief(document_id, db="sqlite:///kb.db"), "md"))

The names are loaded on first use (PEP 562): ``import policylens`` alone, as
every ``policylens`` command does, must not pull in the store, SQLAlchemy or
SciPy, so that ``policylens --help`` answers at once.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> (module, attribute in it)
_LAZY = {
    "IngestReport": ("policylens.service", "IngestReport"),
    "Outcome": ("policylens.service", "Outcome"),
    "extract_path": ("policylens.service", "extract_path"),
    "extract_sources": ("policylens.service", "extract_sources"),
    "ingest": ("policylens.service", "ingest"),
    "Brief": ("policylens.briefs", "Brief"),
    "brief": ("policylens.briefs", "brief"),
    "brief_from_summary": ("policylens.briefs", "brief_from_summary"),
    "digest": ("policylens.briefs", "digest"),
    "render_brief": ("policylens.briefs", "render"),
    "extract": ("policylens.extraction", "extract"),
}

__all__ = [
    "Brief",
    "IngestReport",
    "Outcome",
    "__version__",
    "brief",
    "brief_from_summary",
    "digest",
    "extract",
    "extract_path",
    "extract_sources",
    "ingest",
    "render_brief",
]

if TYPE_CHECKING:  # what type checkers and editors see; at run time __getattr__ imports on first use
    from policylens.briefs import Brief, brief, brief_from_summary
    from policylens.briefs.digest import digest  # from its module: "digest" and "render" also name modules
    from policylens.briefs.render import render as render_brief
    from policylens.extraction import extract
    from policylens.service import IngestReport, Outcome, extract_path, extract_sources, ingest


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'policylens' has no attribute {name!r}") from None
    value = getattr(import_module(module), attribute)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
