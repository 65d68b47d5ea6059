"""Writing a brief from one document's facts, the rules and (optionally) knowledge-base context.

Every point is either a fact the extraction found, quoted as the document
words it, or a rule's template filled with such quotes; each cites the
sentences it rests on.  Numbers, dates and names therefore come only from
the sources (or the knowledge base's metadata about them): a brief may
select and arrange, never invent.  Where the rules find nothing, or no
knowledge base was consulted, the section says so instead of filling space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import PurePath

from policylens import clock
from policylens.model import Document, Entity, Event, Extraction, Quantity
from policylens.periods import year_of
from policylens.track import Status, currency_conflicts

from .citations import Citer
from .context import BriefContext, track_facts
from .evidence import Findings, find, industry_label
from .figures import event as event_text
from .figures import figure, foreign
from .model import Brief, Citation, Point, Section
from .rules import HORIZONS, Rules, load_rules

# How much of each kind a brief lists before it stops: a brief is read in minutes.
MAX_EVENTS = 5
MAX_QUANTITIES = 8
MAX_NAMES = 6
MAX_RELATED_TARGETS = 5
# A default (not --long) brief is read in a few minutes: at most this many words of points.
MAX_WORDS = 900
# What gives way first when it is longer, least needed first (point kinds).
TRIM_ORDER = ("related_target", "related", "statistic", "entities", "monitor")
# A default (not --long) brief lists the closest related documents and their live goals only.
SHORT_RELATED = 3
SHORT_RELATED_TARGETS = 2
# How far back a Chinese figure's quote reaches for its metric, in characters.
LEAD_CHARS = 30
# What a stated number may be instead of a goal (policylens.track.roles): it has no status.
NOT_GOALS = ("term", "threshold")
# Statuses a later figure decided.
SETTLED = ("met", "missed")
# Entity types listed under "what is confirmed", in this order (places are the setting, not news).
NAMED_TYPES = ("cluster", "park", "programme", "company", "platform", "institution", "government")


def compose(
    extraction: Extraction,
    *,
    rules: Rules | None = None,
    context: BriefContext | None = None,
    as_of: date | None = None,
    audience: list[str] | None = None,
    user_summary: bool = False,
    long: bool = False,
) -> Brief:
    """The brief for ``extraction`` as of ``as_of`` (default: today, read from the clock at call time).

    By default each fact is stated once (a target with its status and
    latest figure, where it is listed) and the related documents are the
    few closest; ``long`` adds the per-target monitoring and validation
    points and every related document and target.
    """
    rules = rules or load_rules()
    as_of = as_of or clock.today()
    groups = rules.audience(audience)
    writer = _Writer(extraction, rules, context, as_of, user_summary, long)
    sections = [
        writer.summary(),
        writer.confirmed(),
        writer.impact(groups),
        writer.monitor(),
        writer.signal(),
        writer.basis(),
        writer.related(),
    ]
    citations = writer.citer.citations
    doc = extraction.document
    byline = rules.labels["byline"].format(as_of=as_of.isoformat(), source=source_name(doc))
    if not long:
        overhead = _words(f"{doc.title or ''} {byline} {rules.labels['sources']}")
        sections, citations = fit(sections, citations, MAX_WORDS - overhead)
    return Brief(
        title=doc.title or doc.source,
        as_of=as_of.isoformat(),
        source={
            "source": doc.source,
            "title": doc.title,
            "published": doc.published,
            "source_type": doc.source_type,
            "url": doc.url,
            "publisher": doc.publisher,
            "document_id": doc.id,
        },
        sections=sections,
        citations=citations,
        audience=groups,
        user_summary=user_summary,
        byline=byline,
        sources_title=rules.labels["sources"],
        language=rules.language,
    )


# Punctuation that ends a clause, Latin and CJK ("." only when it is not a decimal point).
_CLAUSE_ENDS = frozenset(",;:!?\n，、；：。！？")


def clause(
    text: str,
    start: int,
    end: int,
    limit: int,
    trailing: frozenset[str] = frozenset(),
    stop_at: int | None = None,
    lead_chars: int = 0,
) -> str:
    """The document's words from ``start`` to the end of the clause ("exceeding RMB 30 billion in exports by 2027").

    The clause ends at punctuation, after ``limit`` more words, or at
    ``stop_at`` (where the next figure begins); words that would dangle at
    its end ("and", "will") are dropped.  With ``lead_chars`` it also reaches
    back to the clause's start, at most that many characters.
    """
    stop, words, hard = end, 0, len(text) if stop_at is None else max(stop_at, end)
    while stop < hard:
        ch = text[stop]
        if ch in _CLAUSE_ENDS or (ch == "." and (stop + 1 >= len(text) or not text[stop + 1].isdigit())):
            break
        if ch == " ":
            words += 1
            if words > limit:
                break
        stop += 1
    if lead_chars:
        # Chinese states the metric before the figure ("工业增加值…达到30%左右"): quote from the clause start.
        begin = start
        while begin > 0 and start - begin < lead_chars and text[begin - 1] not in _CLAUSE_ENDS:
            begin -= 1
        start = begin
    quoted, own = text[start:stop].split(), len(text[start:end].split())
    while len(quoted) > own and quoted[-1].casefold() in trailing:
        quoted.pop()
    return " ".join(quoted)


def quote_figure(document: Document, q: Quantity, starts: list[int], rules: Rules) -> str:
    """The figure ``q`` as ``document`` words it, up to its clause's end or the next figure (``starts``, sorted)."""
    following = next((s for s in starts if s > q.start), None)
    lead = LEAD_CHARS if document.language.startswith("zh") else 0
    return clause(document.text, q.start, q.end, rules.quote_max_words, rules.quote_trailing, following, lead)


