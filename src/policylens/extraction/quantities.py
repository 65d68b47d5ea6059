"""Quantities: every amount that states a measurable fact or goal, read in its sentence.

numbers.py finds the amounts; this module reads what the sentence says about
each one. Whether a figure is a goal or a reported fact is a matter of the
words that govern it (a modal or a plan verb, a past-tense report verb, a year
before or after the document's date), so each amount takes the kind of its
nearest cue. Time is often stated once for many figures ("By 2025, …; …",
"In 2023, …", a plan's period in its title), so deadlines and as-of years
flow from the sentence to the paragraph to the document. The vocabulary is in
data/quantity_cues.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from policylens.extraction.gazetteer import load as load_gazetteer
from policylens.extraction.numbers import DURATION_UNITS, NUMBER_WORDS, Amount, _alternation, _load, find_amounts
from policylens.extraction.text import TextIndex
from policylens.model import Document, Entity, Quantity

_CUES = _load("quantity_cues.yaml")
_YEAR = r"(?:1[89]|20|21)\d{2}"
_NUM_WORD = _alternation(NUMBER_WORDS)


def _words(key: str) -> str:
    return _alternation(_CUES[key])


_WORD_START = re.compile(r"\b\w")


class _WordsPattern:
    """A pattern that opens with ``\\b`` and a long alternation of words, scanned faster.

    sre tries every one of a long alternation's words (about 200 for the cues)
    at every word boundary; that made the cue patterns the costliest part of
    reading a sentence. Here only word starts are visited, and at each only a
    variant holding the words that begin with the letter found there is tried,
    in their original order, so each match is the one the whole pattern makes
    (a character other than an ASCII letter gets the whole pattern).
    ``build(letter)`` writes the pattern keeping only the words that begin with
    ``letter``, or all of them for None.
    """

    def __init__(self, build, words: list[str], flags: int):
        self.whole = re.compile(build(None), flags)
        firsts = {w[0].lower() for w in words}
        assert all(c.isascii() and c.isalpha() for c in firsts), "only words opening with an ASCII letter"
        self.by_letter = {c: re.compile(build(c), flags) for c in firsts}

    def finditer(self, text: str, start: int, end: int):
        """What ``re.finditer`` on the whole pattern gives for text[start:end]."""
        pos = start
        while pos < end and (w := _WORD_START.search(text, pos, end)) is not None:
            ch = text[w.start()]
            pattern = self.by_letter.get(ch.lower()) if ch.isascii() else self.whole
            m = pattern.match(text, w.start(), end) if pattern is not None else None
            if m:
                yield m
                pos = m.end()  # never empty
            else:
                pos = w.start() + 1

    def search(self, text: str, start: int, end: int):
        return next(self.finditer(text, start, end), None)


def _starting_with(key: str, letter: str | None) -> str:
    """The alternation of the words under ``key`` that begin with ``letter`` (all for None)."""
    words = [w for w in _CUES[key] if letter is None or str(w)[0].lower() == letter]
    return _alternation(words) if words else "(?!)"


_CUE = _WordsPattern(
    lambda c: rf"\b(?:(?P<t>{_starting_with('target_cues', c)})|(?P<s>{_starting_with('statistic_cues', c)})"
              r"|(?P<p>" + (r"have\s+(?:\w+\s+)?(?:been|become|\w+ed|\w+en|built|grown|made|won|seen|brought|set)"
                            if c in (None, "h") else "(?!)") + r"))(?![\w-])",
    _CUES["target_cues"] + _CUES["statistic_cues"] + ["have"], re.I)
_MODAL_GAP = re.compile(r"\W*(?:\w+\W+){0,2}$")
# A plan's targets share its horizon, so a deadline carries on to later targets
# that name none; in news, only a fronted deadline ("By 2027, the city will …")
# frames what follows, and one at the end of a clause belongs to that clause.
_PLAN_TITLE = re.compile(rf"\b(?:{_words('plan_title_words')})\b", re.I)
_PRESENT = re.compile(rf"\b(?:{_words('present_cues')})\b", re.I)
_PAST = _WordsPattern(lambda c: rf"\b(?:{_starting_with('past_markers', c)})\b", _CUES["past_markers"], re.I)
_PERFECT = re.compile(r"\b(?:has|have|had been|be|been|being|will|would|to|is|are)\s+(?:\w+\s+)?$", re.I)
_PHRASAL_UP = frozenset(w.lower() for w in _CUES["phrasal_up_verbs"])
_COMPARATOR_BEFORE = re.compile(
    "(?:" + "|".join(rf"(?P<c{i}>\b(?:{_alternation(words)}))" for i, words in
                     enumerate(_CUES["comparators"].values())) + r")\s*$", re.I)
_COMPARATOR_CODES = list(_CUES["comparators"])
_COMPARATOR_AFTER = re.compile(
    r"\s*(?:" + "|".join(rf"(?P<c{i}>{_alternation(words)})" for i, words in
                         enumerate(_CUES["comparator_suffixes"].values())) + r")\b", re.I)
_COMPARATOR_AFTER_CODES = list(_CUES["comparator_suffixes"])
_CHANGE_CUE = re.compile(rf"\b(?:(?P<inc>{_words('increase_cues')})|(?P<dec>{_words('decrease_cues')}))\b", re.I)
_CHANGE_GAP = re.compile(r"(?:\s+(?!to\b|from\b)[\w’'&-]+){0,6}?\s*$"
                         r"|(?:\s+(?!to\b|from\b)[\w’'&-]+){0,10}?\s+by(?:\s+[\w.]+){0,2}?\s*$", re.I)
_CHANGE_AFTER = re.compile(
    rf"\s*(?:(?:{_words('change_suffixes')})\s*)?(?:(?P<inc>increase|growth|rise|gain|higher than|more than)"
    rf"|(?P<dec>decrease|decline|drop|fall|reduction|lower than|less than))?\b", re.I)
_CHANGE_SUFFIX = re.compile(rf"\s*(?:{_words('change_suffixes')})\b", re.I)
_NOT_PER_YEAR = r"(?!\s+(?:earlier|ago|before|later|after|on\s+year|over\s+year)|-on-year|-over-year)"
_ANNUAL_BEFORE = re.compile(rf"\b(?:{_words('annual_cues')})\b{_NOT_PER_YEAR}", re.I)
_ITEM = re.compile(r"[ \t]*(?:[-•*·▪◦]|\(?\d{1,3}[.)、]|\(\d{1,3}\)|[a-z][.)]|[IVXLC]{1,6}\.)\s")
_CONJUNCTION = re.compile(r"\b(?:and|or|but|while|which|that|whereas)\b", re.I)
_COORDINATED = re.compile(r"[^;:,.()]*?(?:,|\band)\s*$")
_ANNUAL_AFTER = re.compile(rf"\b(?:annually|a year|each year|every year|per year|per annum|yearly)\b{_NOT_PER_YEAR}",
                           re.I)
_RELATIVE = re.compile(rf"\b(?P<rel>{_alternation(_CUES['relative_years'])})\b", re.I)
_RELATIVE_YEARS = {re.sub(r"\s+", " ", k.lower()): v for k, v in _CUES["relative_years"].items()}
_NEXT_YEARS = re.compile(
    rf"\b(?:in|over|within|during)\s+(?:the\s+)?(?:next|coming|following)?\s*(?P<n>\d{{1,2}}|{_NUM_WORD})\s+years?\b",
    re.I)
_YEAR_EXPR = re.compile(
    rf"""(?P<prep>\b(?:by\s+the\s+end\s+of|by\s+end[-\s]|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of|as\s+of|
    compared\s+(?:to|with)|relative\s+to|(?:than\s+|over\s+)?that\s+(?:of|in)|than|since|from|by|in|for|to|until|till|
    through|before|during|against)\s+)?
    (?:the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+)?
    (?:FY\s?(?P<fy1>{_YEAR})\s?[-–/]\s?(?P<fy2>\d{{2,4}})|[1-4][HQ](?P<half>{_YEAR})|[HQ][1-4]\s(?P<half2>{_YEAR})
    |(?P<year>{_YEAR}))(?![\w-]|[-–]\d|/\d)""",
    re.VERBOSE | re.I,
)
_MONTH_DAY = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)\s+\d{1,2}\b(?!,?\s*\d{4})")
_ANY_YEAR = re.compile(_YEAR)  # what every pattern about years below must match somewhere
_YEAR_TOKEN = rf"(?:FY\s?{_YEAR}\s?[-–/]\s?\d{{2,4}}|[1-4][HQ]{_YEAR}|{_YEAR})\b"
_SINCE = re.compile(rf"\bsince\b[^,;.]{{0,40}}?\b{_YEAR_TOKEN}", re.I)
_FROM_IN = re.compile(rf"\bfrom\b(?:[^,;]|,\d){{0,60}}?\b(?:in|for)\s+{_YEAR_TOKEN}", re.I)
_ORIGIN = re.compile(rf"\b(?:{_words('origin_verbs')})\s+(?:in|since)\s+{_YEAR_TOKEN}", re.I)
_BASELINE_PREPS = frozenset(("since", "from", "compared to", "compared with", "relative to", "than", "against"))
_FROM_YEAR_TO = re.compile(rf"\b(?:from|between)\s+(?P<a>{_YEAR})\s+(?:to|and|through|until)\s+(?P<b>{_YEAR})\b", re.I)
_OPENING = re.compile(rf"^\W*(?P<prep>by|in|before|until|through)\s+(?:the\s+end\s+of\s+)?(?P<y>{_YEAR})\b"
                      rf"|^\W*(?P<rel>{_alternation(_CUES['relative_years'])})\b", re.I)
_PERIOD = re.compile(rf"[(（]\s*(?P<a>{_YEAR})\s*[-–—~至]\s*(?P<b>{_YEAR}|\d{{2}})\s*[)）]")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,\s|\s[–—]\s")
_WORD = re.compile(r"[A-Za-z][\w’'&-]*")
_STOP = frozenset(w.lower() for w in _CUES["metric_stop_words"])
_TIME_FRAME = frozenset(w.lower() for w in _CUES["time_frame_words"])
_VERBS = re.compile(rf"^(?:{_words('target_cues')}|{_words('statistic_cues')}|{_words('metric_verbs')}|"
                    rf"{_words('increase_cues')}|{_words('decrease_cues')})$", re.I)


@lru_cache(maxsize=8192)
def _is_verb(word: str) -> bool:
    """Whether a word is one of the cue or metric verbs; cached, as _VERBS tries some 300
    alternatives and the same words come back in every sentence."""
    return _VERBS.match(word) is not None


_DEFINITE_TYPES = {w.lower(): t for t, words in _CUES["definite_descriptions"].items() for w in words}
_DEFINITE = re.compile(rf"\b(?:the|this|that)\s+({_alternation(_DEFINITE_TYPES)})\b", re.I)
_TRAILING_LINK = re.compile(r"(?:\s+(?:from|of|in|at|by|for|the))+\s*$", re.I)
_VERB_METRICS = {k.lower(): v for k, v in _CUES["verb_metrics"].items()}
_TITLE_WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Za-z]+)*")
_SUBJECT_TYPES = ("place", "cluster", "park", "company", "programme", "platform", "institution")
_NAME_TYPES = ("company", "programme", "institution", "platform", "government")
_LOOKBACK = 6  # sentences a past-tense sentence may look back for the year it is about
_DIGIT = re.compile(r"\d")
_CONTEXT_CHARS = 1500  # how much of a document's opening may state its plan period


@dataclass(slots=True)
class _YearMention:
    start: int
    end: int
    year: int
    prep: str
    baseline: bool


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    cues: list[tuple[int, int, str]] = field(default_factory=list)
    years: list[_YearMention] = field(default_factory=list)
    relative: int | None = None
    next_years: int | None = None
    from_year: int | None = None
    month_day: bool = False
    past: bool = False
    present: bool = False
    index: int = 0

    def time(self) -> int | None:
        """The year this sentence is about, for sentences after it that do not say."""
        own = [y.year for y in self.years if not y.baseline]
        return max(own) if own else self.relative

def find_quantities(document: Document, index: TextIndex, entities: list[Entity]) -> list[Quantity]:
    text = document.text or ""
    if not text.strip():
        return []
    return _Reader(document, index, entities).read_all()


class _Reader:
    """One document's context: soft sentences and paragraphs, its year, its plan period, its entities."""

    def __init__(self, document: Document, index: TextIndex, entities: list[Entity]):
        self.text = document.text
        self.pub = _year_of(document.published)
        self.sentences = _soften(self.text, index.sentences)
        self.paragraphs = _soften(self.text, index.paragraphs)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.period_end = _plan_period(document.title or "", self.text[:_CONTEXT_CHARS])
        self.is_plan = document.source_type == "government" or bool(_PLAN_TITLE.search(document.title or ""))
        self.cache: dict[int, _Sentence] = {}
        self.mentions = sorted((s, e, ent.name, ent.type) for ent in entities for s, e in ent.mentions)
        # Sorted starts and the longest mention let each lookup bisect instead of scanning every mention.
        self.mention_starts = [m[0] for m in self.mentions]
        self.mention_reach = max((e - s for s, e, _, _ in self.mentions), default=0)
        self.mentions_by_type: dict[str, list[tuple[int, int, str, str]]] = {}
        for m in self.mentions:
            self.mentions_by_type.setdefault(m[3], []).append(m)
        self.main_subject = _main_subject(entities, document.title)

    def read_all(self) -> list[Quantity]:
        out: list[Quantity] = []
        amounts = [a for a in find_amounts(self.text) if not self._skip(a)]
        last_kind: dict[int, str] = {}
        deadline_in_paragraph: dict[int, int | str] = {}
        document_deadline = None
        previous: Quantity | None = None
        for i, a in enumerate(amounts):
            s = self._sentence(a.start)
            para = self._paragraph_key(a.start)
            prev_end = max(amounts[i - 1].end, s.start) if i else s.start
            next_start = amounts[i + 1].start if i + 1 < len(amounts) else s.end
            kind = self._kind(a, s) or self._earlier_kind(s, a.start) or last_kind.get(para, "statistic")
            last_kind[para] = kind
            comparator, start = self._comparator(a, prev_end)
            change = self._change(a, s, prev_end, next_start)
            q = Quantity(kind=kind, text=self.text[start:a.end], start=start, end=a.end, value=a.value,
                         unit=a.unit, value_max=a.value_max, comparator=comparator, change=change,
                         alternatives=list(a.alternatives))
            q.annual = self._annual(a, s, prev_end, next_start, previous)
            q.metric = self._metric(a, s, prev_end)
            q.subject = self._subject(a, s)
            q.metric = _without_subject(q.metric, q.subject)
            q.baseline = self._baseline(a, s) if change or a.unit == "times" else None
            if kind == "target":
                deadline = self._deadline(a, s, para)
                if deadline is not None:
                    deadline_in_paragraph[para] = deadline
                    if self.is_plan or _OPENING.match(self.text, s.start, s.end):
                        document_deadline = deadline
                else:
                    deadline = deadline_in_paragraph.get(para) or self.period_end or document_deadline
                q.deadline = deadline
            else:
                q.as_of, context = self._as_of(a, s, para)
                if context is not None and change and q.baseline is None:
                    q.baseline = self._baseline(a, context)
            out.append(q)
            previous = q
        return out

    # -- which amounts are quantities -------------------------------------------------------
    def _skip(self, a: Amount) -> bool:
        if a.unit in DURATION_UNITS and a.unit in ("year", "month", "week"):
            prev = _previous_word(self.text, a.start)
            if prev in _TIME_FRAME:
                return True  # "over the next three years" frames a figure; it is not one
        for s, e, _, etype in self._mentions_near(a.start):
            if s <= a.start and a.end <= e and etype in _NAME_TYPES:
                return True  # a number inside a name
        return False

    # -- sentence analysis --------------------------------------------------------------------
    def _sentence(self, pos: int) -> _Sentence:
        return self._sentence_at(bisect_right(self.sentence_starts, pos) - 1)

    def _sentence_at(self, i: int) -> _Sentence:
        start, end = self.sentences[i] if i >= 0 else (0, len(self.text))
        cached = self.cache.get(start)
        if cached is None:
            cached = self.cache[start] = self._analyse(start, end)
            cached.index = i
        return cached

    def _analyse(self, start: int, end: int) -> _Sentence:
        text = self.text
        s = _Sentence(start, end)
        last_target = -1
        for m in _CUE.finditer(text, start, end):
            if m.group("t"):
                last_target = m.end()
            elif last_target >= 0 and _MODAL_GAP.match(text[last_target:m.start()]):
                continue  # "will be increased", "should have reached": the modal governs the participle
            s.cues.append((m.start(), m.end(), "target" if m.group("t") else "statistic"))
        # Every pattern about years holds a year; most sentences hold none and skip them all.
        has_year = _ANY_YEAR.search(text, start, end) is not None
        baseline_ends = {m.end() for r in (_SINCE, _FROM_IN, _ORIGIN) if has_year for m in r.finditer(text, start, end)}
        for m in _FROM_YEAR_TO.finditer(text, start, end) if has_year else ():
            baseline_ends.add(m.end("a"))
            s.from_year = int(m.group("a"))
        for m in _YEAR_EXPR.finditer(text, start, end) if has_year else ():
            year = _expr_year(m)
            prep = re.sub(r"\s+", " ", (m.group("prep") or "").strip().lower())
            is_base = prep in _BASELINE_PREPS or "that of" in prep or "that in" in prep or m.end() in baseline_ends
            s.years.append(_YearMention(m.start(), m.end(), year, prep, is_base))
            cue = self._year_cue(year, prep, is_base)
            if cue:
                s.cues.append((m.start(), m.end(), cue))
        rel = _RELATIVE.search(text, start, end)
        if rel and self.pub is not None:
            s.relative = self.pub + _RELATIVE_YEARS[re.sub(r"\s+", " ", rel.group("rel").lower())]
        nxt = _NEXT_YEARS.search(text, start, end)
        if nxt and self.pub is not None:
            n = nxt.group("n")
            s.next_years = self.pub + int(n if n.isdigit() else NUMBER_WORDS.get(n.lower(), 0))
            s.cues.append((nxt.start(), nxt.end(), "target"))
        s.cues.sort()
        s.month_day = bool(_MONTH_DAY.search(text, start, end))
        s.present = bool(_PRESENT.search(text, start, end))
        s.past = any(not _PERFECT.search(text, max(start, m.start() - 25), m.start())
                     for m in _PAST.finditer(text, start, end))
        return s

    def _year_cue(self, year: int, prep: str, baseline: bool) -> str | None:
        if baseline or prep == "since":
            return "statistic" if prep == "since" else None
        if self.pub is None:
            return "target" if prep.startswith("by") else None
        if year < self.pub:
            return "statistic"
        if year > self.pub:
            return "target"
        return None

    def _paragraph_key(self, pos: int) -> int:
        i = bisect_right(self.paragraph_starts, pos) - 1
        if i < 0:
            return 0
        while self._continues(i):
            i -= 1
        return self.paragraphs[i][0]

    def _continues(self, i: int) -> bool:
        """Whether paragraph i carries on the one before: an introduction ending in a colon governs
        what follows, and items of one numbered or bulleted list share their context."""
        if i <= 0:
            return False
        p0, p1 = self.paragraphs[i - 1]
        return self.text[p1 - 1] == ":" or bool(_ITEM.match(self.text, self.paragraphs[i][0])
                                                 and _ITEM.match(self.text, p0))

    def _context_start(self, pos: int) -> int:
        """Where the discourse a sentence continues begins: its paragraph, or for an item of a list
        introduced by a colon, the paragraph before the introduction."""
        i = bisect_right(self.paragraph_starts, pos) - 1
        if i < 0:
            return 0
        chained = False
        while self._continues(i):
            i -= 1
            chained = True
        return self.paragraphs[i - 1 if chained and i > 0 else i][0]

    def _paragraph(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.paragraph_starts, pos) - 1
        return self.paragraphs[i] if i >= 0 else (0, len(self.text))

    # -- attributes -----------------------------------------------------------------------------
    def _kind(self, a: Amount, s: _Sentence) -> str | None:
        """The kind of the nearest cue: one right after the amount ("412 applications approved"),
        else the nearest before it, else any after it; None when the sentence says nothing."""
        before = after = adjacent = None
        for cs, ce, kind in s.cues:
            if ce <= a.start:
                before = kind
            elif cs >= a.end:
                gap = self.text[a.end:cs]
                if adjacent is None and after is None and len(gap.split()) <= 3 and not _CLAUSE_BREAK.search(gap) \
                        and not _CONJUNCTION.search(gap):
                    adjacent = kind
                if after is None:
                    after = kind
        return adjacent or before or after

    def _earlier_kind(self, s: _Sentence, pos: int) -> str | None:
        """A sentence that says nothing of its own continues the last one that did, within its discourse
        ("The plan sets out these goals: …", then the items)."""
        first = bisect_right(self.sentence_starts, self._context_start(pos)) - 1
        for i in range(s.index - 1, max(first - 1, s.index - 1 - _LOOKBACK), -1):
            cues = self._sentence_at(i).cues
            if cues:
                return cues[-1][2]
        return None

    def _comparator(self, a: Amount, prev_end: int) -> tuple[str, int]:
        lo = max(prev_end, a.start - 40)
        m = _COMPARATOR_BEFORE.search(self.text, lo, a.start)
        after = _COMPARATOR_AFTER.match(self.text, a.end)
        if a.comparator:
            code = a.comparator
        elif after:
            code = _COMPARATOR_AFTER_CODES[int(after.lastgroup[1:])]
        elif m:
            code = _COMPARATOR_CODES[int(m.lastgroup[1:])]
        else:
            code = "="
        start = m.start() if m else a.start
        if m and not self.text[m.start():a.start].strip():
            start = a.start
        return code, start

    def _change(self, a: Amount, s: _Sentence, prev_end: int, next_start: int) -> str | None:
        if a.unit == "rank":
            return None
        lo = max(prev_end, a.start - 80)
        window = self.text[lo:a.start]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        if breaks:
            window = window[breaks[-1].end():]
        cues = [m for m in _CHANGE_CUE.finditer(window)
                if not (m.group().lower() == "up" and _previous_word(window, m.start()) in _PHRASAL_UP)]
        if cues and _CHANGE_GAP.match(window, cues[-1].end()):
            return "increase" if cues[-1].group("inc") else "decrease"
        tail = self.text[a.end:min(next_start, s.end, a.end + 40)]
        after = _CHANGE_AFTER.match(tail)
        if after and (after.group("inc") or after.group("dec")):
            if after.group("inc") and after.group("inc").lower() == "more than" and a.unit == "count":
                return None
            return "increase" if after.group("inc") else "decrease"
        if _CHANGE_SUFFIX.match(tail):
            return "increase"
        return None

    def _annual(self, a: Amount, s: _Sentence, prev_end: int, next_start: int, previous: Quantity | None) -> bool:
        window = self.text[max(prev_end, a.start - 60):a.start]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        if _ANNUAL_BEFORE.search(window, breaks[-1].end() if breaks else 0):
            return True
        if previous is not None and previous.annual and previous.end >= s.start \
                and _COORDINATED.match(self.text, previous.end, a.start):
            return True  # "an annual output of 30 million sets and 150,000 tons"
        tail = self.text[a.end:min(next_start, s.end)]
        brk = re.search(r"[,;:]", tail)
        if brk:
            tail = tail[:brk.start()]
        return bool(_ANNUAL_AFTER.search(tail))

    def _metric(self, a: Amount, s: _Sentence, prev_end: int) -> str | None:
        if a.unit == "count":
            words = []
            for m in _WORD.finditer(self.text, a.end, min(s.end, a.end + 80)):
                gap = self.text[(words[-1][1] if words else a.end):m.start()]
                word = m.group().lower()
                if any(c in gap for c in ",;:.()") or len(words) >= 6 or (
                        word in _STOP and not (word == "of" and words and words[-1][0].lower() not in _STOP)):
                    break
                words.append((m.group(), m.end()))
            if words:
                return " ".join(w for w, _ in words)
        lo = max(prev_end, s.start)
        window = self.text[lo:a.start]
        cut = list(_CLAUSE_BREAK.finditer(window))
        if cut:
            window = window[cut[-1].end():]
        conj = list(_CONJUNCTION.finditer(window))
        if conj and _WORD.search(window, conj[-1].end()):
            window = window[conj[-1].end():]
        words = _WORD.findall(window)
        verb = max((i for i, w in enumerate(words) if _is_verb(w)), default=None)
        if verb is not None:
            tail = words[verb + 1:]
            content = [w for w in tail if w.lower() not in _STOP and not _is_verb(w)
                       and not _COMPARATOR_BEFORE.search(w)]
            if not content and (noun := _VERB_METRICS.get(words[verb].lower())):
                return noun  # "the cluster exported RMB 13.4 billion": the verb names the measure, not its subject
            words = tail if content else words[:verb]
            words = [w for w in words if not _is_verb(w)]
        while words and (words[-1].lower() in _STOP or _COMPARATOR_BEFORE.search(words[-1])):
            words.pop()
        while words and words[0].lower() in _STOP:
            words.pop(0)
        return " ".join(words[-8:]) or None

    def _subject(self, a: Amount, s: _Sentence) -> str | None:
        best = None
        outer = (-1, -1)  # the last subject taken: a place inside its name ("Weifang-Linyi … cluster") is not another
        for start, end, name, etype in self._mentions_between(s.start, s.end):
            if etype not in _SUBJECT_TYPES or (start <= a.start and a.end <= end):
                continue
            if outer[0] <= start and end <= outer[1]:
                continue
            if end <= a.start:
                best, outer = name, (start, end)
            elif best is None:
                best = name
                break
        if best is None or (outer[1] <= s.start):
            referred = self._referred(s.start, a.start)
            if referred:
                return referred
        if best is None:
            p0, p1 = self._paragraph(a.start)
            for start, end, name, etype in self._mentions_between(p0, p1):
                if etype in _SUBJECT_TYPES:
                    best = name
                    if end > a.start:
                        break
        return best or self.main_subject

    def _referred(self, start: int, end: int) -> str | None:
        """"The cluster aims for exports of …": a definite description before the figure refers to the
        last entity of its kind named earlier in the document."""
        found = None
        for m in _DEFINITE.finditer(self.text, start, end):
            found = m
        if found is None:
            return None
        etype = _DEFINITE_TYPES[found.group(1).lower()]
        same_type = self.mentions_by_type.get(etype, [])
        for i in range(bisect_left(same_type, (found.start() + 1,)) - 1, -1, -1):
            if same_type[i][1] <= found.start():
                return same_type[i][2]
        return None

    def _deadline(self, a: Amount, s: _Sentence, para: int) -> int | str | None:
        by_years = [y for y in s.years if not y.baseline and y.prep.startswith(("by", "before", "until", "till",
                                                                                 "end of", "the end of"))]
        if self.pub is None:
            future = [y for y in s.years if not y.baseline and y.prep in ("in", "for", "through")] if not by_years \
                else []
        else:
            future = [y for y in s.years if not y.baseline and y.year >= self.pub]
        candidates = by_years or future
        if candidates:
            return min(candidates, key=lambda y: abs(y.start - a.start)).year
        if s.next_years is not None:
            return s.next_years
        if s.relative is not None and s.relative >= (self.pub or 0):
            return s.relative
        p0, p1 = self._paragraph(para)
        opening = _OPENING.match(self.text, p0, p1)
        if opening:
            if opening.group("y"):
                return int(opening.group("y"))
            if self.pub is not None:
                return self.pub + _RELATIVE_YEARS[re.sub(r"\s+", " ", opening.group("rel").lower())]
        return None

    def _as_of(self, a: Amount, s: _Sentence, para: int) -> tuple[int | str | None, _Sentence | None]:
        """The year a statistic describes, and the earlier sentence it was taken from, if any."""
        text = self.text
        after = [y for y in s.years if y.start >= a.end and (not y.baseline or y.prep in ("in", "for"))
                 and not _DIGIT.search(text, a.end, y.start) and y.start - a.end <= 60]
        if after:
            return after[0].year, None
        from_value = _previous_word(text, a.start) == "from"
        if from_value:
            bases = [y.year for y in s.years if y.baseline]
            if bases or s.from_year:
                return s.from_year or min(bases), None
        before = [y for y in s.years if y.end <= a.start and not y.baseline and not _DIGIT.search(text, y.end, a.start)
                  and (not _CLAUSE_BREAK.search(text, y.end, a.start) or not text[s.start:y.start].strip(" \"“‘"))]
        if before:
            return before[-1].year, None
        own = s.time()
        if own is not None:
            return own, None
        if s.present:
            return None, None  # "today", "currently": the figure is of the present
        p0, p1 = self._paragraph(para)
        opening = _OPENING.match(text, p0, p1)
        if opening and opening.group("y") and opening.group("prep").lower() == "in":
            return int(opening.group("y")), None
        if s.month_day and self.pub is not None:
            return self.pub, None
        if s.past and not s.present:
            first = bisect_right(self.sentence_starts, self._context_start(a.start)) - 1
            for i in range(s.index - 1, max(first - 1, s.index - 1 - _LOOKBACK), -1):
                earlier = self._sentence_at(i)
                year = earlier.time()
                if year is None and earlier.month_day and self.pub is not None:
                    year = self.pub
                if year is not None:
                    return year, earlier
        return None, None

    def _baseline(self, a: Amount, s: _Sentence) -> int | None:
        bases = [y for y in s.years if y.baseline and y.prep != "since" or (y.baseline and a.unit != "count")]
        if not bases:
            return s.from_year
        after = [y for y in bases if y.start >= a.end]
        return (after[0] if after else bases[-1]).year

    # -- helpers --------------------------------------------------------------------------------
    def _mentions_near(self, pos: int):
        """The mentions covering ``pos``: only those starting within the longest mention's reach of it."""
        first = bisect_right(self.mention_starts, pos - self.mention_reach)
        last = bisect_right(self.mention_starts, pos)
        return [m for m in self.mentions[first:last] if pos < m[1]]

    def _mentions_between(self, lo: int, hi: int):
        """The mentions inside [lo, hi), found by bisection on their starts."""
        first = bisect_left(self.mention_starts, lo)
        last = bisect_right(self.mention_starts, hi)
        return [m for m in self.mentions[first:last] if m[1] <= hi]


