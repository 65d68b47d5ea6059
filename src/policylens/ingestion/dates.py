"""Finding a page's own publication date in its header lines and its URL.

Dates are returned as ISO strings as precise as the source: "2026-07-14",
or "2026-07" when only a month is given.  Only dates a page states about
itself count: a labelled date ("Updated: ..."), a line that is a date and
little else (a byline), a newswire dateline ("NINGBO, China, May 6, 2025
(GLOBE NEWSWIRE)"), or a date in the URL path.  A date inside a sentence is
an event, not the page's date, and a date without a year is not guessed.

A numeric date with the year last ("04-02-2024") is read month-first or
day-first only on evidence about the page (see ``numeric_order``); without
it the line still counts as a date stamp, but no day is given: a wrong day
is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from policylens.ingestion._data import any_of, load

_DATA = load("dates")
_MONTHS = _DATA["months"]
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# 11-16-2023, 7/8/2019, 04.02.2024: month or day first, told apart by numeric_order.
_YEAR_LAST = re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d:])")
_FULL_PATTERNS = [
    # 2024-10-30, 2024/10/30, 2024.10.30, "2022- 07- 18"
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.] ?(?P<m>\d{1,2})[-/.] ?(?P<d>\d{1,2})(?!\d)"),
    # 2024年10月30日
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    # Jun 24, 2026 / Aug. 25, 2025 / November 11 2022
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
    # 22 August 2019, 1st November, 2025, 3rd of May 2024, 14-Jan-2025; a date line in the page's own
    # language: 18 de marzo de 2026, 18. März 2026, 18 Maret 2026
    re.compile(
        r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?(?:\s+(?:of\s+|de\s+)?|-)"
        + _MONTH
        + r"(?:\s+de\s+|,?\s+|-)(?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    _YEAR_LAST,
    # 二〇二一年十月二十五日: the date under an official document's signature
    re.compile(
        r"(?P<cy>[〇零○一二三四五六七八九]{4})\s*年\s*(?P<cm>十[一二]?|[一二三四五六七八九])\s*月\s*"
        r"(?P<cd>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
    ),
]
_MONTH_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)"),
    re.compile(r"\b" + _MONTH + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
]
_LABELLED = re.compile(
    r"(?:^|[\s|(（:：【\[])(?:" + "|".join(re.escape(label) for label in _DATA["labels"]) + r")\s*[:：]?\s*",
    re.IGNORECASE,
)
# a publication label alone on its line, its date on the next (a disclosure table saved cell by cell)
_LABEL_LINE = re.compile(
    r"^\s*[【\[]?(?:" + "|".join(re.escape(label) for label in _DATA["labels"]) + r")[】\]]?\s*[:：]?\s*$",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile("|".join(re.escape(label) for label in _DATA["update_labels"]), re.IGNORECASE)
# "NINGBO, China, May 6, 2025 (GLOBE NEWSWIRE)": a place in capitals, a comma, a date; or the date in
# brackets after the place, as US state offices write it ("FRANKFORT, Ky. (April 9, 2026) –",
# "AUSTIN (April 9, 2026) –").
# A government release may write its place in title case, when a dateline's stop follows the date ("New Delhi,
# 12 March 2026:", "Hanoi, March 18, 2026 (VNA) -"); alone on its line ("Bangkok, 14 August 2026") it is a stamp.
_PLACE_WORDS = (
    r"(?:[A-Z][A-Z .'-]{1,40}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
    r"(?=,[^\n:–—(]{4,30}?\s*(?:\([^()\n]{2,40}\)\s*)?(?::|--|[-–—])\s))"
)
_DATELINE = re.compile(
    rf"^\s*{_PLACE_WORDS}(?:(?:,\s*[A-Z][A-Za-z.'-]{{1,20}})?\s*\(\s*|,(?:\s*[A-Z][A-Za-z .'-]{{1,30}},)?\s*)"
)
# "HANOI, March 18 (VNA) –", "SEOUL, March 18 (Yonhap) --": a wire's dateline gives the day but not the year
_YEARLESS_DATELINE = re.compile(
    rf"^\s*{_PLACE_WORDS},(?:\s*[A-Z][A-Za-z.'-]{{1,20}},)?\s*(?i:"
    + _MONTH
    + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:\(|[-–—]|/)"
)
_URL_PATTERNS = [
    # /20240123/, /2024-01-23-, news_20240123_1.html, and the "t20220420_" page names of government content systems
    re.compile(r"[/_]t?(?P<y>(?:19|20)\d\d)[-/_]?(?P<m>\d{2})[-/_]?(?P<d>\d{2})(?=[/_.-]|$)"),
    # /a/20240305A01ABC00: a day followed by the article's letter-and-digit id (Tencent's news pages and their like)
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)[A-Z]\d"),
    # /view/AEN20260318001200320: a wire's article id, its service in capitals, the day and a serial
    re.compile(r"/[A-Z]{2,4}(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\d{6,}(?=[/_.?]|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>\d{2})/(?P<d>\d{2})/"),
    # /24/1030/15/: a two-digit year, month and day, and the hour (NetEase's portals and their like)
    re.compile(r"/(?P<yy>\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)/(?:[01]\d|2[0-3])/"),
]
# ?ud=20260318000123: an article id in the query that opens with its day, a serial after it
_QUERY_DAY = re.compile(r"(?:^|&)\w+=(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\d{4,8}(?=&|$)")
# /2024-04/, /202204/, /2024/4/
_URL_MONTHS = [
    re.compile(r"/(?P<y>(?:19|20)\d\d)-?(?P<m>\d{2})/"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/"),
]
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_CLOCK_AFTER = re.compile(r"\s+[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?!\d)")
_CLOCK_12H = re.compile(r"\d:\d\d(?::\d\d)?\s*[AP]\.?M\b", re.IGNORECASE)
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_MONTH_FIRST_TLDS = frozenset(_DATA["month_first_tlds"])
_DAY_FIRST_TLDS = frozenset(_DATA["day_first_tlds"])
# A byline or date stamp carries few words besides the date, none of them running prose
# (lower-case words; "example.com.cn" and "Xinhua" are names, "announced" is prose).
_MAX_RESIDUE_WORDS = 6
_WEEKDAYS = _DATA["weekdays"]
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
_STAMP_FIELD = any_of(_DATA["stamp_fields"])
_MAX_RESIDUE_CJK = 8
# ... or, when a clock time follows the date, a few more: a social-media or content-site stamp names the account,
# its author and where it was posted ("原创 某市发布 某市发布 2026年05月13日 18:20 发表于江苏")
_MAX_RESIDUE_CJK_CLOCKED = 16
_CLAUSE_MARK = re.compile(r"[，,。；;！!？?、“”]")
_RESIDUE_WORD = re.compile(r"[A-Za-z][\w.]*")
_CJK = re.compile(r"[\u3400-\u9fff]")
# "来源：某网", "作者：某某": the labelled fields a date stamp line carries beside its date
_FIELD = re.compile(
    r"(?:"
    + "|".join(sorted(map(re.escape, _DATA["byline_labels"]), key=len, reverse=True))
    + r")\s*[:：]\s*[^\s:：]{0,20}"
)
# "今天是：2025年11月20日": the day the page was viewed, shown in a portal's header; "生效日期：…": another date
_TODAY = re.compile(
    r"(?:(?:^|[\s|【\[])(?:" + "|".join(map(re.escape, _DATA["today_labels"])) + r")"
    r"|(?:" + "|".join(map(re.escape, _DATA["other_date_labels"])) + r"))\s*[:：]?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?。！？;；][\"'”’)）]*$")
# Full-width digits and date marks ("２０２６－０５－１３", "２０２６年５月１３日"), as pages typed in a Chinese input
# mode write them: read as their ASCII forms, one character for one, so offsets into the line still hold.
_HALF_WIDTH = {**{0xFF10 + i: 0x30 + i for i in range(10)}, 0xFF0D: 0x2D, 0xFF0F: 0x2F, 0xFF0E: 0x2E}
_CLAUSE_AFTER = re.compile(r"\s*[，,]\s*[\u3400-\u9fff]")
_CAPTION = re.compile("|".join(map(re.escape, _DATA["caption_words"])))
# an official document's own number on its line (sources.yaml, document_numbers), and the year in it
_DOCUMENT_NUMBER = any_of(load("sources")["document_numbers"], 0)
_YEAR_IN_NUMBER = re.compile(r"(?:19|20)\d\d")


def parse_date(text: str, order: str | None = None) -> str | None:
    """The first full date in ``text``, else a month-only date, as ISO."""
    text = text.translate(_HALF_WIDTH)
    for pattern in _FULL_PATTERNS + _MONTH_PATTERNS:
        for m in pattern.finditer(text):
            if iso := _iso(m, order):
                return iso
    return None


def labelled_date(line: str, order: str | None = None) -> str | None:
    """The date a line gives after a publication label ("Updated:", "发布时间：")."""
    found = _labelled(line.strip(), order)
    return found[0] if found else None


def labelled_on_next_line(label: str, line: str, order: str | None = None) -> str | None:
    """The date of a publication label set on a line of its own ("发布日期：") and given on the next ("2024年03月05日")."""
    return date_of_line(line, order) if _LABEL_LINE.match(label) and _UPDATE_LABEL.search(label) is None else None


def date_of_line(line: str, order: str | None = None) -> str | None:
    """The page date a header line states, if it is a labelled date, a date stamp or a dateline.

    ``order`` ("md" or "dm") says how the page writes numeric dates with the
    year last; without it such a date gives no answer.
    """
    found = _line_date(line.strip(), order)
    return found[0] if found else None


def states_date(line: str) -> bool:
    """Whether a header line states a date (a stamp, a labelled date, a dateline), readable or not."""
    return _line_date(line.strip(), None) is not None


def contains_date(text: str) -> bool:
    """Whether ``text`` holds a full or month date anywhere, readable or not."""
    return _find(text) is not None


def _labelled(stripped: str, order: str | None) -> tuple[str | None] | None:
    if len(stripped) > 200:
        return None
    updated = None
    for label in _LABELLED.finditer(stripped):
        if (found := _find(stripped[label.end() :], order)) and found[1] <= 2:
            if _UPDATE_LABEL.search(label.group()) is None:
                return (found[0],)
            updated = updated or (found[0],)
    return updated


def _line_date(stripped: str, order: str | None) -> tuple[str | None] | None:
    """(ISO or None when its day order is unknown,) for a line that states a date, else None."""
    stripped = stripped.translate(_HALF_WIDTH)
    if (found := _find(stripped[:200], order)) is None:
        return None
    iso, start, end = found
    if _TODAY.search(stripped[:start]):
        return (None,)  # a date, but the visitor's or another one the page states: it dates nothing
    dateline = _DATELINE.match(stripped)
    if dateline and dateline.end() == start:
        return (iso,)
    if start == 0 and _CLOCK_AFTER.match(stripped, end):
        return (iso,)  # "2026-03-17 10:24　江苏　科技领域创作者": a stamp opens with the date and its time
    if len(stripped) > 200:
        return None
    if labelled := _labelled(stripped, order):
        return labelled
    if _SENTENCE_END.search(stripped):
        return None  # a sentence that mentions a date reports an event
    if _CLAUSE_AFTER.match(stripped, end) or _CAPTION.search(stripped):
        return None  # "2024年3月5日，某项目开工现场": a caption or a sentence cut short, not a date stamp
    residue = _STAMP_FIELD.sub(" ", _FIELD.sub(" ", stripped[:start] + " " + stripped[end:]))
    prose = [w for w in _RESIDUE_WORD.findall(residue) if w.isalpha() and w.islower() and len(w) > 3]
    if (
        not prose
        and len(_RESIDUE_WORD.findall(residue)) <= _MAX_RESIDUE_WORDS
        and len(_CJK.findall(residue)) <= _MAX_RESIDUE_CJK
    ):
        return (iso,)
    if (
        not prose
        and _CLOCK_AFTER.match(stripped, end)
        and not _CLAUSE_MARK.search(stripped)
        and len(_RESIDUE_WORD.findall(residue)) <= _MAX_RESIDUE_WORDS
        and len(_CJK.findall(residue)) <= _MAX_RESIDUE_CJK_CLOCKED
    ):
        return (iso,)
    return None


def document_number_year(line: str) -> str | None:
    """The year of an official document's own number ("皖政办秘〔2024〕56号" alone on its line): the document was
    issued that year, so the page is dated no earlier, and no more precisely than the year."""
    if not _DOCUMENT_NUMBER.match(line.strip()):
        return None
    year = _YEAR_IN_NUMBER.search(line)
    return year.group() if year else None


def date_in_url(url: str | None) -> str | None:
    """A date written into a URL path (/2024-04/12/, /2022/10/20/, /n3/2024/0123/, /t20220420_), or its month."""
    if not url:
        return None
    parts = urlsplit(url)
    for pattern in _URL_PATTERNS + _URL_MONTHS:
        for m in pattern.finditer(parts.path):
            if iso := _iso(m):
                return iso
    for m in _QUERY_DAY.finditer(parts.query):
        if iso := _iso(m):
            return iso
    return None


def day_of_dateline(lines: Iterable[str], month: str) -> str | None:
    """The day a yearless wire dateline ("HANOI, March 18 (VNA) –") gives, when its month is ``month``
    ("2026-03", known from the URL or a stamp): the two together date the page."""
    for line in lines:
        m = _YEARLESS_DATELINE.match(line)
        if m is not None and (named := _MONTHS[m.group("mon").lower()]) == int(month[5:7]):
            return _valid(int(month[:4]), named, int(m.group("d")))
    return None


def numeric_order(lines: Iterable[str], url: str | None) -> str | None:
    """How a page writes numeric dates with the year last: "md" (7/8/2019 is July 8), "dm", or None.

    The evidence, strongest first: another such date on the page that can
    only be read one way (11-16-2023); the URL's month; the country of the
    site's domain; East Asian script on the page (Chinese, Japanese and
    Korean write the month before the day); a 12-hour clock beside the date,
    the United States' habit.
    """
    lines = [line for line in lines if _YEAR_LAST.search(line)]
    if not lines:
        return None
    votes = {"md": 0, "dm": 0}
    for line in lines:
        for m in _YEAR_LAST.finditer(line):
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 >= b:
                votes["dm"] += 1
            elif b > 12 >= a:
                votes["md"] += 1
    if bool(votes["md"]) != bool(votes["dm"]):
        return "md" if votes["md"] else "dm"
    if (from_url := date_in_url(url)) and (order := _order_from_url(lines, from_url)):
        return order
    tld = (urlsplit(url).hostname or "").rsplit(".", 1)[-1].lower() if url else ""
    if tld in _MONTH_FIRST_TLDS or tld in _DAY_FIRST_TLDS:
        return "md" if tld in _MONTH_FIRST_TLDS else "dm"
    if any(_EAST_ASIAN.search(line) for line in lines):
        return "md"
    if any(_CLOCK_12H.search(line) for line in lines):
        return "md"
    return None


def _order_from_url(lines: list[str], url_date: str) -> str | None:
    year, month = int(url_date[:4]), int(url_date[5:7])
    for line in lines:
        for m in _YEAR_LAST.finditer(line):
            a, b = int(m.group("a")), int(m.group("b"))
            if int(m.group("y")) == year and a != b and month in (a, b):
                return "md" if month == a else "dm"
    return None


def _find(text: str, order: str | None = None) -> tuple[str | None, int, int] | None:
    text = text.translate(_HALF_WIDTH)
    for pattern in _FULL_PATTERNS + _MONTH_PATTERNS:
        for m in pattern.finditer(text):
            iso = _iso(m, order)
            if pattern is _YEAR_LAST:
                iso = _by_weekday(m, text) or iso  # the weekday the line names is evidence about this date itself
            if iso or (pattern is _YEAR_LAST and _plausible_year_last(m)):
                return iso, m.start(), m.end()
    return None


def _by_weekday(m: re.Match[str], text: str) -> str | None:
    """The one reading of an ambiguous numeric date ("Tue, 12/03/2026") that falls on the weekday its line
    names, if exactly one does."""
    named = {_WEEKDAYS[w.lower()] for w in _WEEKDAY.findall(text)}
    if len(named) != 1:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    readings = {iso for iso in (_valid(year, a, b), _valid(year, b, a)) if iso}
    fits = [iso for iso in readings if date.fromisoformat(iso).weekday() in named]
    return fits[0] if len(fits) == 1 else None


def _plausible_year_last(m: re.Match[str]) -> bool:
    a, b = int(m.group("a")), int(m.group("b"))
    return 1 <= min(a, b) and max(a, b) <= 31 and min(a, b) <= 12


def _iso(m: re.Match[str], order: str | None = None) -> str | None:
    groups = m.groupdict()
    if groups.get("cy"):
        year = int("".join(str(_CN_DIGITS[c]) for c in groups["cy"]))
        return _valid(year, _cn_number(groups["cm"]), _cn_number(groups["cd"])) if 1900 <= year < 2100 else None
    year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        # a dotted date is day first wherever it is written ("12.08.2026", German, Turkish, Polish pages)
        dotted = groups.get("sep") == "." and order is None
        if a == b or (a > 12 >= b) or ((order == "dm" or dotted) and b <= 12):
            month, day = b, a
        elif b > 12 >= a or order == "md":
            month, day = a, b
        else:
            return None
        return _valid(year, month, day)
    month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mon"].lower()]
    if not month:
        return None
    if groups.get("d") is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return _valid(year, month, int(groups["d"]))


def _cn_number(text: str) -> int:
    """1 to 31 written in Chinese numerals: 九, 十, 十二, 二十, 三十一."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CN_DIGITS[text]
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def is_date_stamp(line: str) -> bool:
    """A short line that only carries a date (with a time, label or byline), not a newswire dateline."""
    stripped = line.strip()
    return len(stripped) <= 100 and states_date(stripped) and not _DATELINE.match(stripped)


def is_dateline(line: str) -> bool:
    """A line opening like a wire story: "NINGBO, China, May 6, 2025 ..."."""
    m = _DATELINE.match(line)
    return m is not None and (found := _find(line)) is not None and found[1] == m.end()
