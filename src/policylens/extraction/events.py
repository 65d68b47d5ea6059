"""Events in English policy and news text: what was issued, approved, launched, set up, built,
invested in or achieved, by whom and when.

An event is something that happened or was decided at a time.  Most verbs in a
plan state targets ("will build"), and much of a news story describes
("Qingdao hosts 31 champions"), so a trigger word is only where the reading
starts.  The words before it decide whether the clause reports it
("was/has/past tense"), plans it ("will", "to"), describes it ("is/are"),
negates it, or uses it as an adjective ("the approved list"); a number in what
was built or set up turns the clause into a tally ("has built seven
factories"), which is a statistic for the quantity stage, not an event.

The document is scanned once with one compiled pattern of every trigger form
(data/event_triggers.yaml); only the sentences it hits are read further.
Headlines are skipped because they restate the body in the present tense, and
hard-wrapped text (a line break every 80 characters) is read as whole
sentences so a date at the start of a sentence reaches its verb.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cache

from policylens import vocab
from policylens.extraction.dates import MONTH_DAY, DateMention, find_dates, iter_dates
from policylens.extraction.numbers import CURRENCIES, find_amounts
from policylens.extraction.text import TextIndex
from policylens.model import Document, Entity, Event

_REALIS, _IRREALIS, _DROP = "realis", "irrealis", "drop"
_YEAR_WORD = re.compile(r"\b(?:1[89]|20)\d\d")

_TOKEN = re.compile(r"[A-Za-z][\w'’]*|\d(?:[\d,.]*\d)?|[,;]")
_TERMINAL = ".!?;:。！？…"
_CLOSERS = "\"”’')]"
# The most words of a fact box's label ("Expected direct jobs", "Total approved investment").
_LABEL_WORDS = 5
_BULLET = re.compile(r"[-•*·▪●◦]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|[IVX]+\.\s")
_BOUNDARY = re.compile(
    r";|:\s|\s[-–—]{1,2}\s|,\s+(?=(?:with|which|while|whereas|but|after|before|when|according|so|"
    r"thus|thereby|as\s+well\s+as)\b)|,\s+(?!including\b)(?=[a-z]+ing\b)|\s(?=(?:after|while|whereas)\s)"
)
# A participle's noun phrase, then a modal: the participle describes the subject of that modal ("approved fab and
# packaging projects can get fiscal support").
_NOUN_THEN_MODAL = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,4}?(?:can|may|will|must|shall|could|would|should)\s")
_COORDINATION = re.compile(r",?\s+(?:and|as\s+well\s+as|while)\s+|,\s+")
_OBJECT_STOP = re.compile(
    r"\s+(?:at|on|during|after|before|with|through|under|via|in\s+order|so\s+as|which|who|when|while|"
    r"as\s+part\s+of|to\s+(?:support|promote|help|boost|build|further)|according\s+to|took\s+place|"
    r"(?:was|were)\s+held)\b|\s+and\s+(?=(?:is|are|was|were|has|have|had|will|shall)\b)|[,:](?=\s)|[;(]|"
    r"\s[-–—]\s"
)
_PARENS = re.compile(r"\([^()]*\)")
# Between two verbs of one event: "completed and put into production", "was built and has been commissioned".
_VERB_PAIR = re.compile(r"\s*,?\s+(?:and|or)\s+(?:(?:has|have|had|was|were|been|be|also|then|officially)\s+)*")
_CEREMONY = re.compile(r"\s+ceremon(?:y|ies)(?:\s+(?:for|of|to\s+mark))?\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# A trigger followed by none of its own object: its subject is what was built or approved.
_NO_OBJECT = re.compile(
    r"\s*(?:$|[,.;:)]|(?:in|at|on|by|to|as|across|during|for|from|with|into|under|over|since|"
    r"last|this|ahead|\w+ly)\b)",
    re.IGNORECASE,
)
_RULE = re.compile(r"\b(?:must|shall|should|will|may|can|are\s+required\s+to|are\s+eligible)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# What a verb with no object of its own was done for: "broke ground on the new park", "for a plant".
_WORKS_FOR = re.compile(r"(?:on|for)\s+(.+)", re.IGNORECASE | re.DOTALL)
_LEADING = re.compile(r"^(?:(?:the|a|an|its|their|his|her|our)\s+)", re.IGNORECASE)
_COUNT = re.compile(
    r"^(?:(?:with|and|more\s+than|over|nearly|almost|about|around|approximately|some|another|a\s+total\s+of|"
    r"up\s+to|at\s+least|no\s+less\s+than|all|the)\s+)*"
    # a number, but not the year in a name ("the 2024 World Intelligence Expo")
    r"(?:(?!(?:19|20)\d\d\s+(?-i:[A-Z]))\d[\d,.]*(?:\s|$)"
    # a size before one thing is no count: "its 2 GW module line" (but "2 GW of capacity" is)
    r"(?!(?:GW|MW|GWh|MWh|TWh|kW|gigawatts?|megawatts?|tonnes?|tons?|mu|hectares?)[\s-]+(?!of\b))|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds|thousands|several|a\s+dozen)\b)",
    re.IGNORECASE,
)
_PRONOUNS = frozenset(["it", "they", "we", "he", "she", "this", "these", "those", "which", "who", "its", "their"])
_LAST_PREPOSITION = re.compile(r"\s(?:in|as|among|for|into|on|at)$")
_PREPOSITIONS_AFTER = frozenset(
    ["as", "to", "up", "out", "by", "in", "into", "on", "at", "for", "among", "across", "from", "with", "and"]
)


@dataclass(frozen=True, slots=True)
class _Form:
    type: str | None
    lemma: str
    past: bool
    base: bool
    nominal: bool = False
    ing: bool = False
    report: bool = False
    count_is_statistic: bool = True
    by_object: tuple[tuple[str, re.Pattern], ...] = ()
    by_head: tuple[tuple[str, frozenset[str]], ...] = ()
    only_by_object: bool = False
    unless_object: re.Pattern | None = None
    milestone: bool = False
    commitment: bool = False


@dataclass(slots=True)
class _Lexicon:
    forms: dict[str, _Form]
    pattern: re.Pattern  # over lowercased text: matching without re.I is twice as fast
    pattern_any_case: re.Pattern  # for the rare text whose lowercase changes length
    light_verbs: frozenset[str]
    held: re.Pattern
    habitual: re.Pattern
    intentions: re.Pattern
    same_occasion: re.Pattern
    same_ceremony: re.Pattern
    cited_source: re.Pattern  # "in a report", "according to a study": a document cited as the source, before its verb
    investment_context: re.Pattern  # "with the state government", "at the Investor Summit": a memorandum as a pledge
    ceremony_types: frozenset[str]
    modals: frozenset[str]
    negations: frozenset[str]
    conditionals: frozenset[str]
    present: frozenset[str]
    past: frozenset[str]
    adjectival: frozenset[str]
    adverbs: frozenset[str]
    subordinators: frozenset[str]
    predicate_after: re.Pattern  # a place or time phrase, then the sentence's own verb
    copular_ranking: re.Pattern  # "is the world's second-largest": its copula is the trigger
    ranking_form: _Form
    # The superlatives, written as plain words, one of which every copular ranking holds: a text with none is
    # not scanned for the copulas (most hold none).
    ranking_words: tuple[str, ...]


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    form: _Form
    status: str = _REALIS
    content: _Hit | None = None
    noun: bool = False
    aside: bool = False  # a participle between commas that describes the noun before it


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    paragraph: int  # where the unit's paragraph starts
    hits: list[_Hit] = field(default_factory=list)
    dates: list[DateMention] | None = None  # read only when a trigger in the unit survives


def _phrase(form: str) -> str:
    return r"\s+".join(re.escape(w) for w in form.split())


def _trie_pattern(phrases) -> str:
    """One alternation of many phrases, factored by shared prefixes: the regex engine then reads
    each character once instead of trying two hundred alternatives at every position."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _words(phrases) -> re.Pattern:
    """Any of the phrases as whole words ('^' ties one to the start); 'such as' never counts as 'as'."""
    alternatives = [("^" if p.startswith("^") else "") + _phrase(p.lstrip("^")) for p in phrases]
    return re.compile(r"(?<![\w-])(?<!such )(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


def _heads(entry: dict | None) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((t, frozenset(_norm(w) for w in words)) for t, words in (entry or {}).items())


@cache
def _lexicon() -> _Lexicon:
    data = vocab.load("policylens.extraction", "event_triggers.yaml")
    forms: dict[str, _Form] = {}
    tallies = set(data["tally_types"])
    for etype, lemmas in data["verbs"].items():
        for lemma, entry in lemmas.items():
            by_object = tuple((t, _words(words)) for t, words in (entry.get("by_object") or {}).items())
            by_head = _heads(entry.get("by_head"))
            unless = entry.get("unless_object")
            common = {
                "type": etype,
                "lemma": lemma,
                "report": bool(entry.get("report")),
                "count_is_statistic": entry.get("count_is_statistic", etype in tallies),
                "by_object": by_object,
                "by_head": by_head,
                "only_by_object": bool(entry.get("only_by_object")),
                "unless_object": _words(unless) if unless else None,
                "milestone": bool(entry.get("milestone")),
                "commitment": bool(entry.get("commitment")),
            }
            past, base = {_norm(f) for f in entry.get("past", ())}, {_norm(f) for f in entry.get("base", ())}
            ing = {_norm(f) for f in entry.get("ing", ())}
            for f in past | base | ing:
                forms[f] = _Form(past=f in past or f in ing, base=f in base, ing=f in ing, **common)
    for etype, nouns in data["nominals"].items():
        for noun in nouns:
            key = _norm(noun)
            by_head = _heads(data["nominal_by_head"].get(key))
            if key in forms:
                forms[key] = replace(forms[key], nominal=True, by_head=forms[key].by_head or by_head)
            else:
                forms[key] = _Form(
                    etype,
                    noun,
                    past=False,
                    base=False,
                    nominal=True,
                    count_is_statistic=etype in tallies,
                    by_head=by_head,
                )
    source = r"(?<![\w-])" + _trie_pattern(forms) + r"(?![\w-])"
    pattern, pattern_any_case = re.compile(source), re.compile(source, re.IGNORECASE)
    held, habitual, intentions = _words(data["held"]), _words(data["habitual"]), _words(data["intentions"])
    same_occasion = _words(data["same_occasion"])
    same_ceremony = _words(data["same_ceremony"]["phrases"])
    cited = data["cited_sources"]
    cited_source = re.compile(
        r"\b(?:in|according\s+to)\s+(?:a|an|the|its|their|his|her|this|that)\s+(?:[a-z-]+\s+){0,2}?(?:"
        + "|".join(re.escape(w) for w in cited)
        + r")\s+$",
        re.IGNORECASE,
    )
    words = {
        k: frozenset(_norm(w) for w in data[k])
        for k in (
            "light_verbs",
            "modals",
            "negations",
            "conditionals",
            "present_auxiliaries",
            "past_auxiliaries",
            "adjectival_before",
            "adverbs",
            "subordinators",
        )
    }
    ranking = data["copular_ranking"]
    copular_ranking = re.compile(
        r"(?<![\w-])(?:" + "|".join(ranking["copulas"]) + r")(?=\s+(?:(?:now|still|also|already)\s+)?(?:the\s+)?"
        r"(?:world|country|nation|region|state|province|city|continent|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+"
        r"(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))[-\s])?"
        r"(?:" + "|".join(ranking["superlatives"]) + r")\b)"
    )
    ranking_form = _Form("achievement", "rank as", past=True, base=False, count_is_statistic=False)
    return _Lexicon(
        forms,
        pattern,
        pattern_any_case,
        words["light_verbs"],
        held,
        habitual,
        intentions,
        same_occasion,
        same_ceremony,
        cited_source,
        _words(data["investment_context"]),
        frozenset(data["same_ceremony"]["types"]),
        words["modals"],
        words["negations"],
        words["conditionals"],
        words["present_auxiliaries"],
        words["past_auxiliaries"],
        words["adjectival_before"],
        words["adverbs"],
        words["subordinators"],
        re.compile(
            r"(?:\s+(?:since|in|on|at|under|during|from|over|for|across|between|through|into|among|as|last|this)\s"
            r"(?:(?!\b(?:that|which|who|it|its|they|he|she|we|and|or)\b)[^,;.()]){0,60}?)?"
            r"\s+(?:" + "|".join(_phrase(p) for p in data["predicates"]) + r")\b"
        ),
        copular_ranking,
        ranking_form,
        tuple(ranking["superlatives"]),
    )


def find_events(document: Document, index: TextIndex, entities: list[Entity]) -> list[Event]:
    text = document.text or ""
    lex = _lexicon()
    lowered = text.lower()
    if len(lowered) == len(text):
        matches = list(lex.pattern.finditer(lowered))
    else:
        matches = list(lex.pattern_any_case.finditer(text))
    rankings = list(lex.copular_ranking.finditer(text)) if any(w in text for w in lex.ranking_words) else []
    if not matches and not rankings:
        return []
    units = _units(text, index)
    starts = [u.start for u in units]
    found = [(m, lex.forms[_norm(m.group())]) for m in matches] + [(m, lex.ranking_form) for m in rankings]
    for m, form in sorted(found, key=lambda pair: pair[0].start()):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= units[i].end and not _in_title_case(text, units[i], m.start()):
            units[i].hits.append(_Hit(m.start(), m.end(), form))
    reference = document.published or _dateline(text)
    mentions = [u for u in units if u.hits]
    if not mentions:
        return []
    places = sorted((s, e, ent.name) for ent in entities for s, e in ent.mentions)
    events: list[Event] = []
    for unit in mentions:
        if _direct_speech(text, unit):
            continue
        for clause_start, clause_end in _clauses(text, unit):
            hits = [h for h in unit.hits if clause_start <= h.start and h.end <= clause_end]
            if hits and not _fact_label(text, unit, clause_start, clause_end):
                events.extend(_clause_events(text, lex, hits, clause_start, clause_end, unit, places, reference))
    events = _on_the_same_occasion(text, lex, _without_restatements(events))
    return _dated_by_a_restatement(text, _dated_by_the_report(text, units[0], events, reference))


# "The decision, adopted on Monday, …": the act just reported, named again with its day.
_RESTATED = re.compile(
    r"(?:The|This)\s+(?:decision|approval|move|deal|agreement|measure|award|grant|package|resolution)\s*,\s+"
    r"(?:\w+\s+)?\w+ed\b"
)


def _dated_by_a_restatement(text: str, events: list[Event]) -> list[Event]:
    """A report's lead, dated by the report ("The European Commission has approved … support"), and the next
    event naming it again with its own day ("The decision, adopted on Monday, …") are one act, of that day."""
    out: list[Event] = []
    for event in events:
        last = out[-1] if out else None
        if (
            last is not None
            and last.approximate
            and event.date is not None
            and not event.approximate
            and _RESTATED.match(text, event.start)
        ):
            out[-1] = replace(last, date=event.date, date_text=event.date_text, approximate=False)
            continue
        out.append(event)
    return out


# "after the park was inaugurated": a clause that places the news relative to an earlier event.
_TIME_CLAUSE = re.compile(r"(?i:after|before|since|when|once|until|while|as)\b")
_PLUPERFECT = re.compile(r"\bhad\b")  # "had been designated": before the time of the report


def _dated_by_the_report(text: str, lead: _Unit, events: list[Event], reference: str | None) -> list[Event]:
    """What the first sentence of a report tells as done ("The Union Cabinet has approved the
    scheme") happened when it was reported, unless its words name a time of their own or place it
    against another event ("after the park was inaugurated")."""
    if reference is None:
        return events
    dated = []
    for event in events:
        if (
            event.date is None
            and event.type != "achievement"  # a record reported is a period's, not the day's
            and lead.start <= event.start < lead.end
            and not _TIME_CLAUSE.match(event.text)
            and not _PLUPERFECT.search(event.text)
        ):
            mentions = find_dates(text, event.start, event.end, reference)
            periods = [d for k, d in enumerate(mentions) if _period(mentions, k)]
            if len(periods) == len(mentions) and not _YEAR_WORD.search(_masked(text, event.start, event.end, periods)):
                event = replace(event, date=reference, approximate=True)
        dated.append(event)
    return dated


def _period(mentions: list[DateMention], k: int) -> bool:
    """A date that bounds a period ("from FY 2026-27 to FY 2030-31"): how long a scheme runs."""
    if mentions[k].relation == "since":
        return k + 1 < len(mentions) and mentions[k + 1].relation == "by"
    return mentions[k].relation == "by" and k > 0 and mentions[k - 1].relation == "since"


def _on_the_same_occasion(text: str, lex: _Lexicon, events: list[Event]) -> list[Event]:
    """'On the same occasion, the province released a report': an undated event placed at the
    occasion just reported takes that occasion's day; 'At the ceremony, …' takes the day of the last
    ceremony reported (a launch, an opening, a ground-breaking, a signing), not of a board's meeting
    told in between; 'The Board also approved …' right after an approval dated to the day is one more
    decision of that meeting."""
    last_day: Event | None = None
    last_ceremony: Event | None = None
    for k, event in enumerate(events):
        if event.date is None:
            occasion = last_day if lex.same_occasion.search(text, event.start, event.end) else None
            if occasion is None and lex.same_ceremony.search(text, event.start, event.end):
                occasion = last_ceremony
            if occasion is None and k > 0 and _also_done(events[k - 1], event):
                occasion = events[k - 1]
            if occasion is not None:
                events[k] = replace(
                    event, date=occasion.date, date_text=occasion.date_text, approximate=occasion.approximate
                )
        elif len(event.date) == 10:
            last_day = event
            if event.type in lex.ceremony_types:
                last_ceremony = event
    return events


def _also_done(previous: Event, event: Event) -> bool:
    """Whether an undated approval is told as one more decision of the body whose dated approval comes
    just before it: "KEDFA also approved Harlow for up to $4 million in tax incentives" after the day's
    approval. A body decides at a meeting; other acts told with "also" ("The city also published a
    white paper") need not share a day."""
    return (
        previous.type == event.type == "approval"
        and previous.date is not None
        and len(previous.date) == 10
        and _ALSO.match(event.text) is not None
    )


# A subject of a few words, then "also": "The Board also approved", "KEDFA also approved".
_ALSO = re.compile(r"(?:[\w.'’-]+\s+){1,6}also\s")


def _direct_speech(text: str, unit: _Unit) -> bool:
    """A quoted remark ("We have delivered ...," said the CEO) is a claim, not a reported event."""
    if text[unit.start] not in '"“':
        return False
    return (
        text[unit.end - 1] in '"”'
        or re.search(r"\b(?:said|says|added|noted)\b", text[unit.start : unit.end]) is not None
    )


def _without_restatements(events: list[Event]) -> list[Event]:
    """'The plan was drawn up by ...' after 'X unveiled a plan' tells the same event again."""
    kept: list[Event] = []
    for event in events:
        anaphoric = (
            event.object is not None
            and " " not in event.object
            and event.object.islower()
            and re.search(rf"\b(?:the|this|that|these|those|such)\s+{re.escape(event.object)}\b", event.text, re.I)
            is not None
        )  # "The plan was drawn up by …", not "selected for incentives"
        # told again: the same kind of event, and no day of its own that differs ("The plant began production last
        # month" after "broke ground in March 2025" is a second act)
        if anaphoric and any(k.type == event.type and event.date in (None, k.date) for k in kept):
            continue
        kept.append(event)
    return kept


def _dateline(text: str) -> str | None:
    """The document's date when no metadata gave one: the first full date in its opening lines,
    which in news copy is the dateline ("QINGDAO, China, Aug. 25, 2025 (GLOBE NEWSWIRE) --")."""
    for d in iter_dates(text, 0, min(len(text), 1000)):  # read only as far as the first full date
        if d.iso and len(d.iso) == 10:
            return d.iso
    return None


def _in_title_case(text: str, unit: _Unit, pos: int) -> bool:
    """A capitalised trigger inside a sentence is part of a headline or a name ("Has Built Itself")."""
    if not text[pos].isupper() or pos == unit.start:
        return False
    before = text[unit.start : pos].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


# ---- sentences, headlines, clauses ------------------------------------------------------------


def _ends_sentence(text: str, start: int, end: int) -> bool:
    while end > start and text[end - 1] in _CLOSERS:
        end -= 1
    return end > start and text[end - 1] in _TERMINAL


def _units(text: str, index: TextIndex) -> list[_Unit]:
    """Sentences that can state an event, in order: headings and datelines dropped, and in
    hard-wrapped text the pieces of one sentence joined across its line breaks."""
    paragraphs = index.paragraphs
    wrapped = _hard_wrapped(text, paragraphs)
    units: list[_Unit] = []
    sentences = index.sentences
    k = 0
    open_unit: _Unit | None = None
    for p_start, p_end in paragraphs:
        own = []
        while k < len(sentences) and sentences[k][0] < p_end:
            if sentences[k][0] >= p_start:
                own.append(sentences[k])
            k += 1
        if not own:
            continue
        prose = _ends_sentence(text, p_start, p_end) or len(own) > 1 or _BULLET.match(text, p_start)
        if wrapped and open_unit is not None and (p_end - p_start >= 50 or _ends_sentence(text, p_start, p_end)):
            open_unit.end = own[0][1]
            own = own[1:]
            if not own:
                if _ends_sentence(text, p_start, p_end):
                    open_unit = None
                continue
        elif open_unit is not None:
            if not _ends_sentence(text, open_unit.start, open_unit.end):
                units.pop()
            open_unit = None
        if not prose and not (wrapped and p_end - p_start >= 50):
            continue
        units.extend(_Unit(s, e, p_start) for s, e in own)
        if wrapped and not _ends_sentence(text, p_start, p_end):
            open_unit = units[-1]
    if open_unit is not None and not _ends_sentence(text, open_unit.start, open_unit.end):
        units.pop()
    return units


def _fact_label(text: str, unit: _Unit, start: int, end: int) -> bool:
    """Whether a clause is the label of a fact box's line ("- Total approved investment: Rs 1.6 lakh crore",
    "Projects approved: 10"): a few words before a colon that open their line and name what the figure after
    it counts; a participle there describes the figure, it states no event."""
    words = text[start:end].split()
    if not text.startswith(":", end) or len(words) > _LABEL_WORDS or words[0].lower() in ("the", "a", "an"):
        return False  # "The cabinet approved: …" is a sentence; a label drops its article
    opening = _BULLET.match(text, unit.start)
    return start == unit.start or (opening is not None and start == _skip_space(text, opening.end()))


def _hard_wrapped(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """Text broken into lines of similar length mid-sentence, as plain-text press releases are."""
    broken = sum(
        1 for s, e in paragraphs if 50 <= e - s <= 100 and not _ends_sentence(text, s, e) and not _BULLET.match(text, s)
    )  # a list's items are short unpunctuated lines too, but each is whole
    return broken >= 3 and broken * 10 >= len(paragraphs) * 3


def _clauses(text: str, unit: _Unit) -> list[tuple[int, int]]:
    """The unit cut at clause boundaries that lie outside parentheses."""
    cuts = []
    depth_at = 0
    last = unit.start
    for m in _BOUNDARY.finditer(text, unit.start, unit.end):
        segment = text[last : m.start()]
        depth_at += segment.count("(") - segment.count(")")
        last = m.start()
        if depth_at <= 0:
            cuts.append((m.start(), m.end()))
    out, cursor = [], unit.start
    for s, e in cuts:
        out.append((cursor, s))
        cursor = e
    out.append((cursor, unit.end))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in out) if s < e]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


