"""The shared singular rule: what search and metric matching both rely on."""

import pytest

from policylens.words import singular


@pytest.mark.parametrize(
    "word, expected",
    [
        ("factories", "factory"),
        ("parks", "park"),
        ("enterprises", "enterprise"),
        ("process", "process"),
        ("campus", "campus"),
        ("basis", "basis"),
        ("gas", "gas"),
        ("ies", "ies"),
    ],
)
def test_singular(word, expected):
    assert singular(word) == expected
