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

import calendar
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from policylens.extraction.anycase import any_case, finditer_at, might_hold, needed, opening
from policylens.extraction.gazetteer import load as load_gazetteer
from policylens.extraction.numbers import (
    DIMENSION,
    DURATION_UNITS,
    NUMBER_WORDS,
    ORDINALS,
    Amount,
    _alternation,
    _load,
    find_amounts,
)
from policylens.extraction.shortcuts import previous_word
from policylens.extraction.text import TextIndex
from policylens.model import Document, Entity, Quantity
from policylens.periods import month_of, year_of

_CUES = _load("quantity_cues.yaml")
_YEAR = r"(?:1[89]|20|21)\d{2}"
_NUM_WORD = _alternation(NUMBER_WORDS)


def _words(key: str) -> str:
    """The cue words under ``key`` as an alternation; every pattern built with it ignores case."""
    return any_case(_CUES[key], _alternation)


def _openings(*keys: str) -> str:
    """A look at the letters the cue words under ``keys`` begin with, to open a pattern of them (anycase.opening)."""
    return opening(str(w)[0] for key in keys for w in _CUES[key])


# The cue patterns are the costliest part of reading a sentence: some 200 words tried at every word start,
# written by any_case (through _words) so that only the words of the letter found there are tried, and opened
# by a look at the letters a cue begins with, so that positions where none can begin are passed over.
_CUE = re.compile(
    opening(
        [w[0] for k in ("target_cues", "statistic_cues", "present_qualifiers", "present_attributes") for w in _CUES[k]]
        + ["h"]
    )
    + rf"\b(?:(?P<t>{_words('target_cues')})|(?P<s>{_words('statistic_cues')}|{_words('present_qualifiers')})"
    rf"|(?P<a>{_words('present_attributes')})"
    r"|(?P<p>have\s+(?:\w+\s+)?(?:been|become|\w+ed|\w+en|built|grown|made|won|seen|brought|set)))(?![\w-])",
    re.I,
)
_MODAL = re.compile(r"(?:will|shall|should|would)\b", re.IGNORECASE)
_MODAL_BEFORE = re.compile(
    opening("wspae") + r"\b(?:will|shall|would|plans?\s+to|aims?\s+to|expects?\s+to)\b", re.IGNORECASE
)
_MODAL_GAP = re.compile(r"\W*(?:\w+\W+){0,2}$")
# A plan's targets share its horizon, so a deadline carries on to later targets
# that name none; in news, only a fronted deadline ("By 2027, the city will …")
# frames what follows, and one at the end of a clause belongs to that clause.
# Scanned through whole sentences or documents: each opens with a look at the letters its words begin with
# (anycase.opening), so that sre passes every other position without entering the alternation.
_PLAN_TITLE = re.compile(rf"{_openings('plan_title_words')}\b(?:{_words('plan_title_words')})\b", re.I)
_PRESENT = re.compile(rf"{_openings('present_cues')}\b(?:{_words('present_cues')})\b", re.I)
_PAST = re.compile(rf"{_openings('past_markers')}\b(?:{_words('past_markers')})\b", re.I)
# The patterns searched in windows before a figure below open with a look at the letters a match begins with
# (anycase.opening), so that the search passes every other position without trying the pattern there.
_PERFECT = re.compile(
    opening("hbwtia") + r"\b(?:has|have|had been|be|been|being|will|would|to|is|are)\s+(?:\w+\s+)?$", re.I
)
_PHRASAL_UP = frozenset(w.lower() for w in _CUES["phrasal_up_verbs"])
# Searched in the few characters before every figure: opened by a look at the letters a comparator begins
# with, and the word boundary tested once for all of them.
_COMPARATOR_BEFORE = re.compile(
    opening(w[0] for words in _CUES["comparators"].values() for w in words)
    + r"\b(?:"
    + "|".join(rf"(?P<c{i}>{any_case(words, _alternation)})" for i, words in enumerate(_CUES["comparators"].values()))
    + r")\s*$",
    re.I,
)
_COMPARATOR_CODES = list(_CUES["comparators"])
_COMPARATOR_AFTER = re.compile(
    r"\s*(?:"
    + "|".join(rf"(?P<c{i}>{_alternation(words)})" for i, words in enumerate(_CUES["comparator_suffixes"].values()))
    + r")\b",
    re.I,
)
_COMPARATOR_AFTER_CODES = list(_CUES["comparator_suffixes"])
_CHANGE_CUE = re.compile(
    rf"{_openings('increase_cues', 'decrease_cues')}\b(?:(?P<inc>{_words('increase_cues')})|(?P<dec>{_words('decrease_cues')}))\b",
    re.I,
)
_CHANGE_GAP = re.compile(
    r"(?:\s+(?!to\b|from\b)[\w’'&-]+){0,6}?\s*$"
    r"|(?:\s+(?!to\b|from\b)[\w’'&-]+){0,10}?\s+by(?:\s+[\w.]+){0,2}?\s*$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    rf"\s*(?:(?:{_words('change_suffixes')})\s*)?(?:(?P<inc>increase|growth|rise|gain|higher than|more than)"
    rf"|(?P<dec>decrease|decline|drop|fall|reduction|lower than|less than))?\b",
    re.I,
)
# A change stated without its direction, which the sign of the figure gives: "changed -3.2%".
_CHANGED = re.compile(
    r"\b(?:changed|change\s+of|growth(?:\s+rate)?\s+(?:of|was|is|at)|grew|growth)\s+(?:by\s+)?$", re.I
)
_CHANGE_SUFFIX = re.compile(rf"\s*(?:{_words('change_suffixes')})\b", re.I)
_NOT_PER_YEAR = r"(?!\s+(?:earlier|ago|before|later|after|on\s+year|over\s+year)|-on-year|-over-year)"
_ANNUAL_BEFORE = re.compile(rf"{_openings('annual_cues')}\b(?:{_words('annual_cues')})\b{_NOT_PER_YEAR}", re.I)
_ITEM = re.compile(r"[ \t]*(?:[-•*·▪◦]|\(?\d{1,3}[.)、]|\(\d{1,3}\)|\(?[a-z][.)]|\(?[ivxlc]{1,6}[.)]|[IVXLC]{1,6}\.)\s")
# A sentence or list item that opens on a bare verb of a goal: "1. Raise output to KRW 30 trillion."
_IMPERATIVE = re.compile(
    rf"(?:{_ITEM.pattern})?[ \t]*((?-i:{'|'.join(w.capitalize() for w in _CUES['goal_imperatives'])}))\s+(?!in\b|of\b)(?=[a-z\d$€£¥]|the\b)"
)
_GOAL_IMPERATIVES = frozenset(_CUES["goal_imperatives"])
_FROM_PRESENT = re.compile(
    opening("f") + rf"\bfrom\s+(?:the\s+|its\s+|their\s+)?(?:{_words('present_attributes')})(?:\s+[a-z-]+){{0,3}}\s+$",
    re.I,
)
# "from 44% to 80%", "from about 45 days to under 20 days": the level a change goes to, after its start
_FROM_LEVEL = re.compile(
    opening("f") + r"\bfrom\s+(?:(?:about|around|approximately|roughly|nearly|almost|some|just|over|under|more\s+than|"
    r"less\s+than)\s+)?$",
    re.I,
)
_FROM_NEEDS = needed(["from"])  # what _FROM_PRESENT and _FROM_LEVEL need (anycase.might_hold)
# A goal's level named before in the sentence: "to 40% by 2030, " (then "from 18% today").
_GOAL_LEVEL_BEFORE = re.compile(
    opening("t", ignoring_case=False) + r"\bto\s+(?:[a-z]+\s+){0,2}?[$€£¥₹]?\d[^;]*,\s*(?:[a-z]+\s+){0,3}?$"
)
# What says a figure is the level now or lately: "18% today", "2.5 GWh installed today", "8,000 on the road there at
# the end of last year".
_NOW_AFTER = re.compile(
    r"(?:\s+[^\s,;.]+){0,5}?\s+(?:today|now|currently|at\s+present|so\s+far|to\s+date|last\s+year|"
    r"at\s+the\s+end\s+of\s+last\s+year)\b",
    re.IGNORECASE,
)
# "today" or "now" closing the figure's own clause: "About 420 staff are on site today", "18% today".
_TODAY_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,4}?\s+(?:today|now)\s*(?:[.;]|,\s|\s(?:and|but)\s|$)")
_TO_LEVEL = re.compile(r"(?:\s+[^\s,;.]+){0,3}?\s+to\s+(?:[a-z]+\s+){0,2}?(?:[A-Z]{1,3}[a-z]?\.?\s?)?[$€£¥₹]?\d")
# A preposition between a figure and the cue after it puts the cue in another phrase ("a tenth of its target",
# "12 provinces with targets", "40 against a goal"): the cue is that phrase's, not the figure's.
_LINKED_TO_ANOTHER = re.compile(r"\b(?:of|with|against|versus|than|below|above)\b", re.I)
# "that" opens a clause, except as the determiner of a time ("installations that year came to …").
_CONJUNCTION = re.compile(
    opening("aobwt")
    + r"\b(?:and|or|but|while|which|that(?!\s+(?:year|month|quarter|week|day|period|time)\b)|whereas)\b",
    re.I,
)
_COORDINATED = re.compile(r"[^;:,.()]*?(?:,|\band)\s*$")
_ANNUAL_AFTER = re.compile(
    rf"{opening('aepy')}\b(?:annually|a year|each year|every year|per year|per annum|yearly)\b{_NOT_PER_YEAR}", re.I
)
_RELATIVE = re.compile(
    rf"{opening(str(w)[0] for w in _CUES['relative_years'])}\b(?P<rel>{any_case(_CUES['relative_years'], _alternation)})\b",
    re.I,
)
_RELATIVE_YEARS = {re.sub(r"\s+", " ", k.lower()): v for k, v in _CUES["relative_years"].items()}
_NEXT_YEARS = re.compile(
    rf"{opening('iowd')}\b(?:{any_case(['in', 'over', 'within', 'during'], _alternation)})\s+(?:the\s+)?(?P<ahead>next|coming|following)?\s*"
    rf"(?P<n>\d{{1,2}}|{_NUM_WORD})\s+years?\b",
    re.I,
)
# Opened by a look at the characters a match may begin with (a preposition, "the", "FY", "1H", "Q3", a year).
_YEAR_EXPR = re.compile(
    rf"""{opening("abcdefhioqrstu1234")}(?P<prep>\b(?:by\s+the\s+end\s+of|by\s+end[-\s]|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of|as\s+of|
    compared\s+(?:to|with)|relative\s+to|(?:than\s+|over\s+)?that\s+(?:of|in)|than|since|from|by|in|for|to|until|till|
    through|before|during|against)\s+)?
    (?:the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+)?
    (?:(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<fy1>{_YEAR})\s?[-–/]\s?(?P<fy2>\d{{2,4}})|[1-4][HQ](?P<half>{_YEAR})|[HQ][1-4]\s(?P<half2>{_YEAR})
    |(?P<span1>{_YEAR})[-–](?P<span2>\d{{2}})|FY\s?[’']?(?P<fy3>\d{{2}})
    |(?P<year>{_YEAR}))(?![\w-]|[-–]\d|/\d)""",
    re.VERBOSE | re.I,
)
# A month named without its year as when a figure was ("in May", "during September"), or the month before
# the document's ("last month"). Month names are matched as written, so the modal "may" stays a word.
_MONTH_ALONE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ff]or|[Tt]hrough|[Bb]y\s+the\s+end\s+of)\s+(?P<m>January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?!\s+\d)(?!,?\s*\d{4})|\b(?P<last>[Ll]ast\s+month)\b"
)


