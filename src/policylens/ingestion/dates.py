"""Finding a page's own publication date in its header lines and its URL.

Dates are returned as ISO strings as precise as the source: "2026-07-14",
or "2026-07" when only a month is given.  Only dates a page states about
itself count: a labelled date ("Updated: ..."), a line that is a date and
little else (a byline), a newswire dateline ("NINGBO, China, May 6, 2025
(GLOBE NEWSWIRE)"), or a date in the URL path.  A date inside a sentence is
an event, not the page's date, and a date without a year is not guessed.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from policylens.ingestion._data import load

_DATA = load("dates")
_MONTHS = _DATA["months"]
_MONTH = r"(?P<mon>%s)\.?" % "|".join(sorted(_MONTHS, key=len, reverse=True))
_FULL_PATTERNS = [
    # 2024-10-30, 2024/10/30, 2024.10.30
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    # 2024年10月30日
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    # Jun 24, 2026 / Aug. 25, 2025 / November 11 2022
    re.compile(r"\b%s\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b" % _MONTH, re.IGNORECASE),
    # 22 August 2019
    re.compile(r"\b(?P<d>\d{1,2})\s+%s,?\s+(?P<y>(?:19|20)\d\d)\b" % _MONTH, re.IGNORECASE),
]
_MONTH_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)"),
    re.compile(r"\b%s,?\s+(?P<y>(?:19|20)\d\d)\b" % _MONTH, re.IGNORECASE),
]
_LABELLED = re.compile(
    r"(?:^|[\s|(（:：])(?:%s)\s*[:：]?\s*" % "|".join(re.escape(label) for label in _DATA["labels"]),
    re.IGNORECASE)
# "NINGBO, China, May 6, 2025 (GLOBE NEWSWIRE)": a place in capitals, a comma, a date.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40},(?:\s*[A-Z][A-Za-z .'-]{1,30},)?\s*")
_URL_PATTERNS = [
    re.compile(r"/(?P<y>(?:19|20)\d\d)[-/_]?(?P<m>\d{2})[-/_]?(?P<d>\d{2})(?=[/_.-])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>\d{2})/(?P<d>\d{2})/"),
]
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)[-/](?P<m>\d{2})/")
# A byline or date stamp carries few words besides the date, none of them running prose
# (lower-case words; "example.com.cn" and "Xinhua" are names, "announced" is prose).
_MAX_RESIDUE_WORDS = 6
_MAX_RESIDUE_CJK = 8
_RESIDUE_WORD = re.compile(r"[A-Za-z][\w.]*")
_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_END = re.compile(r"[.!?。！？;；][\"'”’)）]*$")


def parse_date(text: str) -> str | None:
    """The first full date in ``text``, else a month-only date, as ISO."""
    for pattern in _FULL_PATTERNS:
        for m in pattern.finditer(text):
            if iso := _iso(m):
                return iso
    for pattern in _MONTH_PATTERNS:
        for m in pattern.finditer(text):
            if iso := _iso(m):
                return iso
    return None


def labelled_date(line: str) -> str | None:
    """The date a line gives after a publication label ("Updated:", "发布时间：")."""
    stripped = line.strip()
    if len(stripped) > 200:
        return None
    for label in _LABELLED.finditer(stripped):
        if (found := _find(stripped[label.end():])) and found[1] <= 2:
            return found[0]
    return None


def date_of_line(line: str) -> str | None:
    """The page date a header line states, if it is a labelled date, a date stamp or a dateline."""
    stripped = line.strip()
    if (found := _find(stripped[:200])) is None:
        return None
    iso, start, end = found
    dateline = _DATELINE.match(stripped)
    if dateline and dateline.end() == start:
        return iso
    if len(stripped) > 200:
        return None
    if labelled := labelled_date(stripped):
        return labelled
    if _SENTENCE_END.search(stripped):
        return None  # a sentence that mentions a date reports an event
    residue = stripped[:start] + " " + stripped[end:]
    prose = [w for w in _RESIDUE_WORD.findall(residue) if w.isalpha() and w.islower() and len(w) > 3]
    if not prose and len(_RESIDUE_WORD.findall(residue)) <= _MAX_RESIDUE_WORDS \
            and len(_CJK.findall(residue)) <= _MAX_RESIDUE_CJK:
        return iso
    return None


def date_in_url(url: str | None) -> str | None:
    """A date written into a URL path (/2024-04/12/, /2022/10/20/, /n3/2024/0123/), or its month."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_PATTERNS:
        for m in pattern.finditer(path):
            if iso := _iso(m):
                return iso
    m = _URL_MONTH.search(path)
    return _iso(m) if m else None


def _find(text: str) -> tuple[str, int, int] | None:
    for pattern in _FULL_PATTERNS + _MONTH_PATTERNS:
        for m in pattern.finditer(text):
            if iso := _iso(m):
                return iso, m.start(), m.end()
    return None


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["y"])
    month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mon"].lower()]
    if not month:
        return None
    if groups.get("d") is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    try:
        return date(year, month, int(groups["d"])).isoformat()
    except ValueError:
        return None


def is_date_stamp(line: str) -> bool:
    """A short line that only carries a date (with a time, label or byline), not a newswire dateline."""
    stripped = line.strip()
    return len(stripped) <= 100 and date_of_line(stripped) is not None and not _DATELINE.match(stripped)


def is_dateline(line: str) -> bool:
    """A line opening like a wire story: "NINGBO, China, May 6, 2025 ..."."""
    m = _DATELINE.match(line)
    return bool(m) and (found := _find(line)) is not None and found[1] == m.end()
