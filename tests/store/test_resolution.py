"""Entity resolution rules, as pure functions: what merges, what must stay apart, and the user's decisions."""

from __future__ import annotations

import pytest

from policylens.store.resolve import (
    Decision,
    Record,
    normalise,
    resolve,
    same_name,
    variants,
)


def _groups(records, decisions=()):
    """Each cluster as the set of its record names."""
    return sorted(sorted(r.name for r in c.records) for c in resolve(records, decisions))


def _records(*items):
    return [Record(i, i, t, n, key=k) for i, (t, n, k) in enumerate(items, 1)]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Haier", "Haier Group"),
        ("Northgate Precision Machinery Co., Ltd.", "Northgate Precision Machinery"),
        ("The Riverton Group", "Riverton"),
        ("Qingdao Intl Investment Park", "Qingdao International Investment Park"),
        ("Harbour Valley Innovation Centre", "Harbour Valley Innovation Center"),
        ("Lakeview Virtual Reality Industrial Park", "Lakeview Virtual Reality Park"),
    ],
)
def test_names_of_one_entity_merge(a, b):
    group = "park" if "Park" in a else "company"
    assert _groups(_records((group, a, None), (group, b, None))) == [sorted([a, b])]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Riverside Industrial Park", "Lakeside Industrial Park"),
        ("Jinan International Investment Park", "Jinan-Qingdao-Yantai International Investment Park"),
        ("national cluster for robots", "provincial cluster for robots"),
        ("Phase I Logistics Park", "Phase II Logistics Park"),
        ("Riverton No. 1 Industrial Park", "Riverton No. 2 Industrial Park"),
        ("North Harbour Economic Zone", "South Harbour Economic Zone"),
        ("Provincial Government", "Municipal Government"),
    ],
)
def test_different_entities_with_alike_names_stay_apart(a, b):
    assert not same_name(normalise(a), normalise(b))
    assert len(_groups(_records(("park", a, None), ("park", b, None)))) == 2


def test_types_of_different_groups_never_merge():
    assert len(_groups(_records(("company", "Riverton", None), ("government", "Riverton", None)))) == 2
    assert len(_groups(_records(("company", "Lemonade", None), ("platform", "Lemonade", None)))) == 1


def test_initialisms_derived_stated_and_known():
    assert _groups(_records(("place", "Harbour East Development Zone", None), ("place", "HEDZ", None))) == [
        ["HEDZ", "Harbour East Development Zone"]
    ]
    stated = "Lake Trade Zone (LTZ) Industrial Park"
    assert variants(stated) == {"Lake Trade Zone Industrial Park", "LTZ Industrial Park"}
    assert len(_groups(_records(("park", stated, None), ("park", "LTZ Industrial Park", None)))) == 1
    assert (
        len(
            _groups(
                _records(
                    ("government", "MIIT", None),
                    ("government", "Ministry of Industry and Information Technology", None),
                )
            )
        )
        == 1
    )


def test_an_initialism_of_two_names_merges_with_neither():
    records = _records(
        ("park", "Harbour East Development Zone", None),
        ("park", "Hill Estate Design Zone", None),
        ("park", "HEDZ", None),
    )
    assert len(_groups(records)) == 3


def test_places_by_gazetteer_key_and_same_place():
    records = _records(
        ("place", "Jiaozhou", "adcode:370281"),
        ("place", "Jiaozhou City", "adcode:370281"),
        ("place", "WCNA", "area:west-coast-new-area"),
        ("place", "Huangdao", "adcode:370211"),
    )
    clusters = resolve(records)
    assert [(c.name, c.key, len(c.records)) for c in clusters] == [
        ("Jiaozhou", "adcode:370281", 2),
        ("West Coast New Area", "area:west-coast-new-area", 2),
    ]


def test_decisions_merge_and_split_and_the_last_word_wins():
    records = _records(
        ("company", "Haier", None),
        ("company", "Haier Group", None),
        ("park", "Riverside Industrial Park", None),
        ("park", "Lakeside Industrial Park", None),
    )
    split = Decision("split", "Haier Group", "Haier")
    merge = Decision("merge", "Riverside Industrial Park", "Lakeside Industrial Park")
    assert _groups(records, [split, merge]) == [
        ["Haier"],
        ["Haier Group"],
        ["Lakeside Industrial Park", "Riverside Industrial Park"],
    ]
    assert len(_groups(records, [split, Decision("merge", "Haier", "Haier Group")])) == 3


def test_resolution_does_not_depend_on_record_order():
    items = [
        ("company", "Haier", None),
        ("company", "Haier Group Co., Ltd.", None),
        ("park", "HEDZ", None),
        ("park", "Harbour East Development Zone", None),
        ("park", "Lakeside Industrial Park", None),
    ]
    forward = _groups(_records(*items))
    backward = _groups(_records(*reversed(items)))
    assert forward == backward


def test_two_gazetteer_places_of_one_name_stay_two():
    # Chaoyang district of Beijing and Chaoyang city of Liaoning; a bare "Chaoyang" without a key joins neither.
    records = _records(
        ("place", "Chaoyang", "adcode:110105"), ("place", "Chaoyang", "adcode:211300"), ("place", "Chaoyang", None)
    )
    assert len(resolve(records)) == 3


def test_a_short_form_of_a_cluster_joins_its_long_name():
    long = "Harbin-Daqing provincial advanced manufacturing cluster for agricultural machinery"
    short = "Harbin-Daqing agricultural machinery cluster"
    assert _groups(_records(("cluster", long, None), ("cluster", short, None))) == [sorted([long, short])]


@pytest.mark.parametrize(
    "short",
    [
        "Harbin agricultural machinery cluster",  # fewer places: another cluster
        "Harbin-Daqing national agricultural machinery cluster",  # another level
        "Harbin-Daqing robotics cluster",  # another industry
        "Harbin-Daqing agricultural machinery cluster phase 2",  # a numbered phase
    ],
)
def test_short_forms_keep_other_places_levels_industries_and_phases_apart(short):
    long = "Harbin-Daqing provincial advanced manufacturing cluster for agricultural machinery"
    assert len(_groups(_records(("cluster", long, None), ("cluster", short, None)))) == 2


def test_a_short_form_that_fits_two_long_names_joins_neither():
    records = _records(
        ("cluster", "Harbin-Daqing provincial advanced manufacturing cluster for agricultural machinery", None),
        ("cluster", "Harbin-Daqing provincial characteristic cluster for agricultural machinery", None),
        ("cluster", "Harbin-Daqing agricultural machinery cluster", None),
    )
    assert len(_groups(records)) == 3


def test_short_forms_apply_only_to_clusters_parks_and_programmes():
    long, short = "Harbin-Daqing Agricultural Machinery Trading Company", "Harbin-Daqing Agricultural Machinery"
    assert len(_groups(_records(("government", long, None), ("government", short, None)))) == 2
