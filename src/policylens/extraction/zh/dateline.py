"""The day a Chinese story was written, read from its opening sentence when the page gave no date.

News copy opens with the day it reports ("2023年8月28日，…", "9月22日，2022国际虚拟现实创新大会在青岛
举行"), and a reader takes 今年, 上半年 and a month written without its year from that day.  Only an
opening that states the year is used: a full date, or a month and day with a gathering the sentence
names after its year ("2022…大会"), which is held in that year.  Anything less leaves the page undated,
since a wrong year is worse than none.
"""

from __future__ import annotations

import re

from policylens.extraction.numbers import _load
from policylens.extraction.text import TextIndex
from policylens.model import Document

_GATHERINGS = "|".join(sorted(map(re.escape, _load("zh_event_triggers.yaml")["gatherings"]), key=len, reverse=True))
_DAY = r"(?P<m>1[0-2]|0?[1-9]) ?月 ?(?P<d>[12]\d|3[01]|0?[1-9]) ?日"
_OPENING = re.compile(
    rf"\s*(?:(?P<y>(?:19|20)\d\d) ?年 ?{_DAY}(?!起|前|以来|至|到|—|-)"
    rf"|{_DAY.replace('?P<m>', '?P<m2>').replace('?P<d>', '?P<d2>')}"
    rf"(?=[^。！？\n]*?(?<!\d)(?P<y2>(?:19|20)\d\d) ?(?:年|届)?[^\d。！？，,\n]{{0,20}}?(?:{_GATHERINGS})))"
)


def dateline(document: Document, index: TextIndex) -> str | None:
    """The ISO day the body's first sentence opens with, when it says its year (the headline skipped)."""
    text = document.text or ""
    sentences = [s for s in index.sentences if text[s[0] : s[1]].strip()]
    if sentences and document.title and text[sentences[0][0] : sentences[0][1]].strip() == document.title.strip():
        sentences = sentences[1:]
    m = _OPENING.match(text, *sentences[0]) if sentences else None
    if not m:
        return None
    if m.group("y"):
        year, month, day = m.group("y"), m.group("m"), m.group("d")
    else:
        year, month, day = m.group("y2"), m.group("m2"), m.group("d2")
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
