"""Date expressions in English text, normalised to ISO at the precision the text gives.

News and plans date things loosely: "on Jan. 22" leaves the year to the
dateline, "last year" and "recently" only mean something against the
document's own date, and "in recent years" means no date at all but is still
the words a reader would quote.  So every mention keeps its text, and its
``iso`` is as precise as the words allow ("2026", "2026-06", "2026-06-24") or
None when they give no date.

A bare year counts only after a word that makes it a time ("in 2023", "by
2025", "since 2013"): a year in front of a name ("the 2022 International
Conference") or a plan period is not a date of anything.  ``relation`` says
how the mention ties to its clause, because a deadline ("by 2025") or the end
of a reporting period ("ended 30 June 2019") is not when something happened.

A period of a year ("January-October 2026", "the first 10 months of this year",
"in the first half year") is one mention dated by the month it ends: statistics
for a period are reported as of its end, and what happened in it happened by
then.  Without a year it is the latest such period ended before the document's
month, read only where the words say it is one of the year ("in the first
three quarters"), not "for the first six months" of something else.

When the words leave a doubt, the mention keeps its text without a date
rather than a guess: "05/06/2016" is 6 May in the US and 5 June elsewhere (only
21/04/2016 or 04/21/2016 are read), and a year written in a way not read here
("October two thousand and five", "April of 87") is not replaced by the
document's.  A day counted from another ("two days after today") is no date.
"""

from __future__ import annotations

import calendar
import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from policylens.extraction.numbers import NUMBER_WORDS
from policylens.periods import parts

RELATIONS = ("at", "by", "since", "ended")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    iso: str | None
    approximate: bool
    text: str
    relation: str = "at"


_MONTHS = {
    name: i
    for i, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Month names are matched case-sensitively so the modal "may" and the verb "march" stay words.
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?![A-Za-z])"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
# "November 5", "Nov. 5th": a day written month first, for other readers of the text to recognise.
MONTH_DAY = rf"{_MONTH}\s+{_DAY}"
# The end of a span of days ("April 21-25, 2026", "21–25 April"): the mention dates its first day.
_DAY_TO = rf"(?:\s*[-–]\s*{_DAY}|\s+(?:to|until|till|through)\s+{_DAY}(?=\s+(?:of\s+)?{_MONTH}))?"
# "the 1990s" is a decade, not its first year.
_YEAR = r"(?<![\d.,])(?:19|20)\d{2}(?![\d]|s\b)"

_PREPOSITIONS = frozenset(
    (
        "as of",
        "as at",
        "no later than",
        "in",
        "on",
        "at",
        "during",
        "since",
        "by",
        "before",
        "until",
        "till",
        "through",
        "from",
        "of",
        "for",
    )
)
_MODIFIERS = frozenset(
    [
        f"{the}{part} of{the2}"
        for part in ("beginning", "start", "end", "middle", "close")
        for the in ("", "the ")
        for the2 in ("", " the")
    ]
    + [
        f"the {n} {part} of{the2}"
        for n in ("first", "second", "third", "fourth")
        for part in ("half", "quarter")
        for the2 in ("", " the")
    ]
    + ["early", "mid", "late"]
)

# "the first 10 months", "the first three quarters": how many parts of a year a period counts.
_COUNT = "|".join([r"1[01]|[2-9]"] + [word for word, n in NUMBER_WORDS.items() if 2 <= n <= 11])
# "the first six months after opening", "the first half of March": the first part of something else than a year.
_NOT_OF_A_YEAR = r"of|in|on|at|after|since|following|from|before|until|till|to|through|when|once|that|which|under"

# "in March last year": the year is named relative to the document's.
_REL_YEAR = r"(?:\s+(?P<{}_rel>(?i:last|this|next))\s+year(?![\w-]))"
_REL_OFFSET = {"last": -1, "this": 0, "next": 1}

