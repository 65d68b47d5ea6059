"""The digest: one brief across the documents a knowledge base received in a period.

A reader who follows a region or an industry asks every week or month what
changed: which documents appeared (grouped by the region or cluster they are
about, with their key facts), which targets came due or changed status,
which figures started to disagree, and what to watch next.  A digest answers
that with the same structure as a brief (:class:`~policylens.briefs.model.Brief`),
so the same renderers write it as Markdown, HTML and JSON, and with the same
discipline: every point quotes a stored document and cites its sentence, and
status and conflicts are the knowledge base's own (``targets``,
``conflicts``), never recomputed here.  Counts appear only in the JSON data,
not in the prose, since no source states them.

The window is by publication date; a document without one counts from the
day it was ingested, and the digest says so.  A region includes every place
inside it, through the store's region hierarchy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from policylens import clock
from policylens.errors import ParameterError
from policylens.extraction.industries import taxonomy
from policylens.model import Document, Entity, Extraction, Quantity
from policylens.periods import period_end, period_start
from policylens.store import KnowledgeBase, documents, queries

from . import kbfacts
from .citations import Citer
from .compose import (
    MAX_EVENTS,
    as_written,
    distinct_events,
    join,
    quote_figure,
    title_of,
)
from .evidence import find, industry_label
from .model import Brief, Point, Section
from .rules import Rules
from .service import rules_for

# A digest is read in minutes: how much of each kind it lists.
MAX_DOCUMENTS = 60
FACTS_PER_DOCUMENT = 4
EVENTS_PER_DOCUMENT = min(2, MAX_EVENTS)
MAX_TARGETS = 20
MAX_CONFLICTS = 10
MAX_NEXT = 5
CITED_PER_RULE = 2
_STRONG = ("cluster", "park", "programme")
_SETTLED = ("met", "missed", "superseded")  # statuses only evidence (a figure, a later plan) can bring
_BROAD_LEVELS = ("country",)


def digest(
    since: date,
    until: date | None = None,
    *,
    db: str | KnowledgeBase,
    region: str | None = None,
    industry: str | None = None,
    as_of: date | None = None,
    rules: Rules | str | Path | None = None,
    language: str = "en",
) -> Brief:
    """What changed in the knowledge base from ``since`` to ``until`` (default: ``as_of``), as one brief.

    ``as_of`` (default: ``clock.today()``, read at call time) is the day target status is
    judged on.  ``region`` is a place name (its sub-places included),
    ``industry`` a taxonomy id; ``language`` the digest's wording (en, zh).  A
    window that ends before it starts, an unknown region or industry raises
    an InputError naming the parameter (dates are parsed by the CLI and the web, not here).
    """
    as_of = as_of if as_of is not None else clock.today()
    until = until if until is not None else as_of
    if until < since:
        raise ParameterError("until", f"{until.isoformat()} is before the first day, {since.isoformat()}")
    if industry is not None and industry not in taxonomy():
        raise ParameterError("industry", f"unknown industry {industry!r}; known: {', '.join(sorted(taxonomy()))}")
    rules = rules_for(rules, language)
    with KnowledgeBase.using(db) as kb:
        return _Digest(kb, rules, since, until, as_of, region, industry).write()


@dataclass(slots=True)
class _Item:
    """One new document of the window, loaded, with the republished copies folded into it."""

    extraction: Extraction
    dated: bool
    copies: list[Document] = field(default_factory=list)


class _Digest:
    """One digest being written: the window, the knowledge base, the citations shared by every section."""

    def __init__(
        self,
        kb: KnowledgeBase,
        rules: Rules,
        since: date,
        until: date,
        as_of: date,
        region: str | None,
        industry: str | None,
    ):
        self.kb, self.rules, self.since, self.until, self.as_of = kb, rules, since, until, as_of
        self.region, self.industry = region, industry
        self.words, self.names = rules.digest["labels"], rules.digest["status_names"]
        self.citer = Citer()
        self.loaded: dict[int, Extraction] = {}
        self._starts: dict[int, list[int]] = {}

    # -- reading the knowledge base ---------------------------------------------------------------

    def write(self) -> Brief:
        with self.kb.engine.connect() as conn:
            self.region_id = queries.region_id(conn, self.region)
            self.region_name = self._region_name(conn)
            window = self.kb.documents_in_window(
                self.since, self.until, region_id=self.region_id, industry=self.industry
            )
            self.truncated = len(window) > MAX_DOCUMENTS
            self.items = self._items(window[:MAX_DOCUMENTS])
            self.window_ids = {w.id for w in window}
            self.groups = self._groups()
            # Sections are written in reading order, so citations are numbered as a reader meets them.
            changed = [
                Section(
                    f"changed-{n}",
                    self.words["changed"].format(group=name),
                    [p for item in items for p in self._document_points(item, name)],
                    note=self.words["changed_note"],
                )
                for n, (name, items) in enumerate(self.groups, 1)
            ]
            targets = self._targets(conn)
            conflicts = self._conflicts()
            upcoming = self._upcoming(conn, {p.data["target_id"] for p in targets if p.kind != "latest"})
        if not self.items and not targets and not conflicts:
            return self._brief(
                [
                    Section(
                        "summary",
                        self.words["summary"],
                        [
                            Point(
                                self.words["nothing"].format(
                                    since=self.since.isoformat(), until=self.until.isoformat(), filters=self._filters()
                                ),
                                [],
                                "nothing",
                            )
                        ],
                    )
                ],
                documents=0,
                targets=0,
                conflicts=0,
            )
        sections = [self._summary(bool(targets), bool(conflicts)), *changed]
        if targets:
            sections.append(
                Section(
                    "targets",
                    self.words["targets"],
                    targets,
                    note=self.words["targets_note"].format(as_of=self.as_of.isoformat()),
                )
            )
        if conflicts:
            sections.append(Section("conflicts", self.words["conflicts"], conflicts, note=self.words["conflicts_note"]))
        monitor = upcoming + self._instruments() + ([self._settle()] if conflicts else [])
        sections.append(
            Section("monitor", self.words["monitor"], monitor, note=None if monitor else self.words["monitor_none"])
        )
        sections.append(self._basis())
        return self._brief(
            sections,
            documents=len(self.items),
            targets=sum(p.kind != "latest" for p in targets),
            conflicts=len(conflicts),
        )

    def _region_name(self, conn) -> str | None:
        if self.region_id is None:
            return None
        if self.region_id == queries.NOWHERE:
            assert self.region is not None  # NOWHERE is the id of a region named but not known
            return self.region.strip()
        return queries.entity(conn, f"#{self.region_id}").name

    def _extraction(self, document_id: int) -> Extraction | None:
        if document_id not in self.loaded:
            hashes = self.kb.content_hashes([document_id])
            found = kbfacts.stored_extraction(self.kb, document_id, hashes.get(document_id))
            if found is None:
                return None
            self.loaded[document_id] = found
        return self.loaded[document_id]

    def _items(self, window: list[documents.WindowDocument]) -> list[_Item]:
        """The window's documents, a near-duplicate folded into its first version when that is listed too."""
        items: dict[int, _Item] = {}
        for w in window:
            x = kbfacts.stored_extraction(self.kb, w.id, w.content_hash)
            if x is None:
                continue
            self.loaded[w.id] = x
            if w.near_duplicate_of in items:
                items[w.near_duplicate_of].copies.append(x.document)
            else:
                items[w.id] = _Item(x, w.dated)
        return list(items.values())

    def _groups(self) -> list[tuple[str, list[_Item]]]:
        """Documents grouped by what they are about: their cluster, park or programme, else their main place.

        Grouping is by the knowledge base's resolved entity, so two spellings
        of one cluster make one group; the label is the name as the first
        document writes it.
        """
        groups: dict[object, tuple[str, list[_Item]]] = {}
        for item in self.items:
            x = item.extraction
            assert x.document.id is not None  # a digest reads stored documents only
            links = self.kb.linked_entities(x.document.id)
            ordinal = _main_entity(x)
            if ordinal is None:
                key, name = None, self.words["group_other"]
            else:
                key = links.get(ordinal, ("name", x.entities[ordinal].name.casefold()))
                name = as_written(x.entities[ordinal], x.document)
            groups.setdefault(key, (name, []))[1].append(item)
        # The busiest group first; the catch-all group last.
        return sorted(groups.values(), key=lambda g: (g[0] == self.words["group_other"], -len(g[1])))

    def _status_views(self, conn, day: date) -> dict[int, queries.TargetView]:
        filters = queries.TargetFilters(region_id=self.region_id, industry=self.industry)
        # Goals only: a reward cap or an eligibility bar does not come due or move.
        return {v.id: v for v in queries.targets(conn, day, filters) if v.role == "goal"}

    def _targets(self, conn) -> list[Point]:
        """Targets whose deadline falls in the window or whose status changed in it, with the status as of as_of."""
        now = self._status_views(conn, self.as_of)
        # Only what has happened by as_of can have changed: a window reaching past it is read up to as_of.
        first, last = self.since - timedelta(days=1), min(self.until, self.as_of)
        before, after = (self._status_views(conn, first), self._status_views(conn, last)) if last > first else ({}, {})
        points, seen = [], set()
        for view in now.values():
            end = period_end(view.deadline)
            due = end is not None and self.since <= end <= last
            was, became = before.get(view.id), after.get(view.id)
            # (status before, status after) when the window moved it.
            changed = (
                (was.status, became.status)
                if was is not None and became is not None and was.status != became.status
                else None
            )
            if not (due or changed):
                continue
            found = self._quantity(view.document_id, view.id)
            if found is None:
                continue
            x, q = found
            quoted = self.quote(x, q)
            key = (quoted, str(view.deadline), view.entity.id if view.entity else view.subject)
            if key in seen:  # the same target restated word for word (a republished copy)
                continue
            seen.add(key)
            status = self.status(view.status)
            title = title_of(x.document)
            # A target that came due is said so; "went from … to …" is kept for what a figure or a later plan
            # changed, or for a change the calendar alone made to a target not due in the window.
            if changed and (changed[1] in _SETTLED or not due):
                text = self.words["target_changed"].format(
                    target=quoted,
                    title=title,
                    before=self.names[changed[0]],
                    after=self.names[changed[1]],
                    status=status,
                )
            else:
                text = self.words["target_due"].format(target=quoted, title=title, status=status)
            cites = self.cite(x, q.start)
            data = {
                "target_id": view.id,
                "document_id": view.document_id,
                "deadline": view.deadline,
                "status": view.status,
                "status_before": was.status if was else None,
                "status_after": became.status if became else None,
                "due_in_window": due,
                "progress_percent": view.progress_percent,
                "latest_document_id": None,
            }
            # One line per goal: its latest figure goes on the same line.
            if view.latest and (latest := self._quantity(view.latest["document_id"], view.latest["id"])):
                lx, lq = latest
                text += " " + self.words["latest"].format(figure=self.quote(lx, lq), title=title_of(lx.document))
                cites += [c for c in self.cite(lx, lq.start) if c not in cites]
                data["latest_document_id"] = lx.document.id
            points.append(Point(text, cites, "target", data))
            if len(seen) >= MAX_TARGETS:
                break
        return points

    def _upcoming(self, conn, listed: set[int]) -> list[Point]:
        """The nearest deadlines after the window among targets still open or due, from the window's documents."""
        filters = queries.TargetFilters(region_id=self.region_id, industry=self.industry)
        points, seen = [], set()
        for view in queries.targets(conn, self.as_of, filters):
            end = period_end(view.deadline)
            if (
                view.id in listed
                or view.document_id not in self.window_ids
                or end is None
                or end <= self.until
                or view.status not in ("open", "due")
            ):
                continue
            found = self._quantity(view.document_id, view.id)
            if found is None:
                continue
            x, q = found
            quoted = self.quote(x, q)
            if (quoted, str(view.deadline)) in seen:
                continue
            seen.add((quoted, str(view.deadline)))
            points.append(
                Point(
                    self.words["monitor_target"].format(
                        target=quoted, title=title_of(x.document), status=self.status(view.status)
                    ),
                    self.cite(x, q.start),
                    "monitor_target",
                    {
                        "target_id": view.id,
                        "document_id": view.document_id,
                        "deadline": view.deadline,
                        "status": view.status,
                    },
                )
            )
            if len(points) >= MAX_NEXT:
                break
        return points

    def _conflicts(self) -> list[Point]:
        """The knowledge base's conflicts whose later document falls in the window."""
        points = []
        labels = self.rules.labels
        for c in self.kb.conflicts(region=self.region):
            ids = [c.document_id] + ([c.other_document_id] if c.other_document_id is not None else [])
            if not any(i in self.window_ids for i in ids):
                continue
            docs = [d for i in ids if (d := self._extraction(i)) is not None]
            if len(docs) < len(ids) or any(_later(d.document, self.until) for d in docs):
                continue
            a = self._quantity(c.document_id, c.quantity_id)
            b = self._quantity(c.other_document_id, c.other_quantity_id) if c.other_quantity_id else None
            if a is None or (c.other_quantity_id is not None and b is None):
                continue
            xa, qa = a
            if b is None:
                text = self.words["currency"].format(text=self.quote(xa, qa), title=title_of(xa.document))
                cites = self.cite(xa, qa.start)
            else:
                xb, qb = b
                text = labels["cross_conflict"].format(
                    a=self.quote(xa, qa),
                    title_a=title_of(xa.document),
                    b=self.quote(xb, qb),
                    title_b=title_of(xb.document),
                )
                cites = list(dict.fromkeys(self.cite(xa, qa.start) + self.cite(xb, qb.start)))
            points.append(
                Point(
                    text,
                    cites,
                    "conflict",
                    {"conflict_id": c.id, "kind": c.kind, "document_ids": ids, "reason": c.reason},
                )
            )
            if len(points) >= MAX_CONFLICTS:
                break
        return points

    def _quantity(self, document_id: int | None, quantity_id: int | None) -> tuple[Extraction, Quantity] | None:
        if document_id is None or quantity_id is None or self._extraction(document_id) is None:
            return None
        return kbfacts.quantities(self.kb, {document_id: self.loaded[document_id]}, [quantity_id]).get(quantity_id)

    # -- writing --------------------------------------------------------------------------------

    def quote(self, x: Extraction, q: Quantity) -> str:
        doc_id = x.document.id
        assert doc_id is not None  # a digest reads stored documents only
        if doc_id not in self._starts:
            self._starts[doc_id] = sorted({o.start for o in x.quantities})
        return quote_figure(x.document, q, self._starts[doc_id], self.rules)

    def cite(self, x: Extraction, *positions: int | None) -> list[int]:
        return list(dict.fromkeys(self.citer.cite(x.document, p) for p in positions if p is not None))

    def status(self, name: str) -> str:
        return self.rules.statuses[name].format(as_of=self.as_of.isoformat())

    def _document_points(self, item: _Item, group: str) -> list[Point]:
        """A new document: its title line (citing its lead), then its key events and figures, each cited."""
        x, labels, words = item.extraction, self.rules.labels, self.words
        doc = x.document
        events = distinct_events(x.events)[:EVENTS_PER_DOCUMENT]
        figures = sorted(x.quantities, key=lambda q: q.kind != "target")[: FACTS_PER_DOCUMENT - len(events)]
        # A document with no recognised fact still cites its opening (its title), so its listing is checkable.
        lead = events[0].start if events else figures[0].start if figures else 0
        text = words["document"].format(
            title=title_of(doc),
            published=doc.published if item.dated else words["undated"],
            source_type=doc.source_type,
        )
        if item.copies:
            text += "; " + words["republished"].format(
                titles=join((f"{title_of(c)} ({c.published or words['undated']})" for c in item.copies), "")
            )
        points = [
            Point(
                text,
                self.cite(x, lead),
                "document",
                {
                    "heading": group,
                    "document_id": doc.id,
                    "source": doc.source,
                    "published": doc.published,
                    "dated": item.dated,
                    "source_type": doc.source_type,
                    "copies": [c.id for c in item.copies],
                },
            )
        ]
        points += [
            Point(
                f"{labels['event']}: {' '.join(e.text.split())}",
                self.cite(x, e.start),
                "event",
                {"document_id": doc.id, "type": e.type, "date": e.date},
            )
            for e in events
        ]
        for q in figures:
            label = labels[q.kind if q.kind in ("target", "statistic") else "statistic"]
            points.append(
                Point(
                    f"{label}: {self.quote(x, q)}",
                    self.cite(x, q.start),
                    q.kind,
                    {"document_id": doc.id, "deadline": q.deadline, "as_of": q.as_of},
                )
            )
        return points

    def _instruments(self) -> list[Point]:
        """The brief's monitoring rule of each instrument the window's documents name, citing where."""
        found: dict[str, list[tuple[Extraction, int]]] = defaultdict(list)
        for item in self.items:
            x = item.extraction
            for key, matches in find(x, self.citer.index(x.document), self.rules).instruments.items():
                found[key].append((x, matches[0].start))
        points = []
        for rule in self.rules.monitoring:
            if rule.condition == "instrument" and rule.value in found:
                where = found[rule.value][:CITED_PER_RULE]
                cites = list(dict.fromkeys(n for x, pos in where for n in self.cite(x, pos)))
                points.append(
                    Point(
                        rule.text,
                        cites,
                        "monitor",
                        {
                            "rule": rule.id,
                            "instrument": rule.value,
                            "document_ids": [x.document.id for x, _ in found[rule.value]],
                        },
                    )
                )
        return points

    def _settle(self) -> Point:
        return Point(
            f"{self.rules.labels['validate']}: {self.rules.basis['validate_conflict']}",
            [],
            "monitor",
            {"rule": "conflicts"},
        )

    def _summary(self, targets: bool, conflicts: bool) -> Section:
        w = self.words
        parts = [
            w["summary_documents"].format(groups=join((name for name, _ in self.groups), ""))
            if self.groups
            else w["summary_no_documents"],
            w["summary_targets"] if targets else w["summary_no_targets"],
            w["summary_conflicts"] if conflicts else w["summary_no_conflicts"],
        ]
        if self.truncated:
            parts.append(w["summary_truncated"])
        return Section("summary", w["summary"], [Point(" ".join(parts), [], "summary")])

    def _basis(self) -> Section:
        w = self.words
        points = [
            Point(w["basis_window"].format(since=self.since.isoformat(), until=self.until.isoformat()), [], "window")
        ]
        if self.region_name:
            points.append(
                Point(w["basis_region"].format(region=self.region_name), [], "region", {"region_id": self.region_id})
            )
        if self.industry:
            points.append(
                Point(
                    w["basis_industry"].format(industry=industry_label(self.industry)),
                    [],
                    "industry",
                    {"industry": self.industry},
                )
            )
        points.append(Point(w["basis_grounding"], [], "grounding"))
        return Section("basis", w["basis"], points)

    def _filters(self) -> str:
        w = self.words
        parts = ([w["filter_region"].format(region=self.region_name)] if self.region_name else []) + (
            [w["filter_industry"].format(industry=industry_label(self.industry))] if self.industry else []
        )
        return "".join(" " + p for p in parts)

    def _brief(self, sections: list[Section], **counts: int) -> Brief:
        w = self.words
        parts = [w["title"].format(since=self.since.isoformat(), until=self.until.isoformat())]
        if self.region_name:
            parts.append(w["title_region"].format(region=self.region_name))
        if self.industry:
            parts.append(w["title_industry"].format(industry=industry_label(self.industry)))
        title = f" {w['title_separator']} ".join(parts)
        return Brief(
            title=title,
            as_of=self.as_of.isoformat(),
            source={
                "kind": "digest",
                "since": self.since.isoformat(),
                "until": self.until.isoformat(),
                "region": self.region_name,
                "industry": self.industry,
                "counts": counts,
                "document_ids": [i.extraction.document.id for i in self.items],
            },
            sections=sections,
            citations=self.citer.citations,
            byline=w["byline"].format(
                as_of=self.as_of.isoformat(), since=self.since.isoformat(), until=self.until.isoformat()
            ),
            sources_title=self.rules.labels["sources"],
        )


def _main_entity(x: Extraction) -> int | None:
    """The ordinal of what a document is about: its most-named cluster, park or programme, else place."""

    def best(entities: list[tuple[int, Entity]]) -> int | None:
        named = [(len(e.mentions), -i, i) for i, e in entities if e.mentions]
        return max(named)[2] if named else None

    indexed = list(enumerate(x.entities))
    strong = best([(i, e) for i, e in indexed if e.type in _STRONG])
    if strong is not None:
        return strong
    return best([(i, e) for i, e in indexed if e.type == "place" and e.attributes.get("level") not in _BROAD_LEVELS])


def _later(document: Document, until: date) -> bool:
    """Whether a document was published after the window (an undated one is not)."""
    start = period_start(document.published)
    return start is not None and start > until