def join(items: Iterable[str], none: str) -> str:
    """Distinct non-empty items, comma-separated, in order; ``none`` (the rules' word) when there are none."""
    items = list(dict.fromkeys(i for i in items if i))
    return ", ".join(items) if items else none


class _Writer:
    """One brief being written: the shared state every section reads."""

    def __init__(
        self,
        extraction: Extraction,
        rules: Rules,
        context: BriefContext | None,
        as_of: date,
        user_summary: bool,
        long: bool = False,
    ):
        self.x, self.doc, self.rules, self.context = extraction, extraction.document, rules, context
        self.as_of, self.user_summary, self.long = as_of, user_summary, long
        self.labels, self.citer = rules.labels, Citer()
        self.found: Findings = find(extraction, self.citer.index(self.doc), rules, user_summary=user_summary)
        self.statuses = context.statuses if context is not None else track_facts([extraction], as_of)[0]
        self.events = distinct_events(extraction.events)
        self.targets = [q for q in extraction.quantities if q.kind == "target"]
        # How to read the document: it states executable rules, sets a direction, or only reports.
        policy = [e for e in self.events if e.type in rules.signal["policy_events"]]
        cue = self.found.direction
        self.reading = (
            "executable" if self.found.executable else "direction" if policy or self.targets or cue else "report"
        )
        self.direction = self.reading == "direction"
        self._anchor = (
            policy[0].start
            if policy
            else self.targets[0].start
            if self.targets
            else cue.start
            if cue
            else self.events[0].start
            if self.events
            else self.x.quantities[0].start
            if self.x.quantities
            else None
        )
        self._starts: dict[int, list[int]] = {}
        self._said: set[str] = set()  # figures already quoted in the brief, casefolded: each is said once

    # -- helpers -------------------------------------------------------------

    def cite(self, positions: Iterable[int | None], document: Document | None = None) -> list[int]:
        numbers = [self.citer.cite(document or self.doc, p) for p in positions if p is not None]
        return list(dict.fromkeys(numbers))

    def quote(self, q: Quantity, document: Document | None = None) -> str:
        """The figure as the document words it, up to its clause's end or the next figure.

        A document in another language than the brief's gets the figure built
        from its extracted parts instead (:mod:`.figures`), still cited to its sentence.
        """
        document = document or self.doc
        extraction = self._extraction_of(document)
        if foreign(document, self.rules):
            return figure(q, extraction, self.rules)
        starts = self._starts.get(id(document))
        if starts is None:
            starts = self._starts[id(document)] = sorted({x.start for x in extraction.quantities})
        return quote_figure(document, q, starts, self.rules)

    def _extraction_of(self, document: Document) -> Extraction:
        for r in self.context.related if self.context else []:
            if r.extraction.document is document:
                return r.extraction
        return self.x if document is self.doc else Extraction(document=document)

    def role(self, q: Quantity) -> str:
        """ "target" for a goal, else its role ("term", "threshold"): what the brief calls the figure."""
        status = self.statuses.get(id(q))
        return status.status if status is not None and status.status in NOT_GOALS else q.kind

    def goals(self) -> list[Quantity]:
        """The document's targets that are goals: terms and thresholds are not met or missed."""
        return [q for q in self.targets if self.role(q) == "target"]

    def status_text(self, q: Quantity) -> str:
        status: Status | None = self.statuses.get(id(q))
        name = status.status if status else "open"
        return self.rules.statuses[name].format(as_of=self.as_of.isoformat())

    def standing(self, q: Quantity) -> tuple[str, list[int]]:
        """A goal's status with the latest figure the knowledge base links to it, and that figure's citation.

        "open (deadline ahead) as of …; latest figure: "RMB 13.4 billion of
        equipment in 2025" in <title>, 67% of the goal".  A target with
        progress always shows where it stands; terms and thresholds have none.
        """
        text = self.status_text(q)
        found = self.context.latest.get(id(q)) if self.context is not None else None
        status = self.statuses.get(id(q))
        if found is None or self.role(q) != "target":
            return text, []
        x, figure = found
        text += self.labels["latest_figure"].format(figure=self.quote(figure, x.document), title=title_of(x.document))
        if status is not None and status.progress_percent is not None:
            text += self.labels["progress"].format(progress=f"{status.progress_percent:g}")
        cites = self.cite([figure.start], x.document)
        # Where sources disagree on that figure, the other one stands beside it.
        for (xa, qa), (xb, qb) in self.context.conflicts if self.context else []:
            other = (xb, qb) if qa is figure else (xa, qa) if qb is figure else None
            if other is not None:
                text += self.labels["disagreeing_figure"].format(
                    figure=self.quote(other[1], other[0].document), title=title_of(other[0].document)
                )
                cites += [c for c in self.cite([other[1].start], other[0].document) if c not in cites]
        return text, cites

    def horizon(self) -> tuple[str, list[str]]:
        """The signal's horizon ("medium", "medium- to long") and the reasons for it."""
        signal, found, reasons = self.rules.signal, [], []
        base = year_of(self.doc.published) or self.as_of.year
        deadlines = sorted(y for q in self.targets if (y := year_of(q.deadline)) is not None and y >= base)
        if deadlines:
            years = deadlines[0] - base
            limits = signal["horizon_years"]
            found.append("short" if years <= limits["short"] else "medium" if years <= limits["medium"] else "long")
            if str(deadlines[0]) in self.doc.text:
                reasons.append(signal["reason_deadline"].format(deadline=deadlines[0]))
        kinds = [e.type for e in self.events if e.type in signal["event_horizons"]]
        if kinds:
            found.extend(signal["event_horizons"][k] for k in kinds)
            reasons.append(signal["reason_events"].format(events=join(kinds, "")))
        instruments = [self.rules.instruments[k] for k in self.found.instruments]
        if instruments:
            found.extend(i.horizon for i in instruments)
            reasons.append(signal["reason_instruments"].format(instruments=join((i.label for i in instruments), "")))
        if self.direction:
            found.append(signal["direction_floor"])
            reasons.append(signal["reason_direction"])
        elif self.reading == "report":
            found.append(signal["report_horizon"])
            reasons.append(signal["reason_report"])
        ranks = [HORIZONS.index(h) for h in found] or [HORIZONS.index(signal["direction_floor"])]
        low, high = min(ranks), max(ranks)
        if self.direction:
            low = max(low, HORIZONS.index(signal["direction_floor"]))
        names = signal["horizon_labels"]
        span = (
            names[HORIZONS[low]]
            if low == high
            else self.rules.wording["horizon_span"].format(low=names[HORIZONS[low]], high=names[HORIZONS[high]])
        )
        return span, reasons

    def _signal_citations(self) -> list[int]:
        """What the reading rests on: the sentences stating rules, else the policy event, target or figure."""
        if self.reading == "executable":
            return self.cite(m.start for m in self.found.executable[:2])
        return self.cite([self._anchor])

    # -- sections ------------------------------------------------------------

    def _lead_at(self) -> int | None:
        """Where the sentence the summary opens with lies: the first event's, else the first figure's."""
        return self.events[0].start if self.events else (self.x.quantities[0].start if self.x.quantities else None)

    def summary(self) -> Section:
        lead_at = self._lead_at()
        if lead_at is not None:
            lo, hi = self.citer.sentence(self.doc, lead_at)
            lead, cites = self.doc.text[lo:hi], self.cite([lead_at])
        else:
            lead, cites = self.labels["lead_none"], []
        signal = self.rules.signal
        text = self.labels["summary_text"].format(
            signal_label=signal[f"{self.reading}_label"],
            horizon=self.horizon()[0],
            instruments=join((self.rules.instruments[k].label for k in self.found.instruments), self.labels["none"]),
            groups=join((g.group.label.lower() for g in self.found.groups[:4]), self.labels["none"]),
        )
        # A brief from pasted text says so before anything else.
        note = self.rules.basis["user_summary"] if self.user_summary else None
        return Section(
            "summary",
            self.labels["summary"],
            [Point(" ".join(lead.split()), cites, "lead"), Point(text, [], "summary")],
            note=note,
        )

    def confirmed(self) -> Section:
        said = (
            (lambda e: event_text(e, self.rules))
            if foreign(self.doc, self.rules)
            else (lambda e: " ".join(e.text.split()))
        )
        # Each fact once: the summary's lead sentence is not told again, nor a figure inside a told event.
        lead = self.citer.sentence(self.doc, self.events[0].start) if self.events and not self.long else (0, 0)
        # An event that states a goal is told by the goal's own point, with its status.
        events = [
            e
            for e in self.events[:MAX_EVENTS]
            if self.long or not (lead[0] <= e.start < lead[1] or any(e.start <= q.start < e.end for q in self.goals()))
        ]
        told = [lead, *((e.start, e.end) for e in events)]
        points = [
            Point(
                f"{self.labels['event']}: {said(e)}",
                self.cite([e.start]),
                "event",
                data={"type": e.type, "date": e.date, "actor": e.actor, "object": e.object},
            )
            for e in events
        ]
        quoted = self._said
        # A number without what it measures ("6 months") tells a reader nothing: it is left out.
        readable = [q for q in self.x.quantities if q.metric]
        ordered = sorted(readable, key=lambda q: q.kind != "target")[:MAX_QUANTITIES]
        for q in ordered:
            if (
                q.kind != "target"
                and not self.long
                and (self.quote(q).casefold() in quoted or any(lo <= q.start < hi for lo, hi in told))
            ):
                continue
            quoted.add(self.quote(q).casefold())
            data = {k: v for k, v in q.to_dict().items() if k not in ("start", "end", "industries")}
            if q.kind == "target":
                data["status"] = s.status if (s := self.statuses.get(id(q))) else "open"
            label = self.role(q) if q.kind == "target" else "statistic"
            text, cites = f"{self.labels.get(label, self.labels['target'])}: {self.quote(q)}", self.cite([q.start])
            if label == "target":  # a goal is stated once, with where it stands
                standing, more = self.standing(q)
                text, cites = f"{text}; {standing}", cites + [c for c in more if c not in cites]
            points.append(Point(text, cites, q.kind, data))
        for kind in NAMED_TYPES:
            named = [e for e in self.x.entities if e.type == kind and e.mentions][:MAX_NAMES]
            if named:
                shown = [as_written(e, self.doc) for e in named]
                kind_label = self.rules.wording["entity_types"].get(kind, kind)
                points.append(
                    Point(
                        f"{self.labels['named']} ({kind_label}): {join(shown, '')}",
                        self.cite(e.mentions[0][0] for e in named[:3]),
                        "entities",
                        {"type": kind, "names": shown},
                    )
                )
        return Section("confirmed", self.labels["confirmed"], points, note=self.labels["confirmed_note"])

    def impact(self, audience: list[str] | None) -> Section:
        chosen = [g for g in self.found.groups if audience is None or g.group.id in audience]
        points = [
            Point(
                f"{g.group.why.format(evidence=join(g.evidence, ''))} {self.labels['watch']}: {g.group.watch}",
                self.cite(g.positions),
                "group",
                {"group": g.group.id, "label": g.group.label, "evidence": g.evidence, "score": g.score},
            )
            for g in chosen
        ]
        for point, g in zip(points, chosen, strict=True):
            point.data["heading"] = g.group.label
        return Section("impact", self.labels["impact"], points, note=None if points else self.labels["impact_none"])

    def monitor(self) -> Section:
        points = []
        for rule in self.rules.monitoring:
            if rule.condition == "signal":
                if rule.value == self.reading:
                    points.append(Point(rule.text, self._signal_citations(), "monitor", {"rule": rule.id}))
            elif rule.condition == "instrument":
                matches = self.found.instruments.get(rule.value)
                if matches:
                    points.append(
                        Point(
                            rule.text,
                            self.cite(m.start for m in matches[:2]),
                            "monitor",
                            {"rule": rule.id, "instrument": rule.value},
                        )
                    )
            elif rule.value == "targets" and self.long:  # else each goal's status is given where it is listed
                for q in self.goals()[:MAX_QUANTITIES]:
                    points.append(
                        Point(
                            rule.text.format(target=self.quote(q), status=self.status_text(q)),
                            self.cite([q.start]),
                            "monitor",
                            {
                                "rule": rule.id,
                                "deadline": q.deadline,
                                "status": (s.status if (s := self.statuses.get(id(q))) else "open"),
                            },
                        )
                    )
            elif rule.value == "product_categories" and self.found.products:
                points.append(
                    Point(
                        rule.text.format(items="; ".join(p.text for p in self.found.products)),
                        self.cite(p.start for p in self.found.products),
                        "monitor",
                        {"rule": rule.id, "items": [p.text for p in self.found.products]},
                    )
                )
            elif rule.value == "events" and self.events:
                points.append(Point(rule.text, self.cite([self.events[0].start]), "monitor", {"rule": rule.id}))
        return Section("monitor", self.labels["monitor"], points)

    def signal(self) -> Section:
        signal = self.rules.signal
        if self.reading == "executable":
            text = signal["executable"].format(cues=join((m.text for m in self.found.executable), ""))
        else:
            text = signal[self.reading]
        first = Point(text, self._signal_citations(), self.reading)
        span, reasons = self.horizon()
        second = Point(
            signal["horizon_text"].format(horizon=span, reasons="; ".join(reasons)), [], "horizon", {"horizon": span}
        )
        return Section("signal", self.labels["signal"], [first, second])

    def basis(self) -> Section:
        basis, labels = self.rules.basis, self.labels
        kind = "user_summary" if self.user_summary else self.doc.source_type
        described = basis["source_types"].get(kind, basis["source_types"].get("unknown", {"label": kind}))["label"]
        meta = [m for m in (self.doc.publisher, self.doc.published) if m]
        points = [
            Point(
                f"{labels['source_type']}: {described}" + (f" — {', '.join(meta)}" if meta else ""),
                [],
                "source_type",
                {"source_type": kind},
            )
        ]
        official = {
            "yes": "official_yes",
            "cited": "official_cited",
            "missing": "official_missing",
            "unknown": "official_unknown",
            "user_summary": "user_summary",
        }[self.found.official]
        points.append(
            Point(
                f"{labels['official']}: {basis[official]}",
                self.cite([self.found.official_at]),
                "official",
                {"official": self.found.official},
            )
        )
        conflicts = [
            Point(
                f"{labels['conflicts']}: " + basis["conflicts_currency"].format(text=self.quote(c.facts[0])),
                self.cite([c.facts[0].start]),
                "conflict",
            )
            for c in currency_conflicts(self.x.quantities, self.doc.published)
        ]
        for (xa, qa), (xb, qb) in self.context.conflicts if self.context else []:
            conflicts.append(
                Point(
                    f"{labels['conflicts']}: "
                    + labels["cross_conflict"].format(
                        a=self.quote(qa, xa.document),
                        title_a=title_of(xa.document),
                        b=self.quote(qb, xb.document),
                        title_b=title_of(xb.document),
                    ),
                    self.cite([qa.start], xa.document) + self.cite([qb.start], xb.document),
                    "conflict",
                )
            )
        points.extend(conflicts or [Point(f"{labels['conflicts']}: {basis['conflicts_none']}", [], "conflict")])
        validate = [basis[f"validate_{self.reading}"]] if self.reading != "executable" else []
        validate += [self.rules.instruments[k].validate for k in self.found.instruments]
        if self.long:
            # A goal a later figure settled (met or missed) needs no more validation: saying so would contradict it.
            open_goals = [q for q in self.goals() if getattr(self.statuses.get(id(q)), "status", "open") not in SETTLED]
            validate += [basis["validate_target"].format(target=self.quote(q)) for q in open_goals[:MAX_QUANTITIES]]
        validate += [basis["validate_conflict"]] if conflicts else []
        points.append(
            Point(f"{labels['validate']}: {'; '.join(validate) or labels['none']}", [], "validate", {"items": validate})
        )
        kinds = list(basis["confirm_with"]) + [
            c for k in self.found.instruments for c in self.rules.instruments[k].confirm_with
        ]
        points.append(
            Point(
                f"{labels['confirm_with']}: {join(kinds, labels['none'])}",
                [],
                "confirm_with",
                {"items": list(dict.fromkeys(kinds))},
            )
        )
        return Section("basis", labels["basis"], points)

    def related(self) -> Section:
        labels = self.labels
        if self.context is None:
            return Section("related", labels["related"], [], note=labels["no_kb"])
        points = []
        related = self.context.related if self.long else self.context.related[:SHORT_RELATED]
        for r in related:
            doc = r.extraction.document
            first = self._body_mention(r.shared, doc)
            points.append(
                Point(
                    labels["related_doc"].format(
                        title=title_of(doc),
                        published=doc.published or labels["undated"],
                        source_type=doc.source_type,
                        shared=join(
                            [
                                *(as_written(e, doc) for e in r.shared),
                                *(industry_label(i, self.rules.language) for i in r.industries),
                            ],
                            "",
                        ),
                    ),
                    self.cite([first], doc),
                    "related",
                    {"document_id": doc.id, "source": doc.source},
                )
            )
            targets = [q for q in r.extraction.quantities if q.kind == "target"]
            if not self.long:  # the live goals not yet stated: terms, superseded and repeated goals are in --long
                targets = [
                    q
                    for q in targets
                    if self.role(q) == "target"
                    and getattr(self.statuses.get(id(q)), "status", "open") != "superseded"
                    and self.quote(q, doc).casefold() not in self._said
                ]
            for q in targets[: MAX_RELATED_TARGETS if self.long else SHORT_RELATED_TARGETS]:
                standing, more = self.standing(q)
                cites = self.cite([q.start], doc)
                points.append(
                    Point(
                        labels["related_target"].format(
                            target=self.quote(q, doc), title=title_of(doc), status=standing
                        ),
                        cites + [c for c in more if c not in cites],
                        "related_target",
                        {"document_id": doc.id, "status": (s.status if (s := self.statuses.get(id(q))) else "open")},
                    )
                )
        truncated = self.context.truncated or len(related) < len(self.context.related)
        note = labels["kb_truncated"] if truncated else None if points else labels["no_related"]
        return Section("related", labels["related"], points, note=note)

    def _body_mention(self, entities: list[Entity], document: Document) -> int | None:
        """The first mention of these entities outside the document's headline: a headline is not a citation."""
        title = " ".join((document.title or "").split())
        for e in entities:
            for start, _ in e.mentions:
                lo, hi = self.citer.sentence(document, start)
                if " ".join(document.text[lo:hi].split()) != title:
                    return start
        return None