# ---- reading one clause -----------------------------------------------------------------------


def _status(
    text: str,
    lex: _Lexicon,
    hit: _Hit,
    clause_start: int,
    earlier: list[_Hit],
    clause_end: int | None = None,
    sentence_start: int = 0,
    sentence_end: int | None = None,
) -> str:
    """Whether the words before a trigger report it, plan it, or make it no event.  A participle
    that opens its clause (", ranking first") reports what the sentence before it reports."""
    rest_end = len(text) if sentence_end is None else sentence_end  # where the trigger's sentence ends
    if _currency_unit(text, hit):
        hit.aside = True  # "approved a 2.3 trillion won budget": a sum of money, part of a noun phrase
        return _DROP
    tokens = _tokens_before(text, max(clause_start, hit.start - 150), hit.start)[::-1]
    i = 0
    while i < len(tokens) and tokens[i][1] in lex.adverbs:
        i += 1
    if i == len(tokens):
        if hit.form.ing:
            return _IRREALIS if lex.intentions.search(text, sentence_start, clause_start) else _REALIS
        after = _TOKEN.match(text, _skip_space(text, hit.end))
        word = after.group() if after else ""
        if (
            (word[:1].islower() or len(word) > 1 and word.isupper())
            and word not in _PREPOSITIONS_AFTER
            and (word not in lex.adjectival)
        ):
            return _DROP  # "Approved projects totaled 50", "Pledged FDI rose 1.3%": an adjective opening its clause
        return _REALIS
    if tokens[-1][1].lower() in _WH_WORDS and _QUESTION.fullmatch(" ".join(w for _, w in reversed(tokens[i:]))):
        return _DROP  # "What was approved", "How it was built": a question or the heading it makes
    first = tokens[i][1]
    if first in ("and", "or", ",") and earlier and not earlier[-1].aside:
        return earlier[-1].status
    if hit.form.ing and _WITH_ABSOLUTE.match(text, clause_start, hit.start):
        # "With its new plant coming on line in April, …": the phrase takes the sentence's tense
        return _IRREALIS if lex.intentions.search(text, hit.end, rest_end) else _REALIS
    if hit.form.ing and first == "and" and _GERUND_SUBJECT.search(text, hit.end, rest_end):
        return _DROP  # "… and ranking first nationwide was a goal": a gerund that a verb after it predicates
    if hit.form.ing and first not in (",", "and") and first not in lex.past and first not in lex.present:
        return _DROP  # "in the national ranking": an -ing form inside a noun phrase is a noun
    if (
        (
            first in lex.adjectival
            or first[0].isdigit()
            and not _BY_AFTER.match(text, hit.end)
            or _modified_participle(text, lex, tokens, i, hit.end)
        )
        and hit.form.past
        and not hit.noun
        and not _MONTH_DAY_BEFORE.search(text, max(0, hit.start - 20), hit.start)
    ):
        # "171 approved applications", but not "on November 5 handed over", and not "Decree 35 issued by
        # the government in June": a number that ends a document's name, whose 'by' phrase says who acted.
        # Part of a noun phrase, it passes no tense on: "The newly built plant started production".
        hit.aside = True
        return _DROP
    if hit.form.past and not hit.form.ing and _describes_noun(text, lex, first, hit.end):
        return _DROP
    if first == "," and hit.form.past and not hit.form.ing and not hit.noun and _NOUN_THEN_MODAL.match(text, hit.end):
        hit.aside = True  # ", approved fab and packaging projects can get support": an adjective, no event
        return _DROP
    if hit.form.past and not hit.noun and lex.cited_source.search(text, max(0, hit.start - 60), hit.start):
        hit.aside = True  # its tense is not the clause's: "In a report published in February, X ranked Serbia first"
        return _DROP  # "In a report published in February, the agency said …": where the news comes from
    if (
        first == ","
        and hit.form.past
        and not hit.form.ing
        and _appositive(text, lex, tokens[i + 1 :], hit.end, clause_end)
    ):
        hit.aside = True
        return _DROP
    for n, (pos, word) in enumerate(tokens[i : i + 12]):
        inside = next((h for h in earlier if h.start <= pos < h.end), None)
        if inside is not None and (inside.noun or inside.aside):
            continue  # "The start-up secured funding": a noun has no tense to pass on
        if inside is not None:
            return inside.status
        if word in lex.subordinators:
            return _REALIS
        if word in lex.modals:
            if word == "to" and not _infinitive(tokens[i : i + n], lex):
                continue
            if word == "to" and _CEREMONY_FOR.search(text, max(0, pos - 80), pos + 3):
                continue  # "held a ceremony to hand over certificates": the ceremony did what it was held for
            if word == "may" and text.startswith("M", pos):
                continue  # "on 14 May approved": the month, not the modal
            return _IRREALIS
        if word == "no" and text.startswith(".", pos + 2):
            continue  # "Resolution No. 15 issued by …": the number's abbreviation, no negation
        if word in lex.negations or word.endswith("n't") or word in lex.conditionals:
            return _DROP
        if word in lex.present:
            if word == "be":
                continue
            if hit.form.past and not hit.form.ing and _dated_description(text, tokens[i : i + n], hit.end):
                return _REALIS
            return _DROP
        if word in lex.past:
            for _, w in tokens[i + n + 1 : i + n + 4]:
                if w in lex.modals:
                    return _IRREALIS
                if w in lex.negations or w.endswith("n't"):
                    return _DROP
                if w in lex.subordinators:
                    # "Enterprises that have been approved ... must report": a rule about a
                    # kind of thing, not an event.
                    if clause_end and _RULE.search(text, hit.end, clause_end):
                        return _DROP
                    break
                if w not in lex.past and w not in lex.adverbs:
                    break
            return _REALIS
    return _REALIS


