"""Amounts in English text: a number with its scale and unit, as a span of the text.

Policy and news text is full of numbers that are not amounts: dates, clock
times, phone numbers, plan periods, list numbering, numbers inside names. They
are recognised by their shape first and masked, so the amount pattern itself
can stay permissive; one compiled pattern then scans the whole text once and
only its matches are looked at in Python. The vocabulary (number words, scale
words, unit words and symbols) lives in data/units.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from policylens import vocab
from policylens.extraction.anycase import (
    any_case,
    finditer_at,
    lowers_alike,
    might_hold,
    needed,
    opening,
    places_of,
)
from policylens.model import Alternative


def _load(name: str) -> dict:
    """A vocabulary of extraction/data (the user's data folder extending it)."""
    return vocab.load("policylens.extraction", name)


_UNITS = _load("units.yaml")
CURRENCIES: dict[str, dict[str, list[str]]] = _load("currencies.yaml")["currencies"]  # code -> its written forms
_CUES = _load("quantity_cues.yaml")


def _alternation(words, spaced: bool = True) -> str:
    """A regex alternation, longest first so "percentage points" wins over "percent", and words of one length
    in a fixed order (a set's order changes from process to process with string hashing, and two words of one
    length can match at one place: with ``spaced``, " " is written to match "-")."""
    out = []
    for w in sorted({str(w) for w in words}, key=lambda w: (-len(w), w)):
        escaped = re.escape(w)
        if spaced:
            escaped = escaped.replace(r"\ ", r"[\s-]+")
        out.append(escaped)
    return "|".join(out)


NUMBER_WORDS: dict[str, int] = {**_UNITS["number_words"], **_UNITS["tens_words"]}
ORDINALS: dict[str, int] = _UNITS["ordinal_words"]
SCALES: dict[str, float] = {k: float(v) for k, v in _UNITS["scales"].items()}
CURRENCY_PREFIXES: dict[str, str] = {p: code for code, forms in CURRENCIES.items() for p in forms.get("before", ())}
UNIT_WORDS: dict[str, str] = {w.lower(): code for code, forms in CURRENCIES.items() for w in forms.get("after", ())} | {
    k.lower(): v for k, v in _UNITS["unit_words"].items()
}
UNIT_SYMBOLS: dict[str, str] = _UNITS["unit_symbols"]
DIMENSION: dict[str, str] = dict.fromkeys(CURRENCIES, "money") | {
    u: dim for dim, units in _UNITS["dimensions"].items() for u in units
}
DURATION_UNITS = frozenset(_UNITS["dimensions"]["duration"])

# Matched ignoring case at every word start, so written by any_case.
_ONES = any_case([w for w in _UNITS["number_words"] if w != "dozen"], _alternation)
_ONES_1_9 = _alternation([w for w, v in _UNITS["number_words"].items() if 1 <= v <= 9 and w != "dozen"])
_TENS = any_case(_UNITS["tens_words"], _alternation)
# "fifty-two", "fifty two", "fifty - two"
_TENS_JOIN = r"(?:[ \t]*-[ \t]*|\s[ \t]*)"
_WORD_NUMBER = rf"(?:(?:{_TENS})(?:{_TENS_JOIN}(?:{_ONES_1_9}))?|{_ONES}|a\s+dozen)"
# A number spelt out with its hundreds or thousands joined to what follows ("two hundred and fifty",
# "one thousand two hundred", "three million, two hundred & forty"): read whole, or its last word alone
# would be taken for the number. Without a joined part ("two hundred") the scale is read as a scale.
# The first word is matched once; the joins after it start with a scale word, so they cost little.
_SMALL = rf"(?:(?:{_TENS})(?:{_TENS_JOIN}(?:{_ONES_1_9}))?|{_ONES})"
_HUNDRED_JOIN = rf"\s+hundred(?:\s+and|\s+&)?\s+{_SMALL}"
_BELOW_1000 = rf"(?:(?:a|{_SMALL})\s+hundred(?:(?:\s+and|\s+&)?\s+{_SMALL})?|{_SMALL})"
_BIG = "thousand|million|billion|trillion"
_BIG_JOIN = rf"\s+(?:{_BIG}),?\s+(?:and\s+|&\s+)?{_BELOW_1000}"
_WORDS = (
    rf"(?:a(?=\s+hundred\b)|{_WORD_NUMBER})(?:{_HUNDRED_JOIN}|\s+hundred(?={_BIG_JOIN}))?"
    rf"(?P<joined>{_BIG_JOIN})*(?(joined)(?:\s+(?:{_BIG}))?)"
)
# A decimal said in words, digit by digit after "point" ("five point two five", "zero point zero eight"): read
# whole, or its parts would be read as numbers of their own.
_DECIMAL_DIGITS: dict[str, int] = _UNITS["decimal_digit_words"]
_ZERO_WORDS = frozenset(_UNITS["zero_words"])
_ZERO = rf"(?:{_alternation(_ZERO_WORDS)})(?=\s+point\s)"
_POINT = rf"\s+point(?:\s+(?:{_alternation(_DECIMAL_DIGITS)})\b)+"
_MINOR_CURRENCY = frozenset(_UNITS["minor_currency_words"])
# Digits joined by scale words ("4 thousand 3 hundred and 21", "2 million 500 thousand"): either part alone is a
# wrong value, and they are too rare to read whole, so neither is read.
_DIGIT_SCALE_BEFORE = re.compile(rf"\d[\s-]+(?P<scale>hundred|{_BIG})(?:\s+and)?\s+$", re.IGNORECASE)
_DIGITS_AFTER_SCALE = re.compile(r"\s+(?:and\s+)?\d{1,3}(?![\d.,%])(?!\s*(?:percent|per\s+cent)\b)", re.IGNORECASE)
_NOT_COUNTED = (
    _MINOR_CURRENCY | frozenset(_UNITS["ambiguous_unit_words"]) | frozenset(_UNITS["scaled_unit_abbreviations"])
)
_FOREIGN_SCALE = re.compile(rf"\.?\s*(?i:{_alternation(_UNITS['foreign_scale_words'])})(?!\w)")
_SAID_POINT_BEFORE = re.compile(rf"\bpoint(?:\s+(?:{_alternation(_DECIMAL_DIGITS)}))*\s+$", re.IGNORECASE)
_SAID_POINT_AFTER = re.compile(r"\s+point\s", re.IGNORECASE)
_FRACTION_WORDS: dict[str, int] = _UNITS["fraction_words"]
# A whole number and a fraction: "two and a half years", "three and a fifth", "42 and two thirds".
_HALF = (
    r"\s+and\s+(?:a|one|two|three|four|five|six|seven|eight|nine)\s+"
    rf"(?:{_alternation(sorted(_UNITS['fraction_words'], key=len, reverse=True))})"
)
# A number word before a fraction's denominator is its numerator ("two thirds", "three quarters"), not a count.
_NUMERATOR_OF = rf"(?![\s-]+(?i:{_alternation(_UNITS['fraction_words'])})\b)"
# Thousands grouped by commas, by typographic spaces (no-break, thin, narrow no-break: "10\u202f000"),
# or by plain spaces ("10 000 dollars"). A plain space also separates the cells of a table row
# ("120 130 145"), so a run grouped by plain spaces with no unit is read only where a word follows.
# India groups lakhs and crores by two digits ("1,97,000", "12,50,00,000"): read whole, never as "1".
# Where thousands are grouped by spaces, apostrophes ("CHF 1'049.95") or dots ("1.234.567"), a comma
# before one or two digits is the decimal point ("1 298,00 €"). One dot group alone ("1.500") is left to
# the plain shape: English writes it as a decimal, and a whole-unit currency reads it as grouping.
_THIN = "\u00a0\u2009\u202f"
_DECIMAL = r"(?:\.\d+|,\d{1,2}(?!\d))?"
_DIGITS = (
    rf"[1-9]\d?(?:,\d{{2}})+,\d{{3}}(?![,\d])(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|[1-9]\d{{0,2}}(?:[{_THIN}]\d{{3}})+(?!\d){_DECIMAL}"
    rf"|[1-9]\d{{0,2}}(?:\ \d{{3}})+(?!\d){_DECIMAL}|[1-9]\d{{0,2}}(?:['’]\d{{3}})+(?!\d){_DECIMAL}"
    rf"|[1-9]\d{{0,2}}(?:\.\d{{3}}){{2,}}(?![\d.])(?:,\d{{1,2}}(?!\d))?|\d+(?:\.\d+)?"
)
# What may not follow a number: a digit group it failed to join ("1 298,000"), or a price's ",-"
_NOT_A_HEAD = rf"(?![ {_THIN}'’]\d{{3}}[.,]\d|,-)"
# A scale written as one letter right after the digits: "€10M", "$2.174T", "0.5k". Lowercase "m" and
# the letters "b", "B", "T" are taken only after a currency mark (without one, "5m" may be metres).
_LETTER_SCALES: dict[str, float] = {k: float(v) for k, v in _UNITS["letter_scales"].items()}
_LETTER_SCALE_NEEDS_CURRENCY = frozenset(_UNITS["letter_scales_after_currency_only"])
_CODE_SCALES: dict[str, float] = {k: float(v) for k, v in _UNITS["code_scales"].items()}
_CODES = frozenset(c for c in CURRENCIES if len(c) == 3 and c.isalpha())
_CODE = _alternation(sorted(c for c in _CODES if c.lower() in UNIT_WORDS), False)
# A scale word after a currency code ("75 USD million") and cents after a sum ("3 dollars 50 cents").
_AFTER_UNIT_SCALE = r"million|billion|trillion|thousand|mn|bn|mln|bln"
_SCALED_ONLY_UNITS = frozenset(_UNITS["units_only_after_a_scale"])
_PER_UNIT = re.compile(r"/[^\W\d_]")
_WORD_PREFIXES = [p for p in CURRENCY_PREFIXES if p[0].isalpha()]
_SYMBOL_PREFIXES = [p for p in CURRENCY_PREFIXES if not p[0].isalpha()]
_PREFIX = rf"(?:{_alternation(_SYMBOL_PREFIXES, False)}|(?:{_alternation(_WORD_PREFIXES, False)})(?=\s?[-−]?\d))"
_TIME_WORDS = [w for w, code in UNIT_WORDS.items() if code in DURATION_UNITS]
_UNIT = (
    rf"(?:(?i:{any_case(UNIT_WORDS, _alternation)})|{_alternation(UNIT_SYMBOLS, False)}"
    rf"|(?i:{_alternation(_UNITS['time_unit_adjectives'])})\s+(?P<tunit>(?i:{_alternation(_TIME_WORDS)})))"
)

# Looks at the first character, so that the currency prefixes, the digit shapes and the number words, tried at
# every word start, are entered only where one of them can begin (the prefixes are written as they must be, in
# capitals).
_PREFIX_OPENING = opening((p[0] for p in CURRENCY_PREFIXES), ignoring_case=False)
_WORD_NUMBER_OPENING = opening([w[0] for w in NUMBER_WORDS] + ["a"] + [w[0] for w in _ZERO_WORDS])
AMOUNT = re.compile(
    rf"""(?<![\w.,/:\-–—$€£¥₹₩])
    (?:{_PREFIX_OPENING}(?P<pre>{_PREFIX})\s?)?
    (?:(?P<sign>[-−](?=\d))?(?=\d)(?P<num>{_DIGITS})
      |{_WORD_NUMBER_OPENING}(?P<word>(?i:{_WORDS}(?:\s+(?:hundred|{_BIG})(?=\s+point\s))?|{_ZERO}))\b(?:(?P<point>(?i:{_POINT}))|(?P<half>(?i:{_HALF})\b))?
      {_NUMERATOR_OF})
    (?:\s?[-–—~]\s?(?P<num2>{_DIGITS}))?
    (?P<plus>\+)?
    (?:(?P<lscale>{_alternation(_LETTER_SCALES, False)})(?!\w)
      |[\s-]*(?P<scale>(?i:{any_case(SCALES, _alternation)})(?:[\s-]+(?i:{any_case(SCALES, _alternation)}))?)(?!\w)
      |\s?(?P<cscale>[{"".join(_CODE_SCALES)}])(?=(?i:{_CODE})\b))?
    (?:(?P<usep>[\s-]*)(?P<unit>{_UNIT})
      (?:\s+(?P<uscale>(?i:{_AFTER_UNIT_SCALE}))(?!\w))?
      (?P<cents>\s+(?:and\s+)?(?P<cnum>\d{{1,2}}|(?i:{_SMALL}))\s+(?i:{_alternation(_MINOR_CURRENCY)})(?!\w))?)?
    (?!\w|[/:]\d|[.,]\d){_NOT_A_HEAD}""",
    re.VERBOSE,
)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_YEAR = r"(?:1[89]|20|21)\d{2}"
# Day and month as Spanish, Portuguese, French and Indonesian pages write a date ("15 de febrero de 2026",
# "15 février 2026", "15 Februari 2026"): a date, never a count.
_FOREIGN_MONTHS = "|".join(_UNITS["foreign_month_names"])
# Months as bylines and portal stamps write them in capitals ("Posted On: 28 MAR 2026"): dates only with their year,
# as "MAY" alone may be the modal of a headline in capitals.
_UPPER_MONTHS = _MONTHS.upper()
# A number with a unit or scale after it is an amount whatever its shape ("2024.5 tonnes", "1000000 GW").
_NO_UNIT_AFTER = rf"(?![ \u00a0]?(?:{_UNIT.replace('(?P<tunit>', '(?:')}|(?i:{any_case(SCALES, _alternation)}))(?!\w))"
# Shapes of numbers that never state an amount.
NOT_AMOUNT = re.compile(
    rf"""(?:https?://|www\.)\S+ | \S+@\S+\.\w+
    | \b{_YEAR}[-/]\d{{1,2}}(?:[-/]\d{{1,2}})?\b | \b{_YEAR}\.\d{{1,2}}(?:\.\d{{1,2}}\b|\b{_NO_UNIT_AFTER})
    | \b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b
    | \d+(?:\.\d+)?(?::\d+(?:\.\d+)?)+ | \b\d{{1,2}}\s?(?:[ap]\.m\.|[ap]m\b)
    | \b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b\.?(?:,?\s+{_YEAR}\b)?
    | \b(?:{_MONTHS})\.?,?\s+{_YEAR}\b
    | \b\d{{1,2}}\s+(?:de\s+)?(?i:{_FOREIGN_MONTHS})\b
    | \d+@\d+ | \b\d+(?:\+(?:\d+|[A-Z])\b)+
    | (?<![\d.,])\b(?:2|4|8|16)K\b | \b\d{{3,6}}\s+(?i:hotline|helpline|hot\s+line|service\s+line)\b
    | \b\d{{1,2}}\s+(?:{_UPPER_MONTHS})\.?,?\s+{_YEAR}\b | \b(?:{_UPPER_MONTHS})\.?\s+\d{{1,2}},?\s+{_YEAR}\b
    | \b{_YEAR}\s?[-–—~/]\s?(?:{_YEAR}|\d{{2}})\b
    | \bFY\s?'?\d{{2,4}}(?:\s?[-–/]\s?\d{{2,4}})?\b
    | \b[1-4][HQ]\s?\d{{2,4}}\b | \b[HQ][1-4]\b(?:\s?{_YEAR}\b)?
    | \+?\d+(?:[-‐]\d+){{2,}} | \+\d{{1,3}}[\s-]?\d[\d\s-]{{6,}}\d | \(\d{{2,4}}\)\s?\d{{3,4}}[-\s]?\d{{3,4}}
    | \+\d{{1,3}}[\s-]?\(\d{{1,4}}\)[\s-]?\d[\d\s-]{{4,}}\d
    | \b\d{{7,}}\b(?!\.\d){_NO_UNIT_AFTER} | (?<!\d[ \u00a0])\b0\d{{1,4}}(?:[ \u00a0]\d{{2,4}})+\b | (?<![\d.,])\b0\d{{2,4}}-\d{{3,4}}[ \u00a0]\d{{3,4}}\b
    | \b\d+(?:st|nd|rd|th)\b
    | (?m:^)[ \t\#>*]*(?:[-•*·]\s*)?(?:\(?\d{{1,3}}[.)、]|\(\d{{1,3}}\)|[IVXLC]{{1,6}}\.)\**(?=\s)
    | [:;]\s?\d{{1,2}}\)(?=\s) | \#\d{{1,3}}\b
    | \(\d{{1,2}}\)(?=\s*[A-Za-z])
    | \[\d{{1,3}}(?:\s*[,–-]\s*\d{{1,3}})*\]
    | \d+(?:\.\d+)?(?:\s?[×x]\s?10\s?(?:\^\s?)?[-−]?\d+|[eE][-+]?\d+\b|\s?\^\s?[-−+]*\d+) | \^\s?[-−+]*\d+""",
    re.VERBOSE,
)

_RANK = re.compile(
    rf"""{opening(w[0] for w in _CUES["rank_verbs"])}\b(?P<verb>(?i:{any_case(_CUES["rank_verbs"], _alternation)}))\s+(?:in\s+)?
    (?:(?:No\.|number)\s*(?P<no>\d{{1,3}})|(?:the\s+)?(?P<ord>(?i:{_alternation(ORDINALS)})|\d{{1,3}}(?:st|nd|rd|th)))\b""",
    re.VERBOSE,
)
# "\b" before the "T" is written as a look behind after it, so the pattern opens with a character class
# and sre skips to the next "t" or "T" instead of trying the pattern at every position.
_TOP = re.compile(rf"(?P<top>[Tt](?<!\w[Tt])op)[\s-](?P<n>\d{{1,3}}|(?i:{_WORD_NUMBER}))\b(?!-)")
_VULGAR: dict[str, float] = {k: float(v) for k, v in _UNITS["vulgar_fractions"].items()}
# "3/4", "2 1/2", "2½": a whole number may stand before the fraction; a unit may follow it.
_FRACTION = re.compile(
    rf"""(?<![\w/.,\-–])(?:(?P<whole>\d{{1,3}})(?:[ {_THIN}](?=\d)|(?=[{"".join(_VULGAR)}])))?
    (?:(?P<a>[1-9])/(?P<b>[2-9]|1[0-2]|16|32|64)|(?P<glyph>[{"".join(_VULGAR)}]))(?![\w/])
    (?:(?P<usep>[\s-]*)(?P<unit>{_UNIT}))?(?![\w/])""",
    re.VERBOSE,
)
_RANK_NEEDS = needed(_CUES["rank_verbs"])
_FRACTION_NEEDS = needed(_FRACTION_WORDS)
_FRACTION_BLOCKERS = frozenset(w.lower() for w in _UNITS["fraction_blockers"])
# "a third of", "two-thirds of", "half of": a share of what follows ("a quarter of a century" measures one thing).
# Written with each word's first letter in either case, and a look at that letter first, as the
# pattern is tried at every position of every text.
_FRACTION_FIRSTS = "".join(sorted({c for w in _FRACTION_WORDS for c in (w[0].lower(), w[0].upper())}))
_SPOKEN_FRACTION = re.compile(
    rf"(?<!\w)(?=[{_FRACTION_FIRSTS}])(?P<d>"
    + "|".join(
        f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in sorted(_FRACTION_WORDS, key=len, reverse=True)
    )
    + r")\s+of\b(?!\s+an?\b)"
)
# "fell by a third", "cut its plans by two-thirds", "grew by half": a change by a share of the level before
# ("three quarters" may be nine months: left alone).
# Looked for from "by", which few texts hold before a fraction word; a fraction of a longer span ("by a
# quarter of a century", "by a third party") is not one.
_BY_FRACTION = re.compile(
    r"\b[Bb]y\s+(?:(?i:roughly|about|around|nearly|almost|some|more\s+than|over|less\s+than|under)\s+)?"
    r"(?P<f>(?P<n>(?i:a|one|two|three))[\s-]+(?P<d>(?i:thirds?|quarter|fifths?))|(?P<half>(?i:half)))\b"
    r"(?![\s-]+(?i:of|a|an|party|parties|century|centuries|way|mile|miles|hour|hours|inch|inches|point|points)\b)"
)
# "one in five companies", "nearly 1 out of 3 firms", "one in every four": a share, not two counts. Not
# before a unit of time ("5 in 10 years") or another figure.
_SMALL_NUMBER = rf"(?:{_SMALL}|\d{{1,3}})"
_NUMBER_FIRSTS = "".join(sorted({c for w in NUMBER_WORDS for c in (w[0], w[0].upper())}))
# found first, as its words are few: "in" or "out of" before a number (opening with a character class,
# which sre skips on; the space before it is checked after)
_ONE_IN = re.compile(rf"[IiOo](?:n|ut\s+of)\s+(?:every\s+)?(?=[\d{_NUMBER_FIRSTS}])")
_ONE_IN_SOME = re.compile(rf"(?<![\w.,$€£¥-])(?P<n>(?i:{_SMALL_NUMBER}))\s+$")
_ONE_IN_ALL = re.compile(
    rf"(?P<d>(?i:{_SMALL_NUMBER}))\b"
    rf"(?![.,]\d|\s*%|[\s-]+(?i:{_alternation(_TIME_WORDS)}|percent|per\s+cent|{_alternation(SCALES)})\b)"
)
_NUMERATOR = re.compile(r"\b(?P<n>a|one|two|three|four|five|seven|nine)[\s-]+$", re.IGNORECASE)
_RANK_AFTER = re.compile(r"[\s-]+(?:\w+\s+){0,3}?(?:rank|ranking|rankings|position|place)\b", re.I)
_RANK_BEFORE = re.compile(rf"\b(?:{_alternation(_CUES['rank_verbs'])})\b(?:\s+\w+){{0,3}}\s*$", re.I)
_BETWEEN_RANGE = re.compile(r"\s*(?:to|–|—|-|~)\s*|-\s+(?:to|or)\s+")  # "20- to 30-percent": a suspended hyphen
_SUSPENDED = re.compile(r"-\s+(?:to|or|and)\s")
_BETWEEN_AND = re.compile(r"\s*and\s*")
_ALT_OPEN = re.compile(
    r"\s*\(\s*(?:(?:about|approximately|around|roughly|nearly|some|approx\.|or|equivalent to|"
    r"equal to|i\.e\.,?|≈|~)\s*)?",
    re.I,
)
_ALT_CLOSE = re.compile(r"\.?\s*\)")  # "(66.7 ha.)": an abbreviation's point before it
_WORD_BEFORE = re.compile(r"([\w.'’$]+)[:#]?[ \t]*$")
_SIGN_WORD = re.compile(r"(?<!or )(?<!\w)(?:minus|negative)\s+$", re.IGNORECASE)
_SIGN_WORD_ENDS = tuple(f"{w} " for word in ("minus", "negative") for w in (word, word.title(), word.upper()))
# The same, for a search from a line start: a match there can only begin where its word does,
# and saying so spares the search running every word of a long line up to its end.
_WORD_BEFORE_IN_LINE = re.compile(r"(?<![\w.'’$])([\w.'’$]+)[:#]?[ \t]*$")
_NEAR_WORD = 48  # characters before a number searched first for its word (see _word_before_in_line)
_WORD_AFTER = re.compile(r"[ \t]*([\w'’-]+)")

_IDENTIFIER_WORDS = frozenset(w.lower() for w in _CUES["identifier_words"])
_NOUN_ONLY_IDENTIFIER_WORDS = frozenset(w.lower() for w in _CUES["noun_only_identifier_words"])
_NAME_EXEMPT = frozenset(w.lower() for w in _CUES["name_exempt_words"])
_ONE_OPENERS = frozenset(w.lower() for w in _CUES["one_openers"])
_PERIOD_OPENERS = frozenset(w.lower() for w in _CUES["period_openers"])
_FUNCTION_WORDS = frozenset(w.lower() for w in _CUES["metric_stop_words"])
_YEAR_SHAPE = re.compile(rf"{_YEAR}")


@dataclass(slots=True)
class Amount:
    """A number with its unit, before any reading of what it measures.

    ``bare`` marks a number that had no unit of its own and reads as a count;
    ``comparator`` is set only where the amount's own shape bounds it
    ("15+", "top three").
    """

    start: int
    end: int
    value: float
    unit: str
    value_max: float | None = None
    alternatives: list[Alternative] = field(default_factory=list)
    bare: bool = False
    scale: float = 1.0
    comparator: str | None = None


_SEPARATORS = re.compile(r"[\s-]+")  # between the words of a number or a unit
_WORD_PARTS = re.compile(r"[\s,-]+")
_THOUSANDS = tuple(_BIG.split("|"))
_GROUPING = re.compile(rf"[, {_THIN}'’]")
_DECIMAL_COMMA = re.compile(r"[^,]*[ .'’\u00a0\u2009\u202f]\d{3},\d{1,2}|\d{1,3}(?:\.\d{3}){2,}")
_ONE_DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")
# How a page writes its decimals, which decides what one dot group means: a comma before one or two digits
# that end a figure ("23,5%", "1,47 billion USD", as machine translations from Vietnamese or Indonesian write)
# says the comma is the point, so "2.237 ha" groups thousands; a plain decimal ("2.5 GW") or a comma grouping
# thousands ("1,600 jobs") elsewhere on the page says the other way too, and then one dot group is left unread.
_DECIMAL_COMMA_SAID = re.compile(
    r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])(?=\s?(?:%|(?i:percent|per\s+cent|billion|million|trillion)\b))"
)
_POINT_OR_COMMA_GROUPS_SAID = re.compile(
    r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])|(?<![\d.,])\d{1,3},\d{3}(?![\d])"
)
WHOLE_UNITS = frozenset(_load("currencies.yaml").get("whole_units", ()))
_GENERIC_MARKS = frozenset(_load("currencies.yaml").get("generic_marks", ()))


