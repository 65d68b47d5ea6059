"""Names in a list after "enterprises such as", "leaders like", "led by"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policylens.extraction.anycase import lowers_alike
from policylens.extraction.entities.named import Chunk, chunk_at, chunk_entities
from policylens.extraction.entities.patterns import Patterns, patterns
from policylens.extraction.entities.places import is_place
from policylens.extraction.entities.tokens import Found, Tokens, clean, in_spans


def find_lists(tokens: Tokens, titles: list[tuple[int, int]]) -> list[Found]:
    p = patterns()
    text = tokens.text
    out: list[Found] = []
    for m in _triggers(text, p):
        if in_spans(titles, m.start()):
            continue
        kind = p.list_types.get((m.group(1) or "").lower(), "company")
        pos = m.end()
        while True:
            if text.startswith("the ", pos):
                pos += 4
            i = tokens.at(pos)
            if i >= len(tokens) or tokens.starts[i] != pos:
                break
            chunk = chunk_at(tokens, i, p) if tokens.cap[i] else None
            if chunk is None or chunk.start != pos:
                if m.group(0).lower().startswith("led"):
                    break
                skip = re.match(r"[a-z][\w -]{0,60}?(?=,\s|\s+and\s)", text[pos : pos + 64])
                if not skip:
                    break
                pos += skip.end()
            else:
                if m.group(0).lower().startswith("led") and p.modified_after.match(text, chunk.end):
                    break  # "led by PCB and data center investments": the name modifies a noun, no one leads
                named = chunk_entities(tokens, chunk, p)
                out += named
                # "Dongshan Motors and Hexi Pumps": a part the heads did not name is still a list item.
                for first, last, _ in and_parts(chunk):
                    start, end = tokens.starts[first], tokens.ends[last]
                    if last == chunk.last:
                        end = chunk.end
                    if not is_place(text[start:end]) and not any(f.start < end and start < f.end for f in named):
                        out.append(Found(kind, clean(text[start:end]), start, end, "list"))
                pos = chunk.end
            sep = re.match(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s*、\s*", text[pos : pos + 16])
            if not sep or m.group(0).lower().startswith("led"):
                break
            pos += sep.end()
    return out


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """The first word, lower-cased, of every list trigger: each list type, and "led" of "led by"."""
    return frozenset(w.split()[0].lower() for w in patterns().list_types) | {"led"}


def _triggers(text: str, p: Patterns) -> Iterator[re.Match]:
    """The matches ``p.list_trigger.finditer(text)`` gives, found faster: tried at every position, the pattern
    costs more than reading the lists it finds. Every match begins with the first word of a list trigger, so
    the pattern is tried only where ``str.find`` finds one in the lower-cased text, in order, resuming after
    each match as finditer does (a match is never empty)."""
    lowered = text.lower()
    if not lowers_alike(text, lowered):
        yield from p.list_trigger.finditer(text)
        return
    starts = set()
    for word in _trigger_words():
        i = lowered.find(word)
        while i >= 0:
            starts.add(i)
            i = lowered.find(word, i + 1)
    pos = 0
    for start in sorted(starts):
        if start >= pos and (m := p.list_trigger.match(text, start)) is not None:
            yield m
            pos = m.end()


def and_parts(chunk: Chunk) -> list[tuple[int, int, None]]:
    """A headless run of names split at "and": "Bosch and Valeo" is two names."""
    parts = []
    first = chunk.first
    for k in sorted(chunk.connectors):
        if chunk.connectors[k] == "and" and k - 1 >= first:
            parts.append((first, k - 1, None))
            first = k + 1
    parts.append((first, chunk.last, None))
    return [(a, b, c) for a, b, c in parts if a <= b]
