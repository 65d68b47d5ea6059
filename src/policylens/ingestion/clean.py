"""Separating the article from page furniture in text saved from a web page.

Works line by line and never edits inside a kept line: extraction offsets
point into the text this produces, so a kept paragraph must be the source's
paragraph character for character.  A page is split into three parts:

* the head, everything before the first line that reads as article prose
  (menus, breadcrumbs, language lists, the headline, bylines, date stamps);
* the body, from that line on, minus lines that are furniture wherever they
  appear (share buttons, view counters, contact lines, captions, ...);
* the tail, cut at the first closing marker ("Recommended for You",
  "Copyright", "相关文章", ...) in the second half of the page.

One kind of head line is kept: the line naming who issued an official
document ("Issued by: ...", "发布机构：..."), placed under the headline, so
the issuer can be cited like any other fact.

Furniture patterns live in data/boilerplate.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policylens.ingestion import dates
from policylens.ingestion._data import any_of, load

_DATA = load("boilerplate")
# Most furniture patterns hold at the start of a line: matching those there, and searching only
# with the rest, keeps cleaning fast on long paragraphs.
_FURNITURE_START = any_of([p[1:] for p in _DATA["lines"] if p.startswith("^")])
_FURNITURE_ANYWHERE = any_of([p for p in _DATA["lines"] if not p.startswith("^")])
_TAIL = any_of([p.removeprefix("^") for p in _DATA["tail_markers"]])  # matched at the start of a line
_ISSUER = any_of(_DATA["issuer_lines"])
_SOURCE_LABEL = re.compile(r"^\s*(source|来源|信息来源|文章来源|稿件来源)\s*[:：]", re.IGNORECASE)
_NAV_MENU = re.compile(r"^(?:HOME|Home)(?:\s+(?:[A-Z][\w&'-]*|&)){3,}$")
_SEPARATORS = _DATA["breadcrumb_separators"]
_SENTENCE_END = re.compile(r"[.!?。！？…;；][\"'”’)）\]】」』]*$")
_FULL_STOP = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.。][\"'”’)）\]】」』]*$")  # not "U.S." nor "Co."
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9][\w'’-]*")  # "U.S." is one word
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_FIGURE_CHAR = re.compile(r"[\d.,%$€£¥+\-−]")
# A numbered heading of a Chinese document ("一、2024年工作回顾", "（一）发展目标", "第二章 重点任务"): standing
# just above the first paragraph, it opens the body's first section.
_NUMBERED_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章部篇节])\S"
)
_LONGEST_HEADING = 30
# The date an official document was signed (成文日期), alone on its line under the issuer's name: in the
# body it is the document's own text, which dates its issuance, not a date stamp of the page.
_SIGNATURE_DATE = re.compile(r"^\s*(?:19|20)\d\d\s?年\s?(?:1[0-2]|0?[1-9])\s?月\s?(?:[12]\d|3[01]|0?[1-9])\s?日\s*$")
# A list item closing a page is a name this long at least; menu leftovers ("关于我们") are shorter.
_LIST_ITEM_CJK = 6
# Page furniture is short; a longer line is a paragraph, however it starts.
_LONGEST_FURNITURE = 400
# A breadcrumb step ("Home", "News Center", "您当前的位置：首页") is a few words; prose between arrows is longer.
_LONGEST_STEP = 5
_LONGEST_HOME_STEP = 10
_HOME_STEP = re.compile(r"home|homepage|首页|网站首页", re.IGNORECASE)
# How far into the body a date stamp or newswire dateline may sit (after a standfirst, say).
_TOP_BODY_LINES = 12


@dataclass(slots=True)
class Page:
    head: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # furniture taken out of body and tail, in order
    top: list[str] = field(default_factory=list)  # head plus the first body lines: where a page dates itself
    issuer: list[str] = field(default_factory=list)  # head lines naming the issuing body, kept in the text

    def text(self, title_line: str | None = None) -> str:
        """The clean text: the headline line (when the page has one) and issuer line above the body, without
        Markdown's marks of emphasis ("**Battery exports:** US$3.1 billion" reads as the label it is)."""
        issuer = [line for line in self.issuer if line != title_line]
        lines = ([title_line, ""] if title_line else []) + (issuer + [""] if issuer else []) + self.body
        return _collapse_blank_lines([_EMPHASIS.sub(_emphasised, line) if "*" in line else line for line in lines])