def _word_counter(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b")


# mark -> [(currency, its words, its country's words)], the default first (see currencies.yaml)
_SHARED_MARKS = {
    mark: [(code, _word_counter(said["currency"]), _word_counter(said["country"])) for code, said in codes.items()]
    for mark, codes in _load("currencies.yaml").get("shared_marks", {}).items()
}


def _shared_marks(text: str) -> dict[str, str]:
    """The currency each mark two currencies share stands for in this text (see currencies.yaml)."""
    out = {}
    for mark, readings in _SHARED_MARKS.items():
        if mark not in text:
            continue
        named = [code for code, currency, _ in readings if currency.search(text)]
        if len(named) == 1:
            out[mark] = named[0]
        elif not named:
            counts = sorted(((len(country.findall(text)), code) for code, _, country in readings), reverse=True)
            if counts[0][0] >= 2 * counts[1][0] and counts[0][0] > 0:
                out[mark] = counts[0][1]
    return out


def parse_number(token: str) -> float | None:
    """The value of one number token: "15,000" -> 15000, "twenty-five" -> 25, "a dozen" -> 12."""
    token = token.strip()
    if not token:
        return None
    if token[0].isdigit():
        if _DECIMAL_COMMA.fullmatch(token):  # "1 298,00", "1.234.567": dots group, a comma is the point
            token = token.replace(".", "").replace(",", ".")
        try:
            return float(_GROUPING.sub("", token))
        except ValueError:
            return None
    total = current = 0.0
    found = False
    for part in _WORD_PARTS.split(token.lower()):
        if part in NUMBER_WORDS:
            current += NUMBER_WORDS[part]
            found = True
        elif part == "hundred":
            current = (current or 1) * 100  # "a hundred", "two hundred"
            found = True
        elif part in _THOUSANDS:
            total += (current or 1) * SCALES[part]
            current = 0
            found = True
        elif part not in ("a", "and", "&", ""):
            return None
    return total + current if found else None


def unit_code(word: str) -> str | None:
    """The contract code of a unit word or symbol as written ("square-kilometer" -> "km2")."""
    if word in UNIT_SYMBOLS:
        return UNIT_SYMBOLS[word]
    key = _SEPARATORS.sub(" ", word.lower())
    if key in UNIT_WORDS:
        return UNIT_WORDS[key]
    return UNIT_WORDS.get(_SEPARATORS.sub("-", word.lower()))


# Where a NOT_AMOUNT match can begin: every alternative starts with a digit, "+", "(", "[", "#", ":", ";", "^", a URL
# prefix, a month, "FY", "H1"/"Q3", or at a line start (list numbering, which opens with a space, a bullet,
# a digit, "(" or a Roman numeral), except the e-mail one (any non-space character of a word with "@" in it),
# added only for texts that hold an "@".
# A digit after a digit is no start: an alternative that can open inside a run of digits (one with no "\b"
# before its first digit) matches from the run's first digit too, which is tried first.
_NOT_AMOUNT_START = re.compile(
    r"(?m:^)(?=[ \t#>*\-•·(\dIVXLC])|[\d+(\[#:;^](?<!\d\d)|https?://|www\.|J(?:an|u[nl])|Feb|Ma[ry]|Apr|Aug|Sep"
    r"|Oct|Nov|Dec|FY|[HQ][1-4]"
)
_IN_DIGITS = re.compile(r"(?<=\d)\d")
_NOT_AMOUNT_START_AT = re.compile(_NOT_AMOUNT_START.pattern + r"|\S+@")
# _NOT_AMOUNT_START in three parts, each of which sre scans without trying it at every position (the one
# class it opens with, or the first letters of its words, let sre pass the other characters); a line start
# is found from the newlines.
_LINE_OPENING = re.compile(r"[ \t#>*\-•·(\dIVXLC]")
_NOT_AMOUNT_MARK = re.compile(r"[\d+(\[#:;^](?<!\d\d)")
_NOT_AMOUNT_WORD = re.compile(r"https?://|www\.|J(?:an|u[nl])|Feb|Ma[ry]|Apr|Aug|Sep|Oct|Nov|Dec|FY|H[1-4]|Q[1-4]")


def _not_amount_starts(text: str) -> list[int]:
    """Every place where ``_NOT_AMOUNT_START`` matches, in order, found several times faster than its
    searches find them."""
    places = {m.start() for m in _NOT_AMOUNT_MARK.finditer(text)}
    i = 0
    while (m := _NOT_AMOUNT_WORD.search(text, i)) is not None:  # a search from each start: none is passed over
        places.add(m.start())
        i = m.start() + 1
    line = 0
    while True:
        if _LINE_OPENING.match(text, line):
            places.add(line)
        line = text.find("\n", line) + 1
        if not line:
            break
    return sorted(places)


def _not_amount_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``NOT_AMOUNT.finditer(text)`` gives, found several times faster.

    Tried at every position, the big alternation of NOT_AMOUNT costs more than
    the rest of amount finding together. A cheap pattern finds the positions
    where one of its alternatives can begin, and NOT_AMOUNT is tried only there;
    since those positions include every possible match start and the scan
    resumes where each match ends, the spans are exactly finditer's. A match
    may end inside a run of digits ("(010) 1234 56789"); the scan resumes
    there, as finditer does, though it is no start found by the cheap pattern.
    """
    at = "@" in text  # the e-mail alternative's starts are searched for; the others are listed at once
    places = [] if at else _not_amount_starts(text)
    spans = []
    pos = 0
    resumed_in_digits = False
    while pos < len(text):
        if resumed_in_digits:
            start = pos
        elif at:
            if (c := _NOT_AMOUNT_START_AT.search(text, pos)) is None:
                break
            start = c.start()
        elif (k := bisect_left(places, pos)) < len(places):
            start = places[k]
        else:
            break
        m = NOT_AMOUNT.match(text, start)
        if m:
            spans.append(m.span())
            pos = m.end()  # every alternative consumes at least one character
            resumed_in_digits = _IN_DIGITS.match(text, pos) is not None
        else:
            pos = start + 1
            resumed_in_digits = False
    return spans


class _Mask:
    """The spans of a text that hold numbers in non-amount shapes, for overlap tests."""

    __slots__ = ("starts", "ends")

    def __init__(self, text: str):
        spans = _not_amount_spans(text)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def hits(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        while i >= 0:
            if self.ends[i] > start:
                return True
            if self.starts[i] < start - 200:
                return False
            i -= 1
        return False


def find_amounts(text: str) -> list[Amount]:
    """Every amount in ``text``, in order, with ranges and parenthesised restatements merged."""
    mask = _Mask(text)
    marks = _shared_marks(text)
    lowered = text.lower()  # for the looks that spare the rank and spoken-fraction scans
    ranks, groups = _ranks(text, lowered)
    fractions, unread = _fractions(text, lowered, mask)
    taken: list[Amount] = ranks + fractions
    groups += unread
    occupied = sorted([(a.start, a.end) for a in taken] + groups)
    # A match overlaps a span taken already when some span starting before its end ends after its start:
    # the furthest end among the spans that start before a position, bisected, answers without a scan.
    occupied_starts = [s for s, _ in occupied]
    reach = list(accumulate((e for _, e in occupied), max))
    dot_groups = _dot_groups(text)
    for m in AMOUNT.finditer(text):
        number = "num" if m.group("num") else "word"
        if not m.group("pre") and mask.hits(m.start(number), m.end(number)):
            continue  # after a currency mark, "2024.50" is money, not a date
        before = bisect_left(occupied_starts, m.end())
        if before and reach[before - 1] > m.start():
            continue
        amount = _read(text, m, marks, dot_groups)
        if amount is not None:
            taken.append(amount)
    taken.sort(key=lambda a: a.start)
    return _merge(text, taken)


def _dot_groups(text: str) -> bool | None:
    """Whether one dot group ("2.237") groups thousands on this page (True), is a decimal point (False, as
    English writes it), or cannot be told (None: the page writes a decimal comma and a decimal point both)."""
    if "," not in text or _DECIMAL_COMMA_SAID.search(text) is None:
        return False
    return None if _POINT_OR_COMMA_GROUPS_SAID.search(text) else True


def _read(text: str, m: re.Match, marks: dict[str, str], dot_groups: bool | None = False) -> Amount | None:
    number_group = "num" if m.group("num") else "word"
    number = m.group(number_group)
    if _part_of_another_number(text, m):
        return None
    value = 0.0 if number.lower() in _ZERO_WORDS else parse_number(number)
    if value is None:
        return None
    if m.group("point"):
        digits = _SEPARATORS.split(m.group("point").lower())[2:]
        value += float("0." + "".join(str(_DECIMAL_DIGITS[d]) for d in digits))
    if m.group("half"):
        count, part = m.group("half").split()[-2:]
        value += (1 if count.lower() in ("a", "one") else NUMBER_WORDS[count.lower()]) / _FRACTION_WORDS[part.lower()]
    scale_word = m.group("scale")
    scale = 1.0
    for word in (scale_word or "").lower().replace("-", " ").split():
        scale *= SCALES[word]  # "lakh crore", "hundred million"
    if m.group("lscale"):
        if m.group("lscale") in _LETTER_SCALE_NEEDS_CURRENCY and not m.group("pre"):
            return None  # "5m": metres or millions; better missed than misread
        scale_word = m.group("lscale")
        scale = _LETTER_SCALES[scale_word]
    if m.group("cscale"):
        scale_word = m.group("cscale")
        scale = _CODE_SCALES[scale_word]  # "30 MUSD"
    sign = m.group("sign")
    range_dash = bool(sign) and not m.group("pre") and text[max(0, m.start() - 1) : m.start()] == "%"
    if range_dash:
        sign = None  # "20%-30%": the dash of a range, which the merge joins, not a minus
    if sign and (sign == "−" or m.group("pre") or not _line_opening(text, m.start("sign"))):
        value = -value  # "−273.15", "$-99.99"; but "-5 new plants" opening a line is a bullet
    said = None
    if not sign and text.endswith(_SIGN_WORD_ENDS, 0, m.start()):
        said = _SIGN_WORD.search(text, max(0, m.start() - 16), m.start())
    if said:
        value, sign = -value, said.group()  # "growth of minus 2.1 percent"; not "plus or minus 5%"
    unit = None
    end = m.end()
    if m.group("unit"):
        unit = unit_code(m.group("tunit") or m.group("unit"))
        if m.group("unit").lower() in _SCALED_ONLY_UNITS and not scale_word and not m.group("pre"):
            unit = None  # "3 won contracts": a verb; "2 trillion won" is money
            end = m.end("plus") if m.group("plus") else m.end("num2" if m.group("num2") else number_group)
    if m.group("pre") and m.group("unit") and unit_code(m.group("unit")) == "mm":
        return None  # "$5mm": millions in a banker's hand, not millimetres; not read
    if m.group("pre"):
        unit = marks.get(m.group("pre")) or CURRENCY_PREFIXES[m.group("pre")]
        named = unit_code(m.group("unit")) if m.group("unit") else None
        if m.group("pre") in _GENERIC_MARKS and named is not None and DIMENSION.get(named) == "money":
            unit = named  # "$5 billion pesos"
        if m.group("unit") and DIMENSION.get(unit_code(m.group("unit")) or "") != "money":
            end = m.end("scale") if scale_word else m.end("num" if m.group("num") else "word")
    if m.group("uscale") or m.group("cents"):
        end = min(end, m.end("unit"))
        if DIMENSION.get(unit or "") == "money":
            if m.group("uscale") and not scale_word:
                scale_word = m.group("uscale")
                scale = SCALES[scale_word.lower()]  # "75 USD million"
                end = m.end("uscale")
            cents = parse_number(m.group("cnum")) if m.group("cents") else None
            if cents is not None and cents < 100 and scale == 1.0 and value == int(value):
                value += cents / 100  # "3 dollars 50 cents"
                end = m.end("cents")
    if unit is not None and scale_word and _counts_sized_things(text, m, number_group):
        # "two trillion-yuan industrial clusters": two clusters, each of that size; not 2 trillion yuan
        return Amount(start=m.start(number_group), end=m.end(number_group), value=value, unit="count", bare=True)
    if _FOREIGN_SCALE.match(text, end):
        return None  # "R$ 2 bilhões": two billion reais, whose scale word is not read; never R$ 2
    if _ONE_DOT_GROUP.fullmatch(number) and (dot_groups or unit in WHOLE_UNITS and not scale_word):
        value = float(number.replace(".", ""))  # "Rp 350.000": no rupiah has fractions; "2.237 ha" after "23,5%"
    elif dot_groups is None and _ONE_DOT_GROUP.fullmatch(number):
        return None  # "2.237 ha" on a page that writes "23,5%" and "2.5 GW": a decimal or thousands?
    value_max = parse_number(m.group("num2")) if m.group("num2") else None
    if value_max is not None and (value_max <= value or unit is None and not scale_word):
        return None  # "3-4" with no unit, or "10-5%", reads as a label, not a range
    if unit is not None and DIMENSION.get(unit) != "money" and _PER_UNIT.match(text, end):
        return None  # "350 km/h", "5 t/ha": a rate whose unit is not the one read
    start = m.start("num") if range_dash else m.start() if not sign or value < 0 or m.group("pre") else m.start("num")
    if said:
        start = said.start()
    bare = unit is None
    if unit is None:
        if value < 0:
            return None  # "-5 degrees": a count is never negative, so its unit went unread
        if " " in number and not _WORD_AFTER.match(text, end):
            return None  # "120 130 145": table cells, or one number? Not read rather than misread
        if not _counts(text, m, number, value, scale_word is not None):
            return None
        unit = "count"
    elif unit in DURATION_UNITS and not m.group("pre"):
        if m.group("usep") and "-" in m.group("usep"):
            return None  # "a three-year plan": a compound adjective, not a figure
        if _YEAR_SHAPE.fullmatch(number):
            return None
    return Amount(
        start=start,
        end=end,
        value=_scaled(value, scale),
        unit=unit,
        value_max=_scaled(value_max, scale) if value_max is not None else None,
        bare=bare,
        scale=scale,
        comparator=">=" if m.group("plus") else None,
    )


def _scaled(value: float, scale: float) -> float:
    """A figure times its scale, to the 15 digits a float holds: "US$4.1 billion" is 4,100,000,000, not the
    4,099,999,999.9999995 that binary multiplication leaves, which a brief would print."""
    return float(f"{value * scale:.15g}")


# Plural nouns after a size written as a compound adjective ("trillion-yuan industrial clusters").
_SIZED_PLURAL = re.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}[a-z][\w-]*[a-rt-z]s\b")


def _counts_sized_things(text: str, m: re.Match, number_group: str) -> bool:
    """Whether a number counts things whose size a scaled currency joined to it by a hyphen gives:
    "two trillion-yuan industrial clusters", "5 billion-dollar projects"; but "200-billion-yuan" (joined
    throughout) and "a 5 billion-dollar plan" (one plan) are sums."""
    if m.group("pre") or m.group("usep") != "-" or not text[m.end(number_group) : m.start("scale")].isspace():
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
    return (
        DIMENSION.get(unit_code(m.group("unit")) or "") == "money"
        and _SIZED_PLURAL.match(text, m.end()) is not None
        and (before is None or before.group(1).lower() not in ("a", "an"))
    )


def _part_of_another_number(text: str, m: re.Match) -> bool:
    """Whether the match is only a part of a number written around it, which alone would be a wrong value: a
    part of a decimal said in words that is not read whole ("two hundred point seventy-one"), or digits
    joined by scale words ("4 thousand 3 hundred and 21", "2 million 500 thousand")."""
    if m.group("word") and (
        _SAID_POINT_BEFORE.search(text, max(0, m.start() - 40), m.start())
        or not m.group("point")
        and _SAID_POINT_AFTER.match(text, m.end())
    ):
        return True
    if m.group("num") and m.group("scale") and not m.group("unit") and _DIGITS_AFTER_SCALE.match(text, m.end()):
        return True
    return _continues_a_scaled_number(text, m)


def _continues_a_scaled_number(text: str, m: re.Match) -> bool:
    """Whether the number goes on one written before it with a larger scale ("3 hundred and 21", "2 million
    500 thousand"); "between 1.2 million and 1.5 million tonnes" is two numbers of one scale."""
    before = _DIGIT_SCALE_BEFORE.search(text, max(0, m.start() - 16), m.start())
    if before is None:
        return False
    own = (m.group("scale") or "").lower().split()
    return not own or own[-1] not in SCALES or SCALES[own[-1]] < SCALES[before.group("scale").lower()]


# An exchange's suffix on a stock code: "300274.SZ", "6758.T", "0700.HK", "BWA.DE".
_EXCHANGE_SUFFIX = re.compile(r"\.[A-Z]{1,2}\b")


def _counts(text: str, m: re.Match, number: str, value: float, scaled: bool) -> bool:
    """Whether a number with no unit is a count of things rather than a year, label or name."""
    if m.group("num") and _YEAR_SHAPE.fullmatch(number):
        return False
    start, end = m.start(), m.end()
    before = _word_before_in_line(text, start)
    prev = before.group(1) if before else ""
    prev_start, prev_end = before.span(1) if before else (start, start)
    prev_l = prev.lower()
    if prev_l in _PERIOD_OPENERS:
        return False  # "the first three quarters"
    after = _WORD_AFTER.match(text, end)
    nxt = after.group(1) if after and after.start(1) == end + 1 else ""
    if (
        prev
        and (prev[0].isupper() or _mixed_case(prev))
        and prev_l.strip(".'’") not in _NAME_EXEMPT
        and (not _sentence_initial(text, prev_start) or not nxt or nxt.lower() in _FUNCTION_WORDS)
    ):
        return False  # "Fortune 500", "Industry 4.0 was"; but "Cultivate 300 green factories"
    if nxt in UNIT_SYMBOLS:
        return False  # "200 MW/400 MWh": a unit the figure's read could not take, never a count
    if nxt in _LETTER_SCALES:
        return False  # "1.1 m tonnes", "the tower is 5 m tall": a scale or a unit left unread, never a count
    if start >= 2 and text[start - 1] == "(" and not text[start - 2].isalnum() and not text[start - 2].isspace():
        return False  # "a loss of $(2.3) million": an accountant's negative sum, not a count of 2.3
    if _EXCHANGE_SUFFIX.match(text, end) or (number[:1] == "0" and number[1:2].isdigit()):
        return False  # a ticker: "Sungrow Power (300274.SZ)", "Sony (6758.T)", "Samsung (005930)"
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")" and len(number) == 6 and number.isdigit():
        return False  # "CATL (300750) said": a six-digit code in brackets after a name is a stock code
    if nxt.lower() in _NOT_COUNTED or nxt in _CODES or nxt[:1] in _CODE_SCALES and nxt[1:].upper() in _CODES:
        return False  # "50 cents", "300 pounds", "30 RUB", "5 MCAD": money or a weight, in a unit not said or not read
    nxt_char = text[end : end + 1]
    if nxt_char == "-" and text[end + 1 : end + 2].isalpha():
        return False  # "Five-Year Plan", "5-Axis"
    if prev_l in _IDENTIFIER_WORDS or prev_l.rstrip(".") + "." in _IDENTIFIER_WORDS:
        # "Phase 2", "stock code: 631"; but "building three clusters" counts clusters
        if (
            prev[0].isupper()
            or text[prev_end:start].strip()
            or not (nxt[:1].islower() and nxt.lower() not in _FUNCTION_WORDS)
            or prev_l in _NOUN_ONLY_IDENTIFIER_WORDS
            or prev_l.rstrip(".") + "." in _NOUN_ONLY_IDENTIFIER_WORDS
        ):
            return False
    if nxt and nxt[0].isupper() and not _acronym(nxt):
        return False  # "Ten Thousand Enterprises Upgrade", "1 Million Robots Alliance"
    if m.group("word"):
        w = number.lower()
        if (
            w == "one"
            and not scaled
            and (
                not (_sentence_initial(text, start) or prev_l in _ONE_OPENERS)
                or not nxt
                or nxt.lower() in ("of", "another", "by", "or", "and")
            )
        ):
            return False  # "one" is mostly an article or pronoun; as a count it opens a clause or list item,
            # or takes a scale ("one million jobs")
        if number[0].isupper() and start > 0 and text[start - 1] in '“"‘':
            return False  # a quoted slogan opening with a number word
    if scaled and (not nxt or nxt.lower() in _FUNCTION_WORDS):
        return False  # "17.5 billion to build": an amount whose unit is left unsaid
    return True


def _word_before_in_line(text: str, pos: int) -> re.Match | None:
    """The word right before ``pos`` in its line (with a colon or "#" and spaces after it), as
    ``_WORD_BEFORE_IN_LINE.search(text, line_start, pos)`` finds it. Only one place can start a match (the
    start of the last word), so a search of the last few characters finds the same word when it starts
    there; only for a longer word is the rest of the line searched, and a paragraph is one long line."""
    line_start = text.rfind("\n", 0, pos) + 1
    near = max(line_start, pos - _NEAR_WORD)
    found = _WORD_BEFORE_IN_LINE.search(text, near, pos)
    if found is None and near > line_start:
        found = _WORD_BEFORE_IN_LINE.search(text, line_start, pos)
    return found


def _line_opening(text: str, pos: int) -> bool:
    """Whether only spaces stand between the line start and ``pos``."""
    return not text[text.rfind("\n", 0, pos) + 1 : pos].strip()


def _mixed_case(word: str) -> bool:
    """ "iPhone", "eVTOL", "A320": a product or model name, whose number is part of the name."""
    return (
        any(c.isupper() for c in word[1:])
        and any(c.islower() for c in word)
        or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))
    )


