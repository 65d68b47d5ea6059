"""Entity resolution: which names, across all documents, denote the same thing.

Pure functions over :class:`Record` (one document's entity); the knowledge
base feeds them its rows and stores the :class:`Cluster` list they return.

Identity comes from the strongest evidence available, in this order:

1. a gazetteer key: every record of ``adcode:370281`` is Jiaozhou, however
   spelled, and a place the gazetteer marks ``same_place_as`` another is one
   entity with it;
2. the same normalised name within one type group (case, punctuation, a
   leading "the", trailing legal words such as "Co., Ltd." or "Group", and
   abbreviations such as "Intl" do not make another organisation);
3. an initialism that stands for exactly one longer name of its group
   ("WCNA", or a parenthesised "(SCO)" inside a name), or a known one from
   the data file ("MIIT");
4. fuzzy matching, guarded: the distinctive words of both names (what is
   left once "Industrial", "Park", "Zone"… are set aside) must correspond one
   to one, the numbers must agree, words such as "national"/"provincial"
   must occur on both sides or neither, and the whole names must score high.
   Two different "… Industrial Park"s differ in their distinctive words, so
   they stay two;
5. short forms of clusters, parks and programmes: a name whose distinctive
   words are a subset of exactly one longer name's, naming the same places
   and industries, at no other level, with the same numbers.

A false merge puts one company's targets under another's name, which is
worse than a duplicate entry, so each rule leans towards keeping apart.
The user's own decisions (merge, split) are applied on top: a merge joins
whatever the two names resolve to; a split forbids any rule from joining
the two names again.  Decisions are kept by name, so they hold on re-ingest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz

from policylens import vocab

from ..extraction import gazetteer as gz
from ..extraction.industries import industries_in

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*|&")
_DIGITS = re.compile(r"\d")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,9}$")
CROWDED = 200  # names sharing a word, past which the word is not distinctive enough to block on (rule 4)


@cache
def rules() -> dict[str, Any]:
    data = dict(vocab.load("policylens.store", "resolution.yaml"))
    data["group_of"] = {t: group[0] for group in data["type_groups"] for t in group}
    for name in ("legal_suffixes", "stopwords", "generic", "distinguishing", "levels"):
        data[name] = frozenset(data[name])
    data["acronyms"] = {k.lower(): v for k, v in data["acronyms"].items()}
    return data


def group_of(entity_type: str) -> str:
    """Types in one group may merge (the group is named by its first type); an unknown type is alone."""
    return rules()["group_of"].get(entity_type, entity_type)


@lru_cache(maxsize=65536)
def surface(name: str) -> str:
    """A name as written, minus case, punctuation and spacing: the unit a user can merge or split."""
    return " ".join(w.replace("’", "'") for w in _WORD.findall(name.casefold().replace("’", "'")))


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """The name without what does not change who it is: "The Haier Group Co., Ltd." -> "haier"."""
    data = rules()
    words = [data["abbreviations"].get(w, w) for w in surface(name).split()]
    words = " ".join(words).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in data["legal_suffixes"]:
        words.pop()
    words = [w[:-2] if w.endswith("'s") and len(w) > 3 else w for w in words]
    return " ".join(words)


def initials(norm: str) -> set[str]:
    """Initialisms a name may go by: "qingdao west coast new area" -> {"qwcna", "wcna"}.

    The second form drops a leading place name, since sources write
    "Qingdao WCNA" and "WCNA" alike.
    """
    words = [w for w in norm.split() if w not in rules()["stopwords"]]
    out = set()
    if len(words) >= 2:
        out.add("".join(w[0] for w in words))
        if len(words) >= 3 and gz.load().lookup(words[0]):
            out.add("".join(w[0] for w in words[1:]))
    return out


def variants(name: str) -> set[str]:
    """Other forms a name states itself: "Lake Trade Zone (LTZ) Park" -> "LTZ Park", "Lake Trade Zone Park".

    The parenthesised initialism replaces the words it abbreviates, which
    must be the ones just before it; a name in capitals is its own acronym.
    """
    out = set()
    for m in _PAREN_ACRONYM.finditer(name):
        before, after = name[: m.start()].rstrip(), name[m.end() :]
        out.add(" ".join((before + after).split()))
        words = before.split()
        letters = m[1].lower()
        for n in range(len(letters), len(words) + 1):
            spelled = [w for w in words[len(words) - n :] if w.lower() not in rules()["stopwords"]]
            if "".join(w[0].lower() for w in spelled) == letters:
                out.add(" ".join([*words[: len(words) - n], m[1]]) + after)
                break
    return out


@lru_cache(maxsize=65536)
def _parts(norm: str) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(distinguishing words, numbers, distinctive words) of a normalised name."""
    data = rules()
    words = norm.split()
    distinguishing = frozenset(w for w in words if w in data["distinguishing"])
    numbers = frozenset(w for w in words if _DIGITS.search(w))
    distinctive = tuple(
        w
        for w in words
        if w not in data["generic"]
        and w not in data["distinguishing"]
        and w not in data["stopwords"]
        and w not in numbers
    )
    return distinguishing, numbers, distinctive


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    fuzzy = rules()["fuzzy"]
    if min(len(a), len(b)) < fuzzy["min_word_length"]:
        return False
    return fuzz.ratio(a, b) >= fuzzy["word"]