# What a sentence must hold, as written, for _MONTH_ALONE to match in it: a month's name or "month".
_MONTH_ALONE_NEEDS = ("month", "Jan", "Feb", "Ma", "Apr", "Ju", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_named(text: str, start: int, end: int, pub_month: int | None) -> int | None:
    """The month a sentence names without a year (see _MONTH_ALONE), 1-12; "last month" needs the page's.
    Most sentences name no month: ``str.find`` tells so faster than the pattern's search."""
    if all(text.find(word, start, end) < 0 for word in _MONTH_ALONE_NEEDS):
        return None
    m = _MONTH_ALONE.search(text, start, end)
    if m is None:
        return None
    if m.group("m"):
        return _MONTH_NUMBER[m.group("m").lower()]
    return (pub_month - 2) % 12 + 1 if pub_month is not None else None


# A figure written as a hyphened modifier ("a 2,300-hectare area", "a 145-million-euro plant") sizes a thing.
_COMPOUND_MODIFIER = re.compile(r"\d(?:-[a-z]+)+$")
_SIZED_THING = re.compile(rf"\s*(?:\([^)]{{0,40}}\)\s*)?(?:[\w-]+\s+){{0,2}}?(?:{_words('sized_things')})\b", re.I)
# What a landmark follows: "110 km from", "an hour's drive from", "15 minutes away from the", "on the state's
# border with".
_DISTANCE_FROM = re.compile(
    opening("kmhdabn")
    + r"\b(?:(?:km|kms|kilometres|kilometers|miles|mi|minutes|hours|hour's drive|hours' drive|drive|away)\s+"
    r"(?:away\s+)?from|borders?\s+with|bordering|neighbouring|neighboring)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RECENT_DAY = re.compile(rf"{_openings('recent_days')}\b(?:{_words('recent_days')})\b", re.I)
_MONTH_DAY = re.compile(
    opening("JFMASOND", ignoring_case=False)
    + r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}\b(?!,?\s*\d{4})"
)
_ANY_YEAR = re.compile(_YEAR)  # what every pattern about years below must match somewhere
_YEAR_TOKEN = rf"(?:FY\s?{_YEAR}\s?[-–/]\s?\d{{2,4}}|[1-4][HQ]{_YEAR}|{_YEAR})\b"
_SINCE = re.compile(rf"\bsince\b[^,;.]{{0,40}}?\b{_YEAR_TOKEN}", re.I)
# "up from 48% in 2024", "up 5% from the same period in 2024": a level or time compared with, a number soon after
# "from"; not "Exports from national industrial complexes reached USD 312 billion in 2025", where "from" says whose.
_FROM_IN = re.compile(rf"\bfrom\s(?=[^,;]{{0,25}}?\d)(?:[^,;]|,\d){{0,60}}?\b(?:in|for)\s+{_YEAR_TOKEN}", re.I)
# "52% of units sold, compared with 41% in 2024": the year of the figure compared with, not of the sentence.
_COMPARED_IN = re.compile(
    rf"\b(?:compared\s+(?:with|to)|as\s+against|versus|vs\.?)\s(?:[^,;]|,\d){{0,60}}?\b(?:in|for)\s+{_YEAR_TOKEN}"
    rf"|\bthan\s+in\s+the\s+same\s+(?:period|time|month|quarter)\s+(?:of|in)\s+{_YEAR_TOKEN}",
    re.I,
)  # "31% more than in the same period of 2025": the year compared with
_ORIGIN = re.compile(rf"\b(?:{_words('origin_verbs')})\s+(?:in|since)\s+{_YEAR_TOKEN}", re.I)
_BASELINE_PREPS = frozenset(("since", "from", "compared to", "compared with", "relative to", "than", "against"))
_FROM_YEAR_TO = re.compile(rf"\b(?:from|between)\s+(?P<a>{_YEAR})\s+(?:to|and|through|until)\s+(?P<b>{_YEAR})\b", re.I)
# Read with match() at a paragraph's or sentence's start: no "^", which without MULTILINE would hold only at the
# text's first character and so never let a later paragraph's opening govern it.
_OPENING = re.compile(
    rf"\W*(?P<prep>by|in|before|until|through)\s+(?:the\s+end\s+of\s+)?(?P<y>{_YEAR})\b"
    rf"|\W*(?P<rel>{_alternation(_CUES['relative_years'])})\b",
    re.I,
)
# After a duration: it dates something or gives an age; it measures nothing.
_WHEN_NOT_HOW_LONG = re.compile(r"[\s-]*(?:ago|later|earlier|old|of\s+age)\b", re.IGNORECASE)
_AGE_WORDS = frozenset(_CUES["age_words"])
_PLACES_MOVED = re.compile(rf"\s+(?:{_words('rank_step_nouns')})\b")
_MOVED = re.compile(rf"\b(?:{_words('rank_move_words')})\s+$")
_POINTING_WORDS = frozenset(_CUES["pointing_words"])
_PARTIES_AFTER = re.compile(rf"\s+(?:{_words('party_nouns')})\b")
_PERIOD_LABEL_OPENERS = frozenset(_CUES["period_label_openers"])
_PERIOD_LABEL_AFTER = re.compile(rf"[ \t]+(?:(?:of[ \t]+)?{_YEAR}\b|(?:{_words('period_label_verbs')})\b)")
_DISCOURSE = re.compile(
    rf"\s+(?:(?:key|main|big|major)\s+)?(?:{_alternation(_CUES['discourse_nouns'])})\b", re.IGNORECASE
)
# A part of a year named without the year ("in the first half", "the first three quarters", "Q3").
_PART_OF_YEAR = re.compile(
    opening("tfslhqjmaon")  # "the", the ordinals, "H1" or "Q1", the months: the look opens all three alternatives
    + r"(?:\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+(?:(?P<n>two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|\d{1,2})\s+)?(?P<part>half|quarters?|months)\b|\b(?P<hq>[HQ][1-4])\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November)\s?[-–]\s?"
    r"(?P<to>February|March|April|May|June|July|August|September|October|November|December)\b)",
    re.IGNORECASE,
)
# What a sentence needs for _PART_OF_YEAR to match in it: one of these (lower-cased; none holds a letter that
# matching ignoring case takes beyond its two cases), or "H1"/"Q3".
_PART_WORDS = ("half", "quarter", "month", "-", "–")
_HQ_DIGIT = re.compile(r"[HQhq][1-4]")
# Every relative year ("last year", "the coming year") and _NEXT_YEARS say "year": a sentence that does not
# is spared both scans.
_YEAR_WORD = "year" if all("year" in k.lower() for k in _CUES["relative_years"]) else ""
_MONTH_NUMBER = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_TITLE_YEAR = re.compile(rf"(?<![\w-]){_YEAR}(?![\w-])")
_ORDINAL_INDEX = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "over the 2022 level": the year a change is measured from.
_YEAR_LEVEL = re.compile(
    rf"\b(?:over|from|than|above|below|on|with|to)\s+(?:the\s+|its\s+|their\s+)?{_YEAR}"
    rf"(?=\s+(?:levels?|baseline)\b)",
    re.IGNORECASE,
)
# Each baseline pattern with the words a sentence must hold for it to match (a look at them spares the scan).
_BASELINE_SCANS = (
    (_SINCE, needed(["since"])),
    (_FROM_IN, needed(["from"])),
    (_COMPARED_IN, needed(["compared", "against", "versus", "vs", "than"])),
    (_ORIGIN, needed(_CUES["origin_verbs"])),
    (_YEAR_LEVEL, needed(["level", "baseline"])),
)
_FROM_TO = needed(["from", "between"])
_PERIOD = re.compile(rf"[(（]\s*(?P<a>{_YEAR})\s*[-–—~至]\s*(?P<b>{_YEAR}|\d{{2}})\s*[)）]")
_SPACES = re.compile(r"\s+")
_CLAUSE_PUNCTUATION = re.compile(r"[,;:]")
_SPACED_DASH = re.compile(r"\s[–—]\s")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,\s|\s(?:[–—]|--)\s")
_WORD = re.compile(r"(?:[A-Z]\.){2,}(?![A-Za-z])|[A-Za-z][\w’'&-]*|&(?=\s)")  # "U.S." whole; "R & D"
_STOP = frozenset(w.lower() for w in _CUES["metric_stop_words"])
_TIME_FRAME = frozenset(w.lower() for w in _CUES["time_frame_words"])
_VERBS = re.compile(
    rf"^(?:{_words('target_cues')}|{_words('statistic_cues')}|{_words('metric_verbs')}|"
    rf"{_words('increase_cues')}|{_words('decrease_cues')})$",
    re.I,
)


_PLURAL_SUBJECT = re.compile(r"(?!(?i:has|is|was|does|remains|stands|reaches)$)[a-zA-Z]+[^s]s")


@lru_cache(maxsize=8192)
def _is_verb(word: str) -> bool:
    """Whether a word is one of the cue or metric verbs; cached, as _VERBS tries some 300
    alternatives and the same words come back in every sentence."""
    return _VERBS.match(word) is not None


_DEFINITE_TYPES = {w.lower(): t for t, words in _CUES["definite_descriptions"].items() for w in words}
_PLAN_REFERENCE = re.compile(
    opening("t")
    + r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:"
    + _alternation(_CUES["plan_reference_nouns"])
    + r")\b",
    re.IGNORECASE,
)
_DISTRIBUTIVE = re.compile(rf"[^.;!?]{{0,40}}?\b(?:{_words('distributive_words')})\b", re.I)
_PAIRED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_LIST_OPENER = re.compile(rf"{_openings('list_openers')}\b(?:{_words('list_openers')})\s+", re.I)
_LIST_OPENER_NEEDS = needed(_CUES["list_openers"])  # what _LIST_OPENER needs (anycase.might_hold)
_AND = re.compile(r"\s+and\s+")
_RUNNING_PROGRAMME = frozenset(w.lower() for w in _CUES["running_programme_heads"])
_WITH_OPENING = re.compile(r"\W*With\s")  # "With 300 firms, Suzhou leads …"
_COMMA = re.compile(r",\s*")
_POSSESSIVE = frozenset(("’s", "'s", "’", "'"))
_PLACE_LEVELS = {w.lower(): frozenset(levels) for w, levels in _CUES["place_description_levels"].items()}
_DEFINITE_TYPES.update({w: "place" for w in _PLACE_LEVELS})
# Up to two modifiers between a definite article and its noun ("the free zone", "the new plant", "the Kragujevac
# factory"): words that are no function words. "The province of Thai Binh" names its place and refers back to none.
_MODIFIER = (
    r"(?:(?!(?:of|in|on|at|to|for|and|or|by|with|from|as|is|are|was|were|has|have|had|will|would)\b)[a-z][a-z-]*\s+)"
)
_WHITESPACE = re.compile(r"\s+")
_DEFINITE = re.compile(
    opening("t")
    + rf"\b(?:the|this|that)\s+{_MODIFIER}{{0,2}}({_alternation(_DEFINITE_TYPES)})\b(?!\s+of\s+(?-i:[A-Z]))",
    re.I,
)
# A sentence or clause that opens on a definite description ("The park is located in X, with …"): what it
# refers to is the subject, whatever names follow in the adjuncts.
# "the country's 14 regions": a description's possessive right before a figure; "17 regions of the country".
_OWNED_BY = re.compile(rf"{opening('t')}\b(?:the|this)\s+(?:{_alternation(_DEFINITE_TYPES)})['’]s\s+$", re.I)
# "the $412 million plant", "this 1.2 GW project": a figure inside a definite description of a facility.
_ARTICLE_BEFORE = re.compile(opening("t") + r"\b(?:the|this|that)\s+$", re.I)
# The noun that heads a definite description, after up to two modifiers; one followed by "of <Name>" names
# its place and refers back to none.
_DESCRIPTION_NOUN = rf"{_MODIFIER}{{0,2}}(?P<noun>{_alternation(_DEFINITE_TYPES)})\b(?![’'-])(?!\s+of\s+(?-i:[A-Z]))"
_DESCRIBED_BY_FIGURE = re.compile(rf"(?:-|\s+){_DESCRIPTION_NOUN}", re.I)
# The rest of a sum's noun phrase up to the one it is given to: "$412 million in direct funding to X",
# "$41.2 million cost-shared award to X", "CZK 1.2 billion for X" (words that are no verbs, no punctuation).
_GIVEN_TO = re.compile(r"(?:\s+(?!to\b|for\b)[a-z][\w-]*){0,4}?\s+(?:to|for)\s+(?:the\s+)?(?=[A-Z])")
_OF_THE_WHOLE = re.compile(
    r"\s+(?:[a-z-]+\s+){1,3}?of\s+(?P<whole>the\s+(?:country|nation|province|state|region))\b(?![’'-])"
)
# A figure that sizes a description ("The $137.7 million project is expected to create …").
_SIZING_FIGURE = (
    r"(?:(?:(?:[$€£¥₹]|[A-Z]{2,3}\s)\d[\d,.]*(?:\s(?:million|billion|trillion|bn|mn))?"
    r"|\d[\d,.]*\s(?:million|billion|trillion|bn|mn)|\d[\d,.]*-[a-z]+)[\s-]+)"
)
_OPENING_DEFINITE = re.compile(
    rf"\W*(?:(?:{_words('linking_adverbs')})\b\W*)?(?P<article>the|this)\s+{_SIZING_FIGURE}?{_DESCRIPTION_NOUN}",
    re.I,
)
_WRITTEN_TYPES = ("place", "park", "cluster", "company")
_ACRONYM = re.compile(r"\b[A-Z][A-Z.&]*[A-Z]\b")
_BROKEN_WORD = re.compile(r"[a-z]-\s+[a-z]")
_TRAILING_LINK = re.compile(r"(?:\s+(?:from|of|in|at|by|for|the))+\s*$", re.I)
_VERB_METRICS = {k.lower(): v for k, v in _CUES["verb_metrics"].items()}
_MONEY_VERB_METRICS = {**_VERB_METRICS, **{k.lower(): v for k, v in _CUES["money_verb_metrics"].items()}}
_PERSON_NOUNS = frozenset(_CUES["person_nouns"])
_PERSON_VERBS = {k.lower(): v for k, v in _CUES["person_verbs"].items()}
_LEVEL_VERBS = frozenset(_CUES["level_verbs"])
_METRIC_JUNK = frozenset(w.lower() for w in _CUES["metric_junk_words"])
_LEVEL_WORDS = frozenset(w.lower() for w in _CUES["level_words"])
_CLASSIFIERS = frozenset(w.lower() for w in _CUES["classifier_nouns"])
_LEADING_ADJECTIVES = frozenset(w.lower() for w in _CUES["metric_leading_adjectives"])
_REPORTING = frozenset(w.lower() for w in _CUES["reporting_verbs"])
_TIME_WORDS = frozenset(w.lower() for w in _CUES["time_words"])
_DESCRIBED_OWNERS = frozenset(_DEFINITE_TYPES) | {"region", "nation"}
_MONTH_NAMES = frozenset(calendar.month_name[1:]) | frozenset(calendar.month_abbr[1:])
_GOVERNING = frozenset(w.lower() for w in _CUES["verb_governing_words"])
_IRREGULAR_PARTICIPLES = frozenset(w.lower() for w in _CUES["irregular_participles"])
_WITH_NP = frozenset(w.lower() for w in _CUES["with_noun_openers"])
_PARENTHESES = re.compile(r"\([^()]*\)|（[^（）]*）")
_TRAILING_POSSESSOR = re.compile(r"(?:\s+[A-Z][\w-]*)*\s*\b[A-Z][\w-]*[’']s\s*$")
# Money followed by what it is in or of: "$10 billion in overseas sales", "Rs 1.97 trillion earmarked in
# incentives", "$36 billion of FDI", "CZK 9.8 billion of Czech state support" (a capitalised adjective may open
# it when lower-case words follow; "of Apple" alone is an owner).
_IN_NOUN = re.compile(
    r"(?:(?:\s+[a-z]+ed)?\s+in|(?:\s+(?:a|per|each)\s+(?:year|annum))?\s+(?:worth\s+)?(?P<of>of))"
    r"\s+(?!(?:the|a|an|total(?!\s+[a-z])|terms|addition|which|this|that|its|their|"
    r"all|each|every|recent|some|fiscal|FY)\b)(?P<np>(?:[A-Z][a-z]+\s+(?=[a-z]))?(?:[a-z][\w’'-]*|[A-Z]{2,}s?\b)"
    r"(?:\s+(?:[a-z][\w’'-]*|[A-Z]{2,}s?\b)){0,4})"
)
# A share and its whole: "59.4% of total exports" (but not "32 percent of which").
_SHARE_OF = re.compile(
    r"\s+of\s+(?!(?:which|whom|them|these|those|it)\b)(?P<np>(?:[\w’'&-]+\s+){0,5}?[\w’'&-]+)"
    r"(?=\s*(?:[,;.:()]|$|\s(?:in|on|at|by|for|from|with|and|was|were|is|are|as|have|has|had"
    r"|will|would|shall|should|can|could|may|might|must)\b))"
)
# Words after a figure that open with a preposition complete that figure ("8 in the central region").
_LEADING_PREPOSITION = re.compile(r"\s*(?:in|of|for|from|at|across|among)\s", re.IGNORECASE)
_TRAILING_AND = re.compile(r"\b(?:and|or)\s*$", re.IGNORECASE)
# Where a new clause with its own subject may begin inside a sentence.
_CLAUSE_OPEN = re.compile(
    r"(?:;|,\s+(?:and|but|while|whereas|of\s+which|among\s+which|among\s+them)\b)\s*", re.IGNORECASE
)
# The owners named in a description of a venture ("X is a joint venture of A and B", "X, a subsidiary of A").
_OWNERS_DESCRIBED = re.compile(
    r"\b(?:joint\s+venture|venture|subsidiary|unit|affiliate)\s+(?:of|between)\s+(?:[^.;]{0,80}?\band\s+)?"
    r"(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE,
)
# A verb that sets what something is worth, its object, then "at" and the figure ("put the total cost of the
# factory at €2.6bn", "valued the contract at $12 million").
_VALUED_AT = re.compile(
    rf"{_openings('valuation_verbs')}\b(?P<verb>{_words('valuation_verbs')})\s+(?P<np>(?:the|its|their|his|her|a|an)\s+[^,;:.()]{{1,60}}?)\s+at\s+$",
    re.IGNORECASE,
)
# Words that end a counted noun phrase where the sum it is worth begins ("nine projects worth Rs 12,500 crore").
_WORTH = frozenset({"worth", "valued", "costing", "totalling", "totaling"})
# "worth" right before a sum, and the words that may stand between them: "MoUs worth about Rs 12,500 crore".
_WORTH_BEFORE = re.compile(
    r"\s+worth\s+(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|up\s+to)\s+)?$", re.IGNORECASE
)
# A works or a company placed by the name after it: "a plant in", "the factory near", "based in", "headquartered in".
_SITE_LOCATOR = re.compile(
    r"\b(?:plant|plants|factory|factories|facility|facilities|works|refinery|mill|site|campus|line|based|"
    r"headquartered|located|sited)\s+(?:[a-z]+\s+){0,2}?(?:in|at|near|outside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Who a request is made of ("asked Warsaw to designate …", "urged the ministry to"): not who owns the figure.
_ADDRESSEE_BEFORE = re.compile(
    r"\b(?:asked|asks|urged|urges|called\s+on|calls\s+on|requested|requests|pressed)\s+(?:the\s+)?$"
)
# A name given as an example ("plants such as the X refinery"): not what the sentence is about.
_EXAMPLE_BEFORE = re.compile(r"\b(?:such\s+as|including|like|namely)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
# A word that makes the name after it an adjunct, not a subject ("announced on the Shanghai Stock Exchange").
_ADJUNCT = re.compile(
    rf"{_openings('subject_adjunct_words')}\b(?:{_words('subject_adjunct_words')})\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}$",
    re.IGNORECASE,
)
# What a rank is a rank in: "ranked third nationwide in bearing exports", "ranks second for output".
_RANKED_IN = re.compile(
    r"(?:\s+(?:nationwide|globally|worldwide|national(?:ly)?|in\s+the\s+(?:world|country|nation)))?"
    r"(?:\s+(?:ranking|rank|place|position))?"  # "a top-three national ranking in digital integration"
    r"\s+(?:in|for)\s+(?!(?:the|a|an|terms|which|this|that|its|their)\b)"
    r"(?P<np>[\w’'-]+(?:\s+(?!(?:in|for|of|among|at|on|with|by|and|since|from|to)\b)[\w’'-]+){0,4})",
    re.IGNORECASE,
)
_RANK_SCOPE = frozenset(w.lower() for w in _CUES["rank_scope_words"])
_DIMENSION_MEASURES = {
    dim: (spec["noun"], spec["form"], frozenset(w.lower() for w in spec["words"]))
    for dim, spec in _CUES["dimension_measures"].items()
}
_ANNUAL_CAPACITY_CUE = re.compile(
    opening(str(w)[0] for w in _CUES["annual_capacity"]["cues"])
    + rf"\b(?:{_alternation(_CUES['annual_capacity']['cues'])})\b",
    re.IGNORECASE,
)
_CAPACITY_MEASURES = frozenset(w.lower() for w in _CUES["annual_capacity"]["measures"])
_NOT_MADE_UNITS = frozenset(("%", "rank", "times"))
# Heads after "a N%" that say how the figure relates to something else, read by other rules ("a 5% increase
# in exports", "a 30% share of sales").
_SIZED_SHARE_NOT = frozenset([w.lower() for w in _CUES["change_nouns_of"]] + ["share", "year-on-year", "cut"])
_ACCORDING = re.compile(opening("a") + r"\baccording\s+to\b", re.IGNORECASE)
# A figure set against the one before it ("exports of RMB 20 billion, compared with RMB 9.8 billion").
_COMPARED_LINK = re.compile(
    opening("cavr") + r"\b(?:compared\s+(?:with|to)|as\s+against|versus|vs\.?|against|relative\s+to)"
    r"(?:\s+(?:a|an|the)(?:\s+[a-z]+)?)?\s*$",
    re.IGNORECASE,
)
_ARTICLES = frozenset(("a", "an", "the"))
# "Pune, Maharashtra", "Haimen District of Nantong City": what joins a place to the one that locates it
_LOCATING = re.compile(r"\s*(?:,|of|in)\s+(?:the\s+)?")
# Where a site lies: "Tien Hai Park in the northern coastal province of Thai Binh", "the plant in Pune".
_SITED = re.compile(
    r"(?:['’]s(?:\s+[a-z][\w-]*){1,3})?"  # "Daebong's cell plants in Korea"
    r"\s*(?:located\s+|based\s+)?(?:in|at|near|outside)\s+"
    r"(?:the\s+(?:[a-z-]+\s+){0,3}(?:province|state|region|city|county|district|prefecture|town)\s+of\s+)?(?:the\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:,\s*|\s+and\s+))*"  # "in Korea and Hungary": every place of the list
)
_SITES = frozenset({"park", "company", "cluster"})
# A place inside a noun phrase a possessive pronoun opens ("its market share in Europe", "their first plant, in
# Chonburi"): where the owner's measure holds, not another owner.
_SCOPED_BY_POSSESSIVE = re.compile(
    r"\b(?i:its|their)(?:\s+[a-z][\w-]*){1,5}?,?\s+(?:in|across|outside|at|near)\s+(?:the\s+)?$"
)
_POSSESSIVES = needed(["its", "their"])  # what _SCOPED_BY_POSSESSIVE needs (anycase.might_hold)
_OF_THE_COUNT = re.compile(rf"\s+of\s+(?:the|its|their|all|all\s+the)\s+(?:(?:\d[\d,]*|{_NUM_WORD})\s+)?(?=[a-z])")
_INVESTED_WORKS = frozenset(_CUES["invested_works"])
_DEGREE_AFTER = re.compile(r"\s+(?:short|more|fewer|less|behind|ahead|shy)\b", re.IGNORECASE)
# "…, followed by Karnataka at Rs 54,427 crore": the same measure for the next in a ranking.
_FOLLOWED_BY = re.compile(
    opening("fabt") + r"\b(?:followed\s+by|ahead\s+of|behind|trailed\s+by)\s+(?:[\w’'-]+\s+){1,4}?"
    r"(?:at|with)\s*$",
    re.IGNORECASE,
)
# A fact box's line: "- Exports: $5.2 billion", "Jobs created: around 3,200".
_LABEL = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:[-•*·▪◦][ \t]*|\(?\d{1,2}[.)][ \t]*)?(?P<label>[A-Za-z][^:\n.;]{0,60}?)"
    r"[ \t]*:[ \t]*(?:[a-z]+[ \t]+){0,2}$"
)
# A figure set off by commas after the measure it restates: "the county's population, about 54,000, …".
_APPOSED = re.compile(
    r"(?:\b(?:the|its|their|our)\s+|[\w-]+['’]s\s+)(?P<np>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*),\s+"
    r"(?:(?:about|around|some|nearly|roughly|approximately|almost|over|more\s+than|less\s+than|just\s+over|"
    r"just\s+under)\s+)?$"
)
# A figure written as a modifier of the noun after it: "110-hectare", "150-MW", "10,000-tonne-per-year".
_AS_MODIFIER = re.compile(r"\d-[A-Za-z]")
# A sum a thing was done "at": "developed by X at a total cost of VND6.8 trillion".
_AT_COST = re.compile(
    r"\bat\s+(?:an?|the)\s+(?P<np>(?:(?:total|estimated|combined|projected|overall|initial)\s+)?"
    r"(?:cost|price|investment|value))\s+of\s*$",
    re.IGNORECASE,
)
_NOUN_AFTER_PARTICIPLE = re.compile(r"[a-z]+ed\s+(?P<noun>[a-z][\w-]*)")
# Written in lower case: "the Ministry of Electronics" is a name, not a description of one named before.
_GOVERNMENT_DEFINITE = re.compile(
    opening("t")
    + rf"\b[Tt](?:he|his)\s+(?:central\s+|national\s+|federal\s+)?(?:{_alternation(_CUES['government_descriptions'])})"
    r"\b(?!['’]s|\s+of\b)"
)
_HEADLINE_SUM_VERBS = frozenset(_CUES["headline_sum_verbs"])
_PERIOD_OPENERS = frozenset(_CUES["period_openers"])
_WORD_GOES_ON = re.compile(r"\s+[a-z]")
# A share a figure sizes, what it is of after it: "a 28% market share", "a 30% share of sales".
_SHARE_HELD = re.compile(
    r"\s+(?P<market>market\s+)?share\b(?:\s+of\s+(?:the\s+|its\s+|their\s+)?(?P<of>[a-z][\w-]*(?:\s+[a-z][\w-]*)?))?"
)
# The names of a list an opener introduces, up to the one at the window's end: "six makers including BYD, NIO and ".
_EXAMPLE_LISTED = re.compile(
    rf"\b(?:{_words('list_openers')})\s+(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$"
)
# The whole a share was of, which a relative clause then sizes: "12 percent of total investment realization, which
# reached Rp 1,905.6 trillion".
_WHOLE_THEN_WHICH = re.compile(r"\s+of\s+(?:the\s+)?(?P<np>[^,;()]{1,60}?),\s+which\s+[a-z]+\s+(?:about\s+|some\s+)?$")
# A measure of a counted set, written before the count: "The output value of the 45 clusters", "Exports from the 12
# provinces", "sales across the 26 manufacturers surveyed".
_OF_A_COUNT = re.compile(
    r"(?P<np>\b[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4}?)\s+(?:of|from|across|among|by)\s+(?:the|its|their|all)\s+$"
)
# A span looked back over after a superlative or a first: "the highest for the period in at least five years".
_LOOKED_BACK_OVER = re.compile(
    rf"\b(?:{_words('looking_back_words')})\b(?:[ \t]+[\w-]+){{0,5}}?[ \t]+(?:in|for)[ \t]+"
    r"(?:(?:at[ \t]+least|more[ \t]+than|over|almost|nearly|about)[ \t]+)?$"
)
# A capitalised participle opening a sentence before a noun it describes ("Pledged FDI", "Targeted sectors"), not a
# goal's verb.
_OPENING_ADJECTIVE = re.compile(r"[A-Z][a-z]+ed[ \t]+(?:[A-Z]{2,}|[a-z][\w-]*[ \t]+(?!to\b)[a-z])")
# What a place is named after when the text only sets another against it: "second only to Johor", "behind Jiangsu".
_SET_AGAINST = re.compile(rf"\b(?:{_words('set_against_words')})\s+(?:the\s+)?$")
# A ranking's next entry right after the one before, whatever its name is known as: "…, followed by XCMG at 16% and
# Zoomlion at 9%" (the figure before's measure, not "Zoomlion").
_UNNAMED_ENTRY = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s+(?:at|with)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+)?"
)
# A ranking's next entry: "followed by XCMG at 16%", ", Jiangsu at", "and Zoomlion at".
_AT_BEFORE = re.compile(r"\s+(?:at|with)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$")
_ENTRY_OPENS = re.compile(r"(?:followed\s+by|ahead\s+of|behind|trailed\s+by|,|\band)\s+(?:the\s+)?$")
# A country's adjective before a measure: "Chinese excavator sales", "Korean exports".
_DEMONYMS: dict[str, str] = _load("demonyms.yaml")["demonyms"]
_DEMONYM_NAMES = "|".join(re.escape(a) for a in sorted(_DEMONYMS, key=len, reverse=True))
# Opened by a look at the names' first letters: the look behind first let sre try every name at every word start.
_NATIONAL = re.compile(
    opening((a[0] for a in _DEMONYMS), ignoring_case=False) + rf"(?<![\w'’-])({_DEMONYM_NAMES})\s+[a-z]"
)
# A sum sizing a nation's scheme: "a €1.1 billion Spanish scheme", "€1.2 billion Italian State aid scheme".
_NATIONAL_SCHEME = re.compile(
    rf"\s+({_DEMONYM_NAMES})\s+(?:[\w-]+\s+){{0,3}}?(?i:{_alternation(_CUES['national_scheme_nouns'])})\b"
)
_NATIONWIDE = re.compile(rf"\b(?:{_words('nationwide_words')})\b", re.IGNORECASE)
# "18% today", "2.5 GWh installed today": the figure is of the document's day.
_TODAY_RIGHT_AFTER = re.compile(r"\s*(?:\w+\s+)?today\b", re.IGNORECASE)
# "up from 48% a year earlier", "compared with $2.5 billion a year ago": the level compared with, then its time
_FROM_FIGURE_BEFORE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+[^\s,;]*\d[^,;]{0,16}$", re.IGNORECASE
)
# A sentence opening on a company's works: "The company's new plant in …", "Its factory at …".
_OPENING_WORKS = re.compile(
    r"\W*(?:[Tt]he\s+(?P<noun>company|firm|group|carmaker|automaker|manufacturer|maker|producer)['’]s|Its|Their)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:plant|factory|facility|works|refinery|mill|fab|gigafactory)s?\s+(?:in|at|near)\b"
)
# A place whose possessive scopes a ranking: "India's top exporter", "the country's second-largest producer".
_RANKING_SCOPE = re.compile(
    r"['’]s\s+(?:top|largest|biggest|leading|first|second|third|fourth|fifth|[a-z]+-largest|[a-z]+-biggest|"
    r"no\.\s*1|number\s+one)\b",
    re.IGNORECASE,
)
# A yearly rate written into a figure that modifies a noun: "40,000-ton-per-year", "500,000-tonne-a-year".
_PER_YEAR_MODIFIER = re.compile(r"-(?:per|a)-(?:year|annum)(?=\s+[a-z])", re.IGNORECASE)
# A works' builder after its site: "… plant in Fukuoka Prefecture by Toyota Tsusho".
_BUILT_BY = re.compile(r"\s*,?\s+by\s+(?:the\s+)?[A-Z]")
# A street address's number: "300 W. Ash St.", "1200 North Main Street", "45 Harbour Road".
_STREET_NUMBER = re.compile(
    r"\d{1,6}\s+(?:[NSEW]\.\s+|(?:North|South|East|West)\s+)?(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Pl|Place|Ct|Court|Hwy|Highway|Pkwy|Parkway)\b"
)
# "with an average annual growth rate of 14.9 percent": a measure noun after an article, the figure "of" it.
_RATE_OF = re.compile(
    opening("ati", ignoring_case=False)
    + r"\b(?:a|an|the|its|their)\s+(?P<np>(?:(?!(?:a|an|the|of|with|for|in|on|by|to|and|or)\s)[a-z][\w-]*\s+){0,3}(?:"
    + _alternation(_CUES["of_figure_heads"])
    + r"))\s+of\s*$",
)
_PLURAL_OF = re.compile(
    rf"\b(?P<np>(?:(?![a-z]+s\s|(?:a|an|the|of|to|and|or|in|for|with)\s)[a-z][\w-]*\s+)?(?:{_words('of_figure_plurals')}))"
    r"\s+of\s*$"
)  # one modifier, no verb's -s form: "production subsidies of", not "offers subsidies of"
# "aiming for a growth of over 25 percent in industrial equipment investment": a change noun the figure is "of".
_CHANGE_OF = re.compile(
    opening("at", ignoring_case=False)
    + r"\b(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<change>"
    + _alternation(_CUES["change_nouns_of"])
    + r")\s+of\s*$"
)
# "…'s excavator sales accounted for 15 percent of the global market": a share verb right before the figure.
_SHARE_VERB = re.compile(r"\b(?:" + _words("share_verbs") + r")\s*$")
_MEASURED_OF = frozenset(("mass", "power", "energy", "area", "volume", "oil", "length", "duration"))
_AGENTIVE = frozenset(w.lower() for w in _CUES["intent_verbs"])
_BODY_NOUNS = frozenset(w.lower() for w in _CUES["body_nouns"])
_REGION_ADJECTIVES = frozenset(w.lower() for w in _CUES["region_adjectives"])
_TITLE_WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Za-z]+)*")
_SUBJECT_TYPES = ("place", "cluster", "park", "company", "programme", "platform", "institution")
_NAME_TYPES = ("company", "programme", "institution", "platform", "government")
_LOOKBACK = 6  # sentences a past-tense sentence may look back for the year it is about
_DIGIT = re.compile(r"\d")
# What ends the noun phrase after a count where it stands between two words (asked of every word read).
_PHRASE_BREAKS = frozenset(",;:.()")
# A length that says how far from somewhere, not how long a thing running "from A to B" is.
_DISTANCE_AFTER = re.compile(r"\s+(?:away\s+)?from\s(?![^,;.]*\bto\s)|\s+away\b", re.IGNORECASE)
_RELATIVE_PRONOUN = re.compile(r"\b(?:which|that|who|whose)\b", re.IGNORECASE)
# A level a figure rose or fell from, told after it ("rise to 1 million units from about 480,000").
_FROM_LEVEL_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+from\s+", re.IGNORECASE)
_PERIOD_NOUNS = frozenset(_CUES["period_nouns"])
_PERIOD_DETERMINERS = frozenset(_CUES["period_determiners"])
_QUOTE_OPENS = re.compile(r"[\"“‘]\s*(?:[A-Za-z-]+\s+){0,3}$")
_QUOTE_CLOSES = re.compile(r"(?:\s+[A-Za-z-]+){0,3}\s*[\"”’]")
# A wire story's dateline ("LIMA, Peru, March 3, 2025 /Agency/ --", "SEOUL (Reuters) -"), or a government
# release's ("New Delhi, 12 March 2026:", "Hanoi, March 12 (VNA) -"): it says where the story was filed, not
# whose figures follow.
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z.'’ -]+(?:,[ \t]*[A-Z][\w.'’ -]*?){0,2}"
    rf"(?:,?[ \t]*(?:{_MONTH_WORD}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?|\d{{1,2}}[ \t]+{_MONTH_WORD}(?:,?[ \t]*\d{{4}})?))?"
    r"[ \t]*(?:/[^/\n]{2,40}/|\([^()\n]{2,40}\))?[ \t]*"
    r"(?:--|[-–—]|:)[ \t]"  # "NEW DELHI: The Union Cabinet …", as Indian papers write it
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},[ \t]*"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH_WORD},?[ \t]+\d{{4}}|{_MONTH_WORD}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?)"
    r"[ \t]*(?:\([^()\n]{2,40}\))?[ \t]*(?::|--|[-–—])[ \t]"
    # "Jakarta (ANTARA) - ", "Hanoi (VNA) – ": a city and its news agency, as Asian agencies write the dateline
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}[ \t]+\([A-Z][A-Za-z]{1,15}\)[ \t]*(?:--|[-–—])[ \t])",
    re.MULTILINE,
)
# The first word of a clause after ", and": a noun phrase's opener makes it a list item, not a predicate.
_FIRST_WORD = re.compile(r"([a-z]+)\b")
_NOUN_PHRASE_OPENERS = frozenset(_CUES["noun_phrase_openers"])
# A sentence whose subject is a pronoun ("It is home to …", "Its exports …"), after any linking adverb.
_OPENS = re.compile(r"\W*")  # nothing but punctuation and spaces before a sentence's first word
_PRONOUN_LED = re.compile(rf"\W*(?:(?:{_words('linking_adverbs')})\b\W*)?(?:it|its|they|their)\b", re.IGNORECASE)
# A verb of state in the present before a figure, in the words it governs (no conjunction or punctuation but a
# number's between): what something has now ("employs 9,800 people in 14 countries", "covers 480 hectares"),
# whatever year another clause of the sentence names.
_PRESENT_STATE = re.compile(
    rf"{_openings('present_state_verbs')}\b(?:{_words('present_state_verbs')})\s(?:(?!\b(?:and|but|or)\b)(?:[^,;:.]|[,.](?=\d)))*$",
    re.IGNORECASE,
)
# An aside that tells a name's history, and its closing comma: ", which went public in 2012,", ", listed in 2010,"
_ASIDE_OPENING = re.compile(
    rf",\s+(?:(?:which|who)\s+(?:was\s+|were\s+)?)?(?:{_words('history_verbs')})\b[^,;:]*$", re.IGNORECASE
)
_ASIDE_CLOSING = re.compile(r"[^,;:.]{0,20},\s")
# "below the national rate of 4.1%", "the national average of": a level of the whole country, set against a part's
_NATIONAL_LEVEL = re.compile(
    r"\bthe\s+(?:national|nationwide|country['’]s)\s+(?:[\w-]+\s+){0,2}?(?:rate|average|level|figure|total|mean)"
    r"\s+(?:of\s+)?(?:(?:about|around|nearly|roughly|some)\s+)?$",
    re.IGNORECASE,
)
# a programme named as a time: "during the 14th Five-Year Plan", "the 14th Five-Year Plan period"
_AS_A_PERIOD_BEFORE = re.compile(r"\b(?:during|throughout|over)\s+the\s+$", re.IGNORECASE)
_PERIOD_AFTER = re.compile(r"\s+(?:period|era)\b", re.IGNORECASE)
_WHICH_BEFORE = re.compile(r",\s+which\b[^,;:]*$", re.IGNORECASE)
_POSSESSIVE_MARKS = ("'s ", "’s ", "' ", "’ ")
# a relative clause in the present ("…, which holds 42% of …", "…, who employs 300 …"): it describes the name now
_RELATIVE_ASIDE = re.compile(
    r",\s+(?:which|who)\s+(?:(?:now|currently|also|still)\s+)?(?:is|are|has|have|(?!was\b)[a-z]+[^s\W]s)\b[^,;:]*$",
    re.IGNORECASE,
)
# "Rs 450 crore for three testing centres": the purpose a sum is for, up to where the phrase ends
_FOR_PURPOSE = re.compile(
    r"[ \t]+for[ \t]+(?:setting[ \t]+up[ \t]+|building[ \t]+)?(?P<np>(?:[\w'’-]+[ \t]+){0,5}?[\w'’-]+)"
    r"(?=[ \t]*[;,.:)\n]|[ \t]+(?:in|at|to|and|by|with|from|under|over|during|until|through|as)\b|\s*$)"
)  # within its line: a headline's purpose never runs into the dateline under it
# What a sum written as a hyphened modifier sizes: the noun after it, past a "-level" or "-scale" grade
_GRADE_AFTER = re.compile(r"(-(?:level|scale|class|grade))?[ \t]+(?=[a-z])")
_SCALED_WHOLES = frozenset(_CUES["scaled_wholes"])
# A comparison written as a sign right before a figure (">30%", "≥ 5 GW", "~300")
_COMPARATOR_SYMBOL = re.compile(r"(?<![\w<>=])(>=|<=|≥|≤|>|<|~)[ \t]?$")
_SYMBOL_CODES = {">": ">", ">=": ">=", "≥": ">=", "<": "<", "<=": "<=", "≤": "<=", "~": "~"}
# "Kuo Feng Precision, with US$150 million": a figure listed against a name, as the ones before it are
# What joins the last two names of a list: "Cheonan and Gumi", "Cheonan, and Gumi".
_LIST_JOIN = re.compile(r",?\s+(?:and|or)\s+")
# A headline's actor and its verb: "Japan to subsidize Rapidus with additional …" (a clause, no measure's name).
_NAMED_ACTOR_TO = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}to\s+[a-z]+\b")
_WITH_LISTED = re.compile(r"[A-Za-z)],\s+with\s+$")
# Words that set a goal right before a figure ("The strategy targets", "Ningxia has promised", "The goal is")
_GOAL_BEFORE = re.compile(
    rf"\b(?:{_words('goal_openers')})\s+(?:(?:{_words('goal_approximators')})\s+)?$", re.IGNORECASE
)
# "As of December 31, 2025, it owned …": the pronoun that opens the main clause after an opening phrase
_PRONOUN_AFTER_OPENING = re.compile(r"[^;:\n]{1,60}?,\s+(?:it|they)\s+[a-z]")
# "Page 2 of 5", "slide 3 of 12": the number of parts of the document or page itself.
_SERIES_TOTAL = re.compile(rf"\b(?:{_alternation(_CUES['identifier_words'])})\s*\d{{1,4}}\s+of\s+$", re.IGNORECASE)
_NAME_COMMA = re.compile(r"\b[A-Z][\w’'-]*,[ \t]$")
_COMMA_LOWER = re.compile(r",[ \t]+[a-z]")
_AGE_MIN, _AGE_MAX = 16, 105
# What a change is measured against ("compared with the same period last year"): not the figure's own time.
_COMPARED_WITH = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|from|over|against|versus|vs\.?)\s+(?:that\s+of\s+)?"
    r"(?:(?:the\s+)?same\s+(?:period|time|month|quarter)\s+(?:of\s+)?)?$",  # "over same period last year", as translations write it
    re.IGNORECASE,
)
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
    year_cues: set[int] = field(default_factory=set)  # where cues that come from a year, not a word, start
    index: int = 0
    timing: _Timing | None = None  # read by _Reader._timing when a figure first asks for it

    def time(self) -> int | None:
        """The year this sentence is about, for sentences after it that do not say."""
        own = [y.year for y in self.years if not y.baseline]
        return max(own) if own else self.relative


