"""Named things in a document: places, organisations, clusters, parks and programmes.

Nothing here knows any company or programme by name.  Places come from the
gazetteer; everything else is recognised from how names are written in
English policy and business text (the word lists are in
``data/entity_patterns.yaml``):

- a capitalised name ends in a head that gives its type ("... Administrative
  Committee", "... Industrial Park", "... Action Plan") or a legal form
  ("Co., Ltd."), and may carry a complement ("Ministry of Science and
  Technology", "Action Plan for ... (2022–2025)");
- a descriptive lower-case name is specific when it states a level or a
  definite reference and, for several at once, what they are for ("two
  provincial advanced manufacturing clusters focusing on A and B" is two);
- names in a list after "enterprises such as", "leaders like", "led by" are
  companies; so is a name before "'s factory" or before "announced";
- a quoted name is a programme when a programme noun follows or introduces it.

Each entity appears once with every mention; later short forms (an acronym
given in parentheses, a company's name without its legal form) are aliases.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from policylens.extraction.gazetteer import TOKEN, Place, gap_kind, load as load_gazetteer, name_key
from policylens.extraction.industries import industries_in
from policylens.extraction.text import TextIndex
from policylens.model import Document, Entity

# A type's strength decides between two readings of the same name.
_STRENGTH = {"head": 3, "legal": 3, "quoted": 2, "descriptive": 2, "list": 1, "possessive": 1, "verb": 1}
_CONNECTORS = frozenset({"of", "for", "on", "and", "the", "de", "&"})
_COMPLEMENT_CONNECTORS = _CONNECTORS | {"a", "an", "in", "with", "to", "at"}
_ATTACHING = frozenset({"of", "for", "on"})
_PERIOD = re.compile(r"[ \t]*\(\s*((?:19|20)\d\d\s*[-–—~至]\s*(?:(?:19|20)\d\d|\d\d))\s*\)")
_ACRONYM_PAREN = re.compile(r"\(([A-Z][A-Z0-9&-]{1,9})\)")
_DEFINED_AS = re.compile(r"\s*\(\s*[\"“]([^\"”]{2,40})[\"”]")
# A quotation opens after a space or bracket and closes before a non-letter, so that
# straight quotes pair up correctly even after a long quotation.
_QUOTED = re.compile(r"(?:^|(?<=[\s(\[—–-]))[\"“](?=\S)([^\"“”]{1,300}?)(?<=\S)[\"”](?!\w)")
_HI_TECH = re.compile(r"\bhi(?:gh)?[\s-]?tech\b")
_WS = re.compile(r"\s+")
_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|yuan|euros?|pounds?|yen|won|rupees?)\b", re.I)
_LINE_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset("of and the for in on a an to with at by or from as into its".split())


@dataclass(slots=True)
class _Patterns:
    heads: dict[str, str]
    plural_heads: dict[str, str]
    legal_suffix: re.Pattern
    descriptive: re.Pattern
    descriptive_types: dict[str, str]
    levels: dict[str, str]
    generic: frozenset[str]
    stops: frozenset[str]
    list_trigger: re.Pattern
    list_types: dict[str, str]
    possessed: re.Pattern
    company_verb: re.Pattern
    programme_after: re.Pattern
    programme_before: re.Pattern
    programme_nouns: frozenset[str]
    government: re.Pattern
    not_starts: frozenset[str]
    time_words: frozenset[str]
    company_before: re.Pattern


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    raw = yaml.safe_load(resources.files("policylens.extraction").joinpath("data/entity_patterns.yaml")
                         .read_text(encoding="utf-8"))
    heads = {w: t for t, words in raw["heads"].items() for w in words}
    descriptive_types = {w: t for t, words in raw["descriptive_heads"].items() for w in words}
    list_types = {w: t for t, words in raw["list_triggers"].items() for w in words}
    return _Patterns(
        heads=heads,
        plural_heads=dict(raw["plural_heads"]),
        legal_suffix=re.compile(raw["legal_suffix"]),
        descriptive=re.compile(r"\b(" + _alternation(descriptive_types) + r")(?![\w-])"),
        descriptive_types={k.replace(" ", ""): v for k, v in descriptive_types.items()} | descriptive_types,
        levels={w: level for level, words in raw["levels"].items() for w in words},
        generic=frozenset(raw["generic_descriptors"]),
        stops=frozenset(raw["descriptor_stops"]),
        list_trigger=re.compile(r"\b(" + _alternation(list_types) + r")\b[\s,]*(?:" +
                                _alternation(raw["list_markers"]) + r")\s+|\bled\s+by\s+", re.I),
        list_types=list_types,
        possessed=re.compile(r"['’]s\s+(?:[\w&-]+\s+){0,4}?(?:" + _alternation(raw["possessed_by_companies"]) +
                             r")\b", re.I),
        company_verb=re.compile(r"\s+(?:(?:" + _alternation(raw["company_verb_adverbs"]) + r")\s+){0,2}(?:" +
                                _alternation(raw["company_verbs"]) + r")\b"),
        programme_after=re.compile(r"\s*((?:[a-z][\w-]*\s+){0,2}?)(" + _alternation(raw["programme_nouns"]) +
                                   r")\b", re.I),
        programme_before=re.compile(r"(?:" + _alternation(raw["programme_intros"]) + r")[\s,]*$", re.I),
        programme_nouns=frozenset(raw["programme_nouns"]),
        government=re.compile(r"\s+((?:" + _alternation(raw["government_descriptors"]) + r")\s+)?(" +
                              _alternation(raw["government_nouns"]) + r")\b"),
        not_starts=frozenset(raw["not_name_starts"]),
        time_words=frozenset(raw["time_words"]),
        company_before=re.compile(r"(?<![\w-])(?:" + _alternation(raw["company_appositives"]) + r"),?\s+$"),
    )


@dataclass(slots=True)
class _Found:
    """One reading of a name at one place in the text."""

    type: str
    name: str
    start: int
    end: int
    how: str
    attributes: dict = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    key: str | None = None


class _Tokens:
    """The document's word tokens with what lies between them."""

    def __init__(self, text: str):
        self.text = text
        matches = list(TOKEN.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.words = [m.group() for m in matches]
        self.lower = [w.lower() for w in self.words]
        self.cap = [w[0].isupper() or (w[0].isdigit() and any(c.isalpha() for c in w)) for w in self.words]
        self._long_line: dict[int, bool] = {}
        self._inner_words: set[str] | None = None

    def name_like(self, first: int, last: int) -> bool:
        """Whether capitals at first..last say "name": true unless it is one ordinary word
        that starts a sentence and is never capitalised inside one ("Key projects include ...")."""
        if first != last:
            return True
        word = self.words[first]
        if word.isupper() or any(c.isupper() for c in word[1:]) or not self._sentence_initial(first):
            return True
        if self._inner_words is None:
            self._inner_words = {w for k, w in enumerate(self.words) if not self._sentence_initial(k)}
        return word in self._inner_words

    def _sentence_initial(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.gap(i - 1)
        if gap == " ":
            return False  # the usual case, decided without stripping
        return "\n" in gap or gap.strip(" \t\"“‘'(")[-1:] in (".", "!", "?", ":")

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, i: int) -> str:
        """The text between token i and token i + 1."""
        return self.text[self.ends[i]:self.starts[i + 1]] if i + 1 < len(self.words) else ""

    def joins(self, i: int) -> str | None:
        """How token i joins the next inside a name: " ", "-", "" or None.

        A line break joins only inside hard-wrapped prose (a long line), never
        in menus or between a headline and the line after it.
        """
        gap = self.gap(i)
        if "\n" in gap:
            if not gap.isspace() or gap.count("\n") > 2 or not self._in_long_line(i):
                return None
            return " "
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


def find_entities(document: Document, index: TextIndex) -> list[Entity]:
    text = document.text
    if not text:
        return []
    tokens = _Tokens(text)
    titles = _title_lines(text, index)
    chunks = list(_chunks(tokens, _patterns()))
    found, named = _named(tokens, titles, chunks)
    found += _descriptive(tokens)
    found += _quoted(text)
    found += _lists(tokens, titles)
    found += _by_context(tokens, titles, found, chunks, named)
    places = _places(tokens, index, titles)
    found += _governments_of_places(text, places)
    found += _unlisted_places(text, places)
    return _assemble(text, found, places)


# ---------------------------------------------------------------- headlines and menus

def _title_lines(text: str, index: TextIndex) -> list[tuple[int, int]]:
    """Lines written in title case (headlines, menus, section headings).

    Every word is capitalised there, so capitals say nothing about names; no
    new name is taken from them, though names found elsewhere are mentioned.
    """
    out = []
    paragraphs = index.paragraphs
    for k, (start, end) in enumerate(paragraphs):
        words = [w for w in _LINE_WORDS.findall(text, start, end) if w.lower() not in _SMALL_WORDS]
        if len(words) < 2 or sum(w[0].isupper() for w in words) < 0.75 * len(words):
            continue
        line = text[start:end]
        sentence = line.endswith((".", "。", "!", "?", ";")) and end - start >= 60 or ". " in line
        # A hard-wrapped sentence runs on into the next line; a headline does not.
        wrapped = end - start >= 60 and k + 1 < len(paragraphs) and \
            paragraphs[k + 1][1] - paragraphs[k + 1][0] >= 60 and not line.endswith((".", ":", "!", "?"))
        if not sentence and not wrapped:
            out.append((start, end))
    return out


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_left(spans, (pos + 1,)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# ---------------------------------------------------------------- capitalised names

@dataclass(slots=True)
class _Chunk:
    """A run of capitalised words with the small words and brackets inside names."""

    first: int
    last: int
    start: int
    end: int
    connectors: dict[int, str]  # token index -> connector word at that index
    period: str | None = None
    legal: bool = False


def _chunk_at(tokens: _Tokens, i: int, p: _Patterns) -> _Chunk | None:
    """The capitalised name that starts at token i, or None."""
    n = len(tokens)
    while i < n and tokens.cap[i] and tokens.lower[i] in p.not_starts and tokens.joins(i) == " ":
        i += 1
    if i >= n or not tokens.cap[i] or tokens.lower[i] in p.not_starts:
        return None
    connectors: dict[int, str] = {}
    j = i
    while j + 1 < n:
        if p.legal_suffix.match(tokens.text, tokens.ends[j]):
            break
        how = tokens.joins(j)
        if how is not None and tokens.cap[j + 1]:
            j += 1
            continue
        if how == " ":
            k = j + 1
            words = []
            while k < n and not tokens.cap[k] and tokens.lower[k] in _COMPLEMENT_CONNECTORS and len(words) < 2 \
                    and tokens.joins(k) == " ":
                words.append(k)
                k += 1
            allowed = _COMPLEMENT_CONNECTORS if any(c in _ATTACHING for c in connectors.values()) else _CONNECTORS
            if words and k < n and tokens.cap[k] and all(tokens.lower[w] in allowed for w in words) \
                    and tokens.lower[k] not in p.time_words:
                for w in words:
                    connectors[w] = tokens.lower[w]
                j = k
                continue
        gap = tokens.gap(j)
        if gap.strip() == "(" and j + 2 < n and tokens.gap(j + 1).startswith(")"):
            acronym = tokens.words[j + 1]
            if acronym.isupper() or tokens.cap[j + 1]:
                after = tokens.gap(j + 1)
                if after in (") ",) and j + 2 < n and tokens.cap[j + 2]:
                    j += 2
                    continue
        break
    chunk = _Chunk(i, j, tokens.starts[i], tokens.ends[j], connectors)
    text = tokens.text
    m = _PERIOD.match(text, chunk.end)
    if m:
        chunk.period, chunk.end = m.group(1), m.end()
    else:
        m = p.legal_suffix.match(text, chunk.end)
        if m:
            chunk.legal, chunk.end = True, m.end()
            chunk.last = max(chunk.last, tokens.at(m.end()) - 1)
    return chunk


def _named(tokens: _Tokens, titles: list[tuple[int, int]], chunks: list[_Chunk]) -> tuple[list[_Found], set[int]]:
    """Names read from their heads, and the chunks (by first token) that gave any, which
    _by_context then need not read again."""
    p = _patterns()
    out: list[_Found] = []
    named: set[int] = set()
    for chunk in chunks:
        if not _in_spans(titles, chunk.start):
            entities = _chunk_entities(tokens, chunk, p)
            if entities:
                named.add(chunk.first)
            out += entities
    return out, named


def _chunks(tokens: _Tokens, p) -> Iterator[_Chunk]:
    """Each run of capitalised words that may be a name, left to right, never overlapping."""
    i = 0
    n = len(tokens)
    while i < n:
        if not tokens.cap[i]:
            i += 1
            continue
        chunk = _chunk_at(tokens, i, p)
        if chunk is None:
            i += 1
            continue
        yield chunk
        i = max(chunk.last + 1, i + 1)


def _head_of(tokens: _Tokens, first: int, last: int, p: _Patterns) -> tuple[str, str] | None:
    """(type, head word) when tokens first..last end in a head, else None."""
    if last > first:
        two = tokens.text[tokens.starts[last - 1]:tokens.ends[last]].lower().replace("’", "'")
        two = _WS.sub(" ", two)
        if two in p.heads:
            return p.heads[two], two
    word = tokens.lower[last]
    if word in p.heads:
        return p.heads[word], word
    if word in p.plural_heads:
        singular = p.plural_heads[word]
        return p.heads.get(singular, "programme"), word
    return None


def _segments(chunk: _Chunk) -> list[tuple[int, int, str | None]]:
    """(first, last, connector before it) for each run of capitalised words."""
    out = []
    start = chunk.first
    before = None
    k = chunk.first
    prev_last = None  # the last capitalised word seen, where a segment ends
    while k <= chunk.last:
        if k in chunk.connectors:
            words = []
            while k in chunk.connectors:
                words.append(chunk.connectors[k])
                k += 1
            if prev_last is not None and prev_last >= start:
                out.append((start, prev_last, before))
            before = " ".join(words)
            start = k
            continue
        prev_last = k
        k += 1
    out.append((start, chunk.last, before))
    return out


def _chunk_entities(tokens: _Tokens, chunk: _Chunk, p: _Patterns) -> list[_Found]:
    segments = _segments(chunk)
    heads = [_head_of(tokens, a, b, p) for a, b, _ in segments]
    if chunk.legal:
        heads[-1] = ("company", "legal")
    out: list[_Found] = []
    s = 0
    while s < len(segments):
        h = next((k for k in range(s, len(segments)) if heads[k]), None)
        if h is None:
            break
        start_seg = s
        for k in range(s + 1, h + 1):
            if segments[k][2] != "and":
                start_seg = k
        end_seg = h
        if h + 1 < len(segments) and (segments[h + 1][2] or "").split()[0] in _ATTACHING:
            end_seg = h + 1
            while end_seg + 1 < len(segments):
                nxt = segments[end_seg + 1]
                if nxt[2] and nxt[2].startswith("and") and any(heads[end_seg + 1:]):
                    break
                end_seg += 1
        htype, hword = heads[h]
        first, last = segments[start_seg][0], segments[end_seg][1]
        start, end = tokens.starts[first], tokens.ends[last]
        if end_seg == len(segments) - 1:
            end = chunk.end
        if chunk.period and htype != "programme" and end == chunk.end:
            end = tokens.ends[last]
        name = _clean(tokens.text[start:end])
        nwords = last - first + 1
        if hword in p.plural_heads:
            if start_seg < h:
                out += _split_coordination(tokens, segments, start_seg, h, htype, hword, start, end, p)
        elif nwords >= 2 or chunk.legal:
            found = _Found(htype, name, start, end, "legal" if chunk.legal else "head")
            if chunk.period and htype == "programme":
                found.attributes["period"] = chunk.period
            acronym = _ACRONYM_PAREN.search(name)
            if acronym:
                short = _clean(acronym.group(1) + name[acronym.end():])
                found.aliases.append(short if short != acronym.group(1) else acronym.group(1))
            m = _DEFINED_AS.match(tokens.text, end)
            if m and m.group(1)[0].isupper():
                found.aliases.append(m.group(1))
            out.append(found)
            if htype == "programme" and end_seg > h:
                out += _nested(tokens, segments[h + 1:end_seg + 1], p)
        s = end_seg + 1
    return out


def _nested(tokens: _Tokens, segments, p: _Patterns) -> list[_Found]:
    """Parks, clusters and bodies named inside a programme's title ("Policies on X Park Development")."""
    out = []
    for a, b, _ in segments:
        for k in range(b, a, -1):
            head = _head_of(tokens, a, k, p)
            if head and head[0] in ("park", "cluster", "institution", "government") and head[1] not in p.plural_heads:
                start, end = tokens.starts[a], tokens.ends[k]
                out.append(_Found(head[0], _clean(tokens.text[start:end]), start, end, "head"))
                break
    return out


def _split_coordination(tokens, segments, start_seg, h, htype, hword, start, end, p) -> list[_Found]:
    """"A and B National SME Specialty Industrial Clusters" -> one cluster for A, one for B."""
    a, b, _ = segments[h]
    tail_from = next((k for k in range(a, b + 1) if tokens.lower[k] in p.levels or
                      tokens.lower[k] in p.generic or tokens.words[k].isupper() and k > a), b)
    tail = _clean(tokens.text[tokens.starts[tail_from]:tokens.ends[b]])
    singular = p.plural_heads[hword]
    tail = tail[: len(tail) - len(hword)] + (singular.capitalize() if tokens.words[b][0].isupper() else singular)
    parts = [(segments[k][0], segments[k][1]) for k in range(start_seg, h)] + [(a, tail_from - 1)]
    out = []
    for first, last in parts:
        if last < first:
            continue
        lead = _clean(tokens.text[tokens.starts[first]:tokens.ends[last]])
        out.append(_Found(htype, f"{lead} {tail}", start, end, "head"))
    return out


def _clean(name: str) -> str:
    return _WS.sub(" ", name).strip(" ,;:")


# ---------------------------------------------------------------- descriptive lower-case names

def _descriptive(tokens: _Tokens) -> list[_Found]:
    p = _patterns()
    text = tokens.text
    out: list[_Found] = []
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
            if not (level and items and (content or prefix_first is not None)):
                continue
        elif not content or not (definite or level) or (counted and not (level and items)) or \
                len(content) < 2 and not level and prefix_first is None:
            continue
        first = prefix_first if prefix_first is not None else (desc[-1] if desc else h)
        start = tokens.starts[first]
        lead = _clean(text[start:m.start()])
        singular = p.plural_heads.get(head, head) if plural else head
        connector = "of" if complement == "of" else "for"
        end = m.end() if not items else items[-1][1]
        names = [f"{lead} {singular} {connector} {text[a:b]}" for a, b in items] if plural else \
            [f"{lead} {singular}" + (f" {connector} {text[items[0][0]:items[-1][1]]}" if items else "")]
        for name in names:
            found = _Found(htype, _clean(name), start, end, "descriptive")
            if level:
                found.attributes["level"] = level
            out.append(found)
    return out


def _descriptors(tokens: _Tokens, h: int, p: _Patterns) -> tuple[list[int], list[str], int | None, int]:
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
        parts = tokens.words[a:k + 1]
        word = "-".join(parts).lower()
        if any(c.isdigit() for c in word):
            k = a - 1
            break
        if any(w[0].isupper() for w in parts):
            if all(w[0].isupper() for w in parts) and tokens.lower[a] not in p.not_starts:
                j = a
                while j > 0 and tokens.joins(j - 1) in ("-", " ") and tokens.cap[j - 1] and \
                        tokens.lower[j - 1] not in p.not_starts:
                    j -= 1
                name = tokens.text[tokens.starts[j]:tokens.ends[k]]
                if _has_place(name) or "-" in name:
                    return desc, words, j, j - 1
            break
        if not word.isascii() or word.endswith("est") or word in p.stops and not (
                word == "and" and words and a > 0 and not tokens.cap[a - 1] and tokens.lower[a - 1] not in p.stops):
            break
        desc.append(a)
        words.append(word)
        k = a - 1
    return desc, words, None, k


_COMPLEMENT = re.compile(r"\s+(of|for|focusing on|focused on|focusing|specializing in|specialising in|"
                         r"dedicated to)\s+")
_COMPLEMENT_WORD = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+|\s+|-)?([A-Za-z][\w-]*)")


def _complement(text: str, pos: int, p: _Patterns) -> tuple[str | None, list[tuple[int, int]]]:
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
        sep = text[pos:w.start(1)]
        if word.lower() in p.stops and word.lower() != "and" or word[0].isupper() and not word.isupper() \
                or word.lower() in ("along", "which", "that", "who", "while"):
            break
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


def _has_place(name: str) -> bool:
    gaz = load_gazetteer()
    return any(_plain_place(gaz.by_name.get(tok.group().lower())) for tok in TOKEN.finditer(name))


def _plain_place(entries) -> bool:
    """Whether a name is a place without support from the text (not "Temple", "Mobile")."""
    return bool(entries) and any(pl.support is None for pl, _ in entries)


# ---------------------------------------------------------------- quoted programme names

def _quoted(text: str) -> list[_Found]:
    p = _patterns()
    out: list[_Found] = []
    run: list[re.Match] = []
    for m in _QUOTED.finditer(text):
        run.append(m)
        inner = _clean(m.group(1))
        after = p.programme_after.match(text, m.end())
        joined = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)[\"“]", text[m.end():m.end() + 8])
        if joined:
            continue
        before = p.programme_before.search(text, max(0, run[0].start() - 40), run[0].start())
        own_head = inner.split()[-1].lower() in p.heads and p.heads[inner.split()[-1].lower()] == "programme"
        if after or before or own_head:
            for q in run:
                name = _clean(q.group(1))
                if not any(c.isalpha() for c in name) and after:
                    name = _clean(f"{name} {after.group(1)}{after.group(2)}")
                    end = after.end()
                else:
                    end = q.end() - 1
                if any(c.isalpha() for c in name) and not _sentence_like(name):
                    out.append(_Found("programme", name, q.start() + 1, end, "quoted"))
        run = []
    return out