def same_name(a: str, b: str) -> bool:
    """Whether two different normalised names of one type group may be one entity (rule 4)."""
    if a == b:
        return True
    dist_a, num_a, core_a = _parts(a)
    dist_b, num_b, core_b = _parts(b)
    if dist_a != dist_b or num_a != num_b or not core_a or not core_b:
        return False
    if not all(any(_same_word(x, y) for y in core_b) for x in core_a):
        return False
    if not all(any(_same_word(y, x) for x in core_a) for y in core_b):
        return False
    return fuzz.token_set_ratio(a, b) >= rules()["fuzzy"]["name"]


@dataclass(slots=True)
class Record:
    """One entity as one document names it."""

    id: int
    document_id: int
    type: str
    name: str
    key: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    aliases: Sequence[str] = ()
    mentions: int = 1


@dataclass(slots=True)
class Decision:
    action: str  # "merge" or "split"
    name: str
    other: str


@dataclass(slots=True)
class Cluster:
    """One canonical entity: its records, the name to show, and every name it goes by."""

    type: str
    name: str
    key: str | None
    records: list[Record]
    aliases: dict[str, tuple[str, int]]  # surface -> (a spelling as written, how many records)
    keys: tuple[str, ...] = ()

    @property
    def norm(self) -> str:
        return normalise(self.name)