class _Timing:
    """What a sentence says of time besides its years: only a figure that names no year asks, so it is
    read the first time one does, not for every sentence; and each part is read the first time a figure
    asks for it, as most figures are placed before the later parts are looked at, and a page without a
    date of its own looks at none of the parts that place a figure by that date (the month, the day)."""

    def __init__(self, text: str, start: int, end: int, pub_month: int | None):
        self.text, self.start, self.end, self.pub_month = text, start, end, pub_month

    @cached_property
    def month_day(self) -> bool:
        """ "on March 3": a day of the document's own year."""
        return _MONTH_DAY.search(self.text, self.start, self.end) is not None

    @cached_property
    def recent_day(self) -> bool:
        """ "on Tuesday", "last week": a day of the week before the document's date."""
        return _RECENT_DAY.search(self.text, self.start, self.end) is not None

    @cached_property
    def month(self) -> int | None:
        """ "in May", "last month": a month of the last twelve before the document's date."""
        return _month_named(self.text, self.start, self.end, self.pub_month)

    @cached_property
    def period_end_month(self) -> int | None:
        """ "the first half" with no year: the month it ends."""
        text, start, end = self.text, self.start, self.end
        lowered = text[start:end].lower()
        part = (
            _PART_OF_YEAR.search(text, start, end)
            if _ANY_YEAR.search(text, start, end) is None
            and (any(w in lowered for w in _PART_WORDS) or _HQ_DIGIT.search(text, start, end))
            else None
        )
        return _part_end_month(part) if part else None

    @cached_property
    def past(self) -> bool:
        text, start, end = self.text, self.start, self.end
        return any(
            not _PERFECT.search(text, max(start, m.start() - 25), m.start()) for m in _PAST.finditer(text, start, end)
        )

    @cached_property
    def present(self) -> bool:
        return _PRESENT.search(self.text, self.start, self.end) is not None


def find_quantities(document: Document, index: TextIndex, entities: list[Entity]) -> list[Quantity]:
    text = document.text or ""
    if not text.strip():
        return []
    return _Reader(document, index, entities).read_all()