_CORE = "|".join(
    (
        rf"(?P<iso>(?=[12]\d\d\d[-/.])(?<!\d[-/.])(?P<iso_y>{_YEAR})(?P<iso_sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_sep)(?P<iso_d>[12]\d|3[01]|0?[1-9])(?![-/.]?\d))",
        (
            r"(?P<fy>(?i:FY|fiscal\s+year|financial\s+year)\s*(?P<fy_y>(?:19|20)\d{2})"
            r"(?:\s*[-–—/]\s*(?P<fy_end>(?:19|20)?\d{2}))?(?!\d))"
        ),
        (
            rf"(?P<mdy>(?P<mdy_m>{_MONTH})[ \t]*(?P<mdy_d>{_DAY}){_DAY_TO}"
            rf"(?:\s*,?\s*(?P<mdy_y>{_YEAR})|{_REL_YEAR.format('mdy')})?)"
        ),
        (
            # "6 April", "the 6th of April", "05-Aug-2016"
            rf"(?P<dmy>(?<!\d)(?P<dmy_d>{_DAY}){_DAY_TO}(?:[ \t]+|(?<=st|nd|rd|th)\s+of\s+|(?P<dmy_sep>[-/])(?=\w+(?P=dmy_sep)\d))"
            rf"(?P<dmy_m>{_MONTH})(?:(?(dmy_sep)(?P=dmy_sep)|\s*,?\s*)(?P<dmy_y>{_YEAR})|{_REL_YEAR.format('dmy')})?)"
        ),
        (
            # "January-October 2026", "Jan-Sep", "January to September this year": months counted as one period;
            # not after "from", where the months bound a span ("from May to Oct 2023")
            rf"(?P<span>(?<![Ff]rom\s)(?P<span_a>{_MONTH})\s*(?:[-–—]|\s(?:to|through|till|until)\s)\s*(?P<span_b>{_MONTH})"
            rf"(?:\s*,?\s*(?:of\s+)?(?P<span_y>{_YEAR})|(?:\s+of)?{_REL_YEAR.format('span')})?(?P<span_p>\s+period(?![\w-]))?)"
        ),
        rf"(?P<my>(?P<my_m>{_MONTH})\s*,?\s+(?P<my_y>{_YEAR}))",
        # 21/04/2016, 13.5.2015: read only when the order cannot be in doubt (see _numeric).
        r"(?P<num>(?=[0-3]?\d[-/.])(?<!\d[-/.])(?P<num_a>[0-3]?\d)(?P<num_sep>[-/.])(?P<num_b>[0-3]?\d)(?P=num_sep)(?P<num_y>(?:19|20)\d\d)(?![-/.]?\d))",
        (
            rf"(?P<part>(?:(?i:Q(?P<q1>[1-4])|(?P<q2>[1-4])Q|H(?P<h1>[12])|(?P<h2>[12])H)\s*(?P<part_y>{_YEAR}))"
            rf"|(?i:(?:the\s+)?(?P<part_o>first|second|third|fourth)\s+(?:(?P<part_n>{_COUNT})\s+)?"
            rf"(?P<part_u>half(?:[\s-]+year(?![\w-]))?|quarters?|months))"
            rf"(?:(?i:\s+(?:of|in)\s+)(?:(?P<part_y2>{_YEAR})|(?i:(?P<part_rel>this|last|next)\s+year)(?![\w-]))"
            rf"|(?P<part_bare>(?i:\s+of\s+the\s+year(?![\w-]))?(?!\s*(?i:{_NOT_OF_A_YEAR})(?![\w-])))))"
        ),
        (
            r"(?P<rel>(?=[TtYyEeLlNnPpRrCcAa])(?i:today|yesterday|(?:earlier\s+)?this\s+(?:year|month|week)|last\s+(?:year|month|week)|"
            r"next\s+(?:year|month)|(?:the\s+)?(?:past|last)\s+few\s+(?:days|weeks)|"
            r"recent\s+(?:days|weeks|months|years)|recently|currently|at\s+present|presently)(?![\w-]))"
        ),
        r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])",
        # "announced on the 5th": Korean and Japanese government English names the day of the month alone.
        r"(?P<nth>(?i:the)\s+(?P<nth_d>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)(?=\s*[,.;:(]|\s*$|\s+(?i:that|and|at|in)\b))",
        rf"(?P<year>{_YEAR})",
        rf"(?P<month>{_MONTH}{_REL_YEAR.format('month')}?)",
    )
)
# The look-aheads that open "iso", "num" and "rel" only let the engine skip those branches at once
# where they cannot begin (most candidates are capitals and digits).
_CORE_AT = re.compile(_CORE)
# Where a date can begin; the full pattern is tried only there, which is far cheaper than trying it
# at every word: a digit or capital at a word start, or (in lowercased text) a word that opens a
# relative date.
# Both begin with a plain character or class (the word-start test is made afterwards), so the
# regex engine can skip ahead to the characters that can begin one.
# A run of word characters is passed whole: a capital or digit inside one follows a word character, which no
# date starts after, so only the run's first is a start worth trying.
_UPPER_START = re.compile(r"[0-9A-Z]\w*")
# The words grouped by their first letter (the order of those that share one kept), so that sre tries at a
# letter only the words it opens; words of different first letters never match at one place, so the
# matches are those of the words listed one by one (tests/extraction/test_fast_paths.py).
_LOWER_START = re.compile(
    r"t(?:oday|his\s+(?:year|month|week)|he\s+(?:first|second|third|fourth)\s+(?:half|quarter|\w+\s+(?:quarters|months))"
    r"|he\s+[1-3]?\d(?:st|nd|rd|th)\b|hird\s+(?:half|quarter))|yesterday|earlier\s+this"
    r"|last\s+(?:year|month|week|few)|next\s+(?:year|month)|p(?:ast\s+few|resently)|recent|currently"
    r"|at\s+present|f(?:iscal\s+year|inancial\s+year|irst\s+(?:half|quarter|\w+\s+(?:quarters|months))|ourth\s+(?:half|quarter))"
    r"|second\s+(?:half|quarter)"
)
_LOWER_START_ANY_CASE = re.compile(_LOWER_START.pattern, re.IGNORECASE)
_PERIOD_END = re.compile(r"\s*[-–—/]\s*(?:19|20)?\d{2}(?!\d)")
_SPAN_TO = re.compile(r"\s*(?:to|through|until|till|[-–])\s*")
_ENDED = re.compile(r"(?i:\b(?:ended|ending|end(?:ed)?\s+on))\s*$")
_RELATION = {
    "by": "by",
    "before": "by",
    "until": "by",
    "till": "by",
    "through": "by",
    "no later than": "by",
    "since": "since",
    "from": "since",
}
# Relative expressions: (unit, offset, approximate); "none" gives no date at all.
_RELATIVE = {
    "today": ("day", 0, False),
    "yesterday": ("day", -1, False),
    "this year": ("year", 0, False),
    "earlier this year": ("year", 0, False),
    "last year": ("year", -1, False),
    "next year": ("year", 1, False),
    "this month": ("month", 0, False),
    "earlier this month": ("month", 0, False),
    "last month": ("month", -1, False),
    "next month": ("month", 1, False),
    "last week": ("day", -7, True),
    # A week can straddle two months; the month of the document is the best a reader can say.
    "this week": ("month", 0, True),
    "earlier this week": ("month", 0, True),
    "recently": ("ref", 0, True),
    "recent days": ("ref", 0, True),
    "recent weeks": ("ref", 0, True),
    "past few days": ("ref", 0, True),
    "last few days": ("ref", 0, True),
    "past few weeks": ("ref", 0, True),
    "last few weeks": ("ref", 0, True),
    "currently": ("ref", 0, True),
    "at present": ("ref", 0, True),
    "presently": ("ref", 0, True),
    "recent months": ("none", 0, True),
    "recent years": ("none", 0, True),
}


