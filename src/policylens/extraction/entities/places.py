"""Places from the gazetteer, with the guards that keep words, people and names inside names out;
governments of places and towns the gazetteer lacks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from policylens import vocab
from policylens.extraction.entities.patterns import SMALL_WORDS, patterns
from policylens.extraction.entities.tokens import Found, Tokens, clean, in_spans
from policylens.extraction.gazetteer import TOKEN, Place, gap_kind, name_key
from policylens.extraction.gazetteer import load as load_gazetteer
from policylens.extraction.text import TextIndex

_CURRENCY_AFTER = re.compile(r"\$|\s*(?:dollars?|yuan|euros?|pounds?|yen|won|rupees?)\b", re.IGNORECASE)


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    surface: str
    candidates: list[Place]
    suffixed: bool
    in_name: bool = False  # a word of a longer capitalised name ("Jinhua Lantern Optics")


_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_SUFFIX_WORDS = (
    "district",
    "county",
    "city",
    "province",
    "municipality",
    "prefecture",
    "region",
    "area",
    "banner",
    "league",
    "sar",
    "state",
    "voivodeship",
    "department",
)
LEVEL_WORDS = frozenset(_SUFFIX_WORDS)
# Level words that, capitalised after a known place, are part of its name ("Warren County", "Tsuruoka
# City"); "Changsha Area" of a free trade zone names a part of the zone, not the city.
_LEVEL_AFTER = frozenset(w for w in _SUFFIX_WORDS if w not in ("area", "state", "department", "league", "banner"))


@dataclass(slots=True)
class _PlaceWords:
    after: frozenset[str]
    before: frozenset[str]


@lru_cache(maxsize=1)
def _place_words() -> _PlaceWords:
    raw = vocab.load("policylens.extraction", "world_place_guards.yaml")
    words = lambda k: frozenset(w.lower() for w in str(raw.get(k) or "").split())
    return _PlaceWords(
        after=words("after_place") | frozenset(_SUFFIX_WORDS) | SMALL_WORDS,
        before=words("before_place") | words("generic") | SMALL_WORDS,
    )


def _in_longer_name(
    tokens: Tokens,
    first: int,
    last: int,
    candidates: list[Place],
    titles: Sequence[tuple[int, int]],
    starts: set[int],
    ends: set[int],
) -> bool:
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
    if in_spans(titles, tokens.starts[first]):
        return False
    words = _place_words()
    k = last + 1
    if (
        k < len(tokens)
        and tokens.gap(last) == " "
        and tokens.cap[k]
        and tokens.lower[k] not in words.after
        and tokens.starts[k] not in starts
    ):
        return True
    if not all(pl.level in ("city", "state") for pl in candidates):
        return False
    if (
        first > 0
        and tokens.gap(first - 1) == " "
        and tokens.cap[first - 1]
        and tokens.lower[first - 1] not in words.before
        and tokens.ends[first - 1] not in ends
    ):
        return True
    return (
        k + 1 < len(tokens)
        and tokens.lower[k] == "of"
        and tokens.gap(last) == " "
        and tokens.gap(k) == " "
        and tokens.cap[k + 1]
    )


def find_places(tokens: Tokens, index: TextIndex, titles: Sequence[tuple[int, int]] = ()) -> list[PlaceMention]:
    gaz = load_gazetteer()
    text = tokens.text
    out: list[PlaceMention] = []
    spans: list[tuple[int, int]] = []
    n = len(tokens)
    first_tokens = gaz.first_tokens
    # Only a capitalised token that opens some gazetteer name can start a place: those are picked out in one
    # comprehension rather than visited one by one.
    openers = [
        (i, key)
        for i in compress(range(n), tokens.cap)
        if (key := tokens.lower[i].replace("’", "'").replace(".", "")) in first_tokens
    ]
    resume = 0
    for i, key in openers:
        if i < resume:
            continue
        longest = first_tokens[key]
        hit = None
        if longest:
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
                surface = text[tokens.starts[i] : tokens.ends[i + j]]
                entries = [(pl, caps) for pl, caps in entries if not caps or surface.replace(".", "").isupper()]
                if entries:
                    hit = (j, surface, [pl for pl, _ in entries])
                    break
        if hit is None:
            continue
        j, surface, candidates = hit
        resume = i + j + 1
        end = tokens.ends[i + j]
        if candidates[0].level == "country" and _CURRENCY_AFTER.match(text, end + (text[end : end + 1] == ".")):
            continue
        if _DOTTED.fullmatch(surface) and text.startswith(".", end):
            end, surface = end + 1, surface + "."  # "U.S.": the last dot is the abbreviation's
        suffixed = j > 0 and tokens.lower[i + j] in _SUFFIX_WORDS
        k = i + j + 1
        if (
            not suffixed
            and k < n
            and tokens.lower[k] in _LEVEL_AFTER
            and tokens.words[k][0].isupper()
            and tokens.gap(k - 1) == " "
        ):
            # "Warren County" where the gazetteer knows only "Warren": the name as written, with its level word
            j, end, surface, suffixed, resume = (
                j + 1,
                tokens.ends[k],
                text[tokens.starts[i] : tokens.ends[k]],
                True,
                k + 1,
            )
        out.append(PlaceMention(tokens.starts[i], end, surface, candidates, suffixed))
        spans.append((i, i + j))
    starts, ends = {m.start for m in out}, {m.end for m in out}
    for m, (first, last) in zip(out, spans, strict=True):
        m.in_name = _in_longer_name(tokens, first, last, m.candidates, titles, starts, ends)
    return _resolve(out, gaz, text)


_AFTER_PLACE = re.compile(r",[ \t]*|[ \t]*\([ \t]*")
_BEFORE_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:[.!?:][\"”’')]?\s+|\n\s*|^\s*)$")


def _supported(
    place: Place, m: PlaceMention, text: str, by_start: dict[int, PlaceMention], named: set[str], gaz
) -> bool:
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
    return place.parent in named and not _SENTENCE_START.search(text, max(0, m.start - 4), m.start) and m.start > 0


def _resolve(mentions: list[PlaceMention], gaz, text: str = "") -> list[PlaceMention]:
    """Pick each mention's place: one whose ancestor the document names, else the most prominent.

    A county-level name shared by many counties, or a bare county name in a
    document that names none of its parents, is too weak to keep; so is a name
    that needs support from the text and has none (:func:`_supported`).
    """
    named = {
        m.candidates[0].key
        for m in mentions
        if m.candidates[0].level in ("province", "prefecture", "region", "state")
        and len(m.candidates) == 1
        and m.candidates[0].support is None
        and not m.in_name
    }
    # Places that need no support, named anywhere in the document: what supports the others.
    plain = {
        m.candidates[0].key
        for m in mentions
        if (len(m.candidates) == 1 or m.candidates[0].level == "country")
        and m.candidates[0].support is None
        and not m.in_name
    }
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
        abroad = (
            [
                pl
                for pl in m.candidates
                if pl.level in ("city", "state")
                and pl.parent
                and any(a.key in plain for a in gaz.chain(pl.parent) if a.level == "country")
            ]
            if m.candidates[0].level != "country"
            else []
        )
        best = (
            in_context[0]
            if in_context
            else abroad[0]
            if abroad and len(abroad) < len(m.candidates)
            else m.candidates[0]
        )
        if best.level == "county":
            if best.needs_suffix and not m.suffixed:
                continue
            if not in_context and not m.suffixed:
                continue
        m.candidates = [best]
        out.append(m)
    return out


# "in X, " before a known place. The word boundary before "in" is tested after it, as a look behind, so the
# pattern opens with the literal "in " that sre finds fastest.
_IN_TOWN = re.compile(r"in (?<!\win )([A-Z][a-z]{2,}), (?=[A-Z])")


# "a plant in Kadan", "headquartered in Salina": where a works stands or a body is based, the phrase ending there
_SITE_OF_WORKS = re.compile(
    r"\b(?:(?:plant|factory|facility|mill|refinery|smelter|gigafactory|fab|works|campus|warehouse)s?\s+(?:in|near|at)"
    r"|(?:based|headquartered)\s+in)\s+(?P<name>[A-Z][a-z\u00c0-\u024f'-]{2,}(?:[ \t]+[A-Z][a-z\u00c0-\u024f'-]{2,}){0,2})"
    r"(?=[,.;)]|\s+(?:and|in|on|by|with|for|from|will|is|was|has|that|which)\b)"
)


def unlisted_places(text: str, places: list[PlaceMention]) -> list[Found]:
    """A town or port the gazetteer lacks, written "in X, <known place>" ("in Shatian, Dongguan")."""
    p = patterns()
    by_start = {m.start: m for m in places}
    out = []
    for m in _IN_TOWN.finditer(text):
        parent = by_start.get(m.end())
        word = m.group(1)
        if parent is None or word.lower() in p.not_starts or is_place(word) or m.start(1) in by_start:
            continue
        found = Found("place", word, m.start(1), m.end(1), "context")
        found.attributes["located_in"] = parent.candidates[0].name
        out.append(found)
    return out


def sites_of_works(text: str, places: list[PlaceMention], found: list[Found]) -> list[Found]:
    """A town the gazetteer lacks, named as where a works stands or a body is based ("a plant in Kadan",
    "the refinery near Mempawah", "headquartered in Salina"): one to three capitalised words after the
    preposition, ending the phrase. Names already read as something else, and parks, are left as they are."""
    p = patterns()
    starts = {f.start for f in found} | {m.start for m in places}
    matches = [
        m
        for m in _SITE_OF_WORKS.finditer(text)
        if not (
            m.start("name") in starts
            or (words := m.group("name").split())[0].lower() in p.not_starts
            or words[-1].lower() in p.heads
            or words[-1].lower() in LEVEL_WORDS
            or is_place(m.group("name"))
        )
    ]
    at_sites = Counter(m.group("name") for m in matches)
    # named only where a works stands: such a town owns none of the figures (one count of the text a name)
    only_there = {name for name, n in at_sites.items() if len(re.findall(rf"\b{re.escape(name)}\b", text)) == n}
    out = []
    for m in matches:
        site = Found("place", m.group("name"), m.start("name"), m.end("name"), "context")
        if site.name in only_there:
            site.attributes["site"] = True
        out.append(site)
    return out


def governments_of_places(text: str, places: list[PlaceMention]) -> list[Found]:
    """ "Wuxi municipal government", "Qingdao Municipal People's Government"."""
    p = patterns()
    out = []
    for m in places:
        g = p.government.match(text, m.end)
        if g and (g.group(1) or g.group(2).lower() != "committee"):
            name = clean(text[m.start : g.end()])
            found = Found("government", name, m.start, g.end(), "head" if name[-1].isupper() else "descriptive")
            found.attributes["located_in"] = m.candidates[0].name
            out.append(found)
    return out


def national_bodies(text: str, places: list[PlaceMention], found: list[Found]) -> list[Found]:
    """ "U.S. Department of Energy", "U.S. Commerce Department": a country's name written right before a body's
    name is part of that name (the body found without it is then its tail, cut short in assembly)."""
    countries = {m.end: m for m in places if m.candidates and m.candidates[0].level == "country"}
    out = []
    for f in found:
        if f.type != "government" or f.how != "head" or text[f.start - 1 : f.start] != " ":
            continue
        m = countries.get(f.start - 1)
        if m is not None:
            body = Found("government", clean(text[m.start : f.end]), m.start, f.end, "head", dict(f.attributes))
            body.aliases.extend(f.aliases)  # "U.S. Department of Energy (DOE)": the acronym is the whole name's
            out.append(body)
    return out


def has_place(name: str) -> bool:
    gaz = load_gazetteer()
    return any(_plain_place(gaz.by_name.get(tok.group().lower())) for tok in TOKEN.finditer(name))


def _plain_place(entries) -> bool:
    """Whether a name is a place without support from the text (not "Temple", "Mobile")."""
    return bool(entries) and any(pl.support is None for pl, _ in entries)


def is_place(name: str) -> bool:
    key = name_key(name)
    return bool(key and _plain_place(load_gazetteer().by_name.get(key)))
