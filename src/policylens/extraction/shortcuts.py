r"""Small scans many extractors make, written so that the common case runs no regex search; each gives
exactly what the pattern it stands for gives (tests/extraction/test_fast_paths_scans.py).

Names, mentions and heads are compared with their runs of white space made one
space (``re.sub(r"\s+", " ", …)``), tens of times a document, and almost every one
of them is written so already.  A text whose characters are all printable holds no
white space but the plain space (Unicode's other spaces, tabs and line breaks are
not printable), and without two spaces in a row it holds no run to squeeze: it is
given back as it is, without a call into the regex engine.

Which of a document's words are capitalised is asked of every word; the
first letters are looked at by C-level passes, and only words that open with a
digit are read further in Python.

The word before a figure is asked for several times a figure; read back from the
figure over the few characters it looks at, it costs a quarter of the search that
tried its pattern at each of 30 places.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress
from operator import itemgetter

_RUN = re.compile(r"\s+")


def squeezed(text: str) -> str:
    r"""``re.sub(r"\s+", " ", text)``."""
    if text.isprintable() and "  " not in text:
        return text
    return _RUN.sub(" ", text)


class Spaces:
    r"""``re.compile(r"\s+")`` for callers that write ``WS.sub(" ", text)``: its ``sub`` takes the shortcut of
    :func:`squeezed` when the replacement is one space."""

    pattern = _RUN.pattern

    def sub(self, repl: str, string: str, count: int = 0) -> str:
        if repl == " " and not count and string.isprintable() and "  " not in string:
            return string
        return _RUN.sub(repl, string, count)


# The characters of a word besides \w: apostrophes and the hyphen (themselves no \w).
_JOINERS = "’'-"


def _is_word(c: str) -> bool:
    r"""``re.match(r"\w", c)``: sre's \w is a character str.isalnum() accepts, or the underscore."""
    return c.isalnum() or c == "_"


def previous_word(text: str, pos: int) -> str:
    r"""The word just before ``pos``, lower-cased, as ``re.search(r"(?<![\w’'-])([\w’'-]+)\W*$", s)`` finds it in
    ``s = text[max(0, pos - 30) : pos]`` (its group 1; "" when it finds none): the run of word characters,
    apostrophes and hyphens that holds the last word character of ``s``, with the apostrophes and hyphens after
    that character; in a window without a word character, its first run of apostrophes and hyphens."""
    lo = max(0, pos - 30)
    last = pos  # just after the last word character of the window
    while last > lo and not _is_word(text[last - 1]):
        last -= 1
    if last == lo:
        first = lo
        while first < pos and text[first] not in _JOINERS:
            first += 1
        end = first
    else:
        first = last - 1
        while first > lo and (_is_word(text[first - 1]) or text[first - 1] in _JOINERS):
            first -= 1
        end = last
    while end < pos and text[end] in _JOINERS:
        end += 1
    return text[first:end].lower()


_FIRST = itemgetter(0)


def capitalised(words: list[str]) -> list[bool]:
    """For each (non-empty) word, ``w[0].isupper() or (w[0].isdigit() and any(c.isalpha() for c in w))``: a
    capital first, or a digit first and a letter after it ("5G", "2nd")."""
    firsts = list(map(_FIRST, words))
    cap = list(map(str.isupper, firsts))
    for i in compress(range(len(words)), map(str.isdigit, firsts)):
        cap[i] = any(c.isalpha() for c in words[i])
    return cap


def words_outside(words: list[str], places: set[int]) -> set[str]:
    """The words that stand somewhere in ``words`` at an index not in ``places``: those that occur more often
    than at ``places`` (a Counter of all less one of those at ``places``, kept where above zero), found by
    C-level passes over a mask of the few ``places``."""
    keep = [True] * len(words)
    for i in places:
        if 0 <= i < len(words):
            keep[i] = False
    return set(compress(words, keep))


def split_spans(split: re.Pattern, text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and texts of the matches ``finditer`` gives of a pattern that never matches an empty
    string, from ``split``, that pattern as one group: its split gives the text between matches and each
    match in turn, whose lengths summed give every place, so that no match object is made and read."""
    parts = split.split(text)
    places = list(accumulate(map(len, parts), initial=0))
    return places[1:-1:2], places[2::2], parts[1::2]
