"""Sections of a Chinese report: the years its top-rank headings name, and the parts that set out goals.

A report sets its parts under numbered headings ("一、2024年工作回顾", "三、2025 年重点工作",
"第二章 2023年进展"); a heading that names a year tells what year the facts and events under it, up
to the next top-rank heading, belong to when they give none of their own.  Read once per document.

A plan sets out its goals under a heading ("二、主要目标", "（一）工作目标") or a lead-in that ends in a
colon and lists them in the paragraphs that follow, until the next heading of its rank: what is said
there is what is to be done, neither a figure reached nor an event.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from policylens.extraction.numbers import _load

_CUES = _load("zh_quantity_cues.yaml")

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


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_RANKED_HEADING = re.compile(
    r"^\s*(?:(?P<r0>第[一二三四五六七八九十]+[章部篇])|(?P<r1>[一二三四五六七八九十]+[、.．])"
    r"|(?P<r2>[（(][一二三四五六七八九十]+[）)]))",
    re.MULTILINE,
)


def heading(words, exceptions=_CUES["goal_heading_exceptions"]) -> re.Pattern:
    """A heading naming one of ``words``, alone on its line ("二、主要目标") or opening its paragraph
    ("（二）发展目标。到2025年，…"), and not one that reports on them ("目标任务完成情况")."""
    return re.compile(
        rf"^(?![^。：:\n]*(?:{_alt(exceptions)}))"
        rf"[^\n。]{{0,12}}(?:{_alt(words)})[^\n。，,：:]{{0,6}}(?:[。：:]|\s*$)"
    )


_GOAL_HEADING = heading(_CUES["goal_headings"])
_LEAD_IN = re.compile(r"[：:]\s*$")
_DEADLINE_OPENING = re.compile(rf"\s*(?:力争|争取)?(?:到|至) ?{_YEAR} ?年(?:底|末)?[，,]")
_LIST_ITEM = re.compile(r"\s*(?:——|—|●|·|•|■|◆|\d{1,2}[.、．]|[（(]\d{1,2}[)）])")


def goal_sections(
    text: str,
    paragraphs: list[tuple[int, int]],
    sets_deadline: Callable[[int, int], bool],
    headings: re.Pattern = _GOAL_HEADING,
) -> list[tuple[int, int]]:
    """The spans a goal heading or a lead-in ending in a colon governs (see goal_headings in the cues).

    ``sets_deadline(start, end)`` tells whether a paragraph names a deadline ("到2027年"): a lead-in
    governs its list only then, since "主要做法：" introduces things done."""
    ranked = []
    for m in _RANKED_HEADING.finditer(text):
        rank = next(r for r in range(3) if m.group(f"r{r}"))
        ranked.append((m.start(f"r{rank}"), rank))  # where its mark stands, not the blank line the match opens with
    out = []
    for k, (p_start, p_end) in enumerate(paragraphs):
        line = text[p_start:p_end]
        if _DEADLINE_OPENING.match(line) and k + 1 < len(paragraphs) and _LIST_ITEM.match(text, paragraphs[k + 1][0]):
            # "到2025年，…明显增强。" then "——…" items: the items that follow share its deadline
            last = k + 1
            while last + 1 < len(paragraphs) and _LIST_ITEM.match(text, paragraphs[last + 1][0]):
                last += 1
            out.append((p_start, paragraphs[last][1]))
            continue
        if headings.match(line):
            rank = next((r for pos, r in ranked if pos == p_start or p_start <= pos < p_start + 2), 3)
        elif _LEAD_IN.search(line) and sets_deadline(p_start, p_end):
            rank = 3  # a lead-in governs until any heading
        else:
            continue
        end = next((pos for pos, r in ranked if pos >= p_end and r <= rank), len(text))
        out.append((p_start, end))
    return out
