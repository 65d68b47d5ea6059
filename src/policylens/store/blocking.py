"""Which stored document entities a batch's names can reach through the resolution rules' blocking keys.

Resolution splits into parts that share no blocking key
(:func:`resolve.blocking_keys`): no rule compares, counts or joins nodes of
two parts, so each part resolves alone, and the same way within any subset
of the records made of whole parts (the rules meet one part's nodes in the
same order).  A batch's pass therefore runs the rules over the part its own
records fall into, found here by following keys from the batch's records
through the stored ones until no new key turns up, and keeps every other
entity as the last pass stored it.

Why the entities outside that part are still right: the stored records'
keys are those of the last pass, and every key that linked two stored nodes
then still links them, except a word of rule 4 that was shared by at most
:data:`resolve.CROWDED` names and now is by more (rule 4 stops blocking on
it).  Such a word is followed all the same, so the part found holds every
node linked to the batch's then or now, and the rest lie in parts the batch
cannot touch.  A word the stored names alone already share more than that
links nothing, then or now: it is not followed, and is passed to the rules
as crowded, since the part found holds fewer of its names than the whole.
Initials link names only where a one-word name spells them (rule 3 looks
them up from such a name).  A shared word links two names only if rule 4
would join them (``same_name``): a pair it compares and leaves apart changes
nothing, and a pure test gives the same answer in any pass.  A shared set of
place words links a short form only with the longer names it fits (rule 5
weighs just those).  A user's decision joins or parts names without
a key, so every name a decision mentions is followed from too.  A stored
entity is then within the part or outside it, whole (the pass checks, and
resolves everything if not).

A batch's record named exactly as a stored one (the same :func:`signature`)
is followed from only if something else reaches it: it falls into that
record's node (one per gazetteer key, else per type group and surface form)
and brings no name, alias, key or written acronym the node lacks, and a
node's first record, which orders the rules' work, is older.  No rule's
outcome changes, so it joins the stored record's entity as it is (the pass
takes that entity's name, counts and attributes afresh from all its records).

Records are followed by what their keys depend on (type group, name,
aliases, gazetteer key): a knowledge base repeats a few thousand of these
over all its document entities, so the walk costs little beside reading them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import lru_cache

from .resolve import (
    CROWDED,
    Decision,
    Record,
    _blocking_keys,
    acronym_keys,
    group_of,
    is_places_key,
    is_word_key,
    name_key,
    rules,
    same_name,
    short_form_of,
)

_Signature = tuple[str, str, tuple[str, ...], str | None]
MOST = 0.5  # the share of the records past which a batch's pass resolves them all


def signature(record: Record) -> _Signature:
    """What a record's blocking keys, node and names depend on: type group, name, aliases, gazetteer key."""
    return (group_of(record.type), record.name, tuple(record.aliases), record.key)


def signatures(records: Iterable[Record]) -> list[_Signature]:
    """:func:`signature` of each record (the type groups looked up once)."""
    groups = rules()["group_of"]
    return [(groups.get(r.type, r.type), r.name, tuple(r.aliases), r.key) for r in records]


def reach(
    records: Sequence[Record],
    batch: Collection[int],
    decisions: Iterable[Decision],
    signatures: Sequence[_Signature] | None = None,
) -> tuple[set[int], set[str]] | None:
    """(ids of the records to resolve again, the crowded word keys among them) after a ``batch`` of documents.

    ``records`` are every document entity, the batch's among them.  None when the part reached holds more than :data:`MOST` of the
    records: the rules over it would cost about what they cost over all,
    and the walk comes on top, so all are resolved instead.  A batch's record
    whose signature a stored record has is in the part only if the walk
    reaches that signature from elsewhere; otherwise it belongs to that
    stored record's entity (the caller's to join).  ``signatures`` are the
    records' :func:`signature`, if the caller has them.
    """
    ids_of: dict[_Signature, list[int]] = defaultdict(list)
    stored: set[_Signature] = set()
    start: set[_Signature] = set()
    for r, signed in zip(records, signatures or map(signature, records), strict=True):
        ids_of[signed].append(r.id)
        (start if r.document_id in batch else stored).add(signed)
    counts = {signed: len(ids) for signed, ids in ids_of.items()}
    found = reach_signatures(counts, stored, start, {r.type for r in records}, decisions)
    if found is None:
        return None
    return {i for s in found[0] for i in ids_of[s]}, found[1]


