"""One entity per thing: readings merged by name, short forms folded in, every mention found."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from policylens.extraction.entities.patterns import patterns
from policylens.extraction.entities.places import PlaceMention, is_place
from policylens.extraction.entities.tokens import WS, Found
from policylens.extraction.gazetteer import load as load_gazetteer
from policylens.extraction.gazetteer import name_key
from policylens.extraction.industries import industries_in
from policylens.model import Entity

# A type's strength decides between two readings of the same name.
_STRENGTH = {"head": 3, "legal": 3, "quoted": 2, "descriptive": 2, "list": 1, "possessive": 1, "verb": 1}
# "U.S.", "UK", "EU": an abbreviation is written in capitals, not shouted like a dateline.
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}")
_HI_TECH = re.compile(r"\bhi(?:gh)?[\s-]?tech\b")


# "A and B C D": one capitalised word, then "and", then a name of two words or more.
_JOINED = re.compile(r"([A-Z][\w'-]+) and ([A-Z][\w'-]*(?: [\w'-]+)+)$")
_PUNCTUATION = re.compile(r"[^\w\s]")
_GENERIC_WORDS = re.compile(r"\b(?:co|ltd|limited|inc|corp|corporation|group|the|company|holdings)\b")


# A body named for its place after "of": "Board of Investment of Thailand" is the "Thailand Board of Investment".
_OF_PLACE = re.compile(r"(?P<body>.+?) of (?:the )?(?P<place>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)")


@lru_cache(maxsize=8192)
def _merge_key(name: str) -> str:
    """A name as merging compares it; cached, as folding short forms asks it of every pair of entities."""
    of_place = _OF_PLACE.fullmatch(name)
    if of_place and is_place(of_place.group("place")):
        name = f"{of_place.group('place')} {of_place.group('body')}"
    s = _HI_TECH.sub("high-tech", name.lower().replace("’", "'"))
    s = _PUNCTUATION.sub(" ", s)
    s = _GENERIC_WORDS.sub(" ", s)
    return patterns().legal_prefix.sub("", " ".join(s.split()))


def assemble(text: str, found: list[Found], places: list[PlaceMention]) -> list[Entity]:
    gaz = load_gazetteer()
    place_keys = {name_key(m.surface) for m in places} - {None}
    entities: dict[str, Entity] = {}
    strength: dict[str, int] = {}
    seen: dict[str, set[tuple[int, int]]] = {}  # each entity's mentions, for a membership test in constant time
    cut = _cut_short(found)
    for f in _parted(found):
        if f.type != "place" and name_key(f.name) in place_keys or (f.start, f.end, f.type) in cut:
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


def _parted(found: list[Found]) -> list[Found]:
    """ "Calderon and Cumberland Valley Technical College launched …" after "Calderon Magnetics": a word the
    story uses for a company it named, joined by "and" to a body's name, is that company, not part of the
    body's name."""
    firsts = {f.name.split(" ", 1)[0] for f in found if f.type == "company" and " " in f.name}
    out = []
    for f in found:
        m = _JOINED.match(f.name) if _group(f.type) == "org" else None
        if m and m.group(1) in firsts:
            cut = f.start + m.start(2)
            out.append(replace(f, name=m.group(2), start=cut))
        else:
            out.append(f)
    return out


def _cut_short(found: list[Found]) -> set[tuple[int, int, str]]:
    """Organisations read as the tail of a longer one at the same place: "People's Committee" in
    "Bac Ninh provincial People's Committee".  (A body named inside another, "the Planning Department
    of the Ministry of ...", starts and ends elsewhere and stays.)"""
    ends: dict[int, int] = {}
    for f in found:
        if _group(f.type) == "org":
            ends[f.end] = min(ends.get(f.end, f.start), f.start)
    return {(f.start, f.end, f.type) for f in found if _group(f.type) == "org" and ends[f.end] < f.start}


