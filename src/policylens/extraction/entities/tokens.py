"""The document's word tokens, its title-case lines, and the small helpers every strategy shares."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from policylens.extraction.entities.patterns import SMALL_WORDS
from policylens.extraction.gazetteer import TOKEN, gap_kind
from policylens.extraction.shortcuts import Spaces, capitalised, split_spans, words_outside
from policylens.extraction.text import TextIndex

# TOKEN in a group: one split gives each token and what lies between them (see shortcuts.split_spans).
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})", TOKEN.flags)
WS = Spaces()  # re.compile(r"\s+"), its sub(" ", …) passing at once a text with no run to squeeze
# Capitalised words that open a sentence and never go on a name from the line before.
_SENTENCE_OPENERS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "By",
        "With",
        "As",
        "From",
        "This",
        "These",
        "It",
        "Its",
        "Today",
        "Yesterday",
        "Recently",
        "Last",
        "According",
        "Currently",
        "Meanwhile",
        "However",
    ]
)
_ACRONYM_AFTER = re.compile(r"[ \t]*\([ \t]*([A-Z][A-Za-z0-9&.-]{1,11})[ \t]*\)")
# A word hyphenated at a line end, not a suspended hyphen ("small- and medium-sized", "Medium- to Long-Term").
_BROKEN_WORD = re.compile(r"([a-z])-\s+(?!(?:and|or|to)\s)([a-z])")
_DISCLAIMER = re.compile(
    r"\bforward[- ]looking\s+statements?\b.{0,300}?\b(?:within\s+the\s+meaning|safe\s+harbou?r)", re.I | re.S
)
_LINE_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
# What opens a sentence in the gap before a token: a line break, or a stop followed only by spaces, quotes
# and an opening bracket.
_BREAK = re.compile(r"[\n.!?:](?:(?<=\n)|[ \t\"“‘'(*]*)")  # a line break, or a stop and what opens the next


@dataclass(slots=True)
class Found:
    """One reading of a name at one place in the text."""

    type: str
    name: str
    start: int
    end: int
    how: str
    attributes: dict = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    key: str | None = None


class Tokens:
    """The document's word tokens with what lies between them.

    Every list is built by C-level passes (one split of the text, sums of lengths, ``map``), and the
    tokens that open a sentence are found from the text's breaks, which are few,
    rather than by a look at the gap before every token.
    """

    def __init__(self, text: str):
        self.text = text
        self.starts, self.ends, self.words = split_spans(_TOKEN_SPLIT, text)
        self.lower = list(map(str.lower, self.words))
        self.cap = capitalised(self.words)
        self._long_line: dict[int, bool] = {}
        self._inner_words: set[str] | None = None
        self._initial: set[int] | None = None

    def name_like(self, first: int, last: int) -> bool:
        """Whether capitals at first..last say "name": true unless it is one ordinary word
        that starts a sentence and is never capitalised inside one ("Key projects include ...")."""
        if first != last:
            return True
        word = self.words[first]
        if word.isupper() or any(c.isupper() for c in word[1:]) or not self.sentence_initial(first):
            return True
        if self._inner_words is None:
            # a word is inner when it occurs more often than it opens a sentence: somewhere it opens none
            self._inner_words = words_outside(self.words, self._sentence_initials())
        return word in self._inner_words

    def sentence_initial(self, i: int) -> bool:
        """Whether token i opens the text, a line, or follows a full stop, "!", "?" or ":" (quotes and
        an opening bracket may stand between)."""
        return i in self._sentence_initials()

    def _sentence_initials(self) -> set[int]:
        if self._initial is None:
            starts, ends, n = self.starts, self.ends, len(self.starts)
            initial = {0}
            for m in _BREAK.finditer(self.text):
                if m.group() == "\n":  # never inside a token: the gap before the next token holds it
                    i = bisect_left(starts, m.start())
                else:  # the stop must end the gap: only quotes and brackets between it and the token
                    i = bisect_left(starts, m.end())
                    if i >= n or starts[i] != m.end() or (i and m.start() < ends[i - 1]):
                        continue
                if 0 < i < n:
                    initial.add(i)
            self._initial = initial
        return self._initial

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, i: int) -> str:
        """The text between token i and token i + 1."""
        return self.text[self.ends[i] : self.starts[i + 1]] if i + 1 < len(self.words) else ""

    def joins(self, i: int) -> str | None:
        """How token i joins the next inside a name: " ", "-", "" or None.

        A line break joins only inside hard-wrapped prose (a long line), never
        in menus or between a headline and the line after it.
        """
        gap = self.gap(i)
        if "\n" in gap:
            if gap.count("\n") > 2 or not self._in_long_line(i) or self.words[i + 1] in _SENTENCE_OPENERS:
                return None  # "… by Amanogawa Device Technologies\n\nThe Ministry …": a headline, then its story
            if gap.isspace():
                return " "
            return "-" if gap.rstrip() == "-" else None  # "Internation-\nal": a word broken at the line end
        if gap in ("·", "&", " & "):
            return gap
        if self.words[i] == "People" and gap in ("'s ", "’s "):
            return gap
        if self.words[i].endswith("s") and gap in ("' ", "’ "):
            return gap
        return gap_kind(gap)

    def _in_long_line(self, i: int) -> bool:
        line_start = self.text.rfind("\n", 0, self.starts[i]) + 1
        if line_start not in self._long_line:
            line_end = self.text.find("\n", line_start)
            self._long_line[line_start] = (line_end if line_end >= 0 else len(self.text)) - line_start >= 60
        return self._long_line[line_start]

    def at(self, pos: int) -> int:
        """The first token starting at or after pos."""
        return bisect_left(self.starts, pos)


# ---------------------------------------------------------------- headlines and menus


def title_lines(text: str, index: TextIndex) -> list[tuple[int, int]]:
    """Lines written in title case (headlines, menus, section headings), and a press release's legal
    disclaimer ("This press release contains forward-looking statements within the meaning of … the
    Securities Act").

    Every word is capitalised in a title, so capitals say nothing about names, and the laws and filings
    a disclaimer cites are not the story's; no new name is taken from them, though names found elsewhere
    are mentioned.
    """
    out = []
    paragraphs = index.paragraphs
    # A disclaimer says "forward"; no character but the ASCII letters' two cases matches one of its letters
    # ignoring case, so a text whose lower case holds no "forward" holds none, and its paragraphs are not searched.
    disclaims = "forward" in text.lower()
    for k, (start, end) in enumerate(paragraphs):
        if disclaims and _DISCLAIMER.search(text, start, end):
            out.append((start, end))
            continue
        # A sentence, or a hard-wrapped one running on into the next line, is no headline: looked at first,
        # as it rules out most paragraphs without a look at their words.
        line = text[start:end]
        sentence = line.endswith((".", "。", "!", "?", ";")) and end - start >= 60 or ". " in line
        wrapped = (
            end - start >= 60
            and k + 1 < len(paragraphs)
            and paragraphs[k + 1][1] - paragraphs[k + 1][0] >= 60
            and not line.endswith((".", ":", "!", "?"))
            and _first_word(text, paragraphs[k + 1][0]) not in _SENTENCE_OPENERS  # a headline, then "The …"
        )
        if sentence or wrapped:
            continue
        words = [w for w in _LINE_WORDS.findall(text, start, end) if w.lower() not in SMALL_WORDS]
        if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            out.append((start, end))
    return out


def _first_word(text: str, pos: int) -> str:
    m = _LINE_WORDS.match(text, pos)
    return m.group() if m else ""


def in_spans(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    i = bisect_left(spans, (pos + 1,)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def clean(name: str) -> str:
    """A name as written, on one line: spaces collapsed, a word hyphenated at a line end joined
    again ("Internation- al" -> "International"); a suspended hyphen stays ("Medium- and Long-Term Plan")."""
    name = WS.sub(" ", name)
    if "- " in name:
        name = _BROKEN_WORD.sub(r"\1\2", name)
    return name.strip(" ,;:")


def acronym_after(text: str, pos: int) -> tuple[str, int] | None:
    """The short form a name defines right after it, "(MIIT)" or "(MoTIE)", and where it ends.

    Mostly capitals, at least two: "(Anhui)" or "(Group)" is part of a name, not its acronym.
    """
    m = _ACRONYM_AFTER.match(text, pos) if text.find("(", pos, pos + 3) >= 0 else None
    if not m:
        return None
    short = m.group(1)
    upper = sum(c.isupper() for c in short)
    letters = sum(c.isalpha() for c in short)
    if upper < 2 or upper * 2 < letters:
        return None
    return short, m.end()