def parse_reference(reference: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of the document's ISO date or partial date, if it is one of this or the
    last century (a dateline's year); None when there is none to read."""
    ref = parts(reference)
    return ref if ref is not None and 1900 <= ref[0] <= 2099 else None


def find_dates(text: str, start: int = 0, end: int | None = None, reference: str | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``; ``reference`` is the document's own date."""
    return list(iter_dates(text, start, end, reference))


def iter_dates(
    text: str, start: int = 0, end: int | None = None, reference: str | None = None
) -> Iterator[DateMention]:
    """The mentions :func:`find_dates` gives, one at a time, found only as far as the caller reads: the
    places where a date can begin are merged from their two scans as they come, so a caller that wants
    the first date of a kind (a dateline) stops there and leaves the rest of its span unread."""
    end = len(text) if end is None else end
    ref = parse_reference(reference)
    candidates = _starts(text, start, end)
    out: list[DateMention] = []
    done = start
    for pos in candidates:
        if pos < done:
            continue
        m = _CORE_AT.match(text, pos, end)
        if m is None:
            continue
        kind = m.lastgroup
        first, prep, mod = _prefix(text, done, pos)
        if kind == "weekday" and (then := _AFTER_WEEKDAY.match(text, m.end(), end)):
            dated = _CORE_AT.match(text, then.end(), end)
            if dated is not None and dated.lastgroup in ("mdy", "dmy", "iso", "num"):
                m, kind = dated, dated.lastgroup  # "on Tuesday, March 5, 2024": the date names the day
        if kind in ("dmy", "num") and _MONEY_BEFORE.search(text, max(start, pos - 2), pos):
            continue  # "$12 December 27": an amount, then a date
        named = _NAMED_MONTH.search(text, max(done, pos - 6), pos) if kind == "month" and not m["month_rel"] else None
        week = _WEEK_BEFORE.search(text, max(start, first - 16), first) if kind == "weekday" else None
        past = _PAST_WEEKDAY.search(text, max(start, first - 12), first) if kind == "weekday" else None
        if kind in ("year", "month", "weekday") and not (prep or mod or named or week or past):
            continue
        if kind == "nth" and prep != "on":
            continue
        if kind == "part" and m["part_bare"] is not None and not _of_the_year(m, prep):
            continue  # "tax-free for the first six months", "in the second half": not read without a year
        if kind == "span" and not (m["span_y"] or m["span_rel"] or prep in ("in", "during", "for") or m["span_p"]):
            continue  # "The trial runs June to September": maybe this year's, maybe last year's
        if kind == "year" and _PERIOD_END.match(text, m.end()):
            continue  # "the plan for 2021-2030": a plan's period, not a date
        if _counted_from(text, start, first, pos, kind, prep):
            done = m.end()
            continue  # "two days after today", "2 weeks before May 13": a day counted from this one
        stop = m.end()
        if past and not week:
            first = past.start()
            iso, approximate = _previous_weekday(_WEEKDAYS.index(m["weekday"][:3]), ref), False
        elif named:
            first = named.start()
            iso, approximate = _named_month(_month(m["month"]), named.group(1).lower(), ref), False
        elif kind == "weekday" or kind == "rel" and _WEEK_REL.fullmatch(m["rel"]):
            iso, approximate, first, stop = _weekday(text, m, first, stop, end, week, ref)
        else:
            iso, approximate = _resolve(m, ref)
            if (month := _yearless_month(m)) is not None:
                iso = _year_elsewhere(text, m, month, end, iso)
        if (span := _BETWEEN_START.search(text, max(start, first - 40), first)) and (
            not out or out[-1].end <= span.start()
        ):
            done = stop
            continue  # "between 2015 and Feb 2018": the end of a span whose start went unread dates nothing alone
        relation = _RELATION.get(prep or "", "at")
        if out and out[-1].relation == "since" and _SPAN_TO.fullmatch(text, out[-1].end, first):
            relation = "by"  # "from FY 2026-27 to FY 2030-31": the end of a period, not when anything happened
        if relation == "at" and _ENDED.search(text, max(start, first - 12), first):
            relation = "ended"
        out.append(DateMention(first, stop, iso, approximate, text[first:stop], relation))
        yield out[-1]
        done = stop


def _starts(text: str, start: int, end: int) -> Iterator[int]:
    """The places in text[start:end] where a date may begin, in order, found as far as the caller reads: a
    digit or capital, or a word that opens a relative date, at a word start."""
    lowered = text[start:end].lower()
    if len(lowered) == end - start:
        lower_starts = (start + m.start() for m in _LOWER_START.finditer(lowered))
    else:
        lower_starts = (m.start() for m in _LOWER_START_ANY_CASE.finditer(text, start, end))
    # Each scan gives its starts in order, so merging them and dropping repeats gives the sorted set.
    merged = heapq.merge((m.start() for m in _UPPER_START.finditer(text, start, end)), lower_starts)
    return (
        p
        for p, _ in groupby(merged)
        if p == 0
        or not (text[p - 1].isalnum() or text[p - 1] in "_.," or text[p - 1] == "-" and not _after_dash(text, p))
    )


def _after_dash(text: str, p: int) -> bool:
    """Whether a date can begin right after a hyphen: a number ("2021-2025" is dealt with later), or a
    month after "mid-"."""
    return text[p].isdigit() or text[max(0, p - 4) : p].lower() == "mid-"


_AFTER_WEEKDAY = re.compile(r",?\s+(?:the\s+)?")
_BETWEEN_START = re.compile(r"\b(?i:between)\s+(?:19|20)\d\d\s+(?i:and\s+|through\s+|to\s+)?$")
_MONEY_BEFORE = re.compile(r"[$€£¥]\s?$")
_UNIT = r"\b(?i:days?|weeks?|months?|years?|fortnight)\s+"
_OFFSET = re.compile(
    _UNIT + r"(?i:before|after|prior\s+to|earlier\s+than|later\s+than)\s+"
    r"(?i:the\s+(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?)?$"
)
_OFFSET_FROM = re.compile(_UNIT + r"(?i:from)\s+$")
# "next week on Friday", "Friday of next week", "last week Sunday": a weekday of a week named
# against the document's.
_WEEK_BEFORE = re.compile(r"\b(?i:(next|last|this)\s+week),?\s+$")
_WEEK_AFTER = re.compile(r",?\s+(?i:of\s+)?(?i:(next|last|this)\s+week)(?![\w-])")
# "last Thursday": the latest Thursday before the document's day, a week back when that day is one.
_PAST_WEEKDAY = re.compile(r"\b(?i:last|this\s+past|past)\s+$")
_WEEK_REL = re.compile(r"(?i:last|this)\s+week")
_WEEKDAY_AFTER = re.compile(r",?\s+(?i:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])")
# "Friday the 11th", "Sunday 31!": a weekday and the day of its month.
_WEEKDAY_DAY = re.compile(
    r",?\s+(?:the\s+)?(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|(?=\s*[!?;)]|\s*$|[.,]\s|[.,]$))(?![\w-])"
)
# The end of a span that gives the year both ends share: "from Feb 1st to March 2019", "Nov 18-Dec 19, 2015".
_RANGE_END = re.compile(
    rf"\s*(?:[-–—]|(?:to|until|till|through|and)\s)\s*(?:the\s+)?"
    rf"(?:(?P<e_m>{_MONTH})\s*(?:{_DAY})?|{_DAY}\s+(?:of\s+)?(?P<e_m2>{_MONTH}))\s*,?\s*(?P<e_y>{_YEAR})"
)
# A year written in a way not read here: spelt out ("October two thousand and five"), in two digits
# ("April of 87", "April '87"), or before 1900; after a day and month, any four digits.
_UNREAD_YEAR = re.compile(
    r"\s+of\s+'?\d\d(?![\d%]|[.,]\d)|\s*,?\s*'\d\d(?!\d)"
    r"|\s*,?\s*(?:of\s+)?(?:the\s+)?(?i:nineteen|eighteen|seventeen|sixteen|twenty|thirty|two\s+thousand)(?![a-z])"
)
_OTHER_YEAR = re.compile(r"\s*,?\s*\d{4}(?![\d%]|[.,]\d)")


def _of_the_year(m: re.Match, prep: str | None) -> bool:
    """Whether a first part written without its year is one of the year the text reports: "in the first
    three quarters", "for the first half of the year"; not "for the first six months" (of what a text sets
    up) nor a later part ("in the second half", often the coming one)."""
    if m["part_o"].lower() != "first":
        return False
    said = bool(m["part_bare"]) or m["part_u"].lower().startswith("half") and len(m["part_u"]) > 4
    return prep in ("in", "during") or said and prep == "for"


def _counted_from(text: str, start: int, first: int, pos: int, kind: str | None, prep: str | None) -> bool:
    """Whether the date at ``pos`` only anchors a day counted from it ("two days after today"); ``first``
    is where its mention begins, ``prep`` the preposition read before it."""
    lo = max(start, pos - 48)
    if prep == "before" or text.endswith(("after ", "than ", " to "), max(start, first - 6), first):
        return _OFFSET.search(text, lo, pos) is not None
    return prep == "from" and kind in ("rel", "weekday") and _OFFSET_FROM.search(text, lo, pos) is not None


def _yearless_month(m: re.Match) -> int | None:
    """The month a day-month or a month names without its year or a relative one ("on Jan. 22")."""
    kind = m.lastgroup
    if kind in ("mdy", "dmy") and not m[kind + "_y"] and not m[kind + "_rel"]:
        return _month(m[kind + "_m"])
    if kind == "month" and not m["month_rel"]:
        return _month(m["month"])
    return None


def _year_elsewhere(text: str, m: re.Match, month: int, end: int, iso: str | None) -> str | None:
    """A date without its year takes the year written at the end of its span ("from Feb 1st to March
    2019"); when a year follows that is not read ("Sept 13 nineteen seventy two"), it has no date."""
    kind = m.lastgroup
    day = int(re.sub(r"\D", "", m[kind + "_d"])) if kind in ("mdy", "dmy") else None
    if tail := _RANGE_END.match(text, m.end(), end):
        year = int(tail["e_y"]) - (month > _month(tail["e_m"] or tail["e_m2"]))
        return _ymd(year, month, day) if day is not None else f"{year:04d}-{month:02d}"
    if _UNREAD_YEAR.match(text, m.end(), end) or day is not None and _OTHER_YEAR.match(text, m.end(), end):
        return None
    return iso


def _weekday(
    text: str,
    m: re.Match,
    first: int,
    stop: int,
    end: int,
    week: re.Match | None,
    ref: tuple[int, int | None, int | None] | None,
) -> tuple[str | None, bool, int, int]:
    """(iso, approximate, start, end) of a weekday: of the week named before or after it ("next week on
    Friday", "on Friday next week"), on the day of the month given ("Friday the 11th"), or else the
    latest such day up to the document's date; "last week" alone is the week before."""
    if m.lastgroup == "rel":  # "last week Sunday"
        day_after = _WEEKDAY_AFTER.match(text, stop, end)
        if day_after is None:
            unit, offset, approximate = _RELATIVE[" ".join(m["rel"].lower().split())]
            return _relative(unit, offset, ref), approximate, first, stop
        which, weekday, stop = m["rel"].split()[0].lower(), _WEEKDAYS.index(day_after.group(1)[:3]), day_after.end()
        return _in_week(weekday, which, ref), False, first, stop
    weekday = _WEEKDAYS.index(m["weekday"][:3])
    if week is not None:
        return _in_week(weekday, week.group(1).lower(), ref), False, min(first, week.start()), stop
    if after := _WEEK_AFTER.match(text, stop, end):
        return _in_week(weekday, after.group(1).lower(), ref), False, first, after.end()
    if dated := _WEEKDAY_DAY.match(text, stop, end):
        return _weekday_of_month(weekday, int(dated["day"]), ref), False, first, dated.end()
    return _last_weekday(weekday, ref), False, first, stop


def _in_week(weekday: int, which: str, ref: tuple[int, int | None, int | None] | None) -> str | None:
    """The weekday of the week (Monday to Sunday) before, of or after the document's."""
    if ref is None or ref[1] is None or ref[2] is None:
        return None
    day = date(ref[0], ref[1], ref[2])
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=_REL_OFFSET[which])
    return (monday + timedelta(days=weekday)).isoformat()


def _weekday_of_month(weekday: int, day: int, ref: tuple[int, int | None, int | None] | None) -> str | None:
    """A weekday with its day ("Friday the 11th"): the 11th nearest the document's date that falls on a Friday, within half a year."""
    if ref is None or ref[1] is None or ref[2] is None:
        return None
    today = date(ref[0], ref[1], ref[2])
    found = []
    for shift in range(-6, 7):
        index = ref[0] * 12 + ref[1] - 1 + shift
        iso = _ymd(index // 12, index % 12 + 1, day)
        if iso and date.fromisoformat(iso).weekday() == weekday:
            found.append(date.fromisoformat(iso))
    return min(found, key=lambda d: (abs((d - today).days), d > today)).isoformat() if found else None


def _prefix(text: str, lo: int, pos: int) -> tuple[int, str | None, str | None]:
    """The preposition and modifier just before a date ("in early", "by the end of"), read
    backwards word by word; returns where the mention then starts, and both (lowercased)."""
    cursor, mod = pos, None
    if pos - 4 >= lo and text[pos - 4 : pos].lower() == "mid-":
        cursor, mod = pos - 4, "mid"
    else:
        cursor, mod = _phrase_before(text, lo, cursor, _MODIFIERS, 4)
    cursor, prep = _phrase_before(text, lo, cursor, _PREPOSITIONS, 3)
    return cursor, prep, mod


def _phrase_before(text: str, lo: int, cursor: int, phrases: frozenset[str], longest: int) -> tuple[int, str | None]:
    """The longest of ``phrases`` whose words end right before ``cursor``, whitespace between."""
    words: list[str] = []
    starts: list[int] = []
    i = cursor
    while len(words) < longest and i > lo and text[i - 1].isspace():
        while i > lo and text[i - 1].isspace():
            i -= 1
        k = i
        while k > lo and text[k - 1].isascii() and text[k - 1].isalpha():
            k -= 1
        if k == i:
            break
        words.append(text[k:i].lower())
        starts.append(k)
        i = k
    for n in range(len(words), 0, -1):
        phrase = " ".join(reversed(words[:n]))
        if phrase in phrases:
            return starts[n - 1], phrase
    return cursor, None


def _resolve(m: re.Match, ref: tuple[int, int | None, int | None] | None) -> tuple[str | None, bool]:
    kind = m.lastgroup
    approximate = False
    if kind == "iso":
        return _ymd(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])), False
    if kind == "fy":
        y, tail = int(m["fy_y"]), m["fy_end"]
        if tail:
            y = int(tail) if len(tail) == 4 else y // 100 * 100 + int(tail)
            y += 100 if y < int(m["fy_y"]) else 0
        return str(y), False
    if kind in ("mdy", "dmy"):
        month, day, year = _month(m[kind + "_m"]), int(re.sub(r"\D", "", m[kind + "_d"])), m[kind + "_y"]
        if year:
            return _ymd(int(year), month, day), False
        found = _year_for(month, ref, m[kind + "_rel"])
        return (_ymd(found, month, day) if found else None), False
    if kind == "num":
        return _numeric(int(m["num_a"]), int(m["num_b"]), int(m["num_y"])), False
    if kind == "my":
        return f"{int(m['my_y']):04d}-{_month(m['my_m']):02d}", False
    if kind == "part":
        return _part(m, ref), False
    if kind == "span":
        if m["span_y"]:
            return f"{int(m['span_y']):04d}-{_month(m['span_b']):02d}", False
        return _period_end(_month(m["span_b"]), ref, m["span_rel"]), False
    if kind == "year":
        return m["year"], False
    if kind == "nth":
        return _day_of_month(int(m["nth_d"]), ref), False
    if kind == "month":
        found = _year_for(_month(m["month"]), ref, m["month_rel"])
        return (f"{found:04d}-{_month(m['month']):02d}" if found else None), False
    unit, offset, approximate = _RELATIVE[" ".join(m["rel"].lower().split())]
    return _relative(unit, offset, ref), approximate


def _part(m: re.Match, ref: tuple[int, int | None, int | None] | None) -> str | None:
    """A part of a year by the month it ends ("the first 10 months of 2026" is 2026-10, "Q3 2024" 2024-09):
    a figure for a period is the figure as of its end, and an event dated by it happened by then."""
    if m["q1"] or m["q2"] or m["h1"] or m["h2"]:
        k = int(m["q1"] or m["q2"] or m["h1"] or m["h2"])
        end = 3 * k if m["q1"] or m["q2"] else 6 * k
        return f"{int(m['part_y']):04d}-{end:02d}"
    ordinal, count, unit = m["part_o"].lower(), m["part_n"], m["part_u"].lower()
    size = 6 if unit.startswith("half") else 3 if unit.startswith("quarter") else 1
    n = (int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]) if count else None
    if (n is None) == unit.endswith("s") or (n is not None and ordinal != "first"):
        return None  # "the first quarters", "the second three months": no period of a year read here
    end = size * (n or 1) if ordinal == "first" else size * ("first", "second", "third", "fourth").index(ordinal) + size
    if end > 12:
        return None  # "the third half"
    if m["part_y2"]:
        return f"{int(m['part_y2']):04d}-{end:02d}"
    return _period_end(end, ref, m["part_rel"])


