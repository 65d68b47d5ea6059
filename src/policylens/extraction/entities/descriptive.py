"""Descriptive lower-case names: "the provincial advanced manufacturing cluster for A and B"."""

from __future__ import annotations

import re

from policylens.extraction.entities.patterns import Patterns, patterns
from policylens.extraction.entities.places import has_place
from policylens.extraction.entities.tokens import Found, Tokens, clean


def find_descriptive(tokens: Tokens) -> list[Found]:
    p = patterns()
    text = tokens.text
    out: list[Found] = []
    for m in p.descriptive.finditer(text):
        head = m.group(1)
        htype = p.descriptive_types[head.replace(" ", "")] if " " in head else p.descriptive_types[head]
        h = tokens.at(m.start())
        if h >= len(tokens) or tokens.starts[h] != m.start():
            continue
        desc, words, prefix_first, k = _descriptors(tokens, h, p)
        before = tokens.lower[k] if k >= 0 else ""
        level = next((p.levels[w] for w in words if w in p.levels), None)
        content = [w for w in words if w not in p.generic and w not in p.levels and w != "and"]
        plural = head.endswith("s") and head not in ("base",) or head in ("bases", "laboratories")
        complement, items = _complement(text, m.end(), p)
        definite = before == "the" or prefix_first is not None
        counted = before.isdigit() or before in p.stops and before not in ("the", "of", "in", "and")
        if plural:
            if _numbered(tokens, desc[-1] if desc else h) or not (
                level and items and (content or prefix_first is not None)
            ):
                continue  # "20 new national pilot clusters for future industries": a class of many, none named
        elif (
            not content
            or not (definite or level)
            or (counted and not (level and items))
            or len(content) < 2
            and not level
            and prefix_first is None
        ):
            continue
        first = prefix_first if prefix_first is not None else (desc[-1] if desc else h)
        start = tokens.starts[first]
        lead = clean(text[start : m.start()])
        singular = p.plural_heads.get(head, head) if plural else head
        connector = "of" if complement == "of" else "for"
        end = m.end() if not items else items[-1][1]
        names = (
            [f"{lead} {singular} {connector} {text[a:b]}" for a, b in items]
            if plural
            else [f"{lead} {singular}" + (f" {connector} {text[items[0][0] : items[-1][1]]}" if items else "")]
        )
        for name in names:
            found = Found(htype, clean(name), start, end, "descriptive")
            if level:
                found.attributes["level"] = level
            out.append(found)
    return out


def _numbered(tokens: Tokens, first: int) -> bool:
    """Whether a number stands right before a descriptive name's first word ("20 new national … clusters")."""
    return first > 0 and tokens.joins(first - 1) == " " and any(c.isdigit() for c in tokens.words[first - 1])


def _descriptors(tokens: Tokens, h: int, p: Patterns) -> tuple[list[int], list[str], int | None, int]:
    """The lower-case words before a descriptive head, and a capitalised name prefixed to them.

    Returns (first token of each word, the words, the prefix's first token or
    None, the token before the name).  Hyphenated compounds are one word; a
    measure ("11.5-square-kilometer") or a superlative ends the name.
    """
    desc: list[int] = []
    words: list[str] = []
    k = h - 1
    while k >= 0 and len(desc) < 8 and tokens.joins(k) == " ":
        a = k
        while a > 0 and tokens.joins(a - 1) == "-":
            a -= 1
        parts = tokens.words[a : k + 1]
        word = "-".join(parts).lower()
        if any(c.isdigit() for c in word):
            k = a - 1
            break
        if any(w[0].isupper() for w in parts):
            if all(w[0].isupper() for w in parts) and tokens.lower[a] not in p.not_starts:
                j = a
                while (
                    j > 0
                    and tokens.joins(j - 1) in ("-", " ")
                    and tokens.cap[j - 1]
                    and tokens.lower[j - 1] not in p.not_starts
                ):
                    j -= 1
                name = tokens.text[tokens.starts[j] : tokens.ends[k]]
                if has_place(name) or "-" in name:
                    return desc, words, j, j - 1
            break
        if (
            not word.isascii()
            or word.endswith("est")
            or word in p.stops
            and not (word == "and" and words and a > 0 and not tokens.cap[a - 1] and tokens.lower[a - 1] not in p.stops)
        ):
            break
        desc.append(a)
        words.append(word)
        k = a - 1
    return desc, words, None, k


_COMPLEMENT = re.compile(
    r"\s+(of|for|focusing on|focused on|focusing|specializing in|specialising in|"
    r"dedicated to)\s+"
)
_COMPLEMENT_WORD = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+|\s+|-)?([A-Za-z][\w-]*)")


def _complement(text: str, pos: int, p: Patterns) -> tuple[str | None, list[tuple[int, int]]]:
    """What a descriptive name is for: the connector and the spans of each coordinated item."""
    m = _COMPLEMENT.match(text, pos)
    if not m:
        return None, []
    items: list[tuple[int, int]] = []
    cur: list[int] | None = None
    pos = m.end()
    while True:
        w = _COMPLEMENT_WORD.match(text, pos)
        if not w:
            break
        word = w.group(1)
        sep = text[pos : w.start(1)]
        if (
            word.lower() in p.stops
            and word.lower() != "and"
            or word[0].isupper()
            and not word.isupper()
            or word.lower() in ("along", "which", "that", "who", "while")
            or "," in sep
            and word.endswith("ing")
        ):
            break  # a name, a clause word, or a participle after a comma ("…, making it the only one")
        if cur is None or "," in sep or " and " in f"{sep} " and sep.strip() == "and" or sep.strip(" ,") == "and":
            if cur is not None:
                items.append((cur[0], cur[1]))
            cur = [w.start(1), w.end(1)]
        else:
            cur[1] = w.end(1)
        pos = w.end()
        if len(items) > 6:
            break
    if cur is not None:
        items.append((cur[0], cur[1]))
    return m.group(1), items