def _currency_unit(text: str, hit: _Hit) -> bool:
    """Whether a trigger is the unit of a sum of money before it: "won" in "2.3 trillion won" (Korean news)
    is the currency, not a verb, and must neither make an event nor cut the clause around it."""
    if text[hit.start : hit.end].lower() not in _CURRENCY_WORDS:
        return False  # most triggers name no currency: one look at the word
    window = max(0, hit.start - 40)
    if not _NUMBER_BEFORE.search(text, window, hit.start):
        return False
    return any(a.unit in CURRENCIES and window + a.end == hit.end for a in find_amounts(text[window : hit.end]))


_NUMBER_BEFORE = re.compile(r"\d[\d.,]*(?:\s+[A-Za-z]+)?\s+$")
_CURRENCY_WORDS = frozenset(w.lower() for forms in CURRENCIES.values() for w in forms.get("after", ()))
# A ceremony held for a purpose: what it was held to do was done ("held a ceremony to launch the park").
_CEREMONY_FOR = re.compile(
    r"\b(?:held|hosted|organi[sz]ed|staged)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?ceremon(?:y|ies)\s+to\s+$",
    re.IGNORECASE,
)
_MONTH_DAY_BEFORE = re.compile(rf"\b{MONTH_DAY},?\s+$")
_BY_AFTER = re.compile(r"\s+by\s")
_WH_WORDS = frozenset(("what", "how", "why", "when", "where"))
_QUESTION = re.compile(
    r"(?i:what|how|why|when|where)(?: (?:it|they|this|that|was|were|is|are|has|have|had|been|being))*"
)
_FRAMED_BY = re.compile(r"\s+(?:under|through|via|within)\s")
_GERUND_SUBJECT = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|remains|remained)\s")
_WITH_ABSOLUTE = re.compile(r"\s*With\s[^,;]*$")
_NEXT_COMMA = re.compile(r",\s+(?:\w+ly\s+)?([A-Za-z]+)")


