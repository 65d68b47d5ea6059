"""What issue 16 reads once and shares (between the figures of a sentence, or between the names of a document)
gives exactly what reading it afresh gives: each shared reading against a fresh reader, or the plain code, on
texts built to reach its edges (the style of test_fast_paths.py)."""

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policylens.extraction import quantities
from policylens.extraction.entities import find_entities
from policylens.extraction.entities.assemble import _any_level_word, _level_words
from policylens.extraction.numbers import find_amounts
from policylens.extraction.text import TextIndex
from policylens.model import Document

pytestmark = pytest.mark.slow  # large Hypothesis runs comparing each shortcut with the plain code

# Pieces of sentences about who owns a figure: names, places that locate them, asides, pronouns and
# definite descriptions, adjuncts, verbs, clause openings and figures, so that two figures often share a
# clause, a verb or neither.
SUBJECT_PIECES = st.sampled_from(
    [
        "Hefei",
        "Anhui",
        "Suzhou Industrial Park",
        "Acme Corp",
        "the Qingdao cluster",
        "Jiangsu Province",
        "China",
        "It",
        "it",
        "They",
        "The park",
        "the park",
        "The province",
        "the province's",
        "This city",
        "the plan",
        "According to Acme Corp",
        "such as Hefei",
        "on the Shanghai Stock Exchange",
        "With 300 firms",
        "has built",
        "exported",
        "will reach",
        "rose",
        "attracted",
        "is expected to create",
        "said",
        "30 factories",
        "$5 billion",
        "15%",
        "1,200 jobs",
        "in 2023",
        "by 2027",
        ", ",
        ", and ",
        ", while ",
        "; ",
        " and ",
        " ",
        " ",
        ". ",
        ".\n\n",
    ]
)
SUBJECT_TEXTS = st.lists(SUBJECT_PIECES, min_size=1, max_size=30).map("".join)


def _reader(text: str) -> quantities._Reader:
    document = Document(source="t.txt", text=text)
    index = TextIndex(text)
    return quantities._Reader(document, index, find_entities(document, index))


def _figures(reader: quantities._Reader) -> list:
    return [a for a in find_amounts(reader.text) if not reader._skip(a)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SUBJECT_TEXTS)
@example(text="Hefei, Anhui, has built 30 factories and 1,200 jobs in 2023. It exported $5 billion, and rose 15%.")
@example(text="The park, the Qingdao cluster, attracted $5 billion; Acme Corp said it will reach 15% and 30 factories.")
@example(text="With 300 firms, Suzhou Industrial Park exported $5 billion and 15%, while China rose 15% and 30 firms.")
def test_a_clause_read_once_for_its_figures_gives_each_figure_the_fresh_subject(text):
    # One reader shares what the words before a clause's verb say (and what a description opening a clause
    # refers to) between the figures after that verb; a fresh reader for each figure reads it again.
    shared = _reader(text)
    for a in _figures(shared):
        fresh = _reader(text)
        assert shared._clause_subject(a, shared._sentence(a.start)) == fresh._clause_subject(
            a, fresh._sentence(a.start)
        )
        assert shared._subject(a, shared._sentence(a.start)) == fresh._subject(a, fresh._sentence(a.start))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SUBJECT_TEXTS)
def test_a_description_opening_a_clause_is_read_once_a_place(text):
    shared = _reader(text)
    places = [0] + [m.end() for m in re.finditer(r"[,;.]\s*", text)]
    for at in places + places:  # each place asked twice: the second answer is the one kept
        assert shared._opening_referent(at) == _reader(text)._opening_referent(at)


LEVEL_PIECES = st.sampled_from(
    [
        "national",
        "national-level",
        "international",
        "provincial",
        "provincial-level",
        "province-level",
        "municipal",
        "city-level",
        "county",
        "county-level",
        "state-level",
        "world-class",
        "world",
        "level",
        "-",
        " ",
        "_",
        "x",
        "park",
        "acme",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(name=st.lists(LEVEL_PIECES, max_size=8).map("".join))
@example(name="international park")
@example(name="city-level_park")
def test_a_name_without_a_level_word_is_passed_over_by_one_search(name):
    # _describe tries the level words one by one only where the alternation of them all finds one.
    assert (_any_level_word().search(name) is not None) == any(word.search(name) for word, _ in _level_words())