def _words(text: str) -> int:
    """Words as a reader counts them: runs of non-space, and each Chinese character on its own."""
    return len(_READ_WORD.findall(text))


def _point_words(point: Point) -> int:
    """A point's words as rendered: its text and, for a group, its heading."""
    return _words(point.text) + _words(point.data.get("heading", ""))


_READ_WORD = re.compile(r"[\u3400-\u9fff]|[^\s\u3400-\u9fff]+")


def fit(sections: list[Section], citations: list[Citation], limit: int) -> tuple[list[Section], list[Citation]]:
    """The sections cut to ``limit`` words (titles, notes and points), dropping the least needed points last-first.

    Citations no remaining point uses are dropped and the rest renumbered
    in order, so the list of sources matches what the brief says.
    """
    points = [p for section in sections for p in section.points]
    total = sum(_point_words(p) for p in points) + sum(_words(f"{s.title} {s.note or ''}") for s in sections)
    for kind in TRIM_ORDER:
        for section in reversed(sections):
            while total > limit and (doomed := next((p for p in reversed(section.points) if p.kind == kind), None)):
                section.points.remove(doomed)
                total -= _point_words(doomed)
    used = list(dict.fromkeys(n for section in sections for p in section.points for n in p.citations))
    if len(used) == len(citations):
        return sections, citations
    renumber = {old: new for new, old in enumerate(used, 1)}
    by_number = {c.number: c for c in citations}
    for section in sections:
        for p in section.points:
            p.citations = [renumber[n] for n in p.citations]
    kept = sorted(used, key=renumber.__getitem__)
    return sections, [replace(by_number[n], number=renumber[n]) for n in kept]


def as_written(entity: Entity, document: Document) -> str:
    """The entity's name if the document spells it so, else its first mention as written.

    Extraction may assemble a name from a coordinated phrase ("A and B
    parks" gives "A park"); a brief quotes only what the document says.
    """
    if entity.name in document.text or not entity.mentions:
        return entity.name
    start, end = entity.mentions[0]
    return " ".join(document.text[start:end].split())


def title_of(document: Document) -> str:
    """How a brief names a document: its title, else where it came from (a file by its name, not its path)."""
    return document.title or source_name(document)


def source_name(document: Document) -> str:
    """Where a document came from, for a reader: its URL, else its publisher or title, else its file's name.

    A local path says where the file lay on someone's disk, not who published it.
    """
    if document.url:
        return document.url
    if "://" in document.source:
        return document.source
    return document.publisher or document.title or PurePath(document.source).name or document.source


def distinct_events(events: list[Event]) -> list[Event]:
    """One event per (type, object): a restatement of the same approval is not a second approval."""
    seen, out = set(), []
    for e in events:
        key = (e.type, (e.object or e.text).casefold())
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
