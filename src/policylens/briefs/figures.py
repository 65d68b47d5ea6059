"""Figures and events stated in the brief's language when the source is written in another.

An English reader of a brief on a Chinese notice cannot check "胶州市机床产业产值
达到200亿元" but can check "Jiaozhou — machine tool industry output: CNY 20
billion by 2027" against the cited sentence.  So such a point is built from
what extraction found, never translated freely: the value and unit (scaled
with the rules' scale words), the comparator, the deadline or year, the
subject by its gazetteer name in the brief's language, and the metric read
through track's bilingual ``metric_terms`` where every character has a
reading (otherwise as the source writes it).  All wording comes from the
rules' ``wording`` section.
"""

from __future__ import annotations

from policylens import figures
from policylens.extraction import gazetteer
from policylens.model import Document, Event, Extraction, Quantity
from policylens.periods import year_of
from policylens.track.linking import english_metric

from .rules import Rules


def language_of(document: Document) -> str:
    """The document's language as the rules name languages ("zh-CN" -> "zh")."""
    return (document.language or "en").split("-")[0].casefold()


def foreign(document: Document, rules: Rules) -> bool:
    """Whether the document is written in another language than the brief."""
    return language_of(document) != rules.language


def number(value: float) -> str:
    """A value as digits, at most two decimals, no trailing zeros, no separators ("20", "1.25", "5000")."""
    return figures.number(value, grouping=False)


def scaled(value: float, rules: Rules) -> str:
    """A value with the largest of the rules' scale words it reaches (2e10 -> "20 billion" or "200 亿")."""
    wording = rules.wording
    return figures.scaled(value, [(s["power"], s["word"]) for s in wording["scales"]], wording["scale"], grouping=False)


def scale_powers(rules: Rules) -> list[int]:
    """The powers of ten a built figure may divide a value by (for checking a brief's numbers)."""
    return [0, *(s["power"] for s in rules.wording["scales"])]


def amount(q: Quantity, rules: Rules) -> str:
    """Comparator, value (or range), unit and direction of change, in the rules' words."""
    wording = rules.wording
    value = scaled(q.value, rules)
    if q.value_max is not None:
        value = wording["range"].format(value=value, value_max=scaled(q.value_max, rules))
    unit = wording["units"].get(q.unit)
    text = unit.format(amount=value) if unit else wording["unit_other"].format(amount=value, unit=q.unit)
    if q.change in wording["changes"]:
        text = wording["changes"][q.change].format(amount=text)
    return wording["comparators"].get(q.comparator, "") + text


def place_name(phrase: str | None, extraction: Extraction, language: str) -> str | None:
    """A place's name in ``language`` from the gazetteer (English name or Chinese name), if ``phrase`` is one place."""
    if not phrase:
        return None
    places = gazetteer.load()
    keys = {
        e.key for e in extraction.entities if e.type == "place" and e.key and (e.name == phrase or phrase in e.aliases)
    }
    found = [p for k in keys if (p := places.get(k)) is not None] or places.lookup(phrase)
    names = {p.zh if language == "zh" else p.name for p in found}
    names.discard(None)
    return names.pop() if len(names) == 1 else None


def figure(q: Quantity, extraction: Extraction, rules: Rules) -> str:
    """The figure ``q`` of a foreign-language source, built from its parts in the brief's language."""
    wording, language = rules.wording, rules.language
    metric = q.metric or ""
    if q.subject and metric.startswith(q.subject) and len(metric) > len(q.subject):
        metric = metric[len(q.subject) :]  # Chinese metrics often open with their subject ("胶州市机床产业产值")
    if language == "en" and language_of(extraction.document) == "zh":
        metric = english_metric(metric) or metric
    subject = place_name(q.subject, extraction, language) or q.subject
    when = ""
    if q.kind == "target" and (year := year_of(q.deadline)):
        when = wording["by"].format(year=year)
    elif year := year_of(q.as_of):
        when = wording["in"].format(year=year)
    lead = wording["subject"].format(subject=subject) if subject and metric else subject or ""
    return wording["figure"].format(subject=lead, metric=metric, amount=amount(q, rules), when=when)


def event(e: Event, rules: Rules) -> str:
    """An event of a foreign-language source: its type and date in the brief's words, its object as written."""
    wording = rules.wording
    when = wording["event_date"].format(date=e.date) if e.date else ""
    return wording["event"].format(
        type=wording["event_types"].get(e.type, e.type),
        when=when,
        what=" ".join((e.object or e.actor or e.text).split()),
    )