def _modified_participle(text: str, lex: _Lexicon, tokens: list[tuple[int, str]], i: int, end: int) -> bool:
    """'its first locally assembled electric bus', 'the country's independently developed chip': a
    participle after a manner adverb and a determiner or possessive, with a noun after it, describes
    that noun; the verb that made the news is elsewhere in the clause. (The adverb is read from its lowercase '-ly': 'the
    assembly approved' is caught only when a noun, not a determiner, follows the verb, as rarely.)"""
    pos, word = tokens[i]
    if not (word.endswith("ly") and len(word) > 5 and text[pos].islower() and word not in lex.adverbs):
        return False
    j = i + 1
    while j < len(tokens) and tokens[j][1] in lex.adverbs:
        j += 1
    if j == len(tokens) or not (tokens[j][1] in lex.adjectival or tokens[j][1].endswith(("'s", "’s"))):
        return False
    after = _TOKEN.match(text, _skip_space(text, end))
    return after is not None and after.group().islower() and after.group() not in lex.adjectival


def _dated_description(text: str, between: list[tuple[int, str]], end: int) -> bool:
    """'Fibra Frontera is a real estate investment trust founded in 2014': a participle that describes the
    noun a present copula names, dated right after it, tells when that thing was set up or made -- the
    news of a company profile, though its verb is in the present. Undated ('is a platform developed by
    Haier') it only describes."""
    if not any(w in _ARTICLES for _, w in between):
        return False
    at = _skip_space(text, end)
    return any(d.start == at and d.relation == "at" and d.iso for d in find_dates(text, at, min(len(text), at + 40)))