def _acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in ' \t"“‘(':
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def _ranks(text: str, lowered: str) -> tuple[list[Amount], list[tuple[int, int]]]:
    """Ranks ("ranked second", "top three" where ranking is said), and the spans of "top N" that
    only name a reference group ("the fastest of the top five brands"), which are no figure."""
    out, groups = [], []
    # Most texts name no rank verb; a look for the words spares them the scan.
    for m in _RANK.finditer(text) if might_hold(text, lowered, _RANK_NEEDS) else ():
        if m.group("no"):
            value = float(m.group("no"))
        else:
            o = m.group("ord").lower()
            value = float(ORDINALS.get(o) or int(o[:-2]))  # "third", or "3rd"
        out.append(Amount(m.start(), m.end(), value, "rank"))
    for m in finditer_at(_TOP, text, places_of(text, ("top", "Top"))):  # a match opens with "top" or "Top"
        count = parse_number(m.group("n"))
        if count is None:
            continue
        start = m.start()
        head = text[max(0, start - 40) : start]
        if m.group("top") == "Top" and not _sentence_initial(text, start):
            prev = _WORD_BEFORE.search(head)
            if prev and prev.group(1)[:1].isupper():
                continue  # "Weekly Top 5", "Fortune Top 500": a name
        tail = text[m.end() : m.end() + 30]
        if _RANK_BEFORE.search(head) or _RANK_AFTER.match(tail):
            out.append(Amount(start, m.end(), count, "rank", comparator="<="))
        else:
            groups.append((start, m.end()))
    return out, groups