# Markdown emphasis: "**bold**", "*italic*", opened and closed at a word's edge (not a footnote's star, "2025*",
# "a * b", nor the underscores of a name, "window.__init__", which are kept as written)
_EMPHASIS = re.compile(
    r"(?<![\w*])(\*\*)(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*\*(?![\w*])|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"
)


def _emphasised(m: re.Match[str]) -> str:
    return m.group(2) if m.group(2) is not None else m.group(3)


def words(line: str) -> int:
    """Words in a line, counting two Chinese characters as one word."""
    return len(_WORD.findall(line)) + len(_CJK.findall(line)) // 2


def is_prose(line: str) -> bool:
    """A line that reads as an article paragraph rather than a heading or a menu item."""
    stripped = line.strip()
    if dates.is_dateline(stripped) and not dates.is_date_stamp(stripped):
        return True
    if len(stripped) >= 200 and not is_furniture(stripped):
        return True
    return bool(_SENTENCE_END.search(stripped)) and words(stripped) >= 12 and not is_furniture(stripped)


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if not _LETTER_OR_DIGIT.search(stripped):
        return True
    if len(stripped) > _LONGEST_FURNITURE:
        return False
    return bool(
        _FURNITURE_START.match(stripped)
        or _FURNITURE_ANYWHERE.search(stripped)
        or _NAV_MENU.match(stripped)
        or _SOURCE_LABEL.match(stripped)
        or _is_separated_menu(stripped)
        or dates.is_date_stamp(stripped)
    )


def is_signature_date(line: str) -> bool:
    """A date alone on its line, as an official document is signed under its text ("2026年3月16日")."""
    return bool(_SIGNATURE_DATE.match(line))


def cut_at_furniture(text: str) -> str:
    """``text`` up to where furniture starts inside it ("Riverside Daily Large Medium Small Print")."""
    m = _FURNITURE_ANYWHERE.search(text)
    return text[: m.start()] if m else text


def split_page(text: str, *, extracted_title: str | None = None, extracted: bool = False) -> Page:
    """The page's head, body, tail and dropped lines.

    ``extracted``: the text is an article an extractor (trafilatura) already took out of its page,
    headline (``extracted_title``) apart.  Its opening lines are then the article's own (a deck, a
    list, a table, a one-line lead), not menus: only furniture lines and the headline stay head,
    where a saved page's head runs to its first line of prose.
    """
    lines = text.split("\n")
    start = _article_start(lines, extracted_title) if extracted else _body_start(lines)
    page = Page(head=lines[:start], top=lines[: start + _TOP_BODY_LINES])
    page.issuer = [line for line in page.head if _ISSUER.search(line)]
    body = lines[start:]
    total = sum(len(line) + 1 for line in body)
    seen = 0
    for i, line in enumerate(body):
        closing = _TAIL.match(line.strip())
        if closing and seen >= total / 2:
            page.dropped.extend(body[i:])
            break
        seen += len(line) + 1
        if closing or (is_furniture(line) and not _SIGNATURE_DATE.match(line)):
            page.dropped.append(line)
        else:
            page.body.append(line)
    _drop_trailing_fragments(page)
    return page


def _body_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if is_prose(line):
            return _back_over_short_sentences(lines, i)
    # No paragraph reads as prose (a short note): only a leading headline is head.
    content = [i for i, line in enumerate(lines) if line.strip() and not is_furniture(line)]
    if not content:
        return 0
    first = content[0]
    return content[1] if len(content) > 1 and not _SENTENCE_END.search(lines[first].strip()) else first