_ARTICLES = frozenset(("a", "an", "the"))


def _appositive(text: str, lex: _Lexicon, before: list[tuple[int, str]], end: int, clause_end: int | None) -> bool:
    """'The plant, built with an investment of 3 billion yuan, started production': an undated
    participle between two commas after a bare noun phrase describes the noun; the verb after it is
    the news."""
    if not before or any(w in lex.past or w in lex.present or w in lex.modals or w == "," for _, w in before):
        return False
    m = _NEXT_COMMA.search(text, end, clause_end if clause_end is not None else len(text))
    if m is None:
        return False
    if find_dates(text, end, m.start()):
        return False  # "The park, launched in March 2025, has signed ...": dated, so told as news
    raw = m.group(1)
    word = raw.lower()
    # "…, covers 480 hectares": a verb in the present, its -s form
    present = raw.islower() and word.endswith("s") and not word.endswith("ss") and len(word) > 3
    return word in lex.past or word in lex.present or word in lex.modals or word.endswith("ed") or present


_PHRASE_END = re.compile(r"[,;:.!?()\n]")


def _describes_noun(text: str, lex: _Lexicon, before: str, end: int) -> bool:
    """'a platform developed by Haier', 'the data disclosed by the bureau', 'projects announced since
    2020 total ...': a participle between a noun and 'by', or between a noun and the sentence's own
    verb, describes the noun; the sentence's own verb comes later, if at all. A participle whose 'by'
    phrase is dated ('the plan issued by the ministry in June 2025') tells when it happened: news."""
    if (
        not (before.isalpha() or before.isdigit())
        or before in lex.past
        or before in lex.present
        or before in lex.modals
        or before in lex.negations
        or before in lex.subordinators
        or before in ("and", "or")
    ):
        return False
    if re.match(r"\s+by\s", text[end : end + 5]):
        # "Resolution No. 15 issued by the Party Committee in June 2025": dated, so told as news
        stop = _PHRASE_END.search(text, end, min(len(text), end + 160))
        return not find_dates(text, end, stop.start() if stop else min(len(text), end + 160))
    if before.islower() and before.endswith("s") and _FRAMED_BY.match(text, end):
        return True  # "investment proposals cleared under the scheme": which proposals, not what was done
    # A trigger that ends in its preposition ("listed in") is read from that preposition on.
    last = _LAST_PREPOSITION.search(text, max(0, end - 8), end)
    return lex.predicate_after.match(text, last.start() if last else end) is not None


def _infinitive(between: list[tuple[int, str]], lex: _Lexicon) -> bool:
    """Whether 'to' marks the trigger's infinitive ("to be approved", "plans to jointly launch") rather
    than a preposition further back ("according to a report released in May")."""
    return all(w in lex.adverbs or w in lex.present or w in lex.past or w.endswith("ly") for _, w in between)