class _Reader:
    """One document's context: soft sentences and paragraphs, its year, its plan period, its entities."""

    def __init__(self, document: Document, index: TextIndex, entities: list[Entity]):
        self.text = document.text
        self.pub = year_of(document.published)
        self.pub_month = month_of(document.published)
        self.sentences = _soften(self.text, index.sentences)
        self.paragraphs = _soften(self.text, index.paragraphs)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.period_end = _plan_period(document.title or "", self.text[:_CONTEXT_CHARS])
        self.title_year = _title_year(document.title or "", self.pub)
        # A plan's goals share its horizon. A headline says whether the page is a plan ("… Action Plan") or a
        # release about one; a government page without a headline is taken for a plan, as most such pages are.
        self.is_plan = (
            bool(_PLAN_TITLE.search(document.title)) if document.title else document.source_type == "government"
        )
        self.cache: dict[int, _Sentence] = {}
        self.plan_paragraphs: dict[tuple[int, int], bool] = {}
        self._read_before_verb: dict[tuple[int, int, int], tuple[str, str | None]] = {}
        self._opening_referents: dict[int, str | None] = {}
        self._opening_descriptions: dict[int, re.Match | None] = {}
        datelines = [m.span() for m in finditer_at(_DATELINE, self.text, _line_starts(self.text))]
        self.dateline_ends = {start: end for start, end in datelines}
        # Each entity's mentions that may name a figure's owner, read once for the owners and the main subject.
        naming = {
            id(ent): [(s, e) for s, e in ent.mentions if not _names_nothing(self.text, s, e, ent.type, datelines)]
            for ent in entities
        }
        self.mentions = sorted(
            (s, e, ent.name, ent.type)
            for ent in entities
            if not ent.attributes.get("site")  # a town known only as where a works stands owns no figure
            for s, e in naming[id(ent)]
        )
        # Sorted starts and the longest mention let each lookup bisect instead of scanning every mention.
        self.mention_starts = [m[0] for m in self.mentions]
        self.mention_reach = max((e - s for s, e, _, _ in self.mentions), default=0)
        self.mentions_by_type: dict[str, list[tuple[int, int, str, str]]] = {}
        for m in self.mentions:
            self.mentions_by_type.setdefault(m[3], []).append(m)
        # "the province's output" may refer to the place a government body is named for ("Jiangxi Provincial
        # Government issued the plan"): that place stands in the list definite descriptions search.
        governed = [
            (s, s + len(place), place, "place")
            for s, _, name, _ in self.mentions_by_type.get("government", [])
            if (place := _governed_place(name))
        ]
        if governed:
            self.mentions_by_type["place"] = sorted(self.mentions_by_type.get("place", []) + governed)
        self.main_subject = _main_subject([e for e in entities if naming[id(e)]], document.title)
        self._types = {ent.name: ent.type for ent in entities}
        # The country a story is set in: the one it names most, first named first on a tie.
        countries = sorted(
            (e for e in entities if e.type == "place" and e.mentions and _is_country(e.name)),
            key=lambda e: (-len(e.mentions), min(e.mentions)),
        )
        self.home_country = countries[0].name if countries else None
        # How each place, park, cluster or company is written: its name is the fullest one ("Republic of Korea"),
        # but a figure's subject is named as the text names it there ("South Korea's exports rose 5%"). The forms
        # of a name are read the first time a figure's subject is that name (_as_written), not for every name.
        self._mentioned: dict[str, list[tuple[int, int]]] = {}
        for ent in entities:
            if ent.type in _WRITTEN_TYPES:
                self._mentioned[ent.name] = sorted(ent.mentions)
        self._written: dict[str, list[tuple[int, str]]] = {}
        self._issuer_found: tuple[int, str | None] | None = None
        # A story about a province or city: a country named in a paragraph frames it ("the leading province
        # in China") and does not own the paragraph's figures.
        main = self.main_subject or ""
        self.local_story = (
            bool(main)
            and not _is_country(main)
            and (self._types.get(main) == "place" or bool(load_gazetteer().lookup(main)))
        )

    def read_all(self) -> list[Quantity]:
        out: list[Quantity] = []
        amounts = [a for a in find_amounts(self.text) if not self._skip(a)]
        last_kind: dict[int, str] = {}
        deadline_in_paragraph: dict[int, int | str] = {}
        document_deadline = None
        previous: Quantity | None = None
        for i, a in enumerate(amounts):
            if a.unit == "month" and a.value <= 12 and self._period_label(a):
                continue  # "Export turnover 9 months reached …": the months the next figure covers, which end its window
            s = self._sentence(a.start)
            para = self._paragraph_key(a.start)
            prev_end = max(amounts[i - 1].end, s.start) if i else s.start
            next_start = amounts[i + 1].start if i + 1 < len(amounts) else s.end
            kind = self._kind(a, s) or self._earlier_kind(s, a.start) or last_kind.get(para, "statistic")
            last_kind[para] = kind
            comparator, start = self._comparator(a, prev_end)
            change = self._change(a, s, prev_end, next_start)
            value = a.value
            if (
                value is not None
                and value < 0
                and a.unit == "%"
                and (change or _CHANGED.search(self.text, s.start, a.start))
            ):
                # "changed -3.2%", "growth of -3.2%", "fell -3.2%": a fall of 3.2%, as "fell 3.2%" is
                value, change = -value, "decrease"
            q = Quantity(
                kind=kind,
                text=self.text[start : a.end],
                start=start,
                end=a.end,
                value=value,
                unit=a.unit,
                value_max=a.value_max,
                comparator=comparator,
                change=change,
                alternatives=list(a.alternatives),
            )
            q.annual = self._annual(a, s, prev_end, next_start, previous)
            q.metric = self._metric(a, s, prev_end, start, previous)
            owner = self._subject(a, s)
            q.subject = self._as_written(owner, a.start)
            # A company's short form often opens its longer one ("Hyundai" of "Hyundai Motor's sales"): the metric
            # loses the company's full name, never half of it.
            q.metric = _without_subject(q.metric, owner if self._types.get(owner or "") == "company" else q.subject)
            if q.subject != owner and _possessed_by(q.metric, q.subject):
                q.metric = _without_subject(q.metric, q.subject)  # "Hyundai's U.S. sales", the short form's own
            if q.metric is None and (level_of := self._level_set_for(out, q, para, start)) is not None:
                q.metric = level_of  # "Copper output was 215,000 tonnes. The strategy targets 500,000 tonnes"
            if q.metric is None and DIMENSION.get(a.unit) == "money":
                q.metric = self._what_a_sum_is_for(a)
            dimension = DIMENSION.get(a.unit)
            if dimension is not None and dimension in _DIMENSION_MEASURES:
                q.metric = _dimension_metric(q.metric, dimension)
            if (
                q.annual
                and q.metric
                and a.unit not in _NOT_MADE_UNITS
                and DIMENSION.get(a.unit) != "money"
                and _ANNUAL_CAPACITY_CUE.search(self.text, s.start, s.end)
            ):
                q.metric = _capacity_metric(
                    q.metric
                )  # made a year; but "a cluster worth 1 trillion yuan" is no capacity
            if a.unit == "rank":
                q.metric = self._rank_metric(a, s, q.metric, q.subject)
            q.baseline = self._baseline(a, s) if change or a.unit == "times" else None
            if kind == "statistic" and DIMENSION.get(a.unit) == "money" and _offered(q.metric, comparator):
                kind = q.kind = last_kind[para] = "target"
            if kind == "target":
                deadline = self._deadline(a, s, para)
                if deadline is not None:
                    fronted = _OPENING.match(self.text, s.start, s.end) is not None
                    # A plan's horizon, one fronted in news ("By 2027, the city will …") or one in a paragraph
                    # about a plan ("Under the plan, …") frames the paragraph's other goals; one at the end of a
                    # news clause ("will hire 800 people by 2026") belongs to that clause alone.
                    if self.is_plan or fronted or self._about_plan(para):
                        deadline_in_paragraph[para] = deadline
                    if self.is_plan or fronted:
                        document_deadline = deadline
                else:
                    deadline = deadline_in_paragraph.get(para) or self.period_end or document_deadline
                q.deadline = deadline
            else:
                q.as_of, context = self._as_of(a, s, para)
                if isinstance(q.as_of, int) and self.pub is not None and q.as_of > self.pub:
                    q.as_of = None  # a fact describes a time before its report; a later year is another figure's
                if context is not None and change and q.baseline is None:
                    q.baseline = self._baseline(a, context)
            out.append(q)
            previous = q
        self._distribute(out)
        return out

    def _distribute(self, found: list[Quantity]) -> None:
        """ "Exports and imports rose 5% and 3%, respectively": a run of figures joined by commas and "and",
        closed by a distributive word, takes in order the parts of the list named before the verb: as
        metrics, or as subjects when every part is a name ("Hefei and Wuhu built 30 and 20 factories,
        respectively"). A list whose parts do not match the figures one for one is left alone."""
        i = 0
        while i < len(found):
            j = i
            while j + 1 < len(found) and _PAIRED.fullmatch(self.text, found[j].end, found[j + 1].start):
                j += 1
            run, i = found[i : j + 1], j + 1
            s = self._sentence(run[0].start)
            close = _DISTRIBUTIVE.match(self.text, run[-1].end, s.end) if len(run) > 1 else None
            if close is None or (i < len(found) and found[i].start < close.end()):
                continue
            if all(q.unit == "count" for q in run):
                for q in run[:-1]:
                    q.metric = run[-1].metric  # "30 and 20 factories": the last figure's noun counts them all
            after = self._named_between(run[-1].end, close.end() - len(close.group().split()[-1]), len(run))
            if after:
                for q, name in zip(run, after, strict=True):
                    q.subject = name  # "up 220% and 180% in the UK and Germany respectively"
                continue
            parts = self._listed_before(s, run[0].start, len(run))
            if not parts:
                continue
            names = {m[2] for m in self._mentions_between(s.start, run[0].start) if m[3] in _SUBJECT_TYPES}
            if all(p in names for p in parts):
                for q, p in zip(run, parts, strict=True):
                    q.subject = p
            elif not any(p in names for p in parts) and not any(q.unit == "count" for q in run):
                metrics = [_clean_metric(_WORD.findall(p)) for p in parts]
                if all(metrics):
                    for q, m in zip(run, metrics, strict=True):
                        q.metric = _without_subject(m, q.subject)

    def _named_between(self, lo: int, hi: int, n: int) -> list[str]:
        """The ``n`` names of a list that stands between a run of figures and its distributive word ("… 220% and
        180% in the UK and Germany respectively"): places, companies and the like joined as the figures are (commas
        and "and", ``_PAIRED``), nothing else between them; empty when there is no such list."""
        names = [m for m in self._mentions_between(lo, hi) if m[3] in _SUBJECT_TYPES]
        if len(names) != n or self.text[names[-1][1] : hi].strip(" ,"):
            return []
        if any(not _PAIRED.fullmatch(self.text, a[1], b[0]) for a, b in itertools.pairwise(names)):
            return []
        return [m[2] for m in names]

    def _listed_before(self, s: _Sentence, pos: int, n: int) -> list[str]:
        """The ``n`` parts of the list that ends where the verb group before ``pos`` begins ("Retail sales
        and investment in the city were up" -> "Retail sales", "investment in the city"), starting at the
        nearest clause break that leaves exactly ``n`` ("In 2023, exports, imports and investment were
        …"); empty when no verb stands there or no such list does."""
        words = list(_WORD.finditer(self.text, s.start, pos))
        k, verb = len(words), False
        while k > 0 and ((w := words[k - 1].group().lower()) in _STOP or _is_verb(w) or w in _METRIC_JUNK):
            verb = verb or _is_verb(w)
            k -= 1
        if not verb or k == 0:
            return []
        end = words[k - 1].end()
        starts = [s.start] + [m.end() for m in _CLAUSE_BREAK.finditer(self.text, s.start, end)]
        for lo in reversed(starts):
            for opener in _LIST_OPENER.finditer(self.text, lo, end):
                lo = opener.end()
            phrase = self.text[lo:end].strip()
            parts = _list_parts(phrase)
            if len(parts) != n and "," not in phrase:
                parts = [p for p in _AND.split(phrase) if p]  # "output and exports": the figures say how many
            if len(parts) > n or len(parts) == n and any(map(_holds_verb, parts)):
                break  # a verb inside a part: the list runs into a clause, not a list of measures
            if len(parts) == n:
                return parts
        return []

    # -- which amounts are quantities -------------------------------------------------------
    def _skip(self, a: Amount) -> bool:
        if a.unit in DURATION_UNITS and a.unit in ("year", "month", "week"):
            prev = _previous_word(self.text, a.start)
            if prev in _TIME_FRAME:
                return True  # "over the next three years" frames a figure; it is not one
        if a.unit == "count" and _DISCOURSE.match(self.text, a.end):
            return True  # "3 key takeaways": the text counting its own parts
        if a.unit == "count" and a.bare and _previous_word(self.text, a.start) == "per":
            return True  # "robots per 10,000 workers": the base of a rate, not a figure
        if a.unit == "count" and a.bare and (self._series_total(a) or self._age(a)):
            return True  # "Page 2 of 5"; "Lee, 45, joined the firm"
        if a.unit in DURATION_UNITS and _LOOKED_BACK_OVER.search(self.text, max(0, a.start - 80), a.start):
            return True  # "the highest for the period in at least five years": a span looked back over, no figure
        if a.unit == "count" and _previous_word(self.text, a.start) in _AGE_WORDS:
            return True  # "workers aged 18 to 60": ages, not a count
        if (
            a.unit == "count"
            and _PLACES_MOVED.match(self.text, a.end)
            and _MOVED.search(self.text, max(0, a.start - 24), a.start)
        ):
            return True  # "rose two places to fifth": how far a rank moved, not a count of places
        if (
            a.unit == "count"
            and a.bare
            and a.value <= 10
            and not _DIGIT.search(self.text, a.start, a.end)
            and _previous_word(self.text, a.start) in _POINTING_WORDS
            and _PARTIES_AFTER.match(self.text, a.end) is not None
        ):
            return True  # "the two sides", "these three companies": parties named before, pointed at, not counted
        if _STREET_NUMBER.match(self.text, a.start):
            return True  # "at the City-County Building, 300 W. Ash St.": an address, not 300 watts
        if a.unit in DURATION_UNITS and _WHEN_NOT_HOW_LONG.match(self.text, a.end):
            return True  # "30 years ago", "20 minutes later", "45 years old": a time or an age, not a figure
        for s, e, _, etype in self._mentions_near(a.start):
            if s <= a.start and a.end <= e and etype in _NAME_TYPES:
                return True  # a number inside a name
        return self._quoted_name(a)

    def _quoted_name(self, a: Amount) -> bool:
        """A number word that ends a short quoted phrase, or is capitalised in one, is part of a name ("the
        'new three' products", "the “Three Highs” strategy", "the 'Big Four'"), not a figure; "three new
        plants" in quotes still counts plants."""
        if _DIGIT.search(self.text, a.start, a.end) or not _QUOTE_OPENS.search(
            self.text, max(0, a.start - 40), a.start
        ):
            return False
        closes = _QUOTE_CLOSES.match(self.text, a.end)
        return closes is not None and (self.text[a.start].isupper() or not _WORD.search(closes.group()))

    def _series_total(self, a: Amount) -> bool:
        """The total of a numbered series the page itself shows ("Page 2 of 5")."""
        return (
            self.text.startswith("of ", a.start - 3)
            and _SERIES_TOTAL.search(self.text, max(0, a.start - 40), a.start) is not None
        )

    def _period_label(self, a: Amount) -> bool:
        """Months named as the period a figure covers, as translations of Vietnamese statistics write them: a
        headline's "Bac Ninh: 8 months FDI attraction hit …", "Accumulated 9 months, IIP increased 9.8%", "in 9
        months 2026", "Export turnover 9 months reached …"; not how long something took ("built in 14 months")."""
        text = self.text
        before = text[max(0, a.start - 16) : a.start].rstrip(" \t")
        return (
            before.endswith(":")
            or _previous_word(text, a.start) in _PERIOD_LABEL_OPENERS
            or _PERIOD_LABEL_AFTER.match(text, a.end) is not None
        )

    def _age(self, a: Amount) -> bool:
        """A person's age set off by commas after the name, as news writes it ("Ortiz, 52, said")."""
        return (
            self.text.startswith(",", a.end)
            and _AGE_MIN <= a.value <= _AGE_MAX
            and a.end - a.start <= 3
            and _NAME_COMMA.search(self.text, max(0, a.start - 40), a.start) is not None
            and _COMMA_LOWER.match(self.text, a.end) is not None
        )

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
        imperative = _IMPERATIVE.match(text, start, end)
        if imperative is not None:
            s.cues.append((imperative.start(1), imperative.end(1), "target"))
        for m in _CUE.finditer(text, start, end):
            if m.group("t") and _OPENING_ADJECTIVE.match(text, m.start(), end) and not text[start : m.start()].strip():
                continue  # "Pledged FDI rose 1.3%": a participle that opens the sentence describes its subject
            if m.group("t"):
                last_target = m.end()
            elif m.group("a") and last_target >= 0:
                continue  # "will expand existing capacity by 50%": the goal's starting point, not a fact's tense
            elif last_target >= 0 and _MODAL_GAP.match(text[last_target : m.start()]):
                continue  # "will be increased", "should have reached": the modal governs the participle
            s.cues.append((m.start(), m.end(), "target" if m.group("t") else "statistic"))
        # Every pattern about years holds a year; most sentences hold none and skip them all.
        has_year = _ANY_YEAR.search(text, start, end) is not None
        # Lower-cased, the sentence shows at once which of the scans below can match in it at all.
        sentence = text[start:end]
        lowered = sentence.lower()
        baseline_ends = {
            m.end()
            for r, needs in _BASELINE_SCANS
            if has_year and might_hold(sentence, lowered, needs)
            for m in r.finditer(text, start, end)
        }
        for m in (
            _FROM_YEAR_TO.finditer(text, start, end) if has_year and might_hold(sentence, lowered, _FROM_TO) else ()
        ):
            baseline_ends.add(m.end("a"))
            s.from_year = int(m.group("a"))
        # a wire's dateline ("ATLANTA, Sept. 9, 2026 /PRNewswire/ --") dates the story, not its figures
        after_dateline = self.dateline_ends.get(start, start)
        for m in _YEAR_EXPR.finditer(text, after_dateline, end) if has_year or "FY" in sentence else ():
            if m.group("span1") and int(m.group("span2")) != (int(m.group("span1")) + 1) % 100:
                continue  # "2021-25" is a plan's period, not one fiscal year
            year = _expr_year(m)
            prep = _SPACES.sub(" ", (m.group("prep") or "").strip().lower())
            is_base = prep in _BASELINE_PREPS or "that of" in prep or "that in" in prep or m.end() in baseline_ends
            s.years.append(_YearMention(m.start(), m.end(), year, prep, is_base))
            cue = self._year_cue(year, prep, is_base)
            if cue:
                s.cues.append((m.start(), m.end(), cue))
                s.year_cues.add(m.start())
        # "last year", "in the next three years" are counted from the page's date: an undated page reads neither
        says_year = self.pub is not None and _YEAR_WORD in lowered
        rel = _RELATIVE.search(text, start, end) if says_year else None
        if rel and (
            _FROM_FIGURE_BEFORE.search(text, max(start, rel.start() - 30), rel.start())
            or _COMPARED_WITH.search(text, max(start, rel.start() - 40), rel.start())
        ):
            rel = None  # "55% of the total, up from 48% a year earlier": the year of the level compared with
        if rel and self.pub is not None:
            s.relative = self.pub + _relative_offset(rel)
        nxt = _NEXT_YEARS.search(text, start, end) if says_year else None
        before = [c for c in s.cues if c[1] <= nxt.start()] if nxt and not nxt.group("ahead") else []
        if before and before[-1][2] == "statistic" and _PAST.fullmatch(text, before[-1][0], before[-1][1]):
            nxt = None  # "prices fell by 30 percent in two years": how long the past change took, no horizon
        elif (
            nxt
            and not nxt.group("ahead")
            and _LOOKED_BACK_OVER.search(text, max(start, nxt.start("n") - 80), nxt.start("n"))
        ):
            nxt = None  # "the highest in 5 years", "the first rise in three years": since when, no horizon
        if nxt and self.pub is not None:
            n = nxt.group("n")
            s.next_years = self.pub + int(n if n.isdigit() else NUMBER_WORDS.get(n.lower(), 0))
            s.cues.append((nxt.start(), nxt.end(), "target"))
        s.cues.sort()
        return s

    def _timing(self, s: _Sentence) -> _Timing:
        if s.timing is None:
            s.timing = _Timing(self.text, s.start, s.end, self.pub_month)
        return s.timing

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

    def _about_plan(self, para: int) -> bool:
        """Whether the paragraph speaks of a plan ("the plan", "this roadmap"), whose goals share one horizon."""
        span = self._paragraph(para)
        known = self.plan_paragraphs.get(span)
        if known is None:  # once per paragraph: a paragraph can be the whole text
            known = self.plan_paragraphs[span] = _PLAN_REFERENCE.search(self.text, *span) is not None
        return known

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
        return self.text[p1 - 1] == ":" or bool(
            _ITEM.match(self.text, self.paragraphs[i][0]) and _ITEM.match(self.text, p0)
        )

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
        said_target = adjacent_year = False
        # "X to build a plant – Land grants EUR 34 million": a spaced dash joins two clauses of a headline
        dash = (
            max((m.end() for m in _SPACED_DASH.finditer(self.text, s.start, a.start)), default=s.start)
            if s.start == 0
            else s.start
        )
        for cs, ce, kind in s.cues:
            if ce <= dash:
                continue
            if ce <= a.start:
                before = kind
                said_target = said_target or (
                    kind == "target" and cs not in s.year_cues and _MODAL.match(self.text, cs, ce) is None
                )
            elif cs >= a.end:
                gap = self.text[a.end : cs]
                if (
                    adjacent is None
                    and after is None
                    and len(gap.split()) <= 3
                    and not _CLAUSE_BREAK.search(gap)
                    and not _CONJUNCTION.search(gap)
                    and not _LINKED_TO_ANOTHER.search(gap)
                ):
                    adjacent, adjacent_year = kind, cs in s.year_cues
                if after is None:
                    after = kind
        if self._starting_level(a, s):
            return "statistic"  # "to $150 billion by 2030, up from $99 billion in 2023": where the goal starts
        if adjacent == "statistic" and adjacent_year and said_target:
            # "exports were expected to reach $40 billion in 2023": a goal in any tense. A bare modal with a
            # past year ("will have … in 2021") is left to the year: it is more often a translation's slip.
            return "target"
        return adjacent or before or after

    def _starting_level(self, a: Amount, s: _Sentence) -> bool:
        """Whether the amount is the level a change starts from in a past year ("from 99 in 2023"), or
        the past level a goal is set against ("exports of RMB 20 billion by 2027, compared with RMB 9.8
        billion in 2023"), or the present level a goal starts from ("from the current 40 billion")."""
        lo = max(s.start, a.start - 40)
        window = self.text[lo : a.start]
        # The readings of "from" are tried only where the window holds the word, one look for three searches.
        if might_hold(window, window.lower(), _FROM_NEEDS):
            if _FROM_PRESENT.search(self.text, lo, a.start):
                return True  # "from the current 40 billion yuan to 65 billion": the level now, which the goal raises
            level = _FROM_LEVEL.search(self.text, lo, a.start)
            if level and _TO_LEVEL.match(self.text, a.end):
                return True  # "will be raised from 44% to 80%": the level the change starts from
            if level and _GOAL_LEVEL_BEFORE.search(self.text, s.start, a.start):
                return True  # "raise local content to 40% by 2030, from 18% today": where the goal starts
        if _COMPARED_LINK.search(self.text, lo, a.start) and _NOW_AFTER.match(self.text, a.end, s.end):
            return True  # "aims for 40 GWh by 2030, against 2.5 GWh installed today": the level now
        if _TODAY_AFTER.match(self.text, a.end, s.end) and not _MODAL_BEFORE.search(self.text, s.start, a.start):
            return True  # "About 420 staff are on site today": what holds now (not "X today announced …")
        pub = self.pub
        if pub is None:
            return False
        if (
            any(y.baseline and y.year < pub and 0 <= y.start - a.end <= 12 for y in s.years)
            and _previous_word(self.text, a.start) == "from"
        ):
            return True
        return (
            any(y.year < pub and 0 <= y.start - a.end <= 12 for y in s.years)
            and _COMPARED_LINK.search(self.text, max(s.start, a.start - 40), a.start) is not None
        )

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
        elif after and (group := after.lastgroup):  # the (?P<cN>…) alternative that matched
            code = _COMPARATOR_AFTER_CODES[int(group[1:])]
        elif m and (group := m.lastgroup):
            code = _COMPARATOR_CODES[int(group[1:])]
        elif symbol := _COMPARATOR_SYMBOL.search(self.text, max(prev_end, a.start - 3), a.start):
            return _SYMBOL_CODES[symbol.group(1)], symbol.start()  # "Overseas exhibitor ratio: >30%"
        else:
            code = "="
        start = m.start() if m else a.start
        if m and not self.text[m.start() : a.start].strip():
            start = a.start
        return code, start

    def _change(self, a: Amount, s: _Sentence, prev_end: int, next_start: int) -> str | None:
        if a.unit == "rank":
            return None
        lo = max(prev_end, a.start - 80)
        window = self.text[lo : a.start]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        if breaks:
            window = window[breaks[-1].end() :]
        cues = [
            m
            for m in _CHANGE_CUE.finditer(window)
            if not (m.group().lower() == "up" and _previous_word(window, m.start()) in _PHRASAL_UP)
        ]
        if cues and _CHANGE_GAP.match(window, cues[-1].end()):
            return "increase" if cues[-1].group("inc") else "decrease"
        tail = self.text[a.end : min(next_start, s.end, a.end + 40)]
        after = _CHANGE_AFTER.match(tail)
        if after and (after.group("inc") or after.group("dec")):
            if after.group("inc") and after.group("inc").lower() == "more than" and a.unit == "count":
                return None
            return "increase" if after.group("inc") else "decrease"
        if _CHANGE_SUFFIX.match(tail):
            return "increase"
        return None

    def _annual(self, a: Amount, s: _Sentence, prev_end: int, next_start: int, previous: Quantity | None) -> bool:
        window = self.text[max(prev_end, a.start - 60) : a.start]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        if _ANNUAL_BEFORE.search(window, breaks[-1].end() if breaks else 0):
            return True
        if (
            previous is not None
            and previous.annual
            and previous.end >= s.start
            and _COORDINATED.match(self.text, previous.end, a.start)
        ):
            return True  # "an annual output of 30 million sets and 150,000 tons"
        tail = self.text[a.end : min(next_start, s.end)]
        brk = _CLAUSE_PUNCTUATION.search(tail)
        if brk:
            tail = tail[: brk.start()]
        return bool(_ANNUAL_AFTER.search(tail))

    def _metric(self, a: Amount, s: _Sentence, prev_end: int, start: int, previous: Quantity | None) -> str | None:
        """What the figure counts, tried in the order a reader looks: the noun after a count
        ("300 smart factories"), what money is "in" ("$10 billion in overseas sales"), the words before
        the figure and its verb ("exports totaled …"), the whole a share is "of" ("59.4% of total
        exports"), and for a figure that only restates a change ("…, up 7.1%") or is set against
        another ("…, compared with RMB 9.8 billion in 2023") the metric of the figure before it in the
        sentence. ``start`` is where the figure's comparator begins: the words before it are read.
        Words that cannot name a measure (pronouns, verbs, comparators, "record high") are never
        returned; no metric is better than a fragment."""
        earlier = previous.metric if previous is not None and previous.start >= s.start else None
        if earlier and previous is not None and previous.unit == "rank" and a.unit != "rank":
            # "came second with US$3.1 billion": the sum measures what the rank is in, never the rank
            earlier = earlier.removeprefix("rank in ") if earlier.startswith("rank in ") else None
        if earlier and (
            _COMPARED_LINK.search(self.text, max(prev_end, start - 40), start)
            or _FOLLOWED_BY.search(self.text, max(prev_end, start - 60), start)
            or self._ranking_entry(prev_end, start) is not None
            or _UNNAMED_ENTRY.fullmatch(self.text, prev_end, start) is not None
            or (_FROM_LEVEL_AFTER.fullmatch(self.text, prev_end, start) and not self._counts_other(a, s, earlier))
        ):
            return earlier
        lo = max(prev_end, start - 80)
        label = _LABEL.search(self.text, lo, start) if self.text.find(":", lo, start) >= 0 else None
        if label and (named := _clean_metric(_WORD.findall(label.group("label")))):
            return named  # "- Jobs created: around 3,200": a fact box's label names the figure
        if (
            (dimension := DIMENSION.get(a.unit)) in _DIMENSION_MEASURES
            and (
                _AS_MODIFIER.search(self.text, a.start, a.end)
                or _SIZED_THING.match(self.text, a.end) is not None  # "a 12 GWh battery cell plant"
            )
            and not self.text.startswith("-", a.end)
            and (modified := self._counted_noun(a, s))
            and modified.lower() not in _DIMENSION_MEASURES[dimension][2]
        ):
            # "bought a 110-hectare brownfield site": the figure is the site's, whatever the verb ("covers a
            # 1,200-hectare area" names no other thing: the area is the park's)
            return modified
        if (
            a.unit not in _NOT_MADE_UNITS
            and DIMENSION.get(a.unit) != "money"
            and (per_year := _PER_YEAR_MODIFIER.match(self.text, a.end))
            and (made := self._counted_noun(a, s, after=per_year.end()))
        ):
            return _capacity_metric(
                made
            )  # "a 40,000-ton-per-year lithium hydroxide plant": what the plant makes a year
        if self.text.startswith(",", a.end) and (apposed := _APPOSED.search(self.text, max(s.start, lo), start)):
            if named := _clean_metric(_WORD.findall(apposed.group("np"))):
                return named  # "the county's population, about 54,000, has barely grown": the figure restates it
        if at_cost := _AT_COST.search(self.text, max(s.start, start - 40), start):
            return at_cost.group("np").lower()  # "developed by X at a total cost of VND6.8 trillion": the cost
        near = max(s.start, start - 40)
        worth = _WORTH_BEFORE.search(self.text, near, start) if self.text.find("worth", near, start) >= 0 else None
        if worth and (named := self._worth_what(worth.start(), max(s.start, start - 80))):
            return named  # "signed MoUs with six companies for investments worth Rs 12,500 crore": the investments
        valued = _VALUED_AT.search(self.text, max(s.start, start - 90), start)
        if valued and (named := _clean_metric(_WORD.findall(valued.group("np")))):
            # "put the total cost of the factory at €2.6bn": what the sum is set as, not the verb that sets it
            return f"value of {named}" if valued.group("verb").lower().startswith(("valu", "pric")) else named
        if a.unit == "count":
            of_the = _OF_THE_COUNT.match(self.text, a.end)  # "61 of the 118 projects": projects
            after = self._counted_noun(a, s, earlier, of_the.end() if of_the else None)
            if after and after.split()[-1].lower() in _PERSON_NOUNS:
                return self._people_metric(after, s, prev_end, start)
            if after:
                return after
            if _DEGREE_AFTER.match(self.text, a.end):
                return None  # "three short of the target", "four more under review": a difference, not a level
        elif DIMENSION.get(a.unit) == "money":
            grade = _GRADE_AFTER.match(self.text, a.end) if "-" in self.text[a.start : a.end] else None
            sized = self._counted_noun(a, s, after=grade.end(), head_noun=True) if grade else None
            if grade and sized and (grade.group(1) or sized.split()[-1].lower() in _SCALED_WHOLES):
                # "100-billion-yuan industry clusters", "a 100-billion-yuan-level industrial chain": their scale
                return f"scale of {sized}"
            # a headline drops its articles: "Commission approves €1.2 billion Italian State aid scheme"
            before_sum = _previous_word(self.text, start)
            article = before_sum in _ARTICLES or (
                before_sum in _HEADLINE_SUM_VERBS and "\n" not in self.text[: s.start].strip()
            )
            # after an article the sum sizes a noun phrase, whose head is a noun though a verb elsewhere ("grant")
            sized = self._counted_noun(a, s, head_noun=article)
            if sized and sized.split()[-1].lower() in _INVESTED_WORKS:
                return f"investment in {sized}"  # "its $1.4 billion cathode plant": what is invested in the plant
            if sized and article:
                return sized  # "a EUR 3 billion state aid measure", "a $2 billion investment", "a $5 million grant"
            m = _IN_NOUN.match(self.text, a.end, s.end)
            if m and m.group("of") and _previous_word(self.text, a.start) in _MONEY_VERB_METRICS:
                m = None  # "exported $5 billion of equipment" measures exports
            if (
                m
                and (
                    noun := _clean_metric(_whole_phrase(_until_time(_WORD.findall(m.group("np"))), m, self.text), True)
                )
                and noun not in self._types
            ):
                return noun  # what the sum is in, a noun phrase: "$2 billion in new funding"; not where ("in Texas")
        elif DIMENSION.get(a.unit) in _MEASURED_OF:
            m = _IN_NOUN.match(self.text, a.end, s.end)
            if m and m.group("of") and (noun := _clean_metric(_until_to(_until_time(_WORD.findall(m.group("np")))))):
                # "1,000 GW of renewable capacity", "300,000 tonnes of steel", "75 GW of modules to customers"
                return noun
        if a.unit == "%" and (
            _previous_word(self.text, start) in _ARTICLES or _SUPPORT_AFTER.match(self.text, a.end) is not None
        ):
            # "a 50% rebate on the payroll tax", "a 51% stake": what the share sizes; so, without an article, a
            # support it sizes ("a 10-year, 75% property tax abatement", "get 100% reimbursement of stamp duty")
            sized = self._counted_noun(a, s, head_noun=True)
            head = _WORD.search(self.text, a.end, s.end)
            words = [*(sized or "").split(), head.group() if head else ""]
            if sized and not any(w.lower() in _SIZED_SHARE_NOT for w in words):
                return sized
        if a.unit == "%" and (held := _SHARE_HELD.match(self.text, a.end)):
            # "holds a 28% market share", "a 28% share of the market": a share, of what it names
            of = _clean_metric(_WORD.findall(held.group("of") or ""), head_noun=True)
            return f"share of {of}" if of else "market share" if held.group("market") else "share"
        if DIMENSION.get(a.unit) == "length" and _DISTANCE_AFTER.match(self.text, a.end):
            return "distance"  # "sits about 40 km from the airport"
        rate = _RATE_OF.search(self.text, max(prev_end, start - 60), start) or (
            _PLURAL_OF.search(self.text, max(prev_end, start - 30), start)
            if self.text.find("of", max(prev_end, start - 8), start) >= 0
            else None
        )
        if rate:
            # the head after an article is a noun, though "grant" and "award" are verbs elsewhere
            return _clean_metric(rate.group("np").split(), head_noun=True) or rate.group("np")
        if a.unit == "%" and (change := _CHANGE_OF.search(self.text, max(prev_end, start - 40), start)):
            m = _IN_NOUN.match(self.text, a.end, s.end)
            if m and not m.group("of") and (noun := _clean_metric(_until_time(_WORD.findall(m.group("np"))))):
                return f"{noun} {change.group('change')}"
        words, verb_named = self._words_before(s, prev_end, start, DIMENSION.get(a.unit) == "money")
        if (whole_of_count := self._whole_of_a_count(previous, words, s, start)) is not None:
            return whole_of_count
        share = _SHARE_OF.match(self.text, a.end, s.end) if a.unit == "%" else None
        whole = _clean_metric(_WORD.findall(share.group("np"))) if share else None
        if whole and share and share.group("np").lower().endswith(f"{whole.lower()} total"):
            whole = f"{whole} total"  # "one fifth of the national total": the noun, though "total" is a verb elsewhere
        if whole and (not verb_named or _SHARE_VERB.search(self.text, max(prev_end, start - 30), start)):
            return f"share of {whole}"  # "local suppliers now provide 60% of the cells": no verb we know leads to it
        # a verb's -s form left last is the subject's head noun (see _words_before): "Operating costs fell to"
        words = _until_time(words, periods_only=True)
        before = _clean_metric(words, head_noun=bool(words) and _PLURAL_SUBJECT.fullmatch(words[-1]) is not None)
        if before and (
            self._types.get(before) in (*_SUBJECT_TYPES, "government")
            or before.split()[-1].lower() in _BODY_NOUNS
            or _NAMED_ACTOR_TO.match(before)
            or self._part_of_a_name(before, max(prev_end, s.start), start)
        ):
            # "Central Sulawesi and North Maluku accounted for 70 percent of it", "The Spanish government has
            # approved €1.25 billion", "Japan to subsidize Rapidus with additional …": whose, or who acts, not what
            before = None
        if before:
            return before
        if whole:
            return f"share of {whole}"
        if previous is not None and a.unit != "%" and _other_dimension(previous.unit, a.unit):
            return None  # "at a cost of $268 million, covers 480 hectares": an area is not a cost
        if (
            earlier
            and (whose := _WHOLE_THEN_WHICH.match(self.text, prev_end, start))
            and (whole_named := _clean_metric(_WORD.findall(whose.group("np"))))
        ):
            return whole_named  # "12 percent of total investment realization, which reached Rp 1,905.6 trillion"
        return earlier  # "Imports reached 18.39 trillion yuan, up 2.3%"

    def _whole_of_a_count(self, previous: Quantity | None, words: list[str], s: _Sentence, start: int) -> str | None:
        """The measure a count before the figure sits inside: "The output value of the 45 clusters reached 19
        trillion yuan" measures the output value of the 45 clusters, not "clusters", which the words between the
        two figures alone would name."""
        if (
            previous is None
            or previous.start < s.start
            or previous.unit != "count"
            or not words
            or not previous.metric
            or words[0].lower() != previous.metric.split()[-1].lower()
        ):
            return None
        head = _OF_A_COUNT.search(self.text, max(s.start, previous.start - 60), previous.start)
        np = _clean_metric(_WORD.findall(head.group("np"))) if head is not None else None
        noun = self.text.find(words[0], previous.end, start)
        if head is None or np is None or noun < 0:
            return None
        return f"{np} {' '.join(self.text[head.end('np') : noun + len(words[0])].split())}"

    def _people_metric(self, noun: str, s: _Sentence, prev_end: int, start: int) -> str:
        """A count of people measures what the verb before it does to them ("will employ about 1,100
        people": employment; "will hire 850 workers": workers hired), or, for bare "people" after a verb
        that brings a measure to a level, what the words before it name ("Employment in the park is to
        reach 20,000 people"; "the town had 20,000 people" names only where); else the people themselves."""
        verb = _previous_word(self.text, start)
        if verb in _PERSON_VERBS:
            return _PERSON_VERBS[verb].format(noun)
        if noun.lower() in ("people", "persons") and verb in _LEVEL_VERBS:
            words, verb_named = self._words_before(s, prev_end, start)
            if verb_named and (before := _clean_metric(words)):
                return before
        return noun

    def _rank_metric(self, a: Amount, s: _Sentence, metric: str | None, subject: str | None) -> str | None:
        """A rank measures a position in something: what it is ranked "in" or "for" after it ("ranked
        third nationwide in bearing exports"), else what the words before it measure, never a share
        ("accounted for 15% of the market, ranking first": a rank in the market, not a share of it).
        Named as "rank in …"; a bare "rank" when nothing says in what."""
        m = _RANKED_IN.match(self.text, a.end, s.end)
        words = _until_time(_WORD.findall(m.group("np"))) if m else []
        named = _clean_metric(words) if words and words[-1].lower() not in _RANK_SCOPE else None
        base = named or (metric[len("share of ") :] if metric and metric.startswith("share of ") else metric)
        if not base or base == subject or base.lower() in _DEFINITE_TYPES:
            return "rank"  # "Ruritania ranked second", "The company ranks No. 3": who is ranked, not in what
        return base if re.search(r"\b(?:rank|ranking|top|place|position)\b", base, re.I) else f"rank in {base}"

    def _counted_noun(
        self, a: Amount, s: _Sentence, earlier: str | None = None, after: int | None = None, head_noun: bool = False
    ) -> str | None:
        """The noun phrase after a count ("300 smart factories"), ended where a clause that describes
        it begins: a participle after a plural ("platforms serving …", "workshops recognised at …"), a
        preposition, another number. "and" joins modifiers of one head ("small and medium-sized
        enterprises") but not two heads ("cities and counties"). A count followed only by a participle
        ("one recognised as …") or a word of degree ("three short of …") names nothing. "ones" stands
        for the head of the sentence's ``earlier`` metric ("800 direct jobs and 2,000 indirect ones");
        "such" only points back ("30 such stations"). ``after`` is where the noun phrase is read from,
        when not right after the count ("61 of the 118 projects" reads from "projects")."""
        words: list[str] = []
        ends: list[int] = []
        begin = a.end if after is None else after
        for m in _WORD.finditer(self.text, begin, min(s.end, begin + 80)):
            gap = self.text[(ends[-1] if ends else begin) : m.start()]
            word = m.group()
            low = word.lower()
            if not _PHRASE_BREAKS.isdisjoint(gap) or len(words) >= 6 or low in NUMBER_WORDS or low in _TIME_WORDS:
                break
            if any(c.isdigit() for c in gap) or low in _WORTH:
                break  # "72 projects worth 138 billion baht", "projects worth Rs 12,500 crore": what they are worth is another figure
            if low == "such" and not words:
                ends.append(m.end())
                continue
            if low == "ones" and words and earlier:
                words.append(earlier.split()[-1])
                break
            if low in ("and", "&") and words and _modifier(words[-1]):
                pass  # "research and development centres"
            elif not words and low in _STOP and (adjective := _NOUN_AFTER_PARTICIPLE.match(self.text, m.start())):
                if adjective.group("noun").lower() in _STOP:
                    break
                # "171 approved applications": a participle before a noun is its adjective
            elif low in _STOP and not (low == "of" and words and words[-1].lower() not in _STOP):
                break
            elif (
                words
                and _participle(word)
                and (words[-1].lower().endswith("s") or self.text.startswith(" by ", m.end()))
            ):
                # "platforms serving specific industries", "a smelter operated by X": the clause describes them
                break
            words.append(word)
            ends.append(m.end())
        while words and words[-1].lower() in ("and", "&"):
            words.pop()
        if not words or (words[0].lower() in _CLASSIFIERS and (len(words) == 1 or words[1] != "of")):
            return None  # "10,000 units": what the units are is said before the figure
        if _participle(words[0]) and (len(words) == 1 or words[1].lower() in _STOP and words[1].lower() != "and"):
            return None  # "one recognised as a workshop": a pronoun and its verb
        return _clean_metric(words, head_noun)

    def _words_before(self, s: _Sentence, prev_end: int, end: int, money: bool = False) -> tuple[list[str], bool]:
        """The words before a figure (up to ``end``) that may name what it measures, and whether a
        verb we know stood among them. A verb that moves money names the measure of a sum (``money``)
        only."""
        verb_metrics = _MONEY_VERB_METRICS if money else _VERB_METRICS
        # a wire's dateline opening the sentence ("JAKARTA (Antara) - Investment … reached") names no measure
        lo = max(prev_end, s.start, min(end, self.dateline_ends.get(s.start, 0)))
        window = _without_examples(_PARENTHESES.sub(" ", self.text[lo:end]))
        cut = list(_CLAUSE_BREAK.finditer(window))
        if cut:
            window = _past_aside(window, cut)
        if lo > s.start and _LEADING_PREPOSITION.match(window) and _TRAILING_AND.search(window):
            return [], False  # "30 in the east, 8 in the central region and 5 …": the words end the figure before
        # "and" between two modifiers joins them ("specialized and sophisticated enterprises"); another
        # conjunction, or "and" after a noun or verb, opens a new clause
        conj = [
            m
            for m in _CONJUNCTION.finditer(window)
            if m.group().lower() != "and" or not _joins_modifiers(_WORD.findall(window, 0, m.start())[-1:])
        ]
        if conj and _WORD.search(window, conj[-1].end()):
            window = window[conj[-1].end() :]
        elif conj and conj[-1].group().lower() == "that":
            return [], False  # "proposes that at least 40% of …": the figure opens the clause that follows

        words = [w.strip("'’") for w in _WORD.findall(window)]
        said = max((i for i, w in enumerate(words) if w.lower() in _REPORTING), default=None)
        if said is not None and said + 1 < len(words):
            words = words[said + 1 :]  # "Officials said output would grow 8%": what follows the report
        elif said is not None:
            return [], True  # "The state expects $4 billion": who reports, not what
        # "to a record $700 billion", "a total revenue of": after an article, a noun
        verbs = [i for i, w in enumerate(words) if _is_verb(w) and (i == 0 or words[i - 1].lower() not in _ARTICLES)]
        # "Operating costs fell to €10 million": a verb's -s form right before the sentence's verb is its subject, a
        # noun ("costs", "uses", "runs"), where "has fallen" or "is expected" keep their auxiliary
        verbs = [i for i in verbs if not (i + 1 in verbs and _PLURAL_SUBJECT.fullmatch(words[i]))]
        verb = verbs[-1] if verbs else None
        if verb is not None:
            tail = _without_verb(words[verb], words[verb + 1 :])
            if tail is None:
                if noun := verb_metrics.get(words[-1].lower()):
                    return noun.split(), True  # "a factory that will cost $60 million": the verb names the measure
                return [], True  # "the city will arrange 500 million yuan": the words before name who acts, not what
            content = [
                w
                for w in tail
                if w.lower() not in _STOP
                and not _is_verb(w)
                and not _verbal(w)
                and w.lower() not in _METRIC_JUNK
                and not _is_comparator(w)
                and w.lower() not in _LEVEL_WORDS
                and not _multiplier(w.lower())
            ]
            if not content and (noun := verb_metrics.get(words[verb].lower())):
                return noun.split(), True  # "the cluster exported RMB 13.4 billion": the verb names the measure
            if not content and words[verb].lower() in _AGENTIVE:
                return [], True  # "The plan targets 1,000 GW": before a verb of intent, who intends
            words = tail if content else [w for i, w in enumerate(words[:verb]) if i not in verbs]
        with_ = max(
            (i for i, w in enumerate(words[:-1]) if w.lower() == "with" and words[i + 1].lower() in _WITH_NP),
            default=None,
        )
        if with_ is not None and _clean_metric(words[with_ + 1 :]):
            words = words[with_ + 1 :]  # "clusters each with an annual output value exceeding …": the output value
        if len(words) > 8:
            first = len(words) - 8
            if first > 0 and words[first].lower() == "to" and _participle(words[first - 1]):
                first -= 1  # "… needed to certify a new model"
            while first > 0 and _participle(words[first]):
                first -= 1  # "the time needed to certify a new model": a participle's head is the noun before it
            if _clean_metric(words[first:]):
                return words[first:], verb is not None
        return words, verb is not None

    def _works_owner(self, s: _Sentence) -> str | None:
        """The company a sentence about its works opens on ("The company's new plant in Changsha produced 3,000
        excavators"): the place after "in" locates the plant, the figure is the company's."""
        m = _OPENING_WORKS.match(self.text, s.start, s.end)
        if m is None:
            return None
        if m.group("noun"):
            return self._referent(m.start(), m.group("noun").lower())
        return self._earlier_subject(s, m.end())

    def _antecedent_owner(self, a: Amount, s: _Sentence) -> str | None:
        """The company whose works a relative clause describes ("… for Veltrix Energy's solar plant at Zaheerabad,
        which will involve an investment of Rs 9,850 crore"): the figure is the works', so the company's, not
        the sentence subject's."""
        lo = max(s.start, a.start - 100)
        which = _WHICH_BEFORE.search(self.text, lo, a.start) if self.text.find("which", lo, a.start) >= 0 else None
        if which is None:
            return None
        before = self._mentions_between(max(s.start, which.start() - 80), which.start())
        for _, end, name, etype in reversed(before):
            if etype != "company" or not self.text.startswith(_POSSESSIVE_MARKS, end):
                continue
            np = self.text[end : which.start()]
            return name if "," not in np and len(np.split()) <= 10 else None
        return None

    def _ranking_entry(self, lo: int, start: int) -> str | None:
        """The next one in a ranking, its figure after "at" ("…, followed by XCMG at 16% and Zoomlion at 9%",
        "Jiangsu at 980 billion yuan"): the name just before "at", after "followed by", "ahead of", a comma or
        "and" — whose the figure is, and the figure before's measure."""
        at = _AT_BEFORE.search(self.text, max(lo, start - 12), start)
        if at is None:
            return None
        for m_start, m_end, name, etype in reversed(self._mentions_between(max(lo, at.start() - 60), at.start())):
            if m_end != at.start() or etype not in _SUBJECT_TYPES:
                return None
            return name if _ENTRY_OPENS.search(self.text, max(lo, m_start - 16), m_start) else None
        return None

    def _subject(self, a: Amount, s: _Sentence) -> str | None:
        """The place or body the figure belongs to: the last one named before it in its sentence, or
        one a definite description nearer the figure refers to ("the province has nurtured 25 …"),
        else one named after it, else the paragraph's, else the document's. A country named after the
        figure frames it ("the leading province in China") and is not taken for it; a plan's figure
        belongs to the region that issued the plan, not to the plan."""
        owner = (
            self._ranking_entry(s.start, a.start)
            or self._with_phrase_owner(a, s)
            or self._described_owner(a)
            or self._recipient(a)
            or self._supported(a, s)
            or self._national_scheme(a)
            or self._works_owner(s)
            or self._antecedent_owner(a, s)
        )
        if owner is not None:
            return owner
        clause = self._clause_subject(a, s)
        if clause is not None:
            return self._issuer(clause, a)
        best = after = None
        best_end = -1
        listed = False  # whether the last subject taken ends a list of places ("in Yongin, Cheonan and Gumi")
        outer = (-1, -1)  # the last subject taken: a place inside its name ("Weifang-Linyi … cluster") is not another
        aside: tuple[str, int] | None = None  # the last name skipped as part of an aside, and its end
        scoped: tuple[str, int] | None = None  # the last place skipped as the scope of a possessive, and its end
        for start, end, name, etype in self._mentions_between(s.start, s.end):
            if etype not in _SUBJECT_TYPES or (start <= a.start and a.end <= end):
                continue
            if outer[0] <= start and end <= outer[1]:
                continue
            if etype == "place" and (
                self._scoped(start) or (scoped is not None and self._qualifies(scoped[0], scoped[1], start, name))
            ):
                scoped = (name, end)  # "its first plant, in Chonburi, Thailand, with …": Thailand locates Chonburi
                continue
            if etype == "place" and (best is not None or end <= a.start) and _RANKING_SCOPE.match(self.text, end):
                continue  # "Tamil Nadu retained its position as India's top electronics exporter": India is the scope
            if (
                etype == "place"
                and best is not None
                and _SITE_LOCATOR.search(self.text, max(s.start, start - 40), start)
            ):
                continue  # "Kestrel will build a plant in Kadaň with 2,300 jobs": the plant's place, Kestrel's jobs
            if _ADDRESSEE_BEFORE.search(self.text, max(s.start, start - 24), start):
                continue  # "Lower Silesia asked Warsaw to designate a 2,300-hectare area": Warsaw is asked, not the owner
            if end <= a.start and _EXAMPLE_LISTED.search(self.text, max(s.start, start - 120), start):
                outer = (start, end)  # a place inside the example's name ("Volkswagen Anhui") is no owner either
                continue  # "home to six makers including BYD, NIO and JAC Group, and 600 suppliers": an example, no owner
            if end <= a.start:
                if best is not None and self._in_aside(best_end, start, end, a.start):
                    aside = (name, end)
                    continue  # "Toyota, which has 70,000 staff in Japan, sold …": the aside describes Toyota
                if aside is not None and self._qualifies(aside[0], aside[1], start, name):
                    aside = (name, end)
                    continue  # "X, founded in Lincoln, Nebraska, runs …": the place's own locator is in the aside too
                if best is not None and self._qualifies(best, best_end, start, name):
                    continue  # "Haimen District of Nantong City realized …": the city locates the district
                listed = (
                    etype == "place"
                    and best is not None
                    and self._types.get(best) == "place"
                    and _LIST_JOIN.fullmatch(self.text, best_end, start) is not None
                )
                best, outer, best_end = name, (start, end), end
            elif best is None and not _is_country(name):
                if self._example(a, start):
                    continue  # "…, a move to make plants such as the X refinery pay": an example, not the owner
                if etype == "place" and _BUILT_BY.match(self.text, end):
                    continue  # "a 40,000-ton-per-year plant in Fukuoka by Toyota Tsusho": the builder's, not the site's
                after = name
                break
        if listed:
            return None  # "The complexes in Yongin, Cheonan and Gumi will cover a combined 12.4 km2": no one place's
        if best is None and (
            _PRONOUN_LED.match(self.text, s.start) or _PRONOUN_AFTER_OPENING.match(self.text, s.start, a.start)
        ):
            # "It is home to 300 firms, the most in Ruritania": the pronoun's subject, said before, not a name after
            best = self._earlier_subject(s, a.start)
        best = best or after
        referred = self._referred(self._after_aside(max(s.start, best_end), a.start), a.start)
        if referred:
            return self._issuer(referred, a)
        if best is None and _PLAN_REFERENCE.search(self.text, s.start, a.start):
            issuer = self._plan_issuer(a.start)
            if issuer:
                return issuer  # "The plan aims to build 50 parks": the region that issued the plan
        nation = _NATIONAL.search(self.text, s.start, a.start) if best is None else None
        if nation is not None and not self._in_comma_aside(s.start, nation.start(), a.start):
            return _nation(nation.group(1))  # "Chinese excavator sales are expected to fall 5%": China's
        if best is None and self.home_country and _NATIONWIDE.search(self.text, s.start, a.start):
            return self.home_country  # "Nationwide, registered FDI rose 2.9%": the country's, not the last city's
        if best is None:
            p0, p1 = self._paragraph(a.start)
            for start, end, name, etype in self._mentions_between(p0, p1):
                if start >= s.end:
                    break  # a later sentence names its own figures' owner, not this one's
                if start >= a.end and self._example(a, start):
                    continue
                if self._owner_described(start):
                    continue  # "X is a joint venture of A and B": the owners describe X; the figures after are X's
                if s.start <= start < a.start and etype == "place" and scoped is not None and end <= scoped[1]:
                    continue  # a scope its sentence's possessive gave ("its plant, in Chonburi, Thailand"), not an owner
                if etype == "place" and best is not None and _RANKING_SCOPE.match(self.text, end):
                    continue  # "Vietnam has become one of Asia's top exporters. Exports reached …": Asia is a scope
                if etype in _SUBJECT_TYPES and not (
                    (start >= a.end or (self.local_story and not self._opens_sentence(start))) and _is_country(name)
                ):
                    best = name
                    if end > a.start:
                        break
        return self._issuer(best or self.main_subject, a)

    def _opens_sentence(self, start: int) -> bool:
        """Whether a name opens its sentence, as its subject ("Indonesia banned exports of raw ore in 2020")."""
        i = bisect_right(self.sentence_starts, start) - 1
        return i >= 0 and not self.text[self.sentences[i][0] : start].strip()

    def _worth_what(self, end: int, lo: int) -> str | None:
        """What a sum is the worth of: the noun phrase right before "worth", from after the last function word
        or verb before it ("investments" in "with six companies for investments worth …")."""
        if self.text[end - 1 : end] == ",":
            return None  # "Indonesia's 23 projects, worth US$3.4 billion": an aside on the count before
        words = self.text[lo:end].split()
        k = len(words)
        while (
            k > 0
            and len(words) - k < 4
            and words[k - 1].isalpha()
            and words[k - 1].islower()
            and words[k - 1] not in _STOP
            and words[k - 1] not in NUMBER_WORDS
            and not _is_verb(words[k - 1])
        ):
            k -= 1
        return _clean_metric(words[k:], head_noun=True) if k < len(words) else None

    def _example(self, a: Amount, start: int) -> bool:
        """Whether a name after the figure is given as an example ("plants such as the X refinery")."""
        return _EXAMPLE_BEFORE.search(self.text, max(a.end, start - 30), start) is not None

    def _described_owner(self, a: Amount) -> str | None:
        """A figure a description owns outright: "the country's 14 regions", "the park's 50 companies", "the 17
        regions of the country" are the country's and the park's, whoever the clause is about; "the $412 million
        plant" is the plant's, the company named for it before."""
        before = _OWNED_BY.search(self.text, max(0, a.start - 30), a.start)
        if before is not None:
            return self._referred(before.start(), before.end())
        possessor = self._possessor(a.start)
        if possessor is not None:
            return possessor  # "including CATL's €7.3 billion cell plant in Debrecen": CATL's
        lo = max(0, a.start - 60)
        national = self.text.find("ation", lo, a.start) >= 0 or self.text.find("ountry", lo, a.start) >= 0
        if national and _NATIONAL_LEVEL.search(self.text, lo, a.start):
            return self.home_country or _country_of(self.main_subject)  # "below the national rate of 4.1%"
        article = _ARTICLE_BEFORE.search(self.text, max(0, a.start - 6), a.start)
        if article is not None:
            noun = _DESCRIBED_BY_FIGURE.match(self.text, a.end)
            if noun is not None:
                return self._referent(article.start(), noun.group("noun").lower())
        after = _OF_THE_WHOLE.match(self.text, a.end)
        return self._referred(after.start("whole"), after.end()) if after is not None else None

    def _part_of_a_name(self, words: str, lo: int, hi: int) -> bool:
        """Whether words read as a measure are the words of a name written between ``lo`` and ``hi``, its dots
        and commas gone ("Krušné Energy a s" for "Krušné Energy a.s. holds 49%", "Ltd" for "Acme Co., Ltd.
        holds 49%"): whose, not what."""
        return any(
            f" {words} " in f" {' '.join(_WORD.findall(self.text[start:end]))} "
            for start, end, _, _ in self._mentions_between(lo, hi)
        )

    def _possessor(self, start: int) -> str | None:
        """A company or park named with a possessive right before a figure ("CATL's €7.3 billion cell plant",
        "the park's 50 companies" is another rule's): the figure is of what it owns."""
        mark = self.text.rfind("s ", max(0, start - 4), start)
        if mark < 1 or self.text[mark - 1] not in "'’" or self.text[mark + 2 : start].strip():
            return None
        named = self._mentions_between(max(0, mark - 80), mark)
        if named and named[-1][1] == mark - 1 and named[-1][3] in ("company", "park"):
            return named[-1][2]
        return None

    def _national_scheme(self, a: Amount) -> str | None:
        """A sum sizing a nation's scheme is that nation's, whoever approves it ("The Commission has approved a
        €1.1 billion Spanish scheme"); one for a company is the company's (:meth:`_supported`, asked first)."""
        nation = _NATIONAL_SCHEME.match(self.text, a.end) if DIMENSION.get(a.unit) == "money" else None
        return _nation(nation.group(1)) if nation is not None else None

    def _recipient(self, a: Amount) -> str | None:
        """A sum given to a company is the company's: "an award of up to $412 million in direct funding to X",
        "a $41 million grant to X", "an incentive of CZK 1.2 billion for X" (the company named right after
        "to" or "for" in the sum's own noun phrase, no verb, comma or clause between)."""
        if DIMENSION.get(a.unit) != "money":
            return None
        given = _GIVEN_TO.match(self.text, a.end)
        if given is None:
            return None
        for start, _, name, etype in self._mentions_near(given.end()):
            if start == given.end() and etype == "company":
                return name
        return None

    def _supported(self, a: Amount, s: _Sentence) -> str | None:
        """Support a government gives ("approved a $4.5 million infrastructure grant for the site", "a subsidy of
        17.4 million euros for the project") in a story about a company is that company's: the company the
        story is about, when its sentence names no other company and the sum is not a total over many."""
        company = self.main_subject
        if company is None or self._types.get(company) != "company":
            return None
        if DIMENSION.get(a.unit) != "money" and a.unit != "%":
            return None
        after = _SUPPORT_AFTER.match(self.text, a.end)
        if after is None and not _SUPPORT_BEFORE.search(self.text, max(s.start, a.start - 40), a.start):
            return None
        if _AGGREGATE.search(self.text, max(s.start, a.start - 20), a.start):
            return None
        if _PER_UNIT.match(self.text, after.end() if after else a.end):
            return None  # "Rs 1.2 lakh per electric tractor": a scheme's rate, not one company's sum
        given = _SUPPORT_FOR.match(self.text, after.end() if after else a.end)
        if given is not None and given.group("who").lower() not in _SUPPORTED_WORKS:
            return None  # "to 32 companies", "to Acme": named, left to the other rules
        if any(etype == "company" and name != company for _, _, name, etype in self._mentions_between(s.start, s.end)):
            return None
        return company

    def _with_phrase_owner(self, a: Amount, s: _Sentence) -> str | None:
        """A figure in a sentence's opening "With …" phrase belongs to the subject of the clause the phrase
        leads into ("With Rs 1.97 trillion earmarked in incentives, the scheme reflects …", "With 300 firms,
        Suzhou leads …"). None elsewhere, or when no subject opens that clause."""
        if not _WITH_OPENING.match(self.text, s.start, a.start):
            return None
        phrase = self._with_phrase(s)
        if phrase is None or phrase[0] < a.end:
            return None  # the figure is in the clause, not the phrase
        owner = phrase[2]
        return owner if self._runs(owner) else self._issuer(owner, a)

    def _with_phrase(self, s: _Sentence) -> tuple[int, int, str] | None:
        """Where a sentence's opening "With …" phrase ends (its comma's start and end) and the subject of the
        clause it leads into: the name, or what a definite description stands for, right after the comma."""
        mentions = {
            start: name for start, _, name, etype in self._mentions_between(s.start, s.end) if etype in _SUBJECT_TYPES
        }
        for comma in _COMMA.finditer(self.text, s.start, s.end):
            at = comma.end()
            owner = mentions.get(at) or self._opening_referent(at)
            if owner is not None:  # the phrase ends here
                return comma.start(), at, owner
        return None

    def _clause_start(self, s: _Sentence, before: int) -> int:
        """Where a sentence's main clause starts: after an opening "With …" phrase that ends before ``before``."""
        if _WITH_OPENING.match(self.text, s.start, before):
            phrase = self._with_phrase(s)
            if phrase is not None and phrase[1] <= before:
                return phrase[1]
        return s.start

    def _clause_subject(self, a: Amount, s: _Sentence) -> str | None:
        """The subject of the figure's clause when the figure follows the clause's verb: the place or body
        named before that verb ("Qingdao has brought together leading firms including A, B and C, and has
        built seven …" is Qingdao's, not C's), or what a pronoun or definite description there stands
        for. A clause that opens on its verb (", and has built …") shares the sentence's subject. Names
        that an adjunct introduces ("on the X Stock Exchange", "according to X", "such as X") are not
        subjects. None when the clause has no verb before the figure or names no subject before it."""
        main = self._clause_start(s, a.start)
        # "The free zone, set up by the city and the agency, hosts …": no clause opens inside the aside
        described = self._opening_description(main)
        resume = self._after_aside(described.end(), a.start) if described is not None else main
        opens = [m.end() for m in _CLAUSE_OPEN.finditer(self.text, resume, a.start)]
        for clause in [opens[-1], main] if opens else [main]:
            past_aside = resume if clause == main else clause  # neither verbs nor names of the aside count
            verbs = [c for c in s.cues if c[0] >= past_aside and c[1] <= a.start and c[0] not in s.year_cues]
            if not verbs:
                referent = self._opening_referent(clause)
                if referent is not None or clause == main:
                    return referent
                if any(m[3] in _SUBJECT_TYPES for m in self._mentions_between(clause, a.start)):
                    return None
                first = _FIRST_WORD.match(self.text, clause, a.start)
                if first is None or first.group(1) in _NOUN_PHRASE_OPENERS:
                    return None  # "…, and a dozen clusters …": an item of a list, left to the other rules
                continue  # ", and source 60 percent of its gases": a second predicate of the sentence's subject
            reading, owner = self._before_verb(clause, past_aside, verbs[0][0])
            if reading == "pronoun":
                return self._earlier_subject(s, a.start)
            if reading == "said":
                return owner
        return None

    def _before_verb(self, clause: int, past_aside: int, verb: int) -> tuple[str, str | None]:
        """What the words of a clause before its verb say of its subject, for :meth:`_clause_subject`: ("said",
        the subject) when they settle it, None for words that name nothing we know; ("pronoun", None) when a
        pronoun opens the clause, whose subject an earlier sentence names; ("nothing", None) when nothing but
        commas stands before the verb. Nothing here depends on the figure: the figures after one verb (most
        sentences hold two) read it once."""
        key = (clause, past_aside, verb)
        known = self._read_before_verb.get(key)
        if known is None:
            known = self._read_before_verb[key] = self._reading_before_verb(clause, past_aside, verb)
        return known

    def _reading_before_verb(self, clause: int, past_aside: int, verb: int) -> tuple[str, str | None]:
        """:meth:`_before_verb`, read. Names that an adjunct introduces are passed over, as are asides and the
        places that only locate the name before them."""
        found = None
        outer = (-1, -1)
        aside: tuple[str, int] | None = None
        scoped: tuple[str, int] | None = None
        for start, end, name, etype in self._mentions_between(past_aside, verb):
            if etype not in _SUBJECT_TYPES or (outer[0] <= start and end <= outer[1]):
                continue
            if _ADJUNCT.search(self.text, max(clause, start - 30), start) or self._is_source(start):
                continue
            if etype == "place" and (
                self._scoped(start) or (scoped is not None and self._qualifies(scoped[0], scoped[1], start, name))
            ):
                scoped = (name, end)  # "its first plant, in Chonburi, Thailand, …": Thailand locates Chonburi
                continue
            if etype == "place" and _RANKING_SCOPE.match(self.text, end):
                continue  # "X's Wroclaw plant, Europe's largest, has …": the ranking's scope, not the subject
            if (
                etype == "place"
                and found is not None
                and self._types.get(found) == "company"
                and self.text[outer[1] : start].strip() in _POSSESSIVE
            ):
                continue  # "LG Energy Solution's Wroclaw plant has …", "Hyundai's U.S. sales rose …": the company's
            if found is not None and self._in_aside(outer[1], start, end, verb):
                aside = (name, end)
                continue  # "Monterrey, the capital of Nuevo Leon, attracted …"
            if aside is not None and self._qualifies(aside[0], aside[1], start, name):
                aside = (name, end)
                continue  # "X, founded in Lincoln, Nebraska, runs …"
            if found is not None and self._qualifies(found, outer[1], start, name):
                continue  # "Hefei, Anhui, produced …": the province locates the city
            if (
                etype == "place"
                and found is not None
                and self._types.get(found) == "place"
                and _LIST_JOIN.fullmatch(self.text, outer[1], start)
            ):
                return "said", None  # "Exports from Jiangsu and Zhejiang rose 12%": no one place's
            found, outer = name, (start, end)
        opening = self._opening_referent(clause) if found is None else None
        if opening is not None:
            # "The free zone, set up by the city, hosts …": the description that opens the clause
            return "said", opening
        referred = self._referred(self._after_aside(max(clause, outer[1]), verb), verb)
        if referred:
            return "said", referred
        if found is not None:
            return "said", found
        if _PRONOUN_LED.match(self.text, clause):
            return "pronoun", None
        if self.text[clause:verb].strip(" \t,"):
            return "said", None  # words before the verb that name nothing we know: leave it to the other rules
        return "nothing", None

    def _scoped(self, start: int) -> bool:
        """Whether a place is the scope of a measure its owner's possessive opens ("its market share in Europe
        rose to 6%" is the company's share, "It will complete its first plant, in Chonburi, with …" its plant)."""
        lo = max(0, start - 60)
        window = self.text[lo:start]
        if not might_hold(window, window.lower(), _POSSESSIVES):
            return False  # no "its" or "their": most places are named without one before them
        return _SCOPED_BY_POSSESSIVE.search(self.text, lo, start) is not None

    def _is_source(self, pos: int) -> bool:
        """Whether a mention lies in an attribution ("According to X, …"): the source, not the owner. The
        attribution is of the mention's sentence ("…, according to a plan. Suzhou has …" attributes nothing)."""
        i = bisect_right(self.sentence_starts, pos) - 1
        m = _ACCORDING.search(self.text, max(0, pos - 80, self.sentences[i][0] if i >= 0 else 0), pos)
        return m is not None and "," not in self.text[m.end() : pos]

    def _after_aside(self, named_end: int, figure: int) -> int:
        """Where the words after a name resume past an aside set off by commas right after it ("CRRC
        Locomotive, the largest company in the park, delivered …"): a description in the aside
        describes the name and does not take its figures."""
        if not self.text.startswith(", ", named_end):
            return named_end
        closing = self.text.find(", ", named_end + 2, figure)
        return closing + 2 if closing >= 0 else named_end

    def _in_aside(self, named_end: int, start: int, end: int, figure: int) -> bool:
        """Whether a mention lies in an aside set off by commas right after the name before it
        ("Monterrey, Mexico's industrial capital, attracted …"), closed before the figure."""
        opening = self.text.find(", ", named_end, start)
        if opening < 0 or self.text[named_end:opening].strip() or ", " in self.text[opening + 1 : start]:
            return False
        return self.text.find(", ", end, figure) >= 0

    def _counts_other(self, a: Amount, s: _Sentence, earlier: str) -> bool:
        """Whether a count after "from" counts things of its own ("1,500 exhibitors from 30 countries": where
        they come from), not a level of the measure before it ("to 300 companies from 250")."""
        if a.unit != "count":
            return False
        noun = self._counted_noun(a, s)
        return noun is not None and noun.split()[-1].lower() != earlier.split()[-1].lower()

    def _what_a_sum_is_for(self, a: Amount) -> str | None:
        """What a sum that names no measure of its own pays for: the programme it is written before ("the
        Centre's Rs 76,000 crore India Semiconductor Mission": its outlay), or the purpose "for" opens right
        after it ("Rs 450 crore for three testing centres": funds for them)."""
        at = a.end + 1 if self.text.startswith(" ", a.end) else a.end
        for start, _, name, etype in self._mentions_near(at):
            if start == at and etype == "programme":
                return f"outlay of {name}"
        purpose = _FOR_PURPOSE.match(self.text, a.end)
        if purpose is None:
            return None
        words = _clean_metric(_until_time([w for w in _WORD.findall(purpose.group("np")) if not w[0].isdigit()]))
        return f"funds for {words}" if words else None

    def _level_set_for(self, earlier: list[Quantity], q: Quantity, para: int, start: int) -> str | None:
        """The measure a figure with none of its own gives a level of, when it sets a goal or stands in a list
        of like figures: that of the last earlier figure of its paragraph in the same unit ("Refined copper
        output was 215,000 tonnes in 2025. The strategy targets 500,000 tonnes by 2030"; "Ningxia has promised
        80,000 tonnes"; "The goal is US$6 billion a year"; "X, with US$150 million, and Y, with US$80
        million"). None when no goal or list says so, or no such figure is in the paragraph."""
        lo = max(0, start - 40)
        if _GOAL_BEFORE.search(self.text, lo, start) is None and _WITH_LISTED.search(self.text, lo, start) is None:
            return None
        for before in reversed(earlier[-4:]):
            if self._paragraph_key(before.start) != para:
                return None
            if before.unit == q.unit:
                return before.metric
        return None

    def _own_time(self, s: _Sentence) -> int | None:
        """The year the sentence is about (:meth:`_Sentence.time`), leaving out the years of asides that tell
        a name's history."""
        years = [y for y in s.years if not y.baseline]
        kept = [y.year for y in years if not self._in_descriptive_aside(s, y)]
        if len(kept) == len(years):
            return s.time()
        return max(kept) if kept else None

    def _in_comma_aside(self, lo: int, pos: int, figure: int) -> bool:
        """Whether ``pos`` lies between two commas before the figure ("The projects, by Chinese and Japanese
        carmakers, will add …"): in an aside, which describes and does not own."""
        return self.text.find(", ", lo, pos) >= 0 and self.text.find(", ", pos, figure) >= 0

    def _in_relative_aside(self, s: _Sentence, a: Amount) -> bool:
        """Whether the figure stands in a relative clause in the present set off by commas ("The country, which
        holds 42% of the reserves, banned …"): it describes the name now, and the main clause's time is not
        its time."""
        lo = max(s.start, a.start - 80)
        if self.text.find("wh", lo, a.start) < 0:
            return False  # no "which" or "who" before the figure: no relative clause to stand in
        opened = _RELATIVE_ASIDE.search(self.text, lo, a.start)
        return opened is not None and self.text.find(", ", a.end, s.end) >= 0

    def _in_descriptive_aside(self, s: _Sentence, y: _YearMention) -> bool:
        """Whether a year stands in an aside that tells a name's history ("Acme, which went public in 2012, has
        a market value of $3 billion"; "X, listed in 2010, reported …"): it dates the name's past, not the
        figure."""
        opened = _ASIDE_OPENING.search(self.text, max(s.start, y.start - 60), y.start)
        return opened is not None and _ASIDE_CLOSING.match(self.text, y.end) is not None

    def _earlier_subject(self, s: _Sentence, pos: int) -> str | None:
        """What a sentence's pronoun stands for: the subject of the nearest earlier sentence of its
        discourse that names one before its first verb. A place after a comma that locates the one
        before it ("Pune, Maharashtra") qualifies it and is not another subject; a definite description
        there ("the park will …") is left to the rules that resolve one."""
        first = bisect_right(self.sentence_starts, self._context_start(pos)) - 1
        for i in range(s.index - 1, max(first - 1, s.index - 1 - _LOOKBACK), -1):
            earlier = self._sentence_at(i)
            opening_referent = self._opening_referent(earlier.start)
            if opening_referent is not None:
                return opening_referent
            verb = earlier.cues[0][0] if earlier.cues else earlier.end
            found = None
            found_end = -1
            for start, end, name, etype in self._mentions_between(earlier.start, verb):
                if etype not in _SUBJECT_TYPES:
                    continue
                if found is not None and _ADJUNCT.search(self.text, max(earlier.start, start - 30), start):
                    continue  # "X is a trust listed on the Mexican Stock Exchange. It owns …": X owns
                if found is not None and self._qualifies(found, found_end, start, name):
                    continue
                found, found_end = name, end
                if _OPENS.fullmatch(self.text, earlier.start, start) and self.text.startswith(", ", end):
                    break  # "X, developed by Y, is Z's flagship estate": the name before the aside is the subject
            if found is not None or _DEFINITE.search(self.text, earlier.start, verb):
                if not _DEFINITE.search(self.text, max(found_end, earlier.start), verb):
                    return found
                # "The zone's output reached … It is home to …": the pronoun stands for what the description does
                return self._referred(max(found_end, earlier.start), verb) if found is None else None
        return None

    def _as_written(self, subject: str | None, pos: int) -> str | None:
        """A place named as the text writes it where the figure stands: its last form before the figure,
        else its first form after it; the name itself when the text writes it so nowhere (a place a
        government body's name stands for) or writes it as an abbreviation."""
        if subject is not None and subject[-2:] in ("'s", "’s"):
            return subject[:-2]  # a headline's "Uzbekistan's Copper Strategy": the place, not its possessive
        spans = self._mentioned.get(subject or "")
        if not spans or subject is None:
            return subject
        forms = self._written.get(subject)
        if forms is None:
            forms = self._written[subject] = [(ms, _SPACES.sub(" ", self.text[ms:me])) for ms, me in spans]
        i = bisect_right(forms, (pos,)) - 1
        form = forms[i][1] if i >= 0 else forms[0][1]
        if not form.strip() or any(w not in subject for w in _ACRONYM.findall(form)):
            return subject  # "Qingdao WCNA" abbreviates the name: the name says it in full
        if _BROKEN_WORD.search(form):
            return subject  # "Internation- al" broken at a line's end: the name joins it
        return form

    def _opening_referent(self, start: int) -> str | None:
        """What a definite description that opens a sentence or clause at ``start`` refers to ("The park
        is located in the X zone, with …" is the park's), or None. Asked again for each figure of a
        sentence at its start and its commas, it is read once a place."""
        if start in self._opening_referents:
            return self._opening_referents[start]
        found = self._opening_description(start)
        referent = self._referent(found.start("article"), found.group("noun").lower()) if found is not None else None
        self._opening_referents[start] = referent
        return referent

    def _opening_description(self, start: int) -> re.Match | None:
        """The definite description that opens a sentence or clause at ``start`` (_OPENING_DEFINITE), matched
        once a place: each figure of a sentence asks for the one at its clause's start."""
        if start not in self._opening_descriptions:
            self._opening_descriptions[start] = _OPENING_DEFINITE.match(self.text, start)
        return self._opening_descriptions[start]

    def _qualifies(self, name: str, name_end: int, start: int, place: str) -> bool:
        """Whether a place named right after another only says where that one lies: "Pune, Maharashtra",
        "Haimen District of Nantong City", "Santa Catarina in Nuevo León", and any place said to hold a
        park, company or cluster ("X Park in the coastal province of Thai Binh", "the X plant near Pune")."""
        if self._types.get(name) in _SITES:
            return _SITED.fullmatch(self.text, name_end, start) is not None
        return _LOCATING.fullmatch(self.text, name_end, start) is not None and self._locates(name, place)

    def _locates(self, name: str, qualifier: str) -> bool:
        """Whether ``qualifier`` is a place of a higher level than ``name`` (a province after its city)."""
        inner, outer = self._depth(name), self._depth(qualifier)
        return inner is not None and outer is not None and outer < inner

    def _depth(self, name: str) -> int | None:
        places = load_gazetteer().lookup(name)
        return min(places, key=lambda p: p.rank).rank[0] if places else None

    def _issuer(self, subject: str | None, a: Amount) -> str | None:
        """A programme stands for the region that issued it: the last place named before the figure in its
        paragraph, else the document's place; unless it is a programme that runs itself and no place is
        said to act before it in the figure's sentence."""
        if subject is None or self._types.get(subject) != "programme" or self._runs_itself(subject, a):
            return subject
        p0, _ = self._paragraph(a.start)
        places = [m for m in self._mentions_between(p0, a.start) if m[3] == "place"]
        if places:
            return places[-1][2]
        return self.main_subject if self._types.get(self.main_subject or "") == "place" else subject

    def _runs_itself(self, name: str, a: Amount) -> bool:
        """Whether a programme owns a figure of its sentence: its head says it runs and reports results
        (scheme, initiative, fund …), and the places named before it in the sentence only possess it
        ("India's X Scheme has crossed …"), none issues it ("Jalisco released the X Programme, which …").
        It must be named, or referred to ("the scheme has …"), before the figure in the sentence."""
        if not self._runs(name):
            return False
        s = self._sentence(a.start)
        own = [m for m in self._mentions_between(s.start, a.start) if m[2] == name]
        if not own and self._referred(s.start, a.start) != name:
            return False  # named only elsewhere in the paragraph: not this sentence's subject
        upto = own[0][0] if own else a.start
        return all(
            self.text[e:upto].strip() in _POSSESSIVE
            for _, e, _, etype in self._mentions_between(s.start, upto)
            if etype == "place"
        )

    def _runs(self, name: str) -> bool:
        """Whether a name is a programme whose head says it runs and reports results (scheme, fund …)."""
        head = _WORD.findall(_PARENTHESES.sub(" ", name))[-1:]
        return self._types.get(name) == "programme" and bool(head) and head[0].lower() in _RUNNING_PROGRAMME

    def _owner_described(self, start: int) -> bool:
        """Whether a name at ``start`` is an owner named in its sentence's description of a venture ("X is a
        joint venture of A and B", "X, a subsidiary of A"): it describes X, and "the company" after is X."""
        i = bisect_right(self.sentence_starts, start) - 1
        lo = max(self.sentences[i][0] if i >= 0 else 0, start - 120)
        return _OWNERS_DESCRIBED.search(self.text, lo, start) is not None

    def _referred(self, start: int, end: int) -> str | None:
        """ "The cluster aims for exports of …", "the province has nurtured …": a definite description
        before the figure refers to the last entity of its kind named earlier in the document (for a
        place, one of the level the description names, else the document's place if it is of that level)."""
        found = None
        for m in _DEFINITE.finditer(self.text, start, end):
            found = m
        body = None
        for m in _GOVERNMENT_DEFINITE.finditer(self.text, found.end() if found else start, end):
            body = m
        if body is not None:
            return self._governing_place(body.start())
        if found is None:
            return None
        return self._referent(found.start(), found.group(1).lower())

    def _governing_place(self, at: int) -> str | None:
        """The place of the last government body named before ``at``: the place it is named for ("Jiangxi
        Provincial Government"), else the story's country, else the body itself."""
        bodies = self.mentions_by_type.get("government", [])
        last = next((name for s, e, name, _ in reversed(bodies[: bisect_left(bodies, (at,))]) if e <= at), None)
        if last is None:
            return self.home_country  # "The government targets Rp 200 trillion": the story's country's
        return _governed_place(last) or self.home_country or last

    def _referent(self, at: int, word: str) -> str | None:
        """What a definite description opening at ``at`` on the noun ``word`` refers to (see _referred)."""
        if word not in _DEFINITE_TYPES:
            word = _WHITESPACE.sub(" ", word)  # "industrial\npark" broken over a line
        etype = _DEFINITE_TYPES[word]
        levels = _PLACE_LEVELS.get(word)
        same_type = self.mentions_by_type.get(etype, [])
        if levels is not None and "country" in levels and self.home_country is not None:
            return self.home_country  # "the country's 14 regions": the story's country, not one named in passing
        home = _country_of(self.main_subject) if levels is not None else None
        before = (
            name
            for s, e, name, _ in reversed(same_type[: bisect_left(same_type, (at + 1,))])
            if e <= at
            and (
                levels is None or (self._level(name) in levels and (home is None or _country_of(name) in (home, None)))
            )
            and not self._owner_described(s)
            and _SET_AGAINST.search(self.text, max(0, s - 24), s) is None
        )  # "the state" of a story about Tamil Nadu is no state of another country named since ("Taiwan's X"),
        # nor one it is set against ("second only to Johor", "ahead of Guangdong")
        last = next(before, None)
        main = self.main_subject
        if (
            last is not None
            and levels is not None
            and main is not None
            and last != main
            and self._level(main) in levels
            and self._paragraph(at)[0] == at
        ):
            # "The state aims to …" opening a paragraph of a story about Tamil Nadu: the story's state, not the
            # last one named in a comparison
            return main
        if last is not None and etype == "park":
            # "the industrial park" is the last park named "… Industrial Park", not a zone named after it
            head = word.rsplit(" ", 1)[-1]
            if last.lower().rsplit(None, 1)[-1] != head:
                return next((name for name in before if name.lower().rsplit(None, 1)[-1] == head), last)
        if last is not None:
            return last
        main = self.main_subject
        if levels is not None and main is not None and self._level(main) in levels:
            return main  # "the province" of a plan whose province only its title names
        return None

    def _plan_issuer(self, pos: int) -> str | None:
        """The place named, in its sentence, before the first mention of a plan that has one: the place
        that issued the plan. Found once per document."""
        if self._issuer_found is None:
            self._issuer_found = (len(self.text), None)
            for m in _PLAN_TITLE.finditer(self.text):
                i = bisect_right(self.sentence_starts, m.start()) - 1
                s0 = self.sentences[i][0] if i >= 0 else 0
                places = [x for x in self._mentions_between(s0, m.start()) if x[3] == "place"]
                # a place that locates the next ("Central China's Hubei province has released a plan") is not its issuer
                while (
                    len(places) > 1
                    and self.text.startswith(("'s ", "’s "), places[0][1])
                    and places[1][0] == places[0][1] + 3
                ):
                    places.pop(0)
                if places:
                    self._issuer_found = (m.start(), places[0][2])
                    break
        at, name = self._issuer_found
        return name if at < pos else None

    def _level(self, name: str) -> str | None:
        places = load_gazetteer().lookup(name)
        return min(places, key=lambda p: p.rank).level if places else None

    def _deadline(self, a: Amount, s: _Sentence, para: int) -> int | str | None:
        by_years = [
            y
            for y in s.years
            if not y.baseline and y.prep.startswith(("by", "before", "until", "till", "end of", "the end of"))
        ]
        if self.pub is None:
            future = (
                [y for y in s.years if not y.baseline and y.prep in ("in", "for", "through")] if not by_years else []
            )
        else:
            future = [y for y in s.years if not y.baseline and y.year >= self.pub]
        # "was expected to reach $40 billion in 2023": a goal set for a year now past still has that year
        stated = [y for y in s.years if not y.baseline and y.prep in ("in", "for") and 0 <= y.start - a.end <= 30]
        candidates = by_years or future or stated
        if candidates:
            return min(self._in_clause(candidates, a, s), key=lambda y: abs(y.start - a.start)).year
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
                return self.pub + _RELATIVE_YEARS[_SPACES.sub(" ", opening.group("rel").lower())]
        return None

    def _in_clause(self, years: list[_YearMention], a: Amount, s: _Sentence) -> list[_YearMention]:
        """The years of the figure's own clause when it has some, else all of them: "reach 15 percent of
        the market by 2040, and requires the bloc to build 50 million tonnes by 2030" sets 2030 for the
        second figure, however near 2040 stands."""
        lo = max((m.end() for m in _CLAUSE_OPEN.finditer(self.text, s.start, a.start)), default=s.start)
        hi = next((m.start() for m in _CLAUSE_OPEN.finditer(self.text, a.end, s.end)), s.end)
        return [y for y in years if lo <= y.start < hi] or years

    def _as_of(self, a: Amount, s: _Sentence, para: int) -> tuple[int | str | None, _Sentence | None]:
        """The year a statistic describes, and the earlier sentence it was taken from, if any."""
        text = self.text
        after = [
            y
            for y in s.years
            if y.start >= a.end
            and (not y.baseline or y.prep in ("in", "for"))
            and not _DIGIT.search(text, a.end, y.start)
            and y.start - a.end <= 60
        ]
        described = self._in_relative_aside(s, a)
        if described:
            after = []  # "The country, which holds 42% of the reserves, banned ore exports in 2020": the ban's year
        rel = _RELATIVE.search(text, a.end, min(s.end, a.end + 60)) if self.pub is not None else None
        if rel and (
            after
            and after[0].start < rel.start()
            or _DIGIT.search(text, a.end, rel.start())
            or _COMPARED_WITH.search(text, max(a.end, rel.start() - 40), rel.start())
        ):
            rel = None
        if rel and self.pub is not None:
            return self.pub + _relative_offset(rel), None  # "$36 billion of FDI last year, and $40 billion in 2025"
        if after:
            return after[0].year, None
        from_value = _previous_word(text, a.start) == "from"
        if from_value:
            bases = [y.year for y in s.years if y.baseline]
            if bases or s.from_year:
                return s.from_year or min(bases), None
        before = [
            y
            for y in s.years
            if y.end <= a.start
            and not y.baseline
            and not _DIGIT.search(text, y.end, a.start)
            and (not _CLAUSE_BREAK.search(text, y.end, a.start) or not text[s.start : y.start].strip(' "“‘'))
            and not self._in_descriptive_aside(s, y)
        ]
        present = _PRESENT_STATE.search(text, max(s.start, a.start - 50), a.start)
        if before and not (present and _AND.search(text, before[-1].end, present.start())):
            return before[-1].year, None  # not "… ranked first in 2024 and serves 2,000 customers"
        if present:
            return None, None  # "Kestrel employs 9,800 people … and reported sales of $2.2 billion in 2025": now
        own = None if described else self._own_time(s)
        if own is not None:
            return own, None
        timing = self._timing(s)
        if self.pub is not None and timing.period_end_month is not None:
            # "in the first half", no year: the latest such period before the document's date
            late = self.pub_month is not None and self.pub_month <= timing.period_end_month
            return self.pub - 1 if late else self.pub, None
        if timing.present:
            # "18% today": the document's day; "currently", "now": of the present, no year of its own
            return (self.pub if _TODAY_RIGHT_AFTER.match(text, a.end) else None), None
        p0, p1 = self._paragraph(para)
        opening = _OPENING.match(text, p0, p1)
        if opening and opening.group("y") and opening.group("prep").lower() == "in":
            return int(opening.group("y")), None
        if self.pub is not None and timing.month_day:
            return self.pub, None
        if self.pub is not None and timing.month is not None:
            # "rose 5% in May" on a page of June 2024: May 2024; on a page of March 2024: May 2023
            return (self.pub if self.pub_month is None or timing.month <= self.pub_month else self.pub - 1), None
        if (
            self.pub is not None
            and timing.recent_day
            and not self._sizes_a_thing(a)
            and not _MODAL_BEFORE.search(text, s.start, a.start)
            and self._recent_day_governs(s, a)
        ):
            return self.pub, None  # "on Tuesday voted to issue up to $180 million in bonds"
        if timing.past and not timing.present:
            first = bisect_right(self.sentence_starts, self._context_start(a.start)) - 1
            for i in range(s.index - 1, max(first - 1, s.index - 1 - _LOOKBACK), -1):
                earlier = self._sentence_at(i)
                year = earlier.time()
                if year is None and self.pub is not None and self._timing(earlier).month_day:
                    year = self.pub
                if year is not None:
                    return year, earlier
            if self.title_year is not None:
                return self.title_year, None  # "China's foreign trade in 2024": a report on the year it names
        return None, None

    def _recent_day_governs(self, s: _Sentence, a: Amount) -> bool:
        """The day is said of the figure's own clause: before it with no clause break between, or opening
        the sentence ("Last week, the state offered …")."""
        text = self.text
        days = list(_RECENT_DAY.finditer(text, s.start, a.start))
        if not days:
            return False
        day = days[-1]
        return not _CLAUSE_BREAK.search(text, day.end(), a.start) or not text[s.start : day.start()].strip(' "“‘')

    def _sizes_a_thing(self, a: Amount) -> bool:
        """A figure that sizes what the sentence acted on rather than being what was acted on: "projects worth
        Rs 12,500 crore", "a RM4.2 billion (US$1 billion) plant", "a 2,300-hectare area"."""
        text = self.text
        return (
            _COMPOUND_MODIFIER.search(text, a.start, a.end) is not None
            or _previous_word(text, a.start) in _WORTH
            or _SIZED_THING.match(text, a.end) is not None
        )

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


