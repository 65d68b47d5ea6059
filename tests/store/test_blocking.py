"""What a batch's records reach: the part of the stored names the rules must see again, and no more."""

from __future__ import annotations

import pytest

from policylens.store import blocking
from policylens.store.blocking import reach
from policylens.store.resolve import CROWDED, Decision, Record, word_key


@pytest.fixture(autouse=True)
def _parts_of_any_size(monkeypatch):
    monkeypatch.setattr(blocking, "MOST", 1.0)


def _stored(*names: tuple[str, str]) -> list[Record]:
    """Stored records (document i, one each), resolved as a full pass would."""
    return [Record(i, i, t, n) for i, (t, n) in enumerate(names, 1)]


def _reached(stored: list[Record], *batch: tuple[str, str], decisions=()) -> tuple[set[str], set[str]]:
    fresh = [Record(10_000 + i, 0, t, n) for i, (t, n) in enumerate(batch)]
    part = reach([*stored, *fresh], {0}, decisions)
    assert part is not None
    ids, crowded = part
    names = {r.name for r in [*stored, *fresh] if r.id in ids}
    return names, crowded


def test_a_batch_reaches_the_names_its_own_can_meet():
    stored = _stored(
        ("company", "Westbrook Cables"),
        ("company", "Westbrook Cables Co., Ltd."),
        ("company", "Ironvale Turbines"),
        ("park", "Westbrook Cables"),  # another type group: no rule compares it with the companies
    )
    names, _ = _reached(stored, ("company", "Westbrook Cable Group"))
    assert names == {"Westbrook Cables", "Westbrook Cables Co., Ltd.", "Westbrook Cable Group"}


def test_initials_link_names_only_where_a_one_word_name_spells_them():
    stored = _stored(("organization", "Kestrel Trade Zone"), ("organization", "Kingfisher Tech Zone"))
    # The same initials, and a shared word with a name rule 4 would not join: nothing stored to see again.
    assert _reached(stored, ("organization", "Kestrel Tariff Zone"))[0] == {"Kestrel Tariff Zone"}
    # "KTZ" would stand for all three: it reaches every name with those initials.
    names, _ = _reached(stored, ("organization", "KTZ"))
    assert names == {"Kestrel Trade Zone", "Kingfisher Tech Zone", "KTZ"}


def test_a_decision_brings_its_names_along():
    stored = _stored(("company", "Westbrook Cables"), ("company", "Ironvale Turbines"))
    names, _ = _reached(stored, ("company", "Ashford Pumps"), decisions=[Decision("merge", "Ironvale Turbines", "X")])
    assert names == {"Ashford Pumps", "Ironvale Turbines"}


def test_a_stored_name_again_reaches_nothing_unless_something_else_reaches_it():
    stored = _stored(("company", "Westbrook Cables"), ("company", "Westbrook Cables Co., Ltd."), ("place", "Jiaozhou"))
    # Named as stored records are, the batch's records change no rule's outcome: they join those records' entities.
    assert _reached(stored, ("company", "Westbrook Cables"), ("place", "Jiaozhou"))[0] == set()
    # Nor do a decision's names then: the last pass applied it to the same nodes.
    merge = Decision("merge", "Westbrook Cables", "Jiaozhou")
    assert _reached(stored, ("company", "Westbrook Cables"), decisions=[merge])[0] == set()
    # The same type group, aliases and key make the same name: a park named so is another.
    assert _reached(stored, ("park", "Westbrook Cables"))[0] == {"Westbrook Cables"}
    # A new spelling reaches the stored name, and with it the batch's record of that name.
    names, _ = _reached(stored, ("company", "Westbrook Cables"), ("company", "Westbrook Cables Group"))
    assert names == {"Westbrook Cables", "Westbrook Cables Co., Ltd.", "Westbrook Cables Group"}
    ids = reach(
        [*stored, Record(10_000, 0, "company", "Westbrook Cables"), Record(10_001, 0, "company", "WCG")], {0}, []
    )
    assert ids is not None and 10_000 not in ids[0]


def test_a_word_too_common_to_block_on_links_nothing_and_is_passed_on():
    stored = _stored(*[("park", f"Zephyr Quarter Park Number {n}") for n in range(CROWDED + 1)])
    stored.append(Record(999, 999, "park", "Zephyr Ashgrov Park"))
    names, crowded = _reached(stored, ("park", "Zephyr Ashgrove Park"))
    assert word_key("park", "zephyr") in crowded
    # Rule 4 would join the two spellings, but they share only "zephyr", which it does not block on.
    assert names == {"Zephyr Ashgrove Park"}


def test_a_batch_reaching_most_records_gives_up(monkeypatch):
    stored = _stored(("company", "Westbrook Cables"), ("company", "Westbrook Cables Co., Ltd."))
    records = [*stored, Record(10, 0, "company", "Westbrook Cables Group")]
    assert reach(records, {0}, []) is not None
    monkeypatch.setattr(blocking, "MOST", 0.5)
    assert reach(records, {0}, []) is None


def test_a_word_tested_for_two_names_finds_what_each_can_meet():
    """The walk tests a shared word's names again for each name that follows it, skipping only names already reached.

    The second test must still find the name the first did not (and not the one neither can meet).
    """
    stored = _stored(
        ("company", "Westbrook Cables"),
        ("company", "Westbrook Pumps"),
        ("company", "Westbrook Turbines"),
    )
    names, _ = _reached(stored, ("company", "Westbrook Cable Group"), ("company", "Westbrook Turbine Group"))
    assert names == {"Westbrook Cable Group", "Westbrook Turbine Group", "Westbrook Cables", "Westbrook Turbines"}