def _fold_short_forms(entities: list[Entity]) -> list[Entity]:
    """One entity for "Midea Group" and "Midea", "Metalúrgica Ferrado" and "Ferrado", or "Linhai Ningbo Beilun tyre project" and
    "Beilun tyre project": a shorter name of the same type that is the longer one's core."""
    entities.sort(key=lambda e: -len(e.name))
    kept: list[Entity] = []
    for e in entities:
        key = _merge_key(e.name)
        home = None
        for k in kept:
            kk = _merge_key(k.name)
            same_group = _group(k.type) == _group(e.type)
            if same_group and (
                kk.startswith(key + " ")
                and k.type == "company"
                or kk.endswith(" " + key)
                and e.type == k.type == "company"
                and not _placed_before(k.name, len(kk.split()) - len(key.split()))
                or kk.endswith(" " + key)
                and e.type == "programme"
                and len(key.split()) >= 2
                # "Department of Energy" after "U.S. Department of Energy": the body without its country's name
                or kk.endswith(" " + key)
                and e.type == k.type == "government"
                and len(key.split()) >= 2
                and _placed_before(k.name, len(kk.split()) - len(key.split()))
                or key in (_merge_key(a) for a in k.aliases)
            ):
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


def _placed_before(name: str, count: int) -> bool:
    """Whether the first ``count`` words of a name are a place: "Changsha BYD Company" is BYD's
    Changsha subsidiary, another company than BYD."""
    words = name.split()[:count]
    return any(is_place(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, len(words) + 1))


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
            core = patterns().short_name_end.sub("", e.name)
            if core and core != e.name and not is_place(core) and core not in forms:
                forms[core] = e
                e.aliases.append(core)
        elif e.type == "park":
            # "Kulim Ridge" for "Kulim Ridge Technology Park": two capitalised words or more that name no place
            core = patterns().park_short_name_end.sub("", e.name)
            words = core.split()
            if (
                core != e.name
                and len(words) >= 2
                and all(w[0].isupper() for w in words)
                and not is_place(core)
                and core not in forms
            ):
                forms[core] = e
                e.aliases.append(core)
    for word, e in _first_word_names(text, entities).items():
        if word not in forms:
            forms[word] = e
            e.aliases.append(word)
    if not forms:
        return
    # The matches of one scan never overlap, so a new span can only lie inside a mention the entity
    # had before this pass: those are sorted once and looked up by bisection.
    before = {id(e): _Covering(e.mentions) for e in entities}
    for start, end in _occurrences(text, forms):
        found = text[start:end]
        named = forms.get(WS.sub(" ", found)) or forms.get(found)
        if named is not None and not before[id(named)].covers(start, end):
            named.mentions.append((start, end))


def _first_word_names(text: str, entities: list[Entity]) -> dict[str, Entity]:
    """A company's first word where the story calls it by that alone ("Brennwald Antriebstechnik … Brennwald,
    which is based in …"): a coined word, not a place, not a word the text also writes in lower case, not a
    common opener of company names, and the first word of no other entity. Its first two words too, for a
    name of three words or more ("Prairie Silicon Packaging Inc. … Prairie Silicon, founded in 2019, …")."""
    p = patterns()
    firsts: dict[str, list[Entity]] = {}
    for e in entities:
        words = e.name.split()
        if len(words) >= 2:
            firsts.setdefault(words[0], []).append(e)
        if len(words) >= 3 and e.type == "company" and words[1][:1].isupper() and words[1].isalpha():
            firsts.setdefault(" ".join(words[:2]), []).append(e)
    out: dict[str, Entity] = {}
    lower_words: set[str] | None = None  # the words the text writes in lower case, read when first needed
    for word, owners in firsts.items():
        if len(owners) != 1 or owners[0].type != "company" or len(word) < 4 or not word[0].isupper():
            continue
        if not word.replace("-", "").replace(" ", "").isalpha() or word.isupper() or word.lower() in p.not_starts:
            continue
        if word.lower() in p.common_first_words or is_place(word):
            continue
        if lower_words is None:
            lower_words = set(_LOWER_WORD.findall(text))
        if word.lower() in lower_words or not _written_alone(text, word):
            continue  # a word of the language, or never written alone
        out[word] = owners[0]
    return out


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]*")