class _Nodes:
    """Union-find over nodes, refusing unions across a user's split."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.forbidden: dict[int, set[int]] = defaultdict(set)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def forbid(self, a: int, b: int) -> None:
        self.forbidden[a].add(b)
        self.forbidden[b].add(a)

    def union(self, a: int, b: int, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, large = sorted((ra, rb), key=lambda r: len(self.members[r]))
        if not force:
            other = set(self.members[large])
            if any(self.forbidden.get(m, set()) & other for m in self.members[small]):
                return False
        self.parent[small] = large
        self.members[large].extend(self.members.pop(small))
        return True


@dataclass(slots=True)
class _Graph:
    """Records grouped into nodes (one per gazetteer key, else per type group and surface form), being joined.

    ``by_surface`` and ``by_norm`` list the nodes each name answers to: their
    surfaces, normalised forms (within a type group) and stated acronyms.
    """

    places: gz.Gazetteer
    node_of: dict[tuple[Any, ...], int]
    records: list[list[Record]]  # node -> its records
    group: list[str]  # node -> its type group
    by_surface: dict[str, list[int]]
    by_norm: dict[tuple[str, str], list[int]]
    nodes: _Nodes


def resolve(
    records: Iterable[Record], decisions: Sequence[Decision] = (), crowded: Collection[str] = ()
) -> list[Cluster]:
    """Group records into canonical entities, in order of each entity's first record.

    ``crowded`` names blocking keys of words (:func:`blocking_keys`) too
    common to block on among all the records, when ``records`` are only part
    of them (a batch's pass): rule 4 must skip them as it would over all.
    """
    graph = _graph(sorted(records, key=lambda r: r.id), gz.load())
    _apply_decisions(graph.nodes, decisions, graph.by_surface)
    _same_place(graph)
    _same_name(graph)
    _initialism(graph)
    _fuzzy_name(graph, frozenset(crowded))
    _short_form(graph)
    return _clusters(graph.nodes, graph.records)


def blocking_keys(record: Record) -> frozenset[tuple[str, str]]:
    """(key, normalised name) pairs under which a rule can join this record's node to another.

    Two nodes that share no key are never compared, counted or joined by any
    rule, so resolution splits into the connected parts of the graph whose
    edges are shared keys (a user's decision names aside), each resolved
    independently of the others.  The keys: the gazetteer key and the one it
    is ``same_place_as`` (rule 1); for each name it answers to (its own,
    aliases, stated variants, a place's gazetteer names): the normalised
    name in its group (rule 2, which also holds the node's identity, and a
    known acronym's expansion), its initialisms and, if a single word, the
    name as a possible acronym (rule 3), its distinctive words (rule 4, which counts the
    distinct names per word: hence the name beside each key) and its place
    words in a group that has short forms (rule 5).  The order in which
    one part's nodes are met stays the same within a subset of the records
    that holds whole parts, so a subset resolves as the whole does.
    """
    return _blocking_keys(group_of(record.type), record.name, tuple(record.aliases), record.key)


@lru_cache(maxsize=65536)
def _blocking_keys(group: str, name: str, aliases: tuple[str, ...], key: str | None) -> frozenset[tuple[str, str]]:
    """:func:`blocking_keys` of what a record's keys depend on (a corpus repeats a few thousand names)."""
    data, places = rules(), gz.load()
    keys = set()
    if key:
        keys.add((_key("key", key), ""))
        place = places.get(key)
        if place is not None and place.same_place_as:
            keys.add((_key("key", place.same_place_as), ""))
    for spelling in _names(name, aliases, key, places):
        norm = normalise(spelling)
        keys.add((_key("name", group, norm), norm))
        keys |= {(_key("initials", group, letters), norm) for letters in initials(norm)}
        if " " not in norm:
            keys.add((_key("acronym", group, norm), norm))
        if norm in data["acronyms"]:
            keys.add((_key("name", group, data["acronyms"][norm]), norm))
        if " " in norm or len(norm) > 3:
            keys |= {(word_key(group, word), norm) for word in _parts(norm)[2]}
        if group in data["short_forms"]["type_groups"] and (place_words := _short_form_parts(norm)[0]):
            keys.add((_key("places", group, *sorted(place_words)), norm))
    return frozenset(keys)


def name_key(entity_type: str, name: str) -> str:
    """The blocking key of a name for the records of a type: those that may answer to it (rule 2)."""
    return _key("name", group_of(entity_type), normalise(name))


def word_key(group: str, word: str) -> str:
    """The blocking key of a distinctive word of a type group's names (rule 4)."""
    return _key("word", group, word)


def is_word_key(key: str) -> bool:
    return key.startswith("word|")


def is_places_key(key: str) -> bool:
    return key.startswith("places|")


def acronym_keys(key: str) -> tuple[str, str] | None:
    """(initials key, acronym key) of the same letters, for either of them (rule 3); None for other keys.

    Rule 3 compares the names with these initials only when a one-word
    name spells them: the initials key links names only if the acronym key
    is anybody's.
    """
    kind, _, rest = key.partition("|")
    return (_key("initials", rest), _key("acronym", rest)) if kind in ("initials", "acronym") else None


def _key(kind: str, *parts: str) -> str:
    return "|".join((kind, *parts))


def _names(name: str, aliases: Iterable[str], key: str | None, places: gz.Gazetteer) -> set[str]:
    """Every name a record answers to: its own, its aliases, the variants they state, its place's names."""
    names = {name, *aliases}
    names |= {v for n in names for v in variants(n)}
    if key and (place := places.get(key)):
        names |= {place.name, *place.variants}
    return names


def _graph(records: list[Record], places: gz.Gazetteer) -> _Graph:
    """One node per gazetteer key, else one per (type group, surface form), with every name it answers to."""
    node_of: dict[tuple[Any, ...], int] = {}
    node_records: list[list[Record]] = []
    node_group: list[str] = []
    for r in records:
        key = ("key", r.key) if r.key else ("surface", group_of(r.type), surface(r.name))
        if key not in node_of:
            node_of[key] = len(node_records)
            node_records.append([])
            node_group.append(group_of(r.type))
        node_records[node_of[key]].append(r)
    by_surface: dict[str, list[int]] = defaultdict(list)
    by_norm: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, recs in enumerate(node_records):
        for n in {n for r in recs for n in _names(r.name, r.aliases, r.key, places)}:
            by_surface[surface(n)].append(i)
            by_norm[(node_group[i], normalise(n))].append(i)
    return _Graph(places, node_of, node_records, node_group, by_surface, by_norm, _Nodes(len(node_records)))


def _same_place(graph: _Graph) -> None:
    """Rule 1: places the gazetteer calls the same (a new area and the district it grew from)."""
    node_of = graph.node_of
    for node_key, i in node_of.items():
        place = graph.places.get(node_key[1]) if node_key[0] == "key" else None
        if place is not None and place.same_place_as and ("key", place.same_place_as) in node_of:
            graph.nodes.union(i, node_of[("key", place.same_place_as)])


def _same_name(graph: _Graph) -> None:
    """Rule 2 (and stated acronyms): the same normalised name within a group.

    Two gazetteer places that share a name (two Chaoyangs) stay two, and a
    name that could be either joins neither.
    """
    nodes = graph.nodes
    keyed = [recs[0].key for recs in graph.records]
    for members in graph.by_norm.values():
        members = list(dict.fromkeys(members))
        places_named = [m for m in members if keyed[m]]
        if len({keyed[m] for m in places_named}) > 1:
            for i, a in enumerate(places_named):
                for b in places_named[i + 1 :]:
                    if keyed[a] != keyed[b] and nodes.find(a) != nodes.find(b):
                        nodes.forbid(a, b)
            members = [m for m in members if not keyed[m]]
        for other in members[1:]:
            nodes.union(members[0], other)


def _initialism(graph: _Graph) -> None:
    """Rule 3: known acronyms, and initialisms that stand for exactly one longer name of the group."""
    nodes, by_norm = graph.nodes, graph.by_norm
    initial_of: dict[tuple[str, str], set[int]] = defaultdict(set)
    for (group, norm), members in by_norm.items():
        for letters in initials(norm):
            initial_of[(group, letters)].update(nodes.find(m) for m in members)
        if norm in rules()["acronyms"]:
            expansion = rules()["acronyms"][norm]
            for m in by_norm.get((group, expansion), []):
                nodes.union(members[0], m)
    for (group, norm), members in by_norm.items():
        if " " in norm or not any(_ACRONYM.match(r.name) for m in members for r in graph.records[m]):
            continue
        targets = {nodes.find(t) for t in initial_of.get((group, norm), ())} - {nodes.find(m) for m in members}
        if len(targets) == 1:
            nodes.union(members[0], targets.pop())


def _fuzzy_name(graph: _Graph, crowded: frozenset[str]) -> None:
    """Rule 4: guarded fuzzy matching among names sharing a distinctive word."""
    for group, group_norms in _norms_by_group(graph.by_norm).items():
        blocks: dict[str, list[str]] = defaultdict(list)
        for norm in group_norms:
            for word in set(_parts(norm)[2]):
                blocks[word].append(norm)
        compared: set[tuple[str, str]] = set()
        for word, block in blocks.items():
            if len(block) > CROWDED or word_key(group, word) in crowded:
                continue
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    pair = (a, b) if a < b else (b, a)
                    if pair in compared:
                        continue
                    compared.add(pair)
                    if same_name(a, b):
                        graph.nodes.union(group_norms[a][0], group_norms[b][0])


@lru_cache(maxsize=65536)
def _short_form_parts(norm: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(place words, industries, other distinctive words) of a normalised name."""
    places = gz.load()
    core = _parts(norm)[2]
    place_words = frozenset(w for w in core if places.lookup(w))
    return place_words, frozenset(industries_in(norm)), frozenset(core) - place_words


def short_form_of(short: str, long: str) -> bool:
    """Whether normalised name ``short`` may be a shortened ``long`` of the same type group (rule 5)."""
    data = rules()
    dist_s, num_s, _ = _parts(short)
    dist_l, num_l, _ = _parts(long)
    places_s, industries_s, rest_s = _short_form_parts(short)
    places_l, industries_l, rest_l = _short_form_parts(long)
    levels = data["levels"]
    return (
        bool(places_s)
        and bool(industries_s)
        and places_s == places_l
        and industries_s == industries_l
        and len(places_s | rest_s) >= data["short_forms"]["min_words"]
        and rest_s < rest_l
        and num_s == num_l
        and dist_s - levels == dist_l - levels
        and not (dist_s & levels) - dist_l
    )


def _short_form(graph: _Graph) -> None:
    """Rule 5: join a short form to the one longer name it can stand for; if it fits two, to neither."""
    nodes, by_norm = graph.nodes, graph.by_norm
    groups = set(rules()["short_forms"]["type_groups"])
    by_places: dict[tuple[str, frozenset[str]], list[str]] = defaultdict(list)
    for group, norm in by_norm:
        if group in groups and (place_words := _short_form_parts(norm)[0]):
            by_places[(group, place_words)].append(norm)
    for (group, _), norms in by_places.items():
        for short in norms:
            longer = {
                nodes.find(by_norm[(group, long)][0]) for long in norms if long != short and short_form_of(short, long)
            }
            longer.discard(nodes.find(by_norm[(group, short)][0]))
            if len(longer) == 1:
                nodes.union(by_norm[(group, short)][0], longer.pop())


def _norms_by_group(by_norm: dict[tuple[str, str], list[int]]) -> dict[str, dict[str, list[int]]]:
    out: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for (group, norm), members in by_norm.items():
        if " " in norm or len(norm) > 3:
            out[group][norm] = members
    return out


def _apply_decisions(nodes: _Nodes, decisions: Sequence[Decision], by_surface: dict[str, list[int]]) -> None:
    """The user's last word on each pair of names: a merge joins them, a split keeps them apart."""
    last: dict[frozenset[str], Decision] = {}
    for d in decisions:
        last[frozenset((surface(d.name), surface(d.other)))] = d
    for d in last.values():
        left, right = by_surface.get(surface(d.name), []), by_surface.get(surface(d.other), [])
        for a in left:
            for b in right:
                if a == b:
                    continue
                if d.action == "merge":
                    nodes.union(a, b, force=True)
                else:
                    nodes.forbid(a, b)


def _clusters(nodes: _Nodes, node_records: list[list[Record]]) -> list[Cluster]:
    return [
        cluster_of([rec for m in nodes.members[root] for rec in node_records[m]])
        for root in sorted(
            nodes.members, key=lambda r: min(rec.id for m in nodes.members[r] for rec in node_records[m])
        )
    ]


def cluster_of(records: Iterable[Record]) -> Cluster:
    """The canonical entity that ``records`` make: its name, type, key and aliases come from them alone."""
    recs = sorted(records, key=lambda r: r.id)
    # Records alike in type, name, aliases and key count alike: each such kind is counted once, in the order
    # of its first record, as often as it occurs.  Every counter below then gets the counts and the order of
    # first insertion (which breaks most_common's ties) that it would get record by record.
    kinds: dict[Kind, int] = {}
    for r in recs:
        kind = (r.type, r.name, tuple(r.aliases), r.key)
        kinds[kind] = kinds.get(kind, 0) + 1
    return cluster_of_kinds(kinds, recs)


Kind = tuple[str, str, tuple[str, ...], str | None]  # what cluster_of counts a record as: type, name, aliases, key


def cluster_of_kinds(kinds: dict[Kind, int], records: list[Record]) -> Cluster:
    """:func:`cluster_of` from the count of each kind of record, in the order of each kind's first record.

    ``records`` are only carried into the cluster: a batch's pass rebuilds a
    stored entity from its kinds (``derive``) and gives the batch's records alone.
    """
    places = gz.load()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    keys: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for (entity_type, written, written_aliases, record_key), count in kinds.items():
        spellings[surface(written)][written] += count
        for alias in written_aliases:
            spellings[surface(alias)][alias] += 0
        if record_key:
            keys[record_key] += count
        types[entity_type] += count
    aliases = {s: (c.most_common(1)[0][0], sum(c.values())) for s, c in spellings.items() if s}
    key = keys.most_common(1)[0][0] if keys else None
    place = places.get(key) if key else None
    if place is not None:
        name, entity_type = place.name, "place"
    else:
        name = max(aliases.values(), key=lambda a: (a[1], len(a[0])))[0]
        entity_type = types.most_common(1)[0][0]
    return Cluster(entity_type, name, key, records, aliases, tuple(keys))