def _period_end(end: int, ref: tuple[int, int | None, int | None] | None, relative: str | None) -> str | None:
    """The end of a period of a year named against the document's ("this year") or with no year at all
    ("in the first half year"): the latest such period ended before the document's month, as figures for
    a period are reported after it."""
    if ref is None:
        return None
    if relative:
        return f"{ref[0] + _REL_OFFSET[relative.lower()]:04d}-{end:02d}"
    if ref[1] is None:
        return None
    return f"{ref[0] - (end >= ref[1]):04d}-{end:02d}"


# "last April", "this March", "next June": a month named against the document's own month.
_NAMED_MONTH = re.compile(r"(?i:\b(last|this|next)\s+)$")


def _named_month(month: int, which: str, ref: tuple[int, int | None, int | None] | None) -> str | None:
    """ "last April" is the latest April before the reference month, "next June" the first June after it.
    The month just before the reference's is a year back: a writer names last month's "last month", so
    "last October" in a story of 5 November is the October of the year before."""
    if ref is None or (ref_month := ref[1]) is None:
        return None
    year = ref[0]
    if which == "last":
        year -= month >= ref_month or month == ref_month - 1
    elif which == "next":
        year += month <= ref_month
    return f"{year:04d}-{month:02d}"


def _day_of_month(day: int, ref: tuple[int, int | None, int | None] | None) -> str | None:
    """'on the 5th' is the latest 5th up to the reference: this month's, or last month's when the
    reference day is earlier."""
    if ref is None or (month := ref[1]) is None:
        return None
    year, ref_day = ref[0], ref[2]
    if ref_day is not None and day > ref_day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return _ymd(year, month, day)


