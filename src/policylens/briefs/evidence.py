"""What the rules find in one document: instruments, groups, product categories, signal, source basis.

Each finding keeps the character positions of its evidence so that the
brief can cite the sentence, and the words it quotes are the document's own
(as matched), never a paraphrase: a brief must not say more than its source.
Everything here is a pure function of the extraction and the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from policylens.extraction.industries import taxonomy
from policylens.extraction.text import TextIndex
from policylens.model import Extraction

from .rules import Group, Rules

# How many sentences one finding cites: enough to check it, few enough to read.
MAX_CITED = 2


@dataclass(slots=True)
class Match:
    text: str  # as written in the document
    start: int


@dataclass(slots=True)
class GroupFinding:
    group: Group
    evidence: list[str]  # instrument labels, industry labels and cue words as written
    positions: list[int]
    score: int


@dataclass(slots=True)
class Findings:
    instruments: dict[str, list[Match]] = field(default_factory=dict)
    groups: list[GroupFinding] = field(default_factory=list)
    products: list[Match] = field(default_factory=list)
    executable: list[Match] = field(default_factory=list)
    direction: Match | None = None  # the first words announcing a plan or goal
    official: str = "unknown"  # yes, cited, missing, unknown, user_summary
    official_at: int | None = None


def find(extraction: Extraction, index: TextIndex, rules: Rules, *, user_summary: bool = False) -> Findings:
    text = extraction.document.text
    found = Findings()
    for key, instrument in rules.instruments.items():
        matches = [Match(m.group(), m.start()) for m in instrument.cues.finditer(text)]
        if matches:
            found.instruments[key] = matches
    found.groups = sorted(
        (
            g
            for group in rules.groups.values()
            if (g := _group(extraction, text, group, found, rules.language)) is not None
        ),
        key=lambda g: -g.score,
    )
    found.products = _products(extraction, index, rules)
    found.executable = [
        Match(m.group(), m.start())
        for m in rules.executable.finditer(text)
        if not _hedged(text, index, rules, m.start())
    ]
    found.direction = next(
        (
            Match(m.group(), m.start())
            for m in rules.direction_cues.finditer(text)
            if not _hedged(text, index, rules, m.start())
        ),
        None,
    )
    found.official, found.official_at = _official(extraction, index, rules, user_summary)
    return found


def industry_label(industry_id: str, language: str = "en") -> str:
    """An industry's taxonomy label in running text ("machine tools"): a common noun, not a name.

    In Chinese, the taxonomy's first Chinese keyword (机床), so a Chinese brief names it in Chinese.
    """
    item = taxonomy().get(industry_id)
    if item and language == "zh" and item.zh:
        return item.zh[0]
    return (item.label if item else industry_id.replace("-", " ")).lower()


def _group(extraction: Extraction, text: str, group: Group, found: Findings, language: str) -> GroupFinding | None:
    evidence, positions, score = [], [], 0
    for key in group.instruments:
        if key in found.instruments:
            first = found.instruments[key][0]
            evidence.append(first.text)
            positions.append(first.start)
            score += 1
    industries = (
        extraction.industries
        if group.industries is None
        else [i for i in extraction.industries if i in group.industries]
    )
    if industries:
        # "any industry" is one piece of evidence however many industries the document has.
        score += 1 if group.industries is None else len(industries)
        evidence.extend(industry_label(i, language) for i in industries[:2])
    cue_words: dict[str, int] = {}
    for m in group.cues.finditer(text):
        cue_words.setdefault(m.group().casefold(), m.start())
        if len(cue_words) == 2:
            break
    for word, pos in cue_words.items():
        evidence.append(text[pos : pos + len(word)])
        positions.append(pos)
    score += len(cue_words)
    if score < max(group.min_evidence, 1):
        return None
    return GroupFinding(group, list(dict.fromkeys(evidence)), positions[:MAX_CITED], score)


def _hedged(text: str, index: TextIndex, rules: Rules, pos: int) -> bool:
    """Whether the sentence at ``pos`` only speculates ("whether rules will follow") rather than states."""
    lo, hi = index.sentence_at(pos)
    return rules.hedges.search(text[lo:hi]) is not None


def _products(extraction: Extraction, index: TextIndex, rules: Rules) -> list[Match]:
    """Items of a list introduced by "focused on", "key products include", … in the same sentence."""
    text = extraction.document.text
    names = {e.name.casefold() for e in extraction.entities}
    out: dict[str, Match] = {}
    for m in rules.product_intros.finditer(text):
        _, sentence_end = index.sentence_at(m.start())
        start = _list_start(text, m.end(), sentence_end, rules)
        for item, at in _list_items(text, start, sentence_end, rules):
            if not 1 <= len(item.split()) <= rules.product_max_words or item.casefold() in names:
                break
            out.setdefault(item.casefold(), Match(item, at))
            if len(out) >= rules.product_max_items:
                return list(out.values())
    return list(out.values())


def _list_start(text: str, start: int, end: int, rules: Rules) -> int:
    """Where the items begin: after a sub-intro ("including", " - ") and the lead-in words ("developing")."""
    for marker in rules.product_sub_intros:
        at = text.find(marker, start, end)
        if at >= 0:
            start = at + len(marker)
            break
    while start < end and text[start].isspace():
        start += 1
    while (lead := rules.product_lead_ins.pattern) is not None and (m := lead.match(text, start, end)):
        start = m.end()
        while start < end and text[start].isspace():
            start += 1
    return start


_LIST_END = ";:.!?()"
_SEPARATORS = re.compile(r",\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+|\s+-\s+")


def _list_items(text: str, start: int, end: int, rules: Rules):
    """(item, start) pairs of an enumeration "a, b, and c" up to the end of its clause or the next clause."""
    stop = start
    while stop < end and text[stop] not in _LIST_END:
        stop += 1
    pos = start
    for sep in [*_SEPARATORS.finditer(text, start, stop), None]:
        item_end = sep.start() if sep else stop
        item = text[pos:item_end].strip()
        if item:
            words = [w.casefold() for w in item.split()]
            if (
                words[0] in rules.product_stop_words
                or rules.product_clause_words.intersection(words)
                or (not rules.product_allow_numbers and any(ch.isdigit() for ch in item))
            ):
                return
            yield item, text.index(item, pos, item_end)
        if sep is None:
            return
        pos = sep.end()


def _official(extraction: Extraction, index: TextIndex, rules: Rules, user_summary: bool) -> tuple[str, int | None]:
    doc = extraction.document
    if user_summary:
        return "user_summary", None
    kind = rules.basis["source_types"].get(doc.source_type, {})
    host = urlsplit(doc.url).hostname or "" if doc.url else ""
    if kind.get("official") or any(host.endswith(d) for d in rules.basis["official_domains"]):
        return "yes", None
    if m := rules.missing_cues.search(doc.text):
        return "missing", m.start()
    government = [start for e in extraction.entities if e.type == "government" for start, _ in e.mentions]
    for m in rules.official_cues.finditer(doc.text):
        lo, hi = index.sentence_at(m.start())
        if any(lo <= g < hi for g in government):
            return "cited", m.start()
    return "unknown", None