def _names_nothing(text: str, start: int, end: int, etype: str, datelines: list[tuple[int, int]]) -> bool:
    """A mention that names no owner of a figure: a place in a dateline, the country mark of a
    currency ("US$", "HK$"), or a landmark ("about 110 km from Hai Phong port", "on the border with Karnataka");
    a programme named as a time ("During the 14th Five-Year Plan period, investment totaled …")."""
    if etype == "programme":
        return bool(_AS_A_PERIOD_BEFORE.search(text, max(0, start - 20), start) or _PERIOD_AFTER.match(text, end))
    if etype != "place":
        return False
    if text.startswith("$", end) or _DISTANCE_FROM.search(text, max(0, start - 40), start):
        return True
    return any(d0 <= start and end <= d1 for d0, d1 in datelines)


def _relative_offset(m: re.Match) -> int:
    """Years from the document's to the one a relative expression names ("last year" -> -1)."""
    return _RELATIVE_YEARS[_SPACES.sub(" ", m.group("rel").lower())]


def _title_year(title: str, pub: int | None) -> int | None:
    """The one past year a headline names, outside a plan period ("Exports in 2024 hit a record")."""
    if _PERIOD.search(title):
        return None
    years = {int(m.group()) for m in _TITLE_YEAR.finditer(title)}
    if len(years) != 1:
        return None
    year = years.pop()
    return year if pub is None or year < pub else None