def _fractions(text: str, lowered: str, mask: _Mask) -> tuple[list[Amount], list[tuple[int, int]]]:
    """Fractions, and the spans of those that state no amount (which no other reading may take).
    Fractions said in words ("a third of the firms") are shares.

    A fraction with a unit, or after a whole number, is a number of that unit ("2 1/2 years",
    "3/4 inch"); a lone fraction is a share ("2/3 of the clusters" -> 66.67%); a whole number and
    fraction with no unit is left alone rather than read as two figures.
    """
    out, blocked = [], []
    # A written fraction needs a slash or a fraction glyph, a spoken one a fraction word: most texts have
    # none, and a look for them spares the scans.
    written = "/" in text or any(glyph in text for glyph in _VULGAR)
    for m in _FRACTION.finditer(text) if written else ():
        if m.group("glyph"):
            part = _VULGAR[m.group("glyph")]
        else:
            a, b = int(m.group("a")), int(m.group("b"))
            if a >= b:
                continue
            part = a / b
        if mask.hits(m.start(), m.end()):
            continue
        whole = m.group("whole")
        unit = unit_code(m.group("tunit") or m.group("unit")) if m.group("unit") else None
        if unit is not None and not (unit in DURATION_UNITS and "-" in m.group("usep")):
            out.append(Amount(m.start(), m.end(), (int(whole) if whole else 0) + part, unit))
        elif whole:
            blocked.append(m.span())
        elif unit is None:
            out.append(Amount(m.start(), m.end(), round(100 * part, 2), "%"))
    out += _one_in(text, mask)
    for m in _spoken_fractions(text, lowered):
        numerator = _NUMERATOR.search(text, max(0, m.start() - 8), m.start())
        start = numerator.start() if numerator else m.start()
        d = m.group("d").lower()
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if (
            numerator is None
            and d not in ("half", "halves")
            or (before and before.group(1).lower() in _FRACTION_BLOCKERS)
        ):
            continue  # "quarter of the year", "the first half of 2024", "one and a half of"
        n = numerator.group("n").lower() if numerator else "a"
        count = 1 if n in ("a", "one") else NUMBER_WORDS[n]
        if count < _FRACTION_WORDS[d] and not mask.hits(start, m.end("d")):
            out.append(Amount(start, m.end("d"), round(100 * count / _FRACTION_WORDS[d], 2), "%"))
    for m in finditer_at(_BY_FRACTION, text, places_of(text, ("by", "By"))) if "by " in lowered else ():
        if m.group("half"):
            share = 50.0
        else:
            n, d = m.group("n").lower(), m.group("d").lower()
            count = 1 if n in ("a", "one") else NUMBER_WORDS[n]
            if count >= _FRACTION_WORDS[d] or (count > 1) != d.endswith("s"):
                continue  # "by two third", "by a thirds": no fraction
            share = round(100 * count / _FRACTION_WORDS[d], 2)
        if not mask.hits(m.start("f"), m.end("f")):
            out.append(Amount(m.start("f"), m.end("f"), share, "%"))
    return out, blocked


