"""Which later statistics report progress on which target, and which targets a later plan restates.

Facts from different documents name the same measure in different words
("smart factories and digital workshops built" / "smart factories and
digital workshops"), and nearly the same words for different measures
("green factories" / "smart factories", "exports" / "imports").  A false
link puts a wrong number next to a target in a brief, which is worse than a
missing one, so the rules lean towards not linking: the subject must agree,
the unit must measure the same thing, and every word of one metric must
find its counterpart in the other.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz

from ..extraction import gazetteer
from ..periods import period_end, period_start
from ..words import singular
from . import rates
from ._data import load
from .status import Observation, TargetFact, known_since, observed_period

# token_set_ratio of the normalised metric phrases.  Spelling variants of
# one phrase score 90 and more ("smart factory digitalized workshop" /
# "smart factory digital workshop": 93); different measures that share a
# head noun score about 70 ("green factory" / "smart factory": 70,
# "export" / "import": 67).  The word-by-word guard below does the rest.
METRIC_THRESHOLD = 85.0
# When the target names no subject, only the metric ties it to a statistic,
# so the phrases must be all but identical.
VERY_HIGH = 95.0
# Two ordinary words are the same word spelled differently from this
# fuzz.ratio on ("centre" / "center": 83; "output" / "input": 55).
WORD_THRESHOLD = 80.0
# Shortest stem a word may share with a longer one to count as the same
# word ("digital" / "digitalized", "industri(y)" / "industrial").
MIN_STEM = 5

_WORD = re.compile(r"[^\W_]+")  # any script: Chinese metrics are one run of characters
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Longest Chinese term or place name tried at one position of a metric.
_LONGEST_TERM = 12


class _Vocabulary(NamedTuple):
    filler: frozenset[str]
    distinguishing: frozenset[str]
    distinguishing_inside: tuple[str, ...]
    subject_suffixes: tuple[str, ...]
    metric_terms: dict[str, str]


@cache
def _words() -> _Vocabulary:
    data = load("matching")
    return _Vocabulary(
        frozenset(data["filler"]),
        frozenset(data["distinguishing"]),
        tuple(data["distinguishing_inside"]),
        tuple(data["subject_suffixes"]),
        dict(data["metric_terms"]),
    )


@lru_cache(maxsize=8192)  # linking compares every target with every statistic
def normalise_subject(subject: str | None) -> str | None:
    """Case, punctuation, a leading "the" and trailing administrative words do not change who a subject is."""
    if not subject:
        return None
    words = _WORD.findall(subject.casefold().replace("'s", ""))
    if words[:1] == ["the"]:
        words = words[1:]
    suffixes = _words().subject_suffixes
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words) or None


@lru_cache(maxsize=8192)
def metric_words(metric: str | None) -> tuple[str, ...]:
    """The words of a metric that carry its meaning, singular, in order (a possessive 's is not a word)."""
    filler = _words().filler
    words = (singular(w) for w in _WORD.findall(re.sub(r"['’]s\b", "", (metric or "").casefold())))
    return tuple(w for w in words if w not in filler)


def _place_name(run: str) -> str | None:
    """The gazetteer's English name for a Chinese place name, when the name means one place."""
    names = {place.name for place in gazetteer.load().lookup(run)}
    return names.pop() if len(names) == 1 else None


@lru_cache(maxsize=8192)
def english_metric(metric: str) -> str | None:
    """A Chinese metric read as English words ("胶州市机床产业产值" -> "Jiaozhou machine tool industry output").

    Longest match first, from ``metric_terms`` in matching.yaml and the
    gazetteer's place names; None when some character has no reading, so an
    unknown word never links a Chinese figure to an English one.
    """
    terms, out, i = _words().metric_terms, [], 0
    while i < len(metric):
        if not _CJK.match(metric[i]):
            j = i + 1
            while j < len(metric) and not _CJK.match(metric[j]):
                j += 1
            out.append(metric[i:j])
            i = j
            continue
        for j in range(min(len(metric), i + _LONGEST_TERM), i, -1):
            run = metric[i:j]
            reading = terms.get(run)
            if reading is None and j - i > 1:
                reading = _place_name(run)
            if reading is not None:
                out.append(reading)
                i = j
                break
        else:
            return None
    return " ".join(out)


def _comparable_words(a: str | None, b: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Both metrics' words, the Chinese one read in English when only one of them is Chinese."""
    if bool(_CJK.search(a or "")) == bool(_CJK.search(b or "")):
        return metric_words(a), metric_words(b)
    a, b = (english_metric(m) if _CJK.search(m or "") else m for m in (a, b))
    return metric_words(a), metric_words(b)


def _stem(word: str) -> str:
    return word[:-1] + "i" if word.endswith("y") else word


@lru_cache(maxsize=65536)
def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if any((part in a) != (part in b) for part in _words().distinguishing_inside):
        return False
    distinguishing = _words().distinguishing
    short, long = sorted((a, b), key=len)
    if short in distinguishing or long in distinguishing:
        # Only an inflection of the distinguishing word itself ("digital" / "digitalized").
        return short in distinguishing and long not in distinguishing and long.startswith(short)
    short, long = _stem(short), _stem(long)
    if len(short) >= MIN_STEM and long.startswith(short):
        return True
    return fuzz.ratio(a, b) >= WORD_THRESHOLD


@lru_cache(maxsize=65536)  # the same phrases recur across a corpus
def metric_similarity(a: str | None, b: str | None, subject: str | None = None) -> float:
    """0-100: how alike two metric phrases are, or 0 when a word of either has no counterpart in the other.

    token_set_ratio alone scores a phrase against any phrase containing it at
    100 ("enterprises" / "listed enterprises"), so every word must also find
    its counterpart.  A Chinese metric meets an English one in English words.
    ``subject``, the one both figures belong to, is no part of what they
    measure: "Jiaozhou's machine tool output" and "machine tool output" of
    Jiaozhou are one measure.
    """
    wa, wb = _comparable_words(a, b)
    if subject:
        own = set(metric_words(subject))
        wa, wb = (tuple(w for w in ws if w not in own) or ws for ws in (wa, wb))
    if not wa or not wb:
        return 0.0
    if not all(any(_same_word(x, y) for y in wb) for x in wa):
        return 0.0
    if not all(any(_same_word(y, x) for x in wa) for y in wb):
        return 0.0
    return fuzz.token_set_ratio(" ".join(wa), " ".join(wb))


def metrics_match(a: str | None, b: str | None, threshold: float = METRIC_THRESHOLD) -> bool:
    return metric_similarity(a, b) >= threshold


def _same_footing(a: TargetFact | Observation, b: TargetFact | Observation) -> bool:
    """Same kind of number: convertible units, both levels or both changes, and for changes the same basis.

    A change's direction may differ (a decrease reported against an increase
    target is progress, negative); but an average annual growth and a
    one-year growth, or a fall since 2020 and a fall on the year before, are
    different measures.
    """
    if not rates.convertible(a.unit, b.unit):
        return False
    if (a.change is None) != (b.change is None):
        return False
    return a.change is None or (a.annual == b.annual and a.baseline == b.baseline)


def link_score(target: TargetFact, observation: Observation) -> float | None:
    """The metric similarity when ``observation`` reports progress on ``target``, else None.

    Progress must come from another document and describe a period that ends
    after the target was published; figures from before are its baseline.
    """
    if observation.document_id == target.document_id:
        return None
    if not _same_footing(target, observation):
        return None
    period, published = observed_period(observation), period_start(target.published)
    if period is None or (published is not None and period <= published):
        return None
    target_subject, observed_subject = normalise_subject(target.subject), normalise_subject(observation.subject)
    if target_subject is None:
        threshold = VERY_HIGH
    elif target_subject == observed_subject:
        threshold = METRIC_THRESHOLD
    else:
        return None
    score = metric_similarity(target.metric, observation.metric, target_subject)
    return score if score >= threshold else None


def link(targets: Iterable[TargetFact], observations: Sequence[Observation]) -> dict[int, list[Observation]]:
    """Target id -> the observations that report progress on it, best match first."""
    by_subject: dict[str | None, list[Observation]] = defaultdict(list)
    for o in observations:
        by_subject[normalise_subject(o.subject)].append(o)
    links: dict[int, list[Observation]] = {}
    for target in targets:
        subject = normalise_subject(target.subject)
        candidates = observations if subject is None else by_subject.get(subject, [])
        scored = [(score, o) for o in candidates if (score := link_score(target, o)) is not None]
        if scored:
            scored.sort(key=lambda so: (-so[0], so[1].id))
            links[target.id] = [o for _, o in scored]
    return links


def _restates(later: TargetFact, earlier: TargetFact) -> bool:
    if later.document_id == earlier.document_id:
        return False
    later_published, earlier_published = period_start(later.published), period_start(earlier.published)
    if later_published is None or earlier_published is None or later_published <= earlier_published:
        return False
    subject = normalise_subject(earlier.subject)
    if subject is None or subject != normalise_subject(later.subject):
        return False
    if not _same_footing(earlier, later):
        return False
    if (earlier.deadline is None) != (later.deadline is None):
        return False
    if earlier.deadline is not None:
        later_end, earlier_end = period_end(later.deadline), period_end(earlier.deadline)
        if later_end is None or earlier_end is None or later_end < earlier_end:
            return False
    return metrics_match(earlier.metric, later.metric)


def restatements(targets: Sequence[TargetFact], as_of: date | None = None) -> dict[int, int]:
    """Target id -> the id of the latest target that restates it in a later document.

    A later plan that sets the same subject, metric and unit with a deadline
    at least as late replaces the earlier commitment, whatever its value; a
    target with no deadline is restated only by another without one.  With
    ``as_of``, plans published after that day do not count yet.
    """
    by_subject: dict[str | None, list[TargetFact]] = defaultdict(list)
    for t in targets:
        if as_of is None or (period_start(t.published) or as_of) <= as_of:
            by_subject[normalise_subject(t.subject)].append(t)
    superseded: dict[int, int] = {}
    for earlier in targets:
        later = [t for t in by_subject.get(normalise_subject(earlier.subject), []) if _restates(t, earlier)]
        if later:
            superseded[earlier.id] = max(later, key=lambda t: (period_start(t.published), t.id)).id
    return superseded


# --- the same links at knowledge-base scale ---------------------------------------------------
#
# link() and restatements() compare every pair of facts on a subject, which a
# knowledge base of thousands of documents cannot afford on every ingest.
# The two functions below answer the same questions with the work grouped:
# facts with one subject, metric and footing are compared as a group (one
# metric comparison per pair of distinct phrases), and only what can change
# a status on some day is kept.


def _footing(fact: TargetFact | Observation) -> tuple:
    """Facts with equal keys are on the same footing (:func:`_same_footing`), and only they."""
    unit = "money" if fact.unit in rates.currencies() else fact.unit
    return (unit, fact.change is None) + ((fact.annual, fact.baseline) if fact.change is not None else ())


def _status_key(o: Observation) -> tuple:
    """The order in which ``target_status`` prefers the latest figure."""
    return (observed_period(o) or date.min, o.published or "", o.id)


def deciding_links(
    targets: Sequence[TargetFact], observations: Sequence[Observation]
) -> dict[int, list[tuple[Observation, float]]]:
    """Target id -> the linked observations that decide its status on some day, with their link score.

    :func:`link`'s links, thinned: on any day the status looks only at the
    visible linked figure with the latest period, so a figure that is already
    outdated by the time it becomes known never decides anything.  Ordered
    by when each became known (the staircase), a target keeps the first
    figure it may use and every later record; for any day,
    ``target_status`` gives the same answer from these as from all links.
    """
    return {t: s.links[s.start :] for t, s in deciding_suffixes(targets, observations).items()}


class Suffix(NamedTuple):
    """A target's deciding links: ``links[start:]``, every figure there and none before it ending after its bound."""

    links: list[tuple[Observation, float]]
    start: int


def deciding_suffixes(targets: Sequence[TargetFact], observations: Sequence[Observation]) -> dict[int, Suffix]:
    """Target id -> its deciding links as a :class:`Suffix` of a staircase of linked observations.

    :func:`deciding_links` as suffixes: a target that shares no document
    with its candidate figures uses every record among them (a figure that
    beats every figure known before it) whose period ends after the target
    was published, and those are a suffix of the records, so every such
    target of one subject, metric and footing is given the same list (one
    object).  A batch's pass compares the lists of a group before and after
    it once, not each target's.  So is a target whose document's figures
    past that suffix's start are no records; any other target gets a list
    of its own, derived from the records (:func:`_without_own`) rather than
    from all candidates, which cost a pass time quadratic in a group's size.
    """
    groups: dict[tuple, list[Observation]] = defaultdict(list)
    for o in observations:
        groups[(normalise_subject(o.subject), o.metric, _footing(o))].append(o)
    by_subject: dict[str | None, list[tuple]] = defaultdict(list)
    for key in groups:
        by_subject[key[0]].append(key)
    target_groups: dict[tuple, list[TargetFact]] = defaultdict(list)
    for t in targets:
        target_groups[(normalise_subject(t.subject), t.metric, _footing(t))].append(t)

    out: dict[int, Suffix] = {}
    for (subject, metric, footing), members in target_groups.items():
        keys = (
            [k for k in groups if k[2] == footing]
            if subject is None
            else [k for k in by_subject.get(subject, ()) if k[2] == footing]
        )
        threshold = VERY_HIGH if subject is None else METRIC_THRESHOLD
        candidates = []
        for key in keys:
            score = metric_similarity(metric, key[1], subject)
            if score >= threshold:
                candidates += [(o, score) for o in groups[key]]
        if not candidates:
            continue
        # In the order figures became known (an undated one counts from the start).
        ordered = sorted(
            (((known_since(o) or date.min, _status_key(o)), o, score) for o, score in candidates), key=itemgetter(0)
        )
        candidates = [(o, score) for _, o, score in ordered]
        status_keys = [order[1] for order, _, _ in ordered]
        periods = [key[0] for key in status_keys]  # observed_period(o) or date.min
        records, best = [], None  # positions that beat every figure known before them
        for i, key in enumerate(status_keys):
            if best is None or key > best:
                records.append(i)
                best = key
        record_periods = [periods[i] for i in records]  # non-decreasing: the key starts with the period
        staircase = [candidates[i] for i in records]
        own_records: dict[int, list[int]] = defaultdict(list)  # document -> its figures' places on the staircase
        for n, (o, _) in enumerate(staircase):
            own_records[o.document_id].append(n)
        for t in members:
            bound = period_start(t.published) or date.min
            # A figure counts when its period ends after the target was published. The target may use
            # the first such figure, then every record that counts: the first is the first such record,
            # since every figure known before it has a period that does not count.
            start = bisect_right(record_periods, bound)
            own = own_records.get(t.document_id, ())
            if own and own[-1] >= start:  # a figure of its own document is a record that counts
                if chosen := _without_own(
                    t.document_id, bound, staircase, records, own, start, candidates, status_keys
                ):
                    out[t.id] = Suffix(chosen, 0)
            elif start < len(staircase):
                out[t.id] = Suffix(staircase, start)
    return out


def _without_own(
    document: int,
    bound: date,
    staircase: list[tuple[Observation, float]],
    records: Sequence[int],
    own: Sequence[int],
    start: int,
    candidates: Sequence[tuple[Observation, float]],
    status_keys: Sequence[tuple],
) -> list[tuple[Observation, float]]:
    """The records among the candidates of other documents whose periods end after ``bound``, from the group's.

    The deciding links of a target of ``document`` published on ``bound``
    (its own document's figures excluded), found from the group's records
    (``staircase``, at places ``records`` in ``candidates``, ordered as they
    became known, with their :func:`_status_key`), ``own`` the places on
    the staircase of the document's figures and ``start`` the first whose
    period ends after ``bound``.  A record of another document beats every
    figure before it, so it is one of the target's too; a figure that is no
    record is beaten by the last record before it, so it can be one of the
    target's only when that record is of its own document: only the figures
    after such a record, up to the next, are compared, and the staircase
    between is copied (on the benchmark's groups nearly every candidate is a
    record, and a goal's document holds few of them).
    """
    chosen: list[tuple[Observation, float]] = []
    best, done = None, start  # the latest key chosen; the staircase's place up to which it was read
    for n in own[bisect_left(own, start) :]:
        if n > done:
            chosen += staircase[done:n]
            best = status_keys[records[n - 1]]
        done = n + 1
        for j in range(records[n] + 1, records[n + 1] if n + 1 < len(records) else len(candidates)):
            key = status_keys[j]  # it starts with observed_period(o) or date.min
            if candidates[j][0].document_id != document and key[0] > bound and (best is None or key > best):
                chosen.append(candidates[j])
                best = key
    return chosen + staircase[done:]


def first_restatements(targets: Sequence[TargetFact]) -> dict[int, int]:
    """Target id -> the first target of a later document that restates it (earliest published).

    What :func:`restatements` asks, for every day at once: a target is
    superseded on a day exactly when its first restatement was published by
    then.
    """
    groups: dict[tuple, list[TargetFact]] = defaultdict(list)
    start: dict[int, date] = {}  # each grouped target's publication day
    for t in targets:
        subject = normalise_subject(t.subject)
        day = period_start(t.published)
        if subject is not None and day is not None:
            start[t.id] = day
            groups[(subject, t.metric, _footing(t))].append(t)
    for members in groups.values():
        members.sort(key=lambda t: (start[t.id], t.id))
    # Only a target published strictly later can restate, so each search starts past the
    # group's targets published on or before the earlier one's day.
    days = {key: [start[t.id] for t in members] for key, members in groups.items()}
    by_subject: dict[str, list[tuple]] = defaultdict(list)
    for key in groups:
        by_subject[key[0]].append(key)
    out: dict[int, int] = {}
    for (subject, metric, footing), earlier_group in groups.items():
        later_keys = [k for k in by_subject[subject] if k[2] == footing and metrics_match(metric, k[1])]
        for earlier in earlier_group:
            first = None
            published = start[earlier.id]
            for key in later_keys:
                members = groups[key]
                for j in range(bisect_right(days[key], published), len(members)):
                    later = members[j]
                    if first is not None and (start[later.id], later.id) >= first[0]:
                        break
                    if _restates(later, earlier):
                        first = ((start[later.id], later.id), later.id)
                        break
            if first is not None:
                out[earlier.id] = first[1]
    return out


def goal_origins(days: Mapping[int, date | None], first: Mapping[int, int]) -> dict[int, date | None]:
    """Target id -> the day its goal was first set: the earliest publication day among it and all it restates.

    ``days`` gives each target's own publication day, ``first`` is
    :func:`first_restatements`' answer.  A target's origin depends only on
    the targets whose chain of first restatements leads to it.
    """
    origin = dict(days)
    # A restatement is published strictly later than what it restates, so in order of
    # publication every earlier statement's origin is final before it is handed on.
    for tid in sorted(origin, key=lambda tid: (origin[tid] or date.min, tid)):
        later, own = first.get(tid), origin[tid]
        if later is not None and own is not None and later in origin:
            day = origin[later]
            origin[later] = own if day is None else min(day, own)
    return origin


def as_goal(target: TargetFact, origin: date | None) -> TargetFact:
    """The target dated from ``origin``, the day its goal was first set (:func:`goal_origins`)."""
    if origin is not None and origin != period_start(target.published):
        return replace(target, published=origin.isoformat())
    return target


def as_goals(targets: Sequence[TargetFact], first: dict[int, int]) -> list[TargetFact]:
    """The targets with each restatement dated from the first statement of its goal.

    A target restated in later documents is one goal with a history: figures
    reported after the goal was first set are progress on its live
    restatement too, even when the restatement was published after them
    ("exports reached X in 2025", then a 2026 article repeating the 2027
    goal).  ``first`` is :func:`first_restatements`' answer; the returned
    facts go to :func:`deciding_links` in place of the targets.
    """
    origins = goal_origins({t.id: period_start(t.published) for t in targets}, first)
    return [as_goal(t, origins[t.id]) for t in targets]