def _sentence_like(name: str) -> bool:
    """A quotation (someone's words) rather than a name."""
    words = name.split()
    return len(words) > 12 or name.endswith((".", "!", "?"))


# ---------------------------------------------------------------- lists and context

def _lists(tokens: _Tokens, titles: list[tuple[int, int]]) -> list[_Found]:
    p = _patterns()
    text = tokens.text
    out: list[_Found] = []
    for m in p.list_trigger.finditer(text):
        if _in_spans(titles, m.start()):
            continue
        kind = p.list_types.get((m.group(1) or "").lower(), "company")
        pos = m.end()
        while True:
            if text.startswith("the ", pos):
                pos += 4
            i = tokens.at(pos)
            if i >= len(tokens) or tokens.starts[i] != pos:
                break
            chunk = _chunk_at(tokens, i, p) if tokens.cap[i] else None
            if chunk is None or chunk.start != pos:
                if m.group(0).lower().startswith("led"):
                    break
                skip = re.match(r"[a-z][\w -]{0,60}?(?=,\s|\s+and\s)", text[pos:pos + 64])
                if not skip:
                    break
                pos += skip.end()
            else:
                named = _chunk_entities(tokens, chunk, p)
                out += named
                # "Dongshan Motors and Hexi Pumps": a part the heads did not name is still a list item.
                for first, last, _ in _and_parts(chunk):
                    start, end = tokens.starts[first], tokens.ends[last]
                    if last == chunk.last:
                        end = chunk.end
                    if not _is_place(text[start:end]) and not any(f.start < end and start < f.end for f in named):
                        out.append(_Found(kind, _clean(text[start:end]), start, end, "list"))
                pos = chunk.end
            sep = re.match(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s*、\s*", text[pos:pos + 16])
            if not sep or m.group(0).lower().startswith("led"):
                break
            pos += sep.end()
    return out


def _and_parts(chunk: _Chunk) -> list[tuple[int, int, None]]:
    """A headless run of names split at "and": "Bosch and Valeo" is two names."""
    parts = []
    first = chunk.first
    for k in sorted(chunk.connectors):
        if chunk.connectors[k] == "and" and k - 1 >= first:
            parts.append((first, k - 1, None))
            first = k + 1
    parts.append((first, chunk.last, None))
    return [(a, b, c) for a, b, c in parts if a <= b]


def _is_place(name: str) -> bool:
    key = name_key(name)
    return bool(key and _plain_place(load_gazetteer().by_name.get(key)))


def _by_context(tokens: _Tokens, titles, found: list[_Found], chunks: list[_Chunk], named: set[int]) -> list[_Found]:
    """Companies known only by what is said of them: a possessive facility, a corporate verb,
    or a programme noun after the name ("FAME initiative", "A and B programmes").

    ``chunks`` are the document's chunks and ``named`` those that _named read a name from."""
    p = _patterns()
    text = tokens.text
    known = {(f.start, f.end) for f in found}
    out: list[_Found] = []
    for chunk in chunks:
        if _in_spans(titles, chunk.start) or (chunk.start, chunk.end) in known:
            continue
        name = _clean(text[chunk.start:chunk.end])
        if _is_place(name) or chunk.first in named or not tokens.name_like(chunk.first, chunk.last):
            continue
        rest = text[chunk.end:chunk.end + 80]
        if p.possessed.match(rest):
            out.append(_Found("company", name, chunk.start, chunk.end, "possessive"))
            continue
        if p.company_before.search(text, max(0, chunk.start - 30), chunk.start):
            out.append(_Found("company", name, chunk.start, chunk.end, "appositive"))
            continue
        sentence_start = chunk.start == 0 or re.search(r"(?:[.!?]\s+|\n\s*|,\s+)$", text[max(0, chunk.start - 4):
                                                                                          chunk.start])
        if sentence_start and p.company_verb.match(rest):
            out.append(_Found("company", name, chunk.start, chunk.end, "verb"))
            continue
        prog = p.programme_after.match(rest)
        if prog and not prog.group(1) and prog.group(2).lower() in p.programme_nouns and \
                prog.group(2)[0].islower():
            noun = prog.group(2)
            if noun.endswith("s"):
                names = [(_clean(text[tokens.starts[a]:tokens.ends[b]]), tokens.starts[a], tokens.ends[b])
                         for a, b, _ in _and_parts(chunk)]
                names += _coordinated_before(tokens, chunk, p)
                out += [_Found("programme", nm, s, e, "descriptive") for nm, s, e in names]
            else:
                end = chunk.end + prog.end()
                out.append(_Found("programme", _clean(text[chunk.start:end]), chunk.start, end, "descriptive"))
    return out + _plans_for_named(tokens)


_PLAN_FOR = re.compile(r"\b((?:[a-z][\w-]*\s+){0,2}?)(plan|programme|program|scheme|strategy|policy)\s+"
                       r"(?:for|on|of)\s+(?:the\s+)?(?=[A-Z])")


def _plans_for_named(tokens: _Tokens) -> list[_Found]:
    """"the work plan for the X Industrial Park (2020-2025)": a plan named by what it is for and its period."""
    p = _patterns()
    text = tokens.text
    out = []
    for m in _PLAN_FOR.finditer(text):
        i = tokens.at(m.end())
        chunk = _chunk_at(tokens, i, p) if i < len(tokens) else None
        if chunk is None or chunk.start != m.end() or not chunk.period:
            continue
        words = m.group(1).split()
        while words and words[0].lower() in p.stops:
            words.pop(0)
        start = m.start(2) - sum(len(w) + 1 for w in words) if words else m.start(2)
        found = _Found("programme", _clean(text[start:chunk.end]), start, chunk.end, "descriptive")
        found.attributes["period"] = chunk.period
        out.append(found)
    return out


def _coordinated_before(tokens: _Tokens, chunk: _Chunk, p: _Patterns) -> list[tuple[str, int, int]]:
    """Names joined to this one by "and" or commas before it ("A, B and C programmes")."""
    out = []
    i = chunk.first
    while i > 0:
        gap = tokens.text[tokens.ends[i - 1]:tokens.starts[i]]
        if not re.fullmatch(r"\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+", gap) or gap.isspace():
            if gap.isspace() and i >= 2 and tokens.lower[i - 1] == "and":
                i -= 1
                continue
            break
        j = i - 1
        while j > 0 and tokens.cap[j - 1] and tokens.joins(j - 1) in ("-", " ", ""):
            j -= 1
        if not tokens.cap[j]:
            break
        name = _clean(tokens.text[tokens.starts[j]:tokens.ends[i - 1]])
        if name.lower() in p.not_starts:
            break
        out.append((name, tokens.starts[j], tokens.ends[i - 1]))
        i = j
    return out


# ---------------------------------------------------------------- places

@dataclass(slots=True)
class _PlaceMention:
    start: int
    end: int
    surface: str
    candidates: list[Place]
    suffixed: bool
    in_name: bool = False  # a word of a longer capitalised name ("Jinhua Lantern Optics")


_SUFFIX_WORDS = ("district", "county", "city", "province", "municipality", "prefecture", "region", "area",
                 "banner", "league", "sar", "state", "voivodeship", "department")


@dataclass(slots=True)
class _PlaceWords:
    after: frozenset[str]
    before: frozenset[str]


@lru_cache(maxsize=1)
def _place_words() -> _PlaceWords:
    raw = yaml.safe_load(resources.files("policylens.extraction").joinpath("data/world_place_guards.yaml")
                         .read_text(encoding="utf-8"))
    words = lambda k: frozenset(w.lower() for w in str(raw.get(k) or "").split())  # noqa: E731
    return _PlaceWords(after=words("after_place") | frozenset(_SUFFIX_WORDS) | _SMALL_WORDS,
                       before=words("before_place") | words("generic") | _SMALL_WORDS)


def _in_longer_name(tokens: _Tokens, first: int, last: int, candidates: list[Place],
                    titles: list[tuple[int, int]], starts: set[int], ends: set[int]) -> bool:
    """Whether the place name at tokens first..last is a word of a longer capitalised name.

    The corpus gold counts a place named only inside an organisation's or a
    company's name ("Qingdao Haier", "Shanghai Stock Exchange") as no place
    mention of its own.  Such a name goes on, after a plain space, with a
    capitalised word that is not a place, a title ("Governor"), a month or a
    connector ("of", "and").  A city or state abroad is also inside a name
    when a capitalised word stands right before it ("Acme Mobile"), unless
    that word is a direction or a connector ("Central Ohio", "In Reading"),
    or when "of" and a capitalised word follow it ("Union of ...").
    Headlines and menus say nothing: every word is capitalised there.
    """
    if _in_spans(titles, tokens.starts[first]):
        return False
    words = _place_words()
    k = last + 1
    if k < len(tokens) and tokens.gap(last) == " " and tokens.cap[k] and tokens.lower[k] not in words.after \
            and tokens.starts[k] not in starts:
        return True
    if not all(pl.level in ("city", "state") for pl in candidates):
        return False
    if first > 0 and tokens.gap(first - 1) == " " and tokens.cap[first - 1] \
            and tokens.lower[first - 1] not in words.before and tokens.ends[first - 1] not in ends:
        return True
    return k + 1 < len(tokens) and tokens.lower[k] == "of" and tokens.gap(last) == " " \
        and tokens.gap(k) == " " and tokens.cap[k + 1]


def _places(tokens: _Tokens, index: TextIndex, titles: list[tuple[int, int]] = ()) -> list[_PlaceMention]:
    gaz = load_gazetteer()
    text = tokens.text
    out: list[_PlaceMention] = []
    spans: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not tokens.cap[i]:
            i += 1
            continue
        longest = gaz.first_tokens.get(tokens.lower[i].replace("’", "'").replace(".", ""), 0)
        hit = None
        if longest:
            key = tokens.lower[i].replace("’", "'").replace(".", "")
            keys = [key]
            for j in range(i + 1, min(n, i + longest)):
                how = gap_kind(tokens.gap(j - 1))
                if how is None:
                    break
                key = f"{key}{how}{tokens.lower[j].replace('’', chr(39)).replace('.', '')}"
                keys.append(key)
            for j in range(len(keys) - 1, -1, -1):
                entries = gaz.by_name.get(keys[j])
                if not entries:
                    continue
                surface = text[tokens.starts[i]:tokens.ends[i + j]]
                entries = [(pl, caps) for pl, caps in entries if not caps or surface.replace(".", "").isupper()]
                if entries:
                    hit = (j, surface, [pl for pl, _ in entries])
                    break
        if hit is None:
            i += 1
            continue
        j, surface, candidates = hit
        end = tokens.ends[i + j]
        if candidates[0].level == "country" and _CURRENCY_AFTER.match(text, end + (text[end:end + 1] == ".")):
            i += j + 1
            continue
        suffixed = j > 0 and tokens.lower[i + j] in _SUFFIX_WORDS
        out.append(_PlaceMention(tokens.starts[i], end, surface, candidates, suffixed))
        spans.append((i, i + j))
        i += j + 1
    starts, ends = {m.start for m in out}, {m.end for m in out}
    for m, (first, last) in zip(out, spans):
        m.in_name = _in_longer_name(tokens, first, last, m.candidates, titles, starts, ends)
    return _resolve(out, gaz, text)


_AFTER_PLACE = re.compile(r",[ \t]*|[ \t]*\([ \t]*")
_BEFORE_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+$", re.I)
_SENTENCE_START = re.compile(r"(?:[.!?:][\"”’')]?\s+|\n\s*|^\s*)$")


def _supported(place: Place, m: _PlaceMention, text: str, by_start: dict[int, _PlaceMention],
               named: set[str], gaz) -> bool:
    """Whether a place whose name also reads as something else is meant here.

    Foreign names that are common English words or personal names ("Temple",
    "Mobile", "Reading", "Cleveland"), very short ("Of") or spelt like pinyin
    carry ``support="context"`` in the gazetteer; names made only of generic
    geographic words ("Central", "North West") carry ``support="explicit"``
    (scripts/build_gazetteer.py decides, from data/world_place_guards.yaml).
    Such a name is a place mention when

    - it is followed by ", <one of its ancestors>" or "(<ancestor>)":
      "Reading, Pennsylvania", "Mobile (Alabama)" — enough for both kinds;
      or it carries its suffix ("Hidalgo State");
    - for "context" only: "in", "at", "near" or "outside" stands right before
      it ("a plant in Reading"), or the document names its parent (a city's
      state, or its country where the gazetteer knows no state; a state's
      country) elsewhere as a place that needs no support (a document about
      Alabama may say "Mobile" alone) — but not at the start of a sentence,
      where every word is capitalised.

    Everything else with such a name is a word, a person or a company.
    """
    if place.support is None or m.suffixed:
        return True
    ancestors = {a.key for a in gaz.chain(place.parent)} if place.parent else set()
    after = _AFTER_PLACE.match(text, m.end)
    nxt = by_start.get(after.end()) if after else None
    if nxt is not None and any(c.key in ancestors for c in nxt.candidates):
        return True
    if place.support != "context":
        return False
    if _BEFORE_PLACE.search(text, max(0, m.start - 12), m.start):
        return True
    return place.parent in named and not _SENTENCE_START.search(text, max(0, m.start - 4), m.start) \
        and m.start > 0


def _resolve(mentions: list[_PlaceMention], gaz, text: str = "") -> list[_PlaceMention]:
    """Pick each mention's place: one whose ancestor the document names, else the most prominent.

    A county-level name shared by many counties, or a bare county name in a
    document that names none of its parents, is too weak to keep; so is a name
    that needs support from the text and has none (:func:`_supported`).
    """
    named = {m.candidates[0].key for m in mentions
             if m.candidates[0].level in ("province", "prefecture", "region", "state") and len(m.candidates) == 1
             and m.candidates[0].support is None and not m.in_name}
    # Places that need no support, named anywhere in the document: what supports the others.
    plain = {m.candidates[0].key for m in mentions
             if (len(m.candidates) == 1 or m.candidates[0].level == "country")
             and m.candidates[0].support is None and not m.in_name}
    by_start = {m.start: m for m in mentions}
    out = []
    for m in mentions:
        candidates = [pl for pl in m.candidates if _supported(pl, m, text, by_start, plain, gaz)]
        if not candidates:
            continue
        m.candidates = candidates
        in_context = [pl for pl in m.candidates if any(a.key in named for a in gaz.chain(pl.parent or ""))]
        # A name shared abroad ("Santa Catarina", a city in Mexico and a state of Brazil):
        # the one in a country the document names.  A country keeps its name ("Mexico").
        abroad = [pl for pl in m.candidates if pl.level in ("city", "state") and pl.parent
                  and any(a.key in plain for a in gaz.chain(pl.parent) if a.level == "country")] \
            if m.candidates[0].level != "country" else []
        best = in_context[0] if in_context else abroad[0] if abroad and len(abroad) < len(m.candidates) \
            else m.candidates[0]
        if best.level == "county":
            if best.needs_suffix and not m.suffixed:
                continue
            if not in_context and not m.suffixed:
                continue
        m.candidates = [best]
        out.append(m)
    return out


def _unlisted_places(text: str, places: list[_PlaceMention]) -> list[_Found]:
    """A town or port the gazetteer lacks, written "in X, <known place>" ("in Shatian, Dongguan")."""
    p = _patterns()
    by_start = {m.start: m for m in places}
    out = []
    for m in re.finditer(r"\bin ([A-Z][a-z]{2,}), (?=[A-Z])", text):
        parent = by_start.get(m.end())
        word = m.group(1)
        if parent is None or word.lower() in p.not_starts or _is_place(word) or m.start(1) in by_start:
            continue
        found = _Found("place", word, m.start(1), m.end(1), "context")
        found.attributes["located_in"] = parent.candidates[0].name
        out.append(found)
    return out


def _governments_of_places(text: str, places: list[_PlaceMention]) -> list[_Found]:
    """"Wuxi municipal government", "Qingdao Municipal People's Government"."""
    p = _patterns()
    out = []
    for m in places:
        g = p.government.match(text, m.end)
        if g and (g.group(1) or g.group(2).lower() != "committee"):
            name = _clean(text[m.start:g.end()])
            found = _Found("government", name, m.start, g.end(), "head" if name[-1].isupper() else "descriptive")
            found.attributes["located_in"] = m.candidates[0].name
            out.append(found)
    return out


# ---------------------------------------------------------------- one entity per thing

def _merge_key(name: str) -> str:
    s = _HI_TECH.sub("high-tech", name.lower().replace("’", "'"))
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\b(?:co|ltd|limited|inc|corp|corporation|group|the|company|holdings)\b", " ", s)
    return " ".join(s.split())


def _assemble(text: str, found: list[_Found], places: list[_PlaceMention]) -> list[Entity]:
    gaz = load_gazetteer()
    place_keys = {name_key(m.surface) for m in places} - {None}
    entities: dict[str, Entity] = {}
    strength: dict[str, int] = {}
    seen: dict[str, set[tuple[int, int]]] = {}  # each entity's mentions, for a membership test in constant time
    for f in found:
        if f.type != "place" and name_key(f.name) in place_keys:
            continue
        key = _merge_key(f.name)
        if not key:
            continue
        e = entities.get(key)
        if e is None:
            e = entities[key] = Entity(f.type, f.name, [], dict(f.attributes), [])
            strength[key] = _STRENGTH.get(f.how, 1)
        elif _STRENGTH.get(f.how, 1) > strength[key]:
            e.type, strength[key] = f.type, _STRENGTH.get(f.how, 1)
        for k, v in f.attributes.items():
            e.attributes.setdefault(k, v)
        if (f.start, f.end) not in seen.setdefault(key, set()):
            seen[key].add((f.start, f.end))
            e.mentions.append((f.start, f.end))
        for a in f.aliases:
            if a not in e.aliases and a != e.name:
                e.aliases.append(a)
    named = _fold_short_forms(list(entities.values()))
    _add_mentions(text, named)
    covered = sorted(m for e in named for m in e.mentions)
    out = [_place_entity(gaz, key, ms) for key, ms in _group_places(places, covered, text).items()]
    for e in named:
        if e.type != "place":
            _describe(e, gaz, places)
        e.mentions.sort()
    return out + named


def _fold_short_forms(entities: list[Entity]) -> list[Entity]:
    """One entity for "Midea Group" and "Midea", or "Linhai Ningbo Beilun tyre project" and
    "Beilun tyre project": a shorter name of the same type that is the longer one's core."""
    entities.sort(key=lambda e: -len(e.name))
    kept: list[Entity] = []
    for e in entities:
        key = _merge_key(e.name)
        home = None
        for k in kept:
            kk = _merge_key(k.name)
            same_group = _group(k.type) == _group(e.type)
            if same_group and (kk.startswith(key + " ") and k.type == "company" or
                               kk.endswith(" " + key) and e.type == "programme" and len(key.split()) >= 2 or
                               key in (_merge_key(a) for a in k.aliases)):
                home = k
                break
        if home is None:
            kept.append(e)
            continue
        known = set(home.mentions)
        home.mentions += [m for m in e.mentions if m not in known]
        if e.name not in home.aliases:
            home.aliases.append(e.name)
    return kept


def _group(entity_type: str) -> str:
    return "org" if entity_type in ("company", "government", "platform", "institution") else entity_type


def _add_mentions(text: str, entities: list[Entity]) -> None:
    """Every occurrence of each entity's names, longest names first, no overlaps within an entity."""
    forms: dict[str, Entity] = {}
    for e in entities:
        for form in (e.name, *e.aliases):
            if len(form) >= 2 and form not in forms:
                forms[form] = e
        if e.type == "company":
            core = re.sub(r"\s*(?:\((?:[^)]*)\)\s*)?(?:Co\.,?\s*Ltd\.?|Company Limited|Holdings|Group|Limited|Inc\.|"
                          r"Corporation|Co\.)(?:\s+(?:Co\.,?\s*Ltd\.?|Company Limited|Limited))?\s*$", "", e.name)
            if core and core != e.name and not _is_place(core) and core not in forms:
                forms[core] = e
                e.aliases.append(core)
    if not forms:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
        r"\s+".join(map(re.escape, f.split())) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    # The matches of one finditer never overlap, so a new span can only lie inside a mention the entity
    # had before this pass: those are sorted once and looked up by bisection.
    before = {id(e): _Covering(e.mentions) for e in entities}
    for m in pattern.finditer(text):
        e = forms.get(_WS.sub(" ", m.group())) or forms.get(m.group())
        if e is None:
            continue
        if not before[id(e)].covers(m.start(), m.end()):
            e.mentions.append((m.start(), m.end()))


class _Covering:
    """Spans sorted by start, asked whether one of them covers a span, in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = max((t - s for s, t in self.spans), default=0)

    def covers(self, start: int, end: int) -> bool:
        first = bisect_left(self.starts, end - self.reach)
        last = bisect_right(self.starts, start)
        return any(end <= t for _, t in self.spans[first:last])


def _group_places(places: list[_PlaceMention], covered: list[tuple[int, int]],
                  text: str = "") -> dict[str, list[_PlaceMention]]:
    """Places by key, leaving out those only ever named inside another name ("Shanghai Stock Exchange").

    A place that a descriptive, lower-case name goes on from ("the Jinhua lamp
    cluster") is named in its own right: the gold counts it.
    """
    starts = [s for s, _ in covered]
    groups: dict[str, list[_PlaceMention]] = {}
    for m in places:
        groups.setdefault(m.candidates[0].key, []).append(m)

    def inside(m: _PlaceMention) -> bool:
        if m.in_name:
            return True
        i = bisect_left(starts, m.start + 1) - 1
        while i >= 0:
            s, e = covered[i]
            if s <= m.start and m.end <= e and (s, e) != (m.start, m.end):
                return not _DESCRIBED.match(text, m.end, e)
            if e < m.start and i < len(covered) - 1 and starts[i] < m.start - 400:
                break
            i -= 1
        return False

    return {key: ms for key, ms in groups.items() if not all(inside(m) for m in ms)}


_DESCRIBED = re.compile(r" (?:[a-z][\w-]*)")


def _place_entity(gaz, key: str, mentions: list[_PlaceMention]) -> Entity:
    place = mentions[0].candidates[0]
    surfaces = list(dict.fromkeys(_WS.sub(" ", m.surface) for m in mentions))
    # Written only in capitals ("WROCLAW" in a dateline): the gazetteer's spelling of what is written.
    as_written = [v for v in (place.name, *place.variants)
                  if not v.replace(".", "").isupper() and name_key(v) == name_key(surfaces[0])]
    readable = [s for s in surfaces if not s.isupper()] or as_written[:1] or [place.name]
    name = max(readable, key=len)
    attributes: dict = {"level": place.level}
    parent = gaz.parent_name(key)
    if parent:
        attributes["located_in"] = parent
    return Entity("place", name, [(m.start, m.end) for m in mentions], attributes,
                  [s for s in surfaces if s != name], key)


def _describe(e: Entity, gaz, places: list[_PlaceMention]) -> None:
    """Level, location and focus that the name itself states."""
    lower = e.name.lower()
    if "level" not in e.attributes:
        for word, level in _patterns().levels.items():
            if re.search(rf"\b{re.escape(word)}\b", lower):
                e.attributes["level"] = level
                break
    if "located_in" not in e.attributes and e.mentions:
        start, end = e.mentions[0]
        inside = [m for m in places if start <= m.start and m.end <= end]
        if inside:
            e.attributes["located_in"] = inside[0].candidates[0].name
    focus = industries_in(e.name)
    if focus:
        e.attributes["focus"] = focus