# The fraction words no other one opens: every fraction word begins with one of them.
_FRACTION_OPENERS = tuple(
    sorted(w for w in _FRACTION_WORDS if not any(v != w and w.startswith(v) for v in _FRACTION_WORDS))
)


def _spoken_fractions(text: str, lowered: str) -> Iterator[re.Match]:
    """``_SPOKEN_FRACTION.finditer(text)``: none in a text without a fraction word, and where lowering keeps
    every character in its place, the pattern is tried only where a fraction word begins (``str.find`` in
    ``lowered``, ``text.lower()``) instead of at every position: each of its words opens with a letter in
    either case and goes on as written, so it begins just where the lower-cased text holds it."""
    if not might_hold(text, lowered, _FRACTION_NEEDS):
        return iter(())
    if not lowers_alike(text, lowered):
        return _SPOKEN_FRACTION.finditer(text)
    return finditer_at(_SPOKEN_FRACTION, text, places_of(lowered, _FRACTION_OPENERS))


def _one_in(text: str, mask: _Mask) -> list[Amount]:
    """ "One in five companies", "1 out of 3 firms": shares, found from their "in" or "out of"."""
    out = []
    for key in _ONE_IN.finditer(text):
        if not text[key.start() - 1 : key.start()].isspace():
            continue
        if (denominator := _ONE_IN_ALL.match(text, key.end())) is None:
            continue
        if (numerator := _ONE_IN_SOME.search(text, max(0, key.start() - 24), key.start())) is None:
            continue
        some, of_all = parse_number(numerator.group("n")), parse_number(denominator.group("d"))
        start, end = numerator.start("n"), denominator.end("d")
        if some is not None and of_all is not None and 0 < some < of_all and not mask.hits(start, end):
            out.append(Amount(start, end, round(100 * some / of_all, 2), "%"))
    return out