def _tokens_before(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(position, lowercased word) from start to end, parenthetical asides left out: in
    'Lakeshore Holdings (HKSE stock code: 1234) announced', the word before the verb is 'Holdings'."""
    window = text[start:end]
    while "(" in window:
        masked = _PARENS.sub(lambda m: " " * len(m.group()), window)
        if masked == window:
            break
        window = masked
    return [(start + t.start(), t.group().lower()) for t in _TOKEN.finditer(window)]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _noun_context(text: str, lex: _Lexicon, hit: _Hit, clause_start: int) -> bool:
    """'the launch of', 'its release', 'gained approval': a word that is also a verb is read as
    the noun after a determiner, a possessive or a reporting verb."""
    tokens = _tokens_before(text, max(clause_start, hit.start - 40), hit.start)
    if not tokens:
        return False
    word = tokens[-1][1]
    return word in lex.adjectival or word in lex.light_verbs or word.endswith(("'s", "’s"))


def _nominal_reported(text: str, lex: _Lexicon, hit: _Hit, clause_start: int, clause_end: int) -> bool:
    """A noun trigger is an event when a verb just before reports it, or when it (or its ceremony)
    opens the clause and was held ("The signing of the agreement took place in Hanoi")."""
    before = _tokens_before(text, max(clause_start, hit.start - 80), hit.start)
    for pos, word in reversed(before[-5:]):
        if word in lex.negations:
            return False  # "got no approval", "received neither funding nor approval"
        if word in lex.light_verbs:
            light = _Hit(pos, pos + len(word), hit.form)
            return _status(text, lex, light, clause_start, []) == _REALIS
    ceremony = re.match(r"\s+ceremon(?:y|ies)\b", text[hit.end : hit.end + 14], re.IGNORECASE)
    if ceremony or all(word in lex.adjectival or word in lex.adverbs for _, word in before):
        return lex.held.search(text, hit.end, clause_end) is not None
    return False


def _clause_events(
    text: str,
    lex: _Lexicon,
    hits: list[_Hit],
    clause_start: int,
    clause_end: int,
    unit: _Unit,
    places: list,
    reference: str | None,
) -> list[Event]:
    heads: list[_Hit] = []
    report: _Hit | None = None
    earlier: list[_Hit] = []
    milestones: list[_Hit] = []
    for hit in hits:
        if hit.form.milestone:
            hit.status = _milestone_status(text, lex, hit, unit.start, clause_start, clause_end)
            if hit.status == _REALIS:
                milestones.append(hit)
            continue
        hit.noun = hit.form.nominal and (not hit.form.base or _noun_context(text, lex, hit, clause_start))
        if hit.noun:
            hit.status = (
                _REALIS
                if (report is not None or _nominal_reported(text, lex, hit, clause_start, clause_end))
                else _DROP
            )
        else:
            hit.status = _status(text, lex, hit, clause_start, earlier, clause_end, unit.start, unit.end)
        earlier.append(hit)
        if hit.status == _DROP:
            continue
        if (
            report is not None
            and report.content is None
            and (
                hit.status == _IRREALIS or hit.noun or (hit.form.past and _reports_clause(text, report.end, hit.start))
            )
        ):
            report.content = hit
            continue
        committed = hit.status == _IRREALIS and hit.form.commitment and _names_money(text, hit.end, clause_end)
        # a ceremony "held for" the act is searched for only where the hit's tense and kind have not decided
        if not committed and (
            hit.status == _IRREALIS
            or not (hit.form.past or hit.noun or _CEREMONY_FOR.search(text, max(0, hit.start - 90), hit.start))
        ):
            continue
        if hit.noun and heads and heads[-1].end > hit.start - 40:
            if _norm(text[heads[-1].start : heads[-1].end]) in lex.light_verbs:
                heads[-1] = hit
            continue
        if hit.form.report:
            report = hit
        heads.append(hit)
    if milestones and not heads:
        heads.append(milestones[0])
    if heads and unit.dates is None:
        unit.dates = [d for d in find_dates(text, unit.start, unit.end, reference) if _happened(d, reference)]
    events: list[Event] = []
    carried = None  # where a head that made no event began: its words belong to the next head
    for k, head in enumerate(heads):
        start = clause_start if k == 0 else _split_point(text, heads[k - 1].end, head.start)
        end = clause_end if k == len(heads) - 1 else _split_point(text, head.end, heads[k + 1].start, before=True)
        start, end = _strip(text, carried if carried is not None else start, end)
        if end - start > 1 and text[end - 1] == ".":
            end -= 1
        event = _event(text, lex, head, start, end, unit, clause_start, unit.dates or [], places, reference)
        carried = start if event is None else None
        if event is None:
            continue
        if (
            events
            and events[-1].type == event.type
            and event.actor is None
            and event.object is None
            and _VERB_PAIR.fullmatch(text, heads[k - 1].end, head.start)
        ):
            # "was completed and put into production": one event told with two verbs
            first = events[-1]
            dated = first if first.date or not event.date else event
            events[-1] = replace(
                first,
                text=text[first.start : event.end],
                end=event.end,
                date=dated.date,
                date_text=dated.date_text,
                approximate=dated.approximate,
            )
            continue
        events.append(event)
    return events


def _names_money(text: str, start: int, end: int, within: int | None = 30) -> bool:
    """Whether a sum of money opens what follows a verb ("will invest about US$380 million in …"), or, with
    ``within=None``, stands anywhere in it ("signed a supply agreement … worth US$310 million")."""
    return any(a.unit in CURRENCIES and (within is None or a.start < within) for a in find_amounts(text[start:end]))


# What makes a milestone's clause an achievement: a position ("the largest", "No. 1", "a record") for a
# streak; a figure or a position for a first time.
_POSITION = r"largest|biggest|highest|top|leading|no\.\s*1|number\s+one|record"
_MEASURED = re.compile(rf"\d|\b(?:half|{_POSITION})\b", re.IGNORECASE)
_RANKED = re.compile(rf"\b(?:first|champion|{_POSITION})\b", re.IGNORECASE)


def _milestone_status(text: str, lex: _Lexicon, hit: _Hit, sentence_start: int, start: int, end: int) -> str:
    """'Exports accounted for over half of the total for the first time', 'has been the largest partner
    for 15 consecutive years': a milestone told of a figure or a position is an achievement even
    when its verb is an ordinary one; a plan ("will ... for the first time") is not, nor a habit
    or an act with no figure or position ("visited the park for the first time")."""
    if lex.intentions.search(text, sentence_start, hit.start):
        return _IRREALIS
    tokens = _tokens_before(text, start, hit.start)
    if any(w in lex.negations or w.endswith("n't") or w in lex.conditionals for _, w in tokens):
        return _DROP
    first_time = "first" in text[hit.start : hit.end].lower()
    words = text[start:end].replace(text[hit.start : hit.end], " ")
    return _REALIS if (_MEASURED if first_time else _RANKED).search(words) else _DROP


def _happened(date: DateMention, reference: str | None) -> bool:
    """Whether a date says when something happened: "in May", and a "by" date already past when the
    document was written ("by the end of last year, the province had set up ...").  A deadline still
    ahead ("by 2027") and the start of a span ("since 2020") say something else."""
    if date.relation == "at":
        return True
    return (
        date.relation == "by"
        and date.iso is not None
        and reference is not None
        and date.iso < reference[: len(date.iso)]
    )


_BUILT_TYPES = frozenset(("production", "establishment", "launch"))


def _reports_clause(text: str, report_end: int, content_start: int) -> bool:
    """'announced that it had launched' reports the launch; 'announced X and launched Y' is two acts."""
    between = text[report_end:content_start].lower()
    return re.search(r"\bthat\b", between) is not None or len(between.split()) <= 3


def _split_point(text: str, left: int, right: int, before: bool = False) -> int:
    """Where coordinated events part: at the last 'and' or comma between two triggers."""
    found = None
    for m in _COORDINATION.finditer(text, left, right):
        found = m
    if found is None:
        return right if not before else left
    return found.start() if before else found.end()


def _event(
    text: str,
    lex: _Lexicon,
    head: _Hit,
    start: int,
    end: int,
    unit: _Unit,
    clause_start: int,
    dates: list[DateMention],
    places: list,
    reference: str | None,
) -> Event | None:
    lead = head.content or head
    form = lead.form
    if lex.habitual.search(text, head.start, end):
        return None
    before = _masked(text, start, head.start, dates)
    object_start = lead.end
    ceremony = _CEREMONY.match(text, lead.end) if lead.noun else None
    if ceremony:
        object_start = ceremony.end()
    obj = _object(text, object_start, end, dates)
    if form.unless_object is not None and form.unless_object.search(obj or ""):
        return None
    subject = _subject(before, lex)
    if subject is not None and subject.lower() in lex.subordinators:
        subject = _subject(_masked(text, unit.start, clause_start, dates), lex)
    agent = None
    by = re.match(r"\s+by\s+", text[lead.end : end])
    if by:
        agent = _object(text, lead.end + by.end(), end, dates)
    passive = not lead.noun and bool(by or _PASSIVE.search(before) or _NO_OBJECT.match(text, lead.end, end))
    if lead.noun:
        subject = None if ceremony else _nominal_actor(before, lex)
    complement = None
    if passive:
        complement, obj, subject = obj, _LEADING.sub("", subject) if subject else None, agent
    if form.count_is_statistic and (
        _COUNT.match(obj or "") or _COUNT.match(_last_conjunct(obj or "")) or passive and _COUNT.match(before.lstrip())
    ):
        # The last test: "251 parks, covering 66,200 ha, have been put into operation" -- the
        # subject, clipped to its last comma-free stretch, hides the count that opens it.
        return None
    # In the passive, what follows the verb still says what kind of event it was ("were recognized
    # among the top 100" ranks them).
    works = _WORKS_FOR.match(complement) if complement and lead.form.by_head else None
    if complement and complement.split()[0].lower() in _PREPOSITIONS_AFTER:
        complement = None  # "was unveiled at the new centre": where, not what
    if passive:
        thing = _head(obj, after_verb=False)
    elif ceremony and not re.search(r"(?:for|of|mark)$", ceremony.group()):
        thing = _head(_nominal_actor(before, lex), after_verb=False)  # "the park held its opening ceremony"
    else:
        thing = _head(obj, after_verb=True)
    # "broke ground on the new park": what the act was done on decides, as an object would
    done_on = _by_head(form, _head(works.group(1), after_verb=True)) if works is not None else None
    etype_by_head = _by_head(form, thing)
    etype = done_on or etype_by_head or _refine(form, obj or "", complement or "")
    if etype is None:
        return None
    if (
        etype == "other"
        and form.type == "investment"
        and (
            _names_money(text, lead.end, end, within=None)
            or etype_by_head == "other"
            and lex.investment_context.search(text, lead.end, end) is not None
        )
    ):
        # "signed a supply agreement … worth US$310 million": money committed; "signed an MoU with the state
        # government at the Investor Summit": an investment promised where investments are signed
        etype = "investment"
    if (
        head.content is not None
        and head.content.status == _IRREALIS
        and etype in _BUILT_TYPES
        and _names_money(text, lead.end, end, within=None)
    ):
        etype = "investment"  # "announced plans to build a $5 billion EV plant": money committed, nothing built yet
    actor = _entity_in(places, start, head.start) or subject
    if actor is not None and actor.lower() in _PRONOUNS:
        actor = None
    date = (
        _date_for(text, dates, start, end, head.start, unit, clause_start)
        or _since_right_after(text, lead, end, reference)
        or _the_same_time(text, start, end, reference)
        or _context_date(text, unit, head.start, etype == "achievement" or lead.form.ing, reference)
    )
    return Event(
        type=etype,
        text=text[start:end],
        start=start,
        end=end,
        actor=actor,
        object=obj,
        date=_in_the_past(date, reference),
        date_text=date.text if date else None,
        approximate=date.approximate if date else False,
    )


# A time named by pointing back at the last one named: "the city launched … in the same month", "later that day".
_SAME_TIME = re.compile(r"\b(?:the\s+same|that)\s+(?P<unit>day|month|year)\b", re.IGNORECASE)
_SAME_TIME_PRECISION = {"day": 10, "month": 7, "year": 4}


def _the_same_time(text: str, start: int, end: int, reference: str | None) -> DateMention | None:
    """'In January the city signed 15 projects … and launched the Three-Year Action in the same month': the
    month of the last date named before the clause, as precise as the words say and that date allows."""
    said = _SAME_TIME.search(text, start, end)
    if said is None:
        return None
    precision = _SAME_TIME_PRECISION[said.group("unit").lower()]
    earlier = [d for d in find_dates(text, max(0, start - 1200), start, reference) if d.iso and d.relation == "at"]
    if not earlier or len(earlier[-1].iso or "") < precision:
        return None
    last = earlier[-1]
    return DateMention(said.start(), said.end(), (last.iso or "")[:precision], last.approximate, said.group())


def _since_right_after(text: str, lead: _Hit, end: int, reference: str | None) -> DateMention | None:
    """'measures introduced since late September 2024', 'construction was started since April': a "since"
    right after a verb that is not in the perfect is how translated and hurried English dates a
    one-off act, not the start of a span; 'has invested since 2019' still tells a span, and is left
    undated."""
    if _PERFECT_BEFORE.search(text, max(0, lead.start - 30), lead.start):
        return None
    at = _skip_space(text, lead.end)
    return next(
        (
            d
            for d in find_dates(text, at, min(end, at + 40), reference)
            if d.start == at and d.relation == "since" and d.iso
        ),
        None,
    )


_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)


def _in_the_past(date: DateMention | None, reference: str | None) -> str | None:
    """A reported event lies before the report: "approved in May" in a March article is last May."""
    if date is None or date.iso is None:
        return None
    if reference and date.iso[: len(reference)] > reference[: len(date.iso)] and not _YEAR.search(date.text):
        return str(int(date.iso[:4]) - 1) + date.iso[4:]
    return date.iso


_HEAD_END = re.compile(
    r"\s+(?:in|at|of|for|on|near|with|to|from|by|under|within|across|into|along|outside|covering|located|"
    r"which|that|and|worth)\b|[,;:(]",
    re.IGNORECASE,
)


def _head(phrase: str | None, after_verb: bool) -> str:
    """The head noun of what an event acts on, lowercased: the last word of a subject, or of an object's
    first noun phrase ("a testing station in the park" is a station)."""
    if not phrase:
        return ""
    if after_verb:
        cut = _HEAD_END.search(phrase)
        phrase = phrase[: cut.start()] if cut else phrase
    words = phrase.split()
    return words[-1].lower().strip("\"'”’") if words else ""


def _by_head(form: _Form, head: str) -> str | None:
    for etype, heads in form.by_head:
        if head in heads:
            return etype
    return None


def _refine(form: _Form, *phrases: str) -> str | None:
    for etype, words in form.by_object:
        if any(words.search(phrase) for phrase in phrases):
            return etype
    return None if form.only_by_object else form.type


def _nominal_actor(before: str, lex: _Lexicon) -> str | None:
    """Who a reported noun belongs to: 'gaining State Council approval' -> State Council."""
    words = before.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in lex.light_verbs:
            owner = " ".join(w for w in words[i + 1 :] if w.lower() not in lex.adjectival)
            if owner[:1].isupper():
                return owner
            return _subject(" ".join(words[:i]), lex)
    return None


def _subject(before: str, lex: _Lexicon) -> str | None:
    """The noun phrase before the verb: the last comma-free stretch, without auxiliaries or adverbs."""
    flat = _PARENS.sub(" ", before).rstrip(" ,;:")
    words = flat.rsplit(", ", 1)[-1].split()
    while words and (
        words[-1].lower() in lex.adverbs
        or words[-1].lower() in lex.past
        or words[-1].lower() in lex.present
        or words[-1].lower().endswith("ly")
    ):
        words.pop()
    phrase = " ".join(words).strip(" ,;:\"'“”")
    if not phrase and ", " in flat:
        # "The centre, jointly built by ten universities, was unveiled": the subject opens the clause
        return _subject(flat.split(", ", 1)[0], lex)
    return phrase or None


def _masked(text: str, start: int, end: int, dates: list[DateMention]) -> str:
    """text[start:end] with its dates blanked: "Yantai on Wednesday unveiled" has the subject Yantai."""
    chunk = text[start:end]
    for d in dates:
        if start <= d.start and d.end <= end:
            chunk = chunk[: d.start - start] + " " * (d.end - d.start) + chunk[d.end - start :]
    return chunk


def _last_conjunct(phrase: str) -> str:
    return re.split(r"\s+and\s+", phrase)[-1]


def _object(text: str, start: int, end: int, dates: list[DateMention]) -> str | None:
    """What the trigger acts on: the words after it up to a date, a preposition of place or time,
    or a comma (a date right after the verb, "announced today its results", is stepped over, unless
    a comma follows it)."""
    stop = end
    i = bisect_left(dates, start, key=_start_of)
    if i < len(dates) and dates[i].end < end and not text[start : dates[i].start].strip():
        start = dates[i].end
        i += 1
        if text[start:end].lstrip()[:1] in (",", ";"):
            return None  # "X, established in January, will open a plant": the date ends what the verb says
    if i < len(dates) and dates[i].start < stop:
        stop = dates[i].start
    m = _OBJECT_STOP.search(text, start, stop)
    if m is not None and m.start() > start:
        stop = m.start()
    phrase = " ".join(text[start:stop].split()[:20])
    phrase = _LEADING.sub("", re.sub(r"^of\s+", "", phrase.strip(" ,;:"))).strip(" ,;:")
    return phrase or None


def _start_of(mention: DateMention) -> int:
    return mention.start


def _entity_in(places: list, start: int, end: int) -> str | None:
    found = None
    for s, e, name in places:
        if s >= end:
            break
        if s >= start and e <= end:
            found = name
    return found


def _context_date(
    text: str, unit: _Unit, anchor: int, takes_sentence_date: bool, reference: str | None
) -> DateMention | None:
    """The date an undated clause takes from around it.  A participle clause (", ranking first in the
    world") and a ranking or record share the time of the figures their sentence reports; failing
    that, a ranking or record takes the year last named in its paragraph ("In 2023, output rose ...
    The province topped ...").  Any event takes a date that opens its paragraph ("In 2023, ...")."""
    times = (
        [d for d in unit.dates if not _BASELINE.search(text, max(0, d.start - 30), d.start)]
        if takes_sentence_date and unit.dates
        else []
    )
    if times:
        before = [d for d in times if d.end <= anchor]
        return before[-1] if before else times[0]
    if unit.paragraph >= unit.start:
        return _year_before(text, unit.paragraph, reference) if takes_sentence_date else None
    # Only the opening words are read for an opening date; the whole paragraph only for a ranking.
    end = unit.start if takes_sentence_date else min(unit.start, unit.paragraph + 40)
    earlier = [d for d in find_dates(text, unit.paragraph, end, reference) if d.iso and d.relation in ("at", "since")]
    if earlier and earlier[0].start == unit.paragraph and earlier[0].relation == "at":
        return earlier[0]
    if takes_sentence_date and earlier:
        last = earlier[-1]
        return replace(last, iso=(last.iso or "")[:4], approximate=True)
    if takes_sentence_date:
        return _year_before(text, unit.paragraph, reference)
    return None


# A time a figure is compared with, not the time it is of: "up 41.5% over the same period of last year".
_BASELINE = re.compile(
    r"\b(?:same\s+period(?:\s+(?:of|in))?|over|than|compared\s+(?:with|to)|against|versus)\s+(?:the\s+)?$"
)


def _year_before(text: str, pos: int, reference: str | None) -> DateMention | None:
    """A ranking or record with no year in its paragraph takes the year the report is about: the last
    year named in the paragraphs just before it ("Exports in 2024 totaled ..."), not one ahead."""
    earlier = [
        d
        for d in find_dates(text, max(0, pos - 1200), pos, reference)
        if d.iso and d.relation == "at" and (reference is None or d.iso[:4] <= reference[:4])
    ]
    if not earlier:
        return None
    last = earlier[-1]
    return replace(last, iso=(last.iso or "")[:4], approximate=True)


def _date_for(
    text: str, dates: list[DateMention], start: int, end: int, anchor: int, unit: _Unit, clause_start: int
) -> DateMention | None:
    """The date nearest the trigger within the event's words; failing that, a date that opens
    the sentence or clause ("In 2023, ..."), which governs every clause after it, or a list item
    after its bullet, as AI-written timelines date each line ("- March 2026: The ministry approved …")."""
    bullet = _BULLET.match(text, unit.start)
    item = _skip_space(text, bullet.end()) if bullet else unit.start
    lo, hi = bisect_left(dates, start, key=_start_of), bisect_left(dates, end, key=_start_of)
    inside = [d for d in dates[lo:hi] if d.end <= end]
    if inside:
        return min(inside, key=lambda d: abs(d.start - anchor))
    opening = [
        d
        for d in dates[bisect_left(dates, unit.start, key=_start_of) : lo]
        if d.end <= start and d.start in (unit.start, item, clause_start)
    ]
    return opening[-1] if opening else None
