"""Sections of a Chinese report under top-rank headings that name a year.

A report sets its parts under numbered headings ("一、2024年工作回顾", "三、2025 年重点工作",
"第二章 2023年进展"); a heading that names a year tells what year the facts and events under it, up
to the next top-rank heading, belong to when they give none of their own.  Read once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_YEAR = r"(?:19|20)\d\d"
# a top-rank heading alone on its line: short, no clause punctuation
HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+[章部篇]|[一二三四五六七八九十]+[、.．])[^\n。；;，,]{0,24}$", re.MULTILINE
)
# the year it names, not one compared against (比2020年) nor a deadline (到2027年, 2027年底前)
_HEADING_YEAR = re.compile(rf"(?<![比较与到至])(?P<y>{_YEAR}) ?年(?![底末前])")


class Sections:
    def __init__(self, text: str):
        self.starts: list[int] = []
        self.years: list[int | None] = []
        for m in HEADING.finditer(text):
            y = _HEADING_YEAR.search(m.group())
            self.starts.append(m.start())
            self.years.append(int(y.group("y")) if y else None)

    def year_at(self, pos: int) -> int | None:
        """The year the heading of the section holding ``pos`` names, if it names one."""
        i = bisect_right(self.starts, pos) - 1
        return self.years[i] if i >= 0 else None
