"""Briefs: what a policy document means for the people it affects, every point cited.

    from policylens.briefs import brief, render
    b = brief("plan.txt", db="sqlite:///kb.db")      # or an id, an Extraction, a Document
    print(render(b, "md"))                           # md, html or json

The stakeholder groups, instruments and monitoring rules are data
(``data/rules.yaml``); ``load_rules(path)`` reads a replacement.  Modules:
``rules`` (load and validate), ``evidence`` (what the rules find in a
document), ``context`` (what the knowledge base adds), ``compose`` (the Brief),
``render`` (formats), ``service`` (the entry points), ``digest`` (one brief
across the documents of a period: ``digest(since, until, db=..., region=...)``),
``kbfacts`` (the knowledge-base reads that take the store's ids back to quotable facts).
"""

from .compose import compose
from .context import BriefContext, RelatedDocument, context_from_kb
from .digest import digest
from .model import Brief, Citation, Point, Section
from .render import FORMATS, render
from .rules import Rules, RulesError, load_rules
from .service import brief, brief_from_summary

__all__ = [
    "FORMATS",
    "Brief",
    "BriefContext",
    "Citation",
    "Point",
    "RelatedDocument",
    "Rules",
    "RulesError",
    "Section",
    "brief",
    "brief_from_summary",
    "compose",
    "context_from_kb",
    "digest",
    "load_rules",
    "render",
]