def _previous_weekday(weekday: int, ref: tuple[int, int | None, int | None] | None) -> str | None:
    """News says "last Thursday" for the latest Thursday before its own date."""
    if ref is None or (month := ref[1]) is None or (day_of_month := ref[2]) is None:
        return None
    day = date(ref[0], month, day_of_month)
    return (day - timedelta(days=(day.weekday() - weekday - 1) % 7 + 1)).isoformat()


def _last_weekday(weekday: int, ref: tuple[int, int | None, int | None] | None) -> str | None:
    """News says "on Tuesday" for the latest Tuesday up to its own date."""
    if ref is None or (month := ref[1]) is None or (day_of_month := ref[2]) is None:
        return None
    day = date(ref[0], month, day_of_month)
    return (day - timedelta(days=(day.weekday() - weekday) % 7)).isoformat()


def _numeric(a: int, b: int, year: int) -> str | None:
    """21/04/2016 is day first, 04/21/2016 month first; 05/06/2016 may be either, so no date."""
    if a == b or a > 12 >= b:
        return _ymd(year, b, a)
    if b > 12 >= a:
        return _ymd(year, a, b)
    return None


def _month(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _ymd(y: int, mo: int, d: int) -> str | None:
    if not 1 <= mo <= 12 or not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _year_for(month: int, ref: tuple[int, int | None, int | None] | None, relative: str | None) -> int | None:
    """The year of a month named without one: the reference year, or the one before when the
    month lies well after the reference (a January article reporting "on Dec. 28")."""
    if ref is None:
        return None
    year, ref_month, _ = ref
    if relative:
        return year + _REL_OFFSET[relative.lower()]
    if ref_month is not None and month > ref_month + 2:
        return year - 1
    return year


def _relative(unit: str, offset: int, ref: tuple[int, int | None, int | None] | None) -> str | None:
    if ref is None or unit == "none":
        return None
    y, mo, d = ref
    if unit == "ref":
        return _partial(y, mo, d)
    if unit == "year":
        return str(y + offset)
    if unit == "month":
        if mo is None:
            return None
        index = y * 12 + mo - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if mo is None or d is None:
        return _partial(y, mo, None) if offset else _partial(y, mo, d)
    return (date(y, mo, d) + timedelta(days=offset)).isoformat()


def _partial(y: int, mo: int | None, d: int | None) -> str:
    if mo is None:
        return str(y)
    return f"{y:04d}-{mo:02d}" + (f"-{d:02d}" if d is not None else "")
