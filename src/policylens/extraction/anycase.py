"""Long word alternations matched ignoring case, written so that sre scans them fast.

sre skips an alternative that opens with a plain character or character
class when the character at hand does not fit, without entering it; a letter
matched ignoring case gets no such test, so a case-insensitive alternation of
fifty words enters fifty alternatives at every position the scan tries. The
pattern :func:`any_case` writes groups the words by first letter and opens
each group with that letter as a case-sensitive class holding every character
case-insensitive matching takes for it, so only one group is entered.

It matches what the plain alternation matches, at the same places and with
the same lengths: within a group the words keep their order, and two groups
never match at the same place. It is meant for a pattern compiled with
``re.IGNORECASE`` (or inside ``(?i:...)``): the letters after the first are
still matched ignoring case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

# The characters besides a letter's two cases that case-insensitive matching of str patterns takes for an
# ASCII letter (dotted and dotless I for "i", LONG S for "s", KELVIN SIGN for "k").
_CASE_EXTRAS = "\u0130\u0131\u017f\u212a"


def any_case(words: Iterable, alternation: Callable[[list[str]], str], depth: int = 2) -> str:
    """``alternation(words)`` grouped by first letter; ``alternation`` writes the words of a group after
    their first letter (it must order words longest first, as every alternation here does).

    The words of a group are grouped again by their second letter (``depth`` 2): a group of ten cue words
    after "s" then tries only those whose second letter is the one in the text (the scan of the quantity
    cues costs an eighth less). Grouping every letter so (a trie) saved no more and made loading the rules
    0.2 s slower, as sre compiles each group's class."""
    ordered = sorted(dict.fromkeys(str(w) for w in words), key=len, reverse=True)
    if not ordered or any(not w or w[0] in _CASE_EXTRAS for w in ordered):
        return alternation(ordered)  # such a word matches where the group of "i", "k" or "s" does
    groups: dict[str, list[str]] = {}
    for w in ordered:
        # The words opening with anything but an ASCII letter make one group, written as before and in their
        # order: two of them may match at one place (a phrase's space is written to match a hyphen too).
        groups.setdefault(w[0].lower() if w[0].isascii() and w[0].isalpha() else "\0", []).append(w)
    return "|".join(
        f"{_letter(key)}(?:{_rest([w[1:] for w in group], alternation, depth - 1)})"
        if key != "\0"
        else alternation(group)
        for key, group in groups.items()
    )


def _rest(words: list[str], alternation: Callable[[list[str]], str], depth: int) -> str:
    return any_case(words, alternation, depth) if depth > 0 else alternation(words)


def _letter(letter: str) -> str:
    return f"(?-i:[{_cases(letter)}])"


def _cases(letter: str) -> str:
    """Every character case-insensitive matching takes for an ASCII letter."""
    extras = "".join(c for c in _CASE_EXTRAS if re.fullmatch(letter, c, re.IGNORECASE))
    return f"{letter.lower()}{letter.upper()}{extras}"


def opening(chars: Iterable[str], ignoring_case: bool = True) -> str:
    """A look ahead for the characters a match may begin with, to put first in a pattern whose own first
    step sre cannot test before entering it (a word boundary, an optional group, a letter matched ignoring
    case): the scan then passes every other position at the cost of one test of the character there.
    ``chars`` are written in any case and may hold class escapes ("\\d"); a letter stands for both its cases
    and for the characters case-insensitive matching takes for it, so the look ahead is right for a pattern
    matched ignoring case or not; a letter outside ASCII leaves no look ahead to write (""). Where the
    pattern matches case-sensitively, ``ignoring_case=False`` takes each letter as written only. An empty
    string among ``chars`` (a match that may be empty) leaves no look ahead either."""
    out: set[str] = set()
    for c in chars:
        if not c:
            return ""
        if len(c) == 1 and c.isalpha() and not c.isascii() and ignoring_case:
            return ""
        if len(c) == 1 and c.isalpha() and ignoring_case:
            out.update(_cases(c))
        elif c == " ":  # a phrase's space: the alternations here let any space or a hyphen stand for it
            out.update((r"\s", r"\-"))
        else:
            out.add(c if len(c) > 1 and c.startswith("\\") else re.escape(c))
    return f"(?=[{''.join(sorted(out))}])"


def needed(words: Iterable[str]) -> tuple[str, ...]:
    """What :func:`might_hold` looks for in a lower-cased text to tell whether it may hold one of ``words``
    matched ignoring case: the first word of each, lower-cased (the alternations here let spaces and
    hyphens stand for a phrase's spaces), found once for all the texts looked at. A word holding another
    is left out ("ranked" is in no text "rank" is not in), as each is looked for through the whole text."""
    firsts = {_first_word(w) for w in words}
    return tuple(sorted(w for w in firsts if not any(v != w and v in w for v in firsts)))


def might_hold(text: str, lowered: str, needs: tuple[str, ...]) -> bool:
    """Whether ``text`` may hold one of the words ``needs`` (from :func:`needed`) was found for, matched
    ignoring case; False only when it surely does not, so a caller may skip a costly scan for them.
    ``lowered`` is ``text.lower()``: it holds each word written in any case, unless the text has one of the
    characters that case-insensitive matching takes for an ASCII letter though lowering does not give that
    letter, and such a text always may.  Each word is looked for as a substring, which str finds faster
    than any pattern."""
    return any(map(lowered.__contains__, needs)) or any(map(text.__contains__, _CASE_EXTRAS))


def lowers_alike(text: str, lowered: str) -> bool:
    """Whether ``lowered`` (``text.lower()``) keeps each character of ``text`` at its place and holds an ASCII
    letter just where ``text`` holds a character that case-insensitive matching takes for that letter (no
    character lowers to two, and none of the characters lowering leaves alone though they match a letter):
    then a word matched ignoring case in ``text`` begins just where the word, lower-cased, is in ``lowered``,
    and ``str.find`` in ``lowered`` finds every place a scan of ``text`` for it could match."""
    return len(lowered) == len(text) and not any(map(text.__contains__, _CASE_EXTRAS))


def _first_word(phrase: str) -> str:
    parts = str(phrase).lower().split()
    return parts[0] if parts else ""


def places_of(text: str, words: Iterable[str]) -> list[int]:
    """Every place in ``text`` where one of ``words`` begins, in order, each once (a word inside another too):
    ``str.find`` finds them far faster than sre tries a pattern at every position."""
    places = set()
    for word in words:
        i = text.find(word)
        while i >= 0:
            places.add(i)
            i = text.find(word, i + 1)
    return sorted(places)


def finditer_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """The matches ``pattern.finditer(text)`` gives, for a pattern that never matches an empty string and can
    begin only at ``starts`` (ascending): it is tried there alone, resuming after each match as finditer does."""
    pos = 0
    for start in starts:
        if start >= pos and (m := pattern.match(text, start)) is not None:
            yield m
            pos = m.end()