def _part_end_month(m: re.Match) -> int | None:
    """The month a part of a year ends: first half -> 6, third quarter -> 9, first five months -> 5."""
    if m.group("to"):
        return _MONTH_NUMBER[m.group("to").lower()]  # "January-June"
    if m.group("hq"):
        k = int(m.group("hq")[1])
        return 6 * k if m.group("hq")[0].upper() == "H" else 3 * k
    ordinal, part = m.group("ord").lower(), m.group("part").lower()
    n = m.group("n")
    count = (int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower(), 0)) if n else 1
    if ordinal in ("last", "final"):
        return 12
    if ordinal != "first" and n:
        return None
    months = {"half": 6, "quarter": 3, "quarters": 3, "months": 1}[part]
    if ordinal == "first":
        return min(12, months * count)
    return min(12, months * _ORDINAL_INDEX[ordinal])


def _expr_year(m: re.Match) -> int:
    if m.group("fy1"):
        end = m.group("fy2")
        return int(end) if len(end) == 4 else int(m.group("fy1")[:2] + end)
    if m.group("span1"):
        return int(m.group("span1")[:2] + m.group("span2"))  # "2026-27": a fiscal year, by its end year
    if m.group("fy3"):
        return 2000 + int(m.group("fy3"))  # "FY27"
    return int(m.group("half") or m.group("half2") or m.group("year"))


