"""Quoted programme names: a quotation is a programme when a programme noun follows or introduces it."""

from __future__ import annotations

import re

from policylens.extraction.entities.patterns import patterns
from policylens.extraction.entities.tokens import Found, clean

# A quotation opens after a space or bracket and closes before a non-letter, so that
# straight quotes pair up correctly even after a long quotation.
# Opened by a look for the quotation mark, so that sre tries the pattern nowhere else.
_QUOTED = re.compile(r"(?=[\"“])(?:^|(?<=[\s(\[—–-]))[\"“](?=\S)([^\"“”]{1,300}?)(?<=\S)[\"”](?!\w)")

# What defines a short name for the name before it: '(hereinafter "Plan")', '(hereinafter referred to as the "Plan")'.
_DEFINED_AS = re.compile(
    r"\(\s*(?i:here(?:in)?after|hereafter)(?:\s+(?i:referred\s+to\s+as|called|named))?(?:\s+(?i:the))?\s*[,:]?\s*$"
)
_SINGLE_QUOTED_HEAD = re.compile(r"['‘]([A-Z][^'‘’\"\n]{1,60}?)['’][ \t]+([A-Z][a-z]+)\b")


def find_quoted(text: str) -> list[Found]:
    p = patterns()
    out: list[Found] = []
    run: list[re.Match] = []
    for m in _QUOTED.finditer(text) if '"' in text or "“" in text else ():  # no quotation mark, no scan
        run.append(m)
        inner = clean(m.group(1))
        after = p.programme_after.match(text, m.end())
        joined = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)[\"“]", text[m.end() : m.end() + 8])
        if joined:
            continue
        before = p.programme_before.search(text, max(0, run[0].start() - 40), run[0].start())
        own_head = inner.split()[-1].lower() in p.heads and p.heads[inner.split()[-1].lower()] == "programme"
        if after or before or own_head:
            for q in run:
                name = clean(q.group(1))
                if (
                    not any(c.isalpha() for c in name)
                    and after
                    or len(run) == 1
                    and after
                    and not after.group(1)
                    and after.group(2)[0].isupper()
                    and p.heads.get(after.group(2).lower()) == "programme"
                ):
                    # '"3-4-5" strategy'; '"Belt and Road" Initiative', whose capital says the noun is named too
                    name = clean(f"{name} {after.group(1)}{after.group(2)}")
                    end = after.end()
                else:
                    end = q.end() - 1
                if not any(c.isalpha() for c in name) or _sentence_like(name):
                    continue
                defined = _DEFINED_AS.search(text, max(0, q.start() - 40), q.start())
                if defined is not None:
                    # '"… Development Plan" (hereinafter "Plan")': a short name the text defines for the one before
                    if out and 0 <= defined.start() - out[-1].end <= 3 and name not in out[-1].aliases:
                        out[-1].aliases.append(name)
                    continue
                out.append(Found("programme", name, q.start() + 1, end, "quoted"))
        run = []
    return out + _single_quoted(text)


def _single_quoted(text: str) -> list[Found]:
    """ "the 'Belt and Road' Initiative": a name in single quotes before a capitalised programme head.

    Single quotes are also apostrophes, so only this shape is read: a capital after the opening
    quote, and a head after the closing one."""
    p = patterns()
    out = []
    for m in _SINGLE_QUOTED_HEAD.finditer(text):
        opens = m.start() == 0 or text[m.start() - 1] in " \t\n(["  # an opening quote, not an apostrophe
        if opens and p.heads.get(m.group(2).lower()) == "programme":
            out.append(Found("programme", clean(f"{m.group(1)} {m.group(2)}"), m.start() + 1, m.end(), "quoted"))
    return out


def _sentence_like(name: str) -> bool:
    """A quotation (someone's words) rather than a name."""
    words = name.split()
    return len(words) > 12 or name.endswith((".", "!", "?"))