def _written_alone(text: str, word: str) -> bool:
    """Whether ``word`` stands somewhere as a word of its own, not followed by another capitalised word."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        starts_word = at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")
        after = text[end : end + 2]
        ends_word = not (after[:1].isalnum() or after[:1] == "-")
        if starts_word and ends_word and not (after[:1].isspace() and after[1:2].isupper()):
            return True
        at = text.find(word, end)
    return False


def _occurrences(text: str, forms: dict[str, Entity], find_limit: int = 64) -> list[tuple[int, int]]:
    """Where the forms occur as whole words, their words apart by any whitespace, scanning left to right
    and taking at each place the first form, longest first, that occurs there, as one alternation of the
    forms would; but without compiling one: a page's names make a pattern of their own, and compiling it
    cost more than the rest of assembling them.

    Where a form's first word occurs is found by ``str.find`` for each first word; a page naming more than
    ``find_limit`` of them (a directory of firms) is walked once instead, position by position, so that the
    cost stays linear in the page."""
    ordered = [words for words in (form.split() for form in sorted(forms, key=len, reverse=True)) if words]
    by_first: dict[str, list[int]] = {}
    for rank, words in enumerate(ordered):
        by_first.setdefault(words[0], []).append(rank)
    at: dict[int, list[int]] = {}
    for first, i in _first_words(text, by_first, find_limit):
        if not _word_char_at(text, i - 1):
            at.setdefault(i, []).extend(by_first[first])
    out: list[tuple[int, int]] = []
    done = 0
    for i in sorted(at):
        if i < done:
            continue
        for rank in sorted(at[i]):
            end = _words_at(text, i, ordered[rank])
            if end is not None:
                out.append((i, end))
                done = end
                break
    return out


def _first_words(text: str, firsts: dict[str, list[int]], find_limit: int) -> Iterator[tuple[str, int]]:
    """(first word, where it occurs) for every occurrence of each of ``firsts`` in the text."""
    if len(firsts) <= find_limit:
        for first in firsts:
            i = text.find(first)
            while i >= 0:
                yield first, i
                i = text.find(first, i + 1)
        return
    lengths: dict[str, set[int]] = {}
    for first in firsts:
        lengths.setdefault(first[0], set()).add(len(first))
    by_char = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}
    for i, c in enumerate(text):
        for n in by_char.get(c, ()):
            if text[i : i + n] in firsts:
                yield text[i : i + n], i


def _words_at(text: str, i: int, words: list[str]) -> int | None:
    """Where the words end when they stand at ``i`` apart by whitespace and end a word, else None."""
    pos = i
    for k, word in enumerate(words):
        if k:
            gap = pos
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos == gap:
                return None
        if not text.startswith(word, pos):
            return None
        pos += len(word)
    return None if _word_char_at(text, pos) else pos


def _word_char_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


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


def _group_places(
    places: list[PlaceMention], covered: list[tuple[int, int]], text: str = ""
) -> dict[str, list[PlaceMention]]:
    """Places by key, leaving out those only ever named inside another name ("Shanghai Stock Exchange").

    A place that a descriptive, lower-case name goes on from ("the Jinhua lamp
    cluster") is named in its own right: the gold counts it.
    """
    starts = [s for s, _ in covered]
    groups: dict[str, list[PlaceMention]] = {}
    for m in places:
        groups.setdefault(m.candidates[0].key, []).append(m)

    def inside(m: PlaceMention) -> bool:
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


def _place_entity(gaz, key: str, mentions: list[PlaceMention]) -> Entity:
    place = mentions[0].candidates[0]
    surfaces = list(dict.fromkeys(WS.sub(" ", m.surface) for m in mentions))
    # Written only in capitals ("WROCLAW" in a dateline): the gazetteer's spelling of what is written.
    as_written = [
        v
        for v in (place.name, *place.variants)
        if not v.replace(".", "").isupper() and name_key(v) == name_key(surfaces[0])
    ]
    readable = [s for s in surfaces if not s.isupper() or _ABBREVIATION.fullmatch(s)] or as_written[:1] or [place.name]
    name = max(readable, key=len)
    attributes: dict = {"level": place.level}
    parent = gaz.parent_name(key)
    if parent:
        attributes["located_in"] = parent
    return Entity(
        "place", name, [(m.start, m.end) for m in mentions], attributes, [s for s in surfaces if s != name], key
    )


@lru_cache(maxsize=1)
def _level_words() -> list[tuple[re.Pattern, str]]:
    """Each level word ("provincial", "municipal"…) as a whole-word pattern, compiled once for every entity."""
    return [(re.compile(rf"\b{re.escape(word)}\b"), level) for word, level in patterns().levels.items()]


@lru_cache(maxsize=1)
def _any_level_word() -> re.Pattern:
    """The level words' patterns as one alternation: it matches somewhere exactly when one of them does, so
    the names that hold none (most companies and programmes) are passed over by one search, not one a word."""
    return re.compile("|".join(f"(?:{word.pattern})" for word, _ in _level_words()))


def _describe(e: Entity, gaz, places: list[PlaceMention]) -> None:
    """Level, location and focus that the name itself states."""
    lower = e.name.lower()
    if "level" not in e.attributes and _any_level_word().search(lower):
        for word, level in _level_words():
            if word.search(lower):
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