def _article_start(lines: list[str], title: str | None) -> int:
    headline = _SPACES.sub(" ", title).strip() if title else None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not is_furniture(stripped) and _SPACES.sub(" ", stripped) != headline:
            return i
    return 0


def _back_over_short_sentences(lines: list[str], start: int) -> int:
    """Short opening paragraphs ("The city approved the plan on Monday.", "Prices fell.") belong to the body too.

    A line ending in a full stop is a sentence however short (a headline never
    ends in one); a short line ending in "!" or "?" may be a headline, so it
    needs five words.  A line made mostly of figures ("Price: $1,299 | -2.5%")
    is data the article opens with, not a heading.
    """
    i = start - 1
    while i >= 0:
        stripped = lines[i].strip()
        if stripped and not (
            (_is_lead_line(stripped) or _is_numbered_heading(stripped)) and not is_furniture(stripped)
        ):
            break
        if stripped:
            start = i
        i -= 1
    return start


def _is_lead_line(line: str) -> bool:
    if _is_figure_line(line):
        return True
    if not _SENTENCE_END.search(line):
        return False
    return words(line) >= (2 if _FULL_STOP.search(line) else 5)


def _is_numbered_heading(line: str) -> bool:
    return len(line) <= _LONGEST_HEADING and bool(_NUMBERED_HEADING.match(line))


def _is_figure_line(line: str) -> bool:
    """A short line at least half made of figures, and not a date stamp."""
    if len(line) > 120 or not _DIGIT.search(line):
        return False
    chars = len(line) - line.count(" ")
    return len(_FIGURE_CHAR.findall(line)) >= 0.5 * chars and not dates.states_date(line)


def _is_separated_menu(line: str) -> bool:
    """Breadcrumbs ("Home > News > Economy") and link rows ("English | 中文 | 日本語").

    A sentence that merely contains arrows ("output > 5% > last year's") is prose and stays.

    A row with figures in it is a table, which carries facts, not a row of links.
    """
    for sep in _SEPARATORS:
        parts = [p.strip() for p in line.split(sep)]
        arrow = sep in "»›>＞"
        if len(parts) < 3 and not (arrow and line.rstrip().endswith(sep)):
            continue
        # A trail of short steps; only its last step (the page's own title) may be long, and no step
        # ends a sentence. A trail from the home page may name an office at length on its way.
        longest = _LONGEST_HOME_STEP if _HOME_STEP.fullmatch(parts[0]) else _LONGEST_STEP
        if (
            arrow
            and len(line) < 300
            and not _SENTENCE_END.search(parts[-1])
            and all(words(p) <= longest and not _SENTENCE_END.search(p) for p in parts[:-1])
        ):
            return True
        if not _DIGIT.search(line) and all(words(p) <= 3 and not _SENTENCE_END.search(p) for p in parts):
            return True
    return False


def _drop_trailing_fragments(page: Page) -> None:
    """Short unpunctuated lines at the very end are leftover menu items or a cut-off subheading,
    unless they close a list of names ("…如下：\n甲市汽车产业集群\n乙市电子产业集群")."""
    while page.body and (not page.body[-1].strip() or _is_fragment(page.body[-1])):
        if len(page.body) > 1 and _list_item_like(page.body[-1], page.body[-2]):
            break
        line = page.body.pop()
        if line.strip():
            page.dropped.append(line)


def _list_item_like(line: str, before: str) -> bool:
    """A Chinese name of some length ending as the line before it does: one more item of the same list."""
    line, before = line.strip(), before.strip()
    return (
        len(_CJK.findall(line)) >= _LIST_ITEM_CJK
        and len(before) >= 2
        and line[-2:] == before[-2:]
        and not _SENTENCE_END.search(before)
    )


def _is_fragment(line: str) -> bool:
    stripped = line.strip()
    return (
        words(stripped) <= 4
        and len(stripped) < 40
        and not _SENTENCE_END.search(stripped)
        and not _DIGIT.search(stripped)
    )


def _collapse_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line if line.strip() else "")
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
