"""The brief's entry points for every door (CLI, Python API, web): find the facts, gather context, compose.

A brief can start from a document already in the knowledge base (by id), a
path or URL (ingested first when a knowledge base is given, so it becomes
context for later briefs), an Extraction or Document in hand, or the
analyst's pasted title, timing note and summary.  All of them end in the same
:func:`~policylens.briefs.compose.compose` call.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TypeGuard

from policylens import clock
from policylens.config import Settings
from policylens.errors import InputError
from policylens.extraction import extract
from policylens.ingestion.dates import parse_date
from policylens.model import Document, Extraction
from policylens.service import extract_path, ingest
from policylens.store import KnowledgeBase

from .compose import compose
from .context import context_from_kb
from .model import Brief
from .rules import Rules, load_rules

USER_SUMMARY_SOURCE = "user-provided summary"


def brief(
    source: int | str | Path | Document | Extraction,
    *,
    db: str | KnowledgeBase | None = None,
    as_of: date | None = None,
    audience: list[str] | None = None,
    rules: Rules | str | Path | None = None,
    settings: Settings | None = None,
    language: str = "en",
    long: bool = False,
) -> Brief:
    """The brief for one document.

    ``source`` is a knowledge-base document id (an int, or digits that name
    no file), a path or URL, a Document or an Extraction.  With ``db`` (a URL
    or an open KnowledgeBase) the brief adds related documents, target status
    and conflicts from it, and a path or URL not yet stored is ingested
    first; without it the brief rests on the document alone and says so.
    ``as_of`` defaults to today.  ``language`` is the language the brief is
    written in ("en" or "zh"): its wording comes from the rules in that
    language, and figures of a source in another language are built from
    their extracted parts rather than quoted.  ``long`` asks for the full
    version (every related document and target, per-target monitoring and
    validation); the default states each fact once and stays short.
    """
    as_of = as_of or clock.today()
    rules = rules_for(rules, language)
    rules.audience(audience)  # an unknown audience fails before any work is done
    if db is None:
        if _is_document_id(source):
            raise InputError(f"document {source}", "a document id needs a knowledge base (db=...)")
        assert not isinstance(source, int)  # every int is a document id
        return compose(_extraction(source), rules=rules, as_of=as_of, audience=audience, long=long)
    with KnowledgeBase.using(db) as kb:
        extraction = _from_kb(kb, source, settings)
        context = context_from_kb(kb, extraction, as_of)
        return compose(extraction, rules=rules, context=context, as_of=as_of, audience=audience, long=long)


def brief_from_summary(
    title: str,
    when: str | None,
    summary: str,
    *,
    db: str | KnowledgeBase | None = None,
    as_of: date | None = None,
    audience: list[str] | None = None,
    rules: Rules | str | Path | None = None,
    language: str = "en",
    long: bool = False,
) -> Brief:
    """The brief for an analyst's pasted news title, event timing note and event summary.

    The summary is extracted like any document but is not stored: it is not
    a source.  The brief says it rests on a user-provided summary with no
    official source; the knowledge base (if given) still supplies what it
    knows about the cluster, region and targets named.
    """
    if not summary or not summary.strip():
        raise InputError(USER_SUMMARY_SOURCE, "the summary is empty")
    as_of = as_of or clock.today()
    rules = rules_for(rules, language)
    rules.audience(audience)
    parts = [p.strip() for p in (title, when, summary) if p and p.strip()]
    document = Document(
        source=USER_SUMMARY_SOURCE,
        text="\n\n".join(parts),
        title=title.strip() or None,
        published=parse_date(when) if when else None,
        source_type="unknown",
    )
    extraction = extract(document)
    if db is None:
        return compose(extraction, rules=rules, as_of=as_of, audience=audience, user_summary=True, long=long)
    with KnowledgeBase.using(db) as kb:
        context = context_from_kb(kb, extraction, as_of)
        return compose(
            extraction, rules=rules, context=context, as_of=as_of, audience=audience, user_summary=True, long=long
        )


def rules_for(rules: Rules | str | Path | None, language: str) -> Rules:
    """The rules worded in ``language``; rules already loaded must be in that language."""
    if not isinstance(rules, Rules):
        return load_rules(rules, language)
    if rules.language != language:
        raise InputError("language", f"the rules given are worded in {rules.language!r}, not {language!r}")
    return rules


def _is_document_id(source: object) -> TypeGuard[int | str]:
    if isinstance(source, bool):
        return False
    if isinstance(source, int):
        return True
    return isinstance(source, str) and source.isdigit() and not Path(source).exists()


def _extraction(source: str | Path | Document | Extraction) -> Extraction:
    if isinstance(source, Extraction):
        return source
    if isinstance(source, Document):
        return extract(source)
    return extract_path(source)


def _from_kb(
    kb: KnowledgeBase, source: int | str | Path | Document | Extraction, settings: Settings | None
) -> Extraction:
    """The stored extraction for an id; a path or URL is ingested (once) and read back."""
    if isinstance(source, (Extraction, Document)):
        return _extraction(source)
    if _is_document_id(source):
        found = kb.load_extraction(int(source))
        if found is None:
            raise InputError(f"document {source}", "not in the knowledge base")
        return found
    report = ingest([str(source)], db=kb, settings=settings or Settings.from_env())
    if report.failed:
        failure = report.failed[0]
        raise InputError(failure.source, failure.error or "could not be read")
    if not report.outcomes:
        raise InputError(str(source), "no document found")
    if len(report.outcomes) > 1:
        ids = ", ".join(str(o.document_id) for o in report.outcomes)
        raise InputError(
            str(source), f"holds {len(report.outcomes)} documents (now stored as {ids}); brief them one at a time by id"
        )
    outcome = report.outcomes[0]
    assert outcome.document_id is not None  # set on every outcome but a failed one
    found = kb.load_extraction(outcome.document_id)
    if found is None:  # pragma: no cover - the row was just written or found
        raise InputError(str(source), "stored but could not be read back")
    return found