def _merge(text: str, amounts: list[Amount]) -> list[Amount]:
    """Join "three to five" into one range and "270 billion yuan ($38.66 billion)" into one amount."""
    out: list[Amount] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        b = amounts[i + 1] if i + 1 < len(amounts) else None
        if a.bare and _SUSPENDED.match(text, a.end):
            # "a 5- to 10-year plan": half of a suspended compound, left out unless it opens a range below
            if b is None or not _is_range(text, a, b, text[a.end : b.start]):
                i += 1
                continue
        if b is None or "rank" in (a.unit, b.unit):
            out.append(a)
            i += 1
            continue
        gap = text[a.end : b.start]
        if _is_range(text, a, b, gap):
            low = a.value * (b.scale if a.bare and a.scale == 1.0 else 1.0)
            out.append(
                Amount(
                    a.start,
                    b.end,
                    low,
                    b.unit,
                    value_max=b.value,
                    alternatives=b.alternatives,
                    scale=b.scale,
                    comparator=">=",
                )
            )
            i += 2
            continue
        close = _ALT_CLOSE.match(text, b.end)
        if (
            close
            and _ALT_OPEN.fullmatch(gap)
            and b.unit != a.unit
            and DIMENSION.get(a.unit)
            and DIMENSION.get(a.unit) == DIMENSION.get(b.unit)
        ):
            a.alternatives.append(Alternative(b.value, b.unit))
            a.end = close.end()
            out.append(a)
            i += 2
            continue
        if a.bare and not b.bare and gap.strip() == "to" and _word_before_is(text, a.start, "from"):
            a.unit, a.bare = b.unit, False  # "from 5 to 8 percent": the first figure shares the unit
            a.value *= b.scale if a.scale == 1.0 else 1.0
        out.append(a)
        i += 1
    return out


def _is_range(text: str, a: Amount, b: Amount, gap: str) -> bool:
    if a.value_max is not None or b.value_max is not None or not (a.bare or a.unit == b.unit):
        return False
    low = a.value * (b.scale if a.bare and a.scale == 1.0 else 1.0)
    if _BETWEEN_RANGE.fullmatch(gap):
        if not a.bare and _word_before_is(text, a.start, "by"):
            return False  # "expand the plant by 20 GWh to 106 GWh": the change, then the level it reaches
        return low < b.value and not _FROM_LEVEL.search(text, max(0, a.start - 60), a.start)
    return bool(_BETWEEN_AND.fullmatch(gap)) and low < b.value and _word_before_is(text, a.start, "between")


# "from (the current) 20 to 40 billion": a change from a level to another, not a range; the level may be
# qualified between "from" and the figure.
_FROM_LEVEL = re.compile(
    r"\bfrom(?:\s+(?:the|its|their|this|a|an|current|present|existing|today[’']s|about|around|nearly|roughly|"
    r"approximately|some|just|only|over|more\s+than|less\s+than|under|below|above))*\s*$",
    re.IGNORECASE,
)


def _word_before_is(text: str, pos: int, word: str) -> bool:
    m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m is not None and m.group(1).lower() == word