def reach_signatures(
    counts: Mapping[_Signature, int],
    stored: set[_Signature],
    batch: Collection[_Signature],
    types: Collection[str],
    decisions: Iterable[Decision],
    known_keys: Mapping[_Signature, frozenset[tuple[str, str]]] | None = None,
) -> tuple[set[_Signature], set[str]] | None:
    """:func:`reach` over signatures: (the signatures to resolve again, the crowded word keys among them).

    ``counts`` gives every signature (stored or the batch's) with its number
    of records; ``stored`` those that stored records have, ``batch`` those
    the batch's records have; ``types`` every record type; ``known_keys``
    the :func:`resolve.blocking_keys` of such signatures as the caller has them
    (stored), the others' are computed.  None when the part reached holds
    more than :data:`MOST` of the records.
    """
    start = set(batch) - stored  # a stored name again: it changes no rule's outcome (see above)
    if not start:  # nor, then, can a decision's names: the last pass applied it to these same nodes
        return set(), set()
    known = known_keys or {}
    keys_of = {signed: known.get(signed) or _blocking_keys(*signed) for signed in counts}
    holders: dict[str, dict[str, list[_Signature]]] = defaultdict(lambda: defaultdict(list))  # key -> name -> …
    stored_norms: dict[str, set[str]] = defaultdict(set)
    for signed, keys in keys_of.items():
        for key, norm in keys:
            holders[key][norm].append(signed)
            if signed in stored and is_word_key(key):
                stored_norms[key].add(norm)
    crowded = {key for key, names in stored_norms.items() if len(names) > CROWDED}
    crossing = {k for k, names in holders.items() if is_word_key(k) and len(names) > CROWDED and k not in crowded}
    named = {name_key(t, name) for t in types for d in decisions for name in (d.name, d.other)}
    start |= {s for key in named for sigs in holders.get(key, {}).values() for s in sigs}

    seen: set[_Signature] = set()  # the signatures the walk has reached
    unseen_names: dict[str, list[str]] = {}  # a key tested per pair -> its names with a signature not yet seen

    def unseen(key: str) -> list[str]:
        """The names under ``key`` some signature of which the walk has not seen, in ``holders``' order.

        Testing any other name adds nothing to the walk (the caller keeps only signatures not seen), so
        the pair tests run only on these; the list shrinks as the walk goes on.
        """
        under = holders[key]
        names = [o for o in unseen_names.get(key, under) if any(s not in seen for s in under[o])]
        unseen_names[key] = names
        return names

    def linked(key: str, norm: str) -> list[_Signature]:
        """The signatures not yet seen whose nodes a rule can join, count or compare with a name ``norm`` under ``key``.

        (For the keys tested per pair; for the others, every signature under the key.)
        """
        if key in crowded:
            return []
        if (pair := acronym_keys(key)) is not None:
            _, acronym = pair
            return [s for k in pair for sigs in holders.get(k, {}).values() for s in sigs] if acronym in holders else []
        if is_word_key(key) and key not in crossing:  # rule 4 joins a pair only if same_name, whatever else it compares
            return [s for other in unseen(key) if _alike(norm, other) for s in holders[key][other]]
        if is_places_key(key):  # rule 5 weighs, for a short form, the longer names it fits
            fits = [o for o in unseen(key) if short_form_of(norm, o) or short_form_of(o, norm)]
            return [s for other in fits for s in holders[key][other]]
        return [s for sigs in holders[key].values() for s in sigs]

    # Keys that need a rule's test per pair are followed once the cheap ones run out, so that a batch
    # reaching most of the records anyway is found out before paying for the tests.
    seen.update(start)
    size, limit = sum(counts[s] for s in seen), sum(counts.values()) * MOST
    followed: set[tuple[str, str]] = set()
    cheap, tested = list(start), list[tuple[str, str]]()
    while cheap or tested:
        if size > limit:
            return None
        if cheap:
            signed = cheap.pop()
            near = []
            for key_norm in keys_of[signed] - followed:
                followed.add(key_norm)
                if is_word_key(key_norm[0]) or is_places_key(key_norm[0]):
                    tested.append(key_norm)
                else:
                    near += linked(*key_norm)
        else:
            near = linked(*tested.pop())
        for s in near:
            if s not in seen:
                seen.add(s)
                size += counts[s]
                cheap.append(s)
    return seen, crowded


@lru_cache(maxsize=2**18)
def _alike(a: str, b: str) -> bool:
    """``same_name``, once per pair: names sharing several words meet under each of them."""
    return same_name(a, b) if a <= b else _alike(b, a)
