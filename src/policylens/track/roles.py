"""Goal, term or threshold: what a number stated as a target does in its policy.

Extraction calls every forward-looking number a target.  A reader needs to
tell the goals a government will be judged on ("exports above RMB 20
billion by 2027") from the terms of its instruments ("a reward of up to RMB
5 million", "a subsidy capped at RMB 2 million") and from the thresholds
that decide who qualifies ("companies with revenue above RMB 1 billion"):
only goals are met or missed.  The cues live in ``data/roles.yaml``; the
function sees the figure's text, the clause before it and the words after
it, which the caller cuts from the document.
"""

from __future__ import annotations

import re
from collections import deque
from functools import cache
from typing import NamedTuple

from ._data import load
from .rates import currencies

ROLES = ("goal", "term", "threshold")

# Where the clause that leads up to a figure starts: a sentence or clause break.
_CLAUSE_BREAK = re.compile(r"[。；;！？!?\n]|[，,]\s|\.\s")
# How much text on either side of a figure the caller should pass.
BEFORE_CHARS = 120
AFTER_CHARS = 24
# How far before a figure its bound word may stand ("revenue above " RMB 1 billion).
BOUND_CHARS = 12


class _Cues(NamedTuple):
    before: re.Pattern | None
    span: re.Pattern | None
    after: re.Pattern | None
    money_only: re.Pattern | None
    bound: re.Pattern | None  # what must also be said of the figure (a threshold is "above" something)


def _compiled(patterns: list[str], anchored: bool = False) -> re.Pattern | None:
    if not patterns:
        return None
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"^(?:{joined})" if anchored else joined, re.IGNORECASE)


@cache
def _cues() -> dict[str, _Cues]:
    data = load("roles")
    return {
        role: _Cues(
            _compiled(data[role]["before"]),
            _compiled(data[role]["span"]),
            _compiled(data[role]["after"], anchored=True),
            _compiled(data[role]["money_only"]),
            _compiled([data[role]["bound"]] if data[role].get("bound") else []),
        )
        for role in ROLES[1:]
    }


def clause_before(before: str) -> str:
    """The part of ``before`` after its last clause break: the words that lead up to the figure."""
    last = deque(_CLAUSE_BREAK.finditer(before), maxlen=1)
    return before[last[0].end() :] if last else before


def role_of(text: str, before: str, after: str, unit: str | None) -> str:
    """ "goal", "term" or "threshold" for a target whose span is ``text``, between ``before`` and ``after``."""
    clause = clause_before(before)
    money = unit in currencies()
    for role in ROLES[1:]:
        cues = _cues()[role]
        if cues.bound is not None and not cues.bound.search(f"{clause[-BOUND_CHARS:]} {text}"):
            continue
        if (
            (cues.before is not None and cues.before.search(clause))
            or (cues.span is not None and cues.span.search(text))
            or (cues.after is not None and cues.after.match(after))
            or (money and cues.money_only is not None and cues.money_only.search(f"{clause} {text}"))
        ):
            return role
    return "goal"


def role_in(text: str, start: int, end: int, unit: str | None) -> str:
    """The role of the target spanning ``text[start:end]`` of a document."""
    return role_of(text[start:end], text[max(0, start - BEFORE_CHARS) : start], text[end : end + AFTER_CHARS], unit)