def _year_of(published: str | None) -> int | None:
    m = re.match(r"\s*(\d{4})", published or "")
    return int(m.group(1)) if m else None


def _expr_year(m: re.Match) -> int:
    if m.group("fy1"):
        end = m.group("fy2")
        return int(end) if len(end) == 4 else int(m.group("fy1")[:2] + end)
    return int(m.group("half") or m.group("half2") or m.group("year"))


def _plan_period(title: str, opening: str) -> int | None:
    for source in (title, opening):
        m = _PERIOD.search(source)
        if m:
            end = m.group("b")
            return int(end) if len(end) == 4 else int(m.group("a")[:2] + end)
    return None


def _soften(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spans that a hard line wrap split mid-sentence: the first does not end a sentence and
    the next goes on in lower case."""
    out: list[list[int]] = []
    for start, end in spans:
        if out:
            prev_end = out[-1][1]
            last = text[prev_end - 1]
            first = text[start]
            if "\n" in text[prev_end:start] and last not in ".!?:;\"”’)" and (first.islower() or first.isdigit()):
                out[-1][1] = end
                continue
        out.append([start, end])
    return [(s, e) for s, e in out]


def _previous_word(text: str, pos: int) -> str:
    m = re.search(r"([\w’'-]+)\W*$", text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _without_subject(metric: str | None, subject: str | None) -> str | None:
    """"Exports from the X cluster" with subject "X cluster" measures "Exports"."""
    if not metric or not subject or subject not in metric:
        return metric
    head = _TRAILING_LINK.sub("", metric[:metric.index(subject)]).strip()
    return head or metric


def _main_subject(entities: list[Entity], title: str | None) -> str | None:
    """What a figure belongs to when neither its sentence nor its paragraph says: the place the headline
    names ("Shandong … Plan Ends with Most Targets Met"), else the most mentioned subject."""
    if title and (place := _title_place(title)):
        return place
    ranked = sorted((e for e in entities if e.type in _SUBJECT_TYPES and e.mentions),
                    key=lambda e: (-len(e.mentions), min(s for s, _ in e.mentions)))
    return ranked[0].name if ranked else None


def _title_place(title: str) -> str | None:
    """The first unambiguous place a headline names (one or two capitalised words, or a Chinese name)."""
    gazetteer = load_gazetteer()
    words = [m for m in _TITLE_WORD.finditer(title)]
    for i, m in enumerate(words):
        candidates = [m.group()] + ([f"{m.group()} {words[i + 1].group()}"] if i + 1 < len(words) else [])
        for name in reversed(candidates):
            places = [p for p in gazetteer.lookup(name) if getattr(p, "support", None) is None]
            if len(places) == 1:
                return places[0].name
    return None