def _plan_period(title: str, opening: str) -> int | None:
    for source in (title, opening):
        m = _PERIOD.search(source)
        if m:
            end = m.group("b")
            return int(end) if len(end) == 4 else int(m.group("a")[:2] + end)
    return None


def _line_starts(text: str) -> Iterator[int]:
    """Where each line of ``text`` starts: the only places a pattern opened by ``^`` in MULTILINE mode, and
    matching no line break (_DATELINE), can match, tried there alone rather than at every character."""
    yield 0
    at = text.find("\n")
    while at >= 0:
        yield at + 1
        at = text.find("\n", at + 1)


def _soften(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spans that a hard line wrap split mid-sentence: the first does not end a sentence and
    the next goes on in lower case."""
    out: list[list[int]] = []
    for start, end in spans:
        if out:
            prev_end = out[-1][1]
            last = text[prev_end - 1]
            first = text[start]
            if "\n" in text[prev_end:start] and last not in '.!?:;"”’)' and (first.islower() or first.isdigit()):
                out[-1][1] = end
                continue
        out.append([start, end])
    return [(s, e) for s, e in out]


def _next_word(text: str, pos: int) -> str:
    """The word right after ``pos`` (past spaces), lower-cased; "" when none follows."""
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w’'&-]*)")


def _previous_word(text: str, pos: int) -> str:
    r"""The word before ``pos``, lower-cased: what ``re.search(r"(?<![\w’'-])([\w’'-]+)\W*$", …)`` finds in the 30
    characters before it (see :func:`shortcuts.previous_word`)."""
    return previous_word(text, pos)


def _without_subject(metric: str | None, subject: str | None) -> str | None:
    """ "Exports from the X cluster" with subject "X cluster" measures "Exports"; "GDP of East China's
    Jiangsu" with subject "Jiangsu" measures "GDP"."""
    if not metric or not subject or subject not in metric:
        return metric
    for mark in ("'s ", "’s "):
        at = metric.find(subject + mark)
        if at >= 0 and _clean_metric(metric[at + len(subject) + 3 :].split()):
            if metric[:at].endswith(" of ") and _clean_metric(metric[:at].split()[:-1]):
                # "output of Wuhan's optoelectronics industry" measures the output of that industry
                return metric[:at] + metric[at + len(subject) + 3 :]
            return metric[at + len(subject) + 3 :]  # "Guangdong's exports" with subject "Guangdong" measures "exports"
    if metric.startswith(subject + " ") and not _clean_metric(metric[len(subject) + 1 :].split()):
        return None  # "Nuevo Leon as a whole received …": who, not what
    if not metric.endswith(subject):
        return metric  # "share of EU demand": the subject names what the measure is of, not whose figure it is
    head = metric[: metric.index(subject)]
    head = _TRAILING_LINK.sub("", _TRAILING_POSSESSOR.sub("", _TRAILING_LINK.sub("", head))).strip()
    words = head.split()
    while len(words) > 2 and words[-1].lower() in _REGION_ADJECTIVES and words[-2].lower() in ("in", "across", "of"):
        del words[-2:]  # "Industrial park occupancy in northern Mexico": where, not what
    head = " ".join(words)
    return head if _clean_metric(words) else metric


def _possessed_by(metric: str | None, owner: str | None) -> bool:
    """Whether a measure opens with its owner's possessive, or holds it right after "of": "Sany's overseas
    sales", "share of Sany's total sales"; not "efficiency on Solvanta's lines", where what is measured comes
    first."""
    if not metric or not owner:
        return False
    said = metric.replace("’", "'")
    return said.startswith(f"{owner}'s ") or f" of {owner}'s " in said


def _list_parts(phrase: str) -> list[str]:
    """The parts of a coordinated list: "A, B and C", "A, B, and C" split at the commas and the last "and";
    without commas, "A and B" splits where the word before "and" is not a modifier ("research and
    development services" is one part, "household goods and investment" two)."""
    if "," in phrase:
        parts = [p.strip() for p in phrase.split(",")]
        last = parts.pop()
        if last.lower().startswith("and "):
            return [p for p in parts + [last[4:].strip()] if p]
        *rest, final = _AND.split(last) if _AND.search(last) else [last]
        return [p for p in parts + [" and ".join(rest), final] if p]
    parts, lo = [], 0
    for m in _AND.finditer(phrase):
        before = _WORD.findall(phrase, lo, m.start())
        if not lo and len(before) == 1:
            before = [before[0].lower()]  # the phrase's first word is capitalised as the sentence's
        if not _joins_modifiers(before[-1:]):
            parts.append(phrase[lo : m.start()])
            lo = m.end()
    return [p for p in parts + [phrase[lo:]] if p]


def _other_dimension(unit: str, other: str) -> bool:
    """Whether two units measure different things (money and area), so one figure's metric is not the other's."""
    dimension, other_dimension = DIMENSION.get(unit), DIMENSION.get(other)
    return dimension is not None and other_dimension is not None and dimension != other_dimension


def _dimension_metric(metric: str | None, dimension: str) -> str:
    """A figure of a dimension that always measures one thing (an area, a capacity) names that thing of
    what its metric names unless the metric says so already ("Lianshan park" -> "area of Lianshan park";
    "land area" stays), or the bare noun when it has no metric."""
    noun, form, words = _DIMENSION_MEASURES[dimension]
    if not metric:
        return noun
    if any(w.lower() in words for w in _WORD.findall(metric)):
        return metric
    return form.format(metric)


def _capacity_metric(metric: str) -> str:
    """ "drive units" made per year -> "annual capacity of drive units"; a metric that names a measure stays."""
    if any(w.lower() in _CAPACITY_MEASURES for w in _WORD.findall(metric)):
        return metric
    return f"annual capacity of {metric}"


def _holds_verb(phrase: str) -> bool:
    """Whether a phrase holds a cue or metric verb other than an adjective opening it ("Total sales")."""
    words = _WORD.findall(phrase)
    return any(_is_verb(w) and not (i == 0 and w.lower() in _LEADING_ADJECTIVES) for i, w in enumerate(words))


_ASIDE = re.compile(
    r"\s*(?:or|which|who|whose|including|excluding|according\s+to|i\.e\.|that\s+is|also\s+known\s+as|known\s+as)\b",
    re.IGNORECASE,
)


# An appositive that describes a name: "Xuzhou, an industrial city in east China, reached …".
_APPOSITIVE = re.compile(r"\s*(?:a|an|the|one\s+of)\s", re.IGNORECASE)
_NAME_END = re.compile(r"\b[A-Z][\w-]*\s*$")
_DASH = re.compile(r"\s(?:[–—]|--)\s")  # a pair of dashes always sets off an aside


def _past_aside(window: str, breaks: list[re.Match]) -> str:
    """The words before a figure from its clause's last break, or, when only a verb follows an aside set off
    by commas or dashes ("Exports, which rose last year, reached …", "R&D intensity, or R&D spending as a
    share of GDP, reached …", "Exports from Xuzhou, an industrial city in Jiangsu, reached …", "Exports of
    the 'new three' products -- EVs, batteries and solar cells -- came to …"), the words before
    the aside with that verb: the aside describes what the verb's subject measures, or a name in it, and
    does not name it."""
    rest = window[breaks[-1].end() :]
    if len(breaks) < 2 or any(w.lower() not in _STOP and not _is_verb(w) for w in _WORD.findall(rest)):
        return rest
    opens = len(breaks) - 2
    if _DASH.fullmatch(breaks[-1].group()):
        while opens >= 0 and not _DASH.fullmatch(breaks[opens].group()):
            opens -= 1  # a pair of dashes sets off an aside, commas and all
        if opens < 0:
            return rest
    elif window[breaks[-1].start()] != "," or window[breaks[opens].start()] != ",":
        return rest
    elif not (
        _ASIDE.match(window, breaks[opens].end())
        or (_APPOSITIVE.match(window, breaks[opens].end()) and _NAME_END.search(window, 0, breaks[opens].start()))
    ):
        return rest
    before = breaks[opens]
    opening = breaks[opens - 1].end() if opens > 0 else 0
    subject = window[opening : before.start()]
    if any(_is_verb(w) for w in _WORD.findall(subject)):
        return rest  # a clause before the aside, not the noun it describes
    return subject + " " + rest


def _without_examples(window: str) -> str:
    """The words before a figure without the examples a list opener gives of the measure before its verb,
    commas and all ("the supply rate of key components such as cylinders, pumps and transmissions has
    reached …" measures the supply rate of key components, not transmissions)."""
    if not might_hold(window, window.lower(), _LIST_OPENER_NEEDS):
        return window  # no list opener: most windows, told by str at a fraction of the scan
    openers = list(_LIST_OPENER.finditer(window))
    if not openers:
        return window
    opener = openers[-1]
    verb = next((w for w in _WORD.finditer(window, opener.end()) if _is_verb(w.group())), None)
    if verb is None or _RELATIVE_PRONOUN.search(window, opener.end(), verb.start()):
        return window  # "goods such as clothing and wine, which rose by 5.6% and 38.8%": the examples are measured
    return window[: opener.start()] + window[verb.start() :]


_OFFERED_SUM = re.compile(rf"\b(?:{_alternation(_CUES['offered_sums'])})\b", re.IGNORECASE)
# the budget the figure is ("total outlay"), not a figure in one ("Revenue in the general public budget")
_BUDGET_HEAD = re.compile(
    rf"^(?:(?!(?:in|of|for|from|under)\s)[\w-]+\s+){{0,2}}(?:{_alternation(_CUES['budget_heads'])})$", re.IGNORECASE
)


_SUPPORT = _alternation(_CUES["support_nouns"])
# The support noun in the sum's own noun phrase: before it ("a subsidy of 17.4 million euros") or after it ("$4.5
# million FastTrack infrastructure grant", "up to $28 million in tax incentives", "75% property tax abatement").
_SUPPORT_BEFORE = re.compile(rf"\b(?i:{_SUPPORT})\s+of\s+(?:(?:up\s+to|about|around|some|nearly|almost)\s+)?$")
_SUPPORT_AFTER = re.compile(
    rf"(?:[\s-]+(?!(?:to|for|from|of|by|and|or|which|that)\b)[\w-]+){{0,3}}?(?:\s+in(?:\s+[a-z-]+)?)?\s+(?i:{_SUPPORT})\b"
    r"(?!\s+(?:authority|program|programme|scheme|fund|budget|pool|per)\b)"  # "$75 billion in loan authority"
)
# Who the support goes to, when named: "to 32 companies", "for manufacturers", "to the company".
_SUPPORT_FOR = re.compile(r"\s+(?:to|for|with)\s+(?:the\s+)?(?P<who>[\w-]+)")
# What the support is for when it is the story company's own: "for the project", "to the company".
_SUPPORTED_WORKS = frozenset(w.lower() for w in _CUES["support_for_the_company"])
# A rate per unit a scheme pays ("Rs 1.2 lakh per electric tractor"), not one company's sum.
_PER_UNIT = re.compile(r"\s+(?:per|a|each|for\s+each|for\s+every)\s+(?!year\b|month\b)[a-z]", re.IGNORECASE)
# A sum over many recipients: "a combined $2.3 billion".
_AGGREGATE = re.compile(r"\b(?:combined|total|totaling|totalling|aggregate|overall|cumulative)\s+$", re.IGNORECASE)


def _offered(metric: str | None, comparator: str) -> bool:
    """Whether a sum is support offered, not yet paid: a cap on it ("up to $4 million in tax incentives")
    or a scheme's budget ("a total outlay of Rs 3,850 crore")."""
    if not metric:
        return False
    return bool(comparator == "<=" and _OFFERED_SUM.search(metric) or _BUDGET_HEAD.search(metric))


# What follows a noun in -ing, never a participle's object: "$3 billion in funding for 25 projects".
_ING_OBJECTS = frozenset(("for", "of", "on", "to", "from", "under"))


def _clean_metric(words: list[str], head_noun: bool = False) -> str | None:
    """The words with what cannot open or close a measure's name trimmed from both ends ("It also
    sets", "more", "We hope"), or None when no word that can name a measure is left. With ``head_noun``
    the last word heads a noun phrase and stays though it is a verb elsewhere ("a $5 million grant", "$2 billion
    in new funding")."""
    lo, hi = 0, len(words)
    noun = (
        hi
        if head_noun and words and _is_verb(words[-1]) and words[-1].islower() and words[-2:-1] not in (["and"], ["or"])
        else None
    )  # "$2 billion in new funding"; not "KRW 12.8 trillion in private investment and create …", a second verb
    while (
        lo < hi
        and lo + 1 != noun
        and _edge_junk(words[lo], first=True)
        and not _gerund_modifier(words, lo, hi)
        and not (head_noun and _ing_noun(words[lo]) and (lo + 1 == hi or words[lo + 1].lower() in _ING_OBJECTS))
    ):
        lo += 1
    while hi > lo and hi != noun and _edge_junk(words[hi - 1], first=False):
        hi -= 1
    if 0 < lo < hi and words[lo - 1].lower() == "per" and words[lo].lower() == "capita":
        lo -= 1  # "Per capita GDP": one name, though "per" never opens one elsewhere
    kept = words[lo:hi]
    if len(kept) > 1 and hi < len(words) and kept[-1].lower() == "break" and words[hi].lower() == "through":
        kept.pop()  # "make the industry scale break through 150 billion yuan": the verb, not the measure ("tax break")
    if kept and kept[-1].lower() in ("track", "course") and hi >= 2 and words[hi - 2].lower() == "on":
        del kept[-2:]  # "Exports are on track to hit …", "is on track to reach 30%": the cue's words, not the measure's
    if len(kept) > 1 and kept[0][:1].islower() and kept[0].endswith(("'s", "’s")) and kept[0][:-2] in _DESCRIBED_OWNERS:
        del kept[0]  # "the region's GRDP": whose, said by a description, and not what
    if len(kept) > 2 and kept[-1].lower() in _PERIOD_NOUNS and kept[-2].lower() in _PERIOD_DETERMINERS:
        del kept[-2:]  # "installations that year": when, not what
    while kept and kept[-1][:1].isupper() and kept[-1].endswith(("'s", "’s")):
        kept.pop()  # "the EU's": whose, but not what
    if len(kept) > 1 and _verbal(kept[-1]) and kept[-2].lower().endswith("s"):
        kept.pop()  # "cells used", "workshops recognised": the participle describes what is counted
    if not kept or all(
        w.lower() in _STOP
        or w.lower() in _LEVEL_WORDS
        or w.lower() in _TIME_WORDS
        or w in _MONTH_NAMES
        or w.lower() in ORDINALS
        or w.lower() in NUMBER_WORDS
        or (_verbal(w) and noun is None and not (head_noun and w is kept[-1] and _ing_noun(w)))
        for w in kept
    ):
        return None  # "more", "record high", "the first half of the year", "valued": when, how high or how, not what
    return " ".join(kept)


def _ing_noun(word: str) -> bool:
    """A word in -ing left alone as a measure's head is the noun ("$2 billion in funding", "in new financing"), not
    the participle that opens a clause ("reflecting …"), which never stands last."""
    return word.islower() and word.endswith("ing") and not _is_verb(word)


def _without_verb(verb: str, tail: list[str]) -> list[str] | None:
    """The words after a verb cue, without the verb a modal or "to" governs ("will arrange a special
    fund of" -> "a special fund of"; "is to be kept at" -> "at"); None when that verb takes the figure
    itself as its object ("will arrange 500 million yuan")."""
    i = 0
    governs = verb.lower() in _GOVERNING
    while i < len(tail) and (
        tail[i].lower() in _METRIC_JUNK or tail[i].lower().endswith("ly") or tail[i].lower() == "to"
    ):
        governs = governs or tail[i].lower() == "to"
        i += 1
    if not governs or i >= len(tail) or not tail[i].islower() or _is_verb(tail[i]):
        return tail
    return tail[i + 1 :] or None


@lru_cache(maxsize=8192)
def _verbal(word: str) -> bool:
    """A participle or an irregular one ("kept", "held"): a verb form, which names no measure."""
    return _participle(word) or word.lower() in _IRREGULAR_PARTICIPLES


def _nation(adjective: str) -> str:
    """The country a nationality adjective names, as the gazetteer names it ("Korean" -> "South Korea")."""
    return _gazetteer_name(_DEMONYMS[adjective])


@lru_cache(maxsize=256)
def _gazetteer_name(name: str) -> str:
    """A place as the gazetteer names it ("U.S." -> "United States"), or as written when it knows none."""
    places = load_gazetteer().lookup(name)
    return min(places, key=lambda p: p.rank).name if places else name


def _governed_place(name: str) -> str | None:
    """The place a government body's name opens with, when its first one or two words are one
    ("Jiangxi Provincial Government" -> "Jiangxi"), or ends with after "of" ("Board of Investment of Thailand",
    "Government of India")."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n and load_gazetteer().lookup(" ".join(words[:n])):
            return " ".join(words[:n])
    for n in (2, 1):
        if len(words) > n + 1 and words[-n - 1] == "of" and load_gazetteer().lookup(" ".join(words[-n:])):
            return " ".join(words[-n:])
    return None


@lru_cache(maxsize=8192)
def _participle(word: str) -> bool:
    """A lower-case word shaped like a participle ("recognised", "serving"), not a noun ending so
    ("speed", "thing")."""
    return (
        word.islower()
        and len(word) > 3
        and ((word.endswith("ed") and not word.endswith("eed")) or (word.endswith("ing") and len(word) > 5))
    )


def _joins_modifiers(before: list[str]) -> bool:
    """Whether an "and" after these words joins two modifiers of one noun: the word before it is a
    modifier and not a verb ("output rose and …")."""
    return bool(before) and _modifier(before[-1]) and not _is_verb(before[-1])


@lru_cache(maxsize=8192)
def _modifier(word: str) -> bool:
    """A word that can be the first of two coordinated modifiers ("small and medium-sized", "research
    and development"): lower case, not a plural, not a function word, not a period ("7% a year and exports …"
    ends a rate)."""
    low = word.lower()
    return (
        word[:1].islower()
        and not low.endswith("s")
        and low not in _STOP
        and low not in _METRIC_JUNK
        and low not in _PERIOD_NOUNS
        and low != "annum"
    )


def _whole_phrase(words: list[str], m: re.Match, text: str) -> list[str]:
    """The words of what a sum is in, without a phrase after a preposition that the pattern's word limit cut
    short ("subsidies for a second semiconductor | plant" -> "subsidies")."""
    if len(words) < 5 or not _WORD_GOES_ON.match(text, m.end()):
        return words
    for i in range(len(words) - 1, 0, -1):
        if words[i].lower() in _STOP:
            return words[:i]
    return words


_PERIOD_NOUN_FORMS = frozenset(("year", "years", "half", "quarter", "quarters", "month", "months", "week", "weeks"))


def _until_time(words: list[str], periods_only: bool = False) -> list[str]:
    """The words before the first that speaks of time ("FDI next year" -> "FDI"; "FDI in the first ten months"
    -> "FDI"); with ``periods_only``, before a part of a year alone ("Revenue in the third quarter of last year
    was": "Revenue"), as the words before a verb may open with a time word ("This year's output")."""
    if periods_only and "the" not in words:
        return words  # no "in the …" to cut at: most words before a verb hold none
    for i, w in enumerate(words):
        if w.lower() in _TIME_WORDS and not periods_only:
            return words[:i]
        if (
            w.lower() in ("in", "during", "for")
            and i + 2 < len(words)
            and words[i + 1].lower() == "the"
            and (
                words[i + 2].lower() in _PERIOD_OPENERS
                or words[i + 2].lower() in ORDINALS
                and any(x.lower() in _PERIOD_NOUN_FORMS for x in words[i + 3 : i + 5])
            )
        ):
            return words[:i]  # "in the first ten months", "in the third quarter"
    return words


def _until_to(words: list[str]) -> list[str]:
    """The words before "to": where goods went ("75 GW of modules to customers") is not what they are."""
    return words[: words.index("to")] if "to" in words else words


def _gerund_modifier(words: list[str], i: int, end: int) -> bool:
    """An -ing word that modifies the noun after it ("the recycling rate", "charging stations"), not a
    verb whose object follows ("reflecting a rise")."""
    word = words[i]
    return (
        word.endswith("ing")
        and word.islower()
        and word not in _STOP  # "bringing employment to 10,000", "lifting output": verbs of a level reached
        and i + 1 < end
        and words[i + 1].islower()
        and words[i + 1].lower() not in _STOP
        and words[i + 1].lower() not in _METRIC_JUNK
        and not _is_verb(words[i + 1])
        and not _verbal(words[i + 1])
    )


@lru_cache(maxsize=8192)
def _is_comparator(word: str) -> bool:
    """Whether a word ends in a comparator ("over", "more", "least"), as before a figure; asked of every word a
    metric may hold, and cached as :func:`_is_verb` is: a search for some 60 phrases costs twenty times a lookup."""
    return _COMPARATOR_BEFORE.search(word) is not None


def _multiplier(low: str) -> bool:
    """Whether a lower-case word says how many times ("threefold", "10-fold")."""
    return low.endswith("fold") and (low[:-4].rstrip("-") in NUMBER_WORDS or low[:-4].rstrip("-").isdigit())


@lru_cache(maxsize=8192)
def _edge_junk(word: str, first: bool) -> bool:
    """Whether a word cannot open (``first``) or close a measure's name; asked of each word at the edges of
    every metric and cached, as the same words come back in every sentence."""
    low = word.lower()
    if low in _LEADING_ADJECTIVES and first:
        return False  # "total exports", "average wage"
    if low in _STOP or low in _METRIC_JUNK or _is_verb(word):
        return True
    if first and low in _GOAL_IMPERATIVES and word[0].isupper():
        return True  # "Lift battery exports to …": the item's verb, not its measure
    if _is_comparator(word):
        return True
    if low.endswith("ly") and len(low) > 4:
        return True  # adverbs: "significantly", "respectively"
    if _multiplier(low):
        return True  # "grew threefold to RMB100m", "a 10-fold rise": how much, not what
    return first and low.endswith("ing") and len(low) > 5 and word[0].islower()  # "reflecting a …", "showing"


def _main_subject(entities: list[Entity], title: str | None) -> str | None:
    """What a figure belongs to when neither its sentence nor its paragraph says: the company a headline opens
    with ("Aurenic opens … plant in Kedah"), else the place the headline names ("Shandong … Plan Ends with Most
    Targets Met"), else the company it names, else the most mentioned subject."""
    candidates = [e for e in entities if e.type in _SUBJECT_TYPES and e.mentions and not e.attributes.get("site")]
    body = next(
        (e for e in entities if e.type == "government" and title and _opens_with(title, e.name, entities)), None
    )
    if body is not None and (place := _governed_place(body.name)):
        # "DOE awards $2.8 billion for battery materials": the story is the U.S. Department of Energy's, the country's
        return _gazetteer_name(place)
    company = _headline_company(candidates, title) if title else None
    if company is not None and title is not None and _opens_with(title, company, candidates):
        return company  # "Aurenic opens first Malaysian packaging plant in Kedah": the story is Aurenic's
    if title and (place := _title_place(title)):
        return place
    if company is not None:
        return company  # "Commission approves … aid to support Acme Steel …": the story is Acme's
    # A country named as often as a province or city in it is the frame of a local story, not its subject.
    local = any(e.type == "place" and len(e.mentions) >= 2 and not _is_country(e.name) for e in candidates)
    ranked = sorted(
        candidates,
        key=lambda e: (
            local and e.type == "place" and _is_country(e.name),
            -len(e.mentions),
            min(s for s, _ in e.mentions),
        ),
    )
    return ranked[0].name if ranked else None


def _opens_with(title: str, name: str, entities: list[Entity]) -> bool:
    """Whether a headline opens with the entity's name or one of its aliases."""
    entity = next((e for e in entities if e.name == name), None)
    forms = (name, *(entity.aliases if entity else ()))
    return any(title.lstrip().startswith(form) for form in forms)


def _headline_company(entities: list[Entity], title: str) -> str | None:
    """The company a headline names first, by its name or an alias."""
    named = [
        (title.find(n), e.name) for e in entities if e.type == "company" for n in (e.name, *e.aliases) if n in title
    ]
    return min(named)[1] if named else None


@lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    return any(p.level == "country" for p in load_gazetteer().lookup(name))


@lru_cache(maxsize=4096)
def _country_of(name: str | None) -> str | None:
    """The country a place lies in, as the gazetteer names it ("Ohio" -> "United States"), if it knows one."""
    gazetteer = load_gazetteer()
    places = gazetteer.lookup(name) if name else []
    chain = gazetteer.chain(min(places, key=lambda p: p.rank).key) if places else []
    return next((p.name for p in chain if p.level == "country"), None)


def _title_place(title: str) -> str | None:
    """The first unambiguous place a headline names (one or two capitalised words, or a Chinese name), as
    written there."""
    gazetteer = load_gazetteer()
    words = [m for m in _TITLE_WORD.finditer(title)]
    for i, m in enumerate(words):
        candidates = [m.group()] + ([f"{m.group()} {words[i + 1].group()}"] if i + 1 < len(words) else [])
        for name in reversed(candidates):
            places = [p for p in gazetteer.lookup(name) if getattr(p, "support", None) is None]
            if len(places) == 1:
                return name  # as the headline writes it ("Jeonbuk"), as every subject is, not the gazetteer's form
    return None
