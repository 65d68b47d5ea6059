"""The helpers that let a scan skip what cannot match: looks at first characters and at words."""

import re

from policylens.extraction.anycase import might_hold, needed, opening


def test_opening_takes_every_character_a_letter_matches_ignoring_case():
    look = re.compile(opening("ks") + r"(?i:k|s)")
    assert [m.group() for m in look.finditer("K k \u212a S s \u017f x")] == ["K", "k", "\u212a", "S", "s", "\u017f"]


def test_opening_passes_over_positions_no_match_can_begin_at():
    look = re.compile(opening(["$", r"\d", "-"]) + r"(?:\$|-)?\d+")
    assert [m.group() for m in look.finditer("a1 $20 -3 x")] == ["1", "$20", "-3"]


def test_opening_for_a_pattern_matched_case_sensitively_takes_letters_as_written():
    look = re.compile(opening("U$", ignoring_case=False) + r"(?i:us\$|\$)")
    assert [m.group() for m in look.finditer("US$ us$")] == ["US$", "$"]


def test_opening_is_left_out_for_a_letter_outside_ascii_or_an_empty_word():
    assert opening(["é", "a"]) == ""
    assert opening(["", "a"], ignoring_case=False) == ""
    assert opening(["é", "A"], ignoring_case=False) == "(?=[Aé])"


def test_might_hold_looks_for_the_first_word_of_each_phrase():
    needs = needed(["set up", "Established"])
    assert might_hold("It was SET\nUP in 2010", "it was set\nup in 2010", needs)
    assert might_hold("established", "established", needs)
    assert not might_hold("It began in 2010", "it began in 2010", needs)
    assert might_hold("It \u017fet out", "it \u017fet out", needs)  # long s: a scan ignoring case takes it for "s"


def test_needed_leaves_out_a_word_that_holds_another():
    assert needed(["rank", "ranked", "Ranking", "stood", "half of", "halves"]) == ("half", "halves", "rank", "stood")
