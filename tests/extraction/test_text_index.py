"""The shared index every extractor reads (sentences, paragraphs) and the word tokens built over it stay
consistent with the text, whatever the text: spans inside it, in order, covering every character that is
not white space."""

from bisect import bisect_right

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.extraction.entities.tokens import Tokens
from policylens.extraction.text import MAX_SENTENCE_CHARS, TextIndex

PIECES = st.sampled_from(
    [
        "The plan",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        ".",
        ". ",
        "! ",
        "? ",
        "。",
        "；",
        '"',
        "”",
        "’s",
        "'",
        "(",
        ")",
        "U.S. ",
        "Co. ",
        "e.g. ",
        "Dr. Li",
        "2025",
        "3.5",
        ",",
        "，",
        "、",
        "A",
        "b",
        "新能源",
        "x" * 700,
        "é",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join))


def _check_spans(text, spans):
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_sentences_and_paragraphs_cover_the_text_in_order(text):
    index = TextIndex(text)
    _check_spans(text, index.paragraphs)
    _check_spans(text, index.sentences)
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in index.sentences)
    covered = [False] * len(text)
    for start, end in index.sentences:
        paragraph = index.paragraph_at(start)
        assert paragraph[0] <= start and end <= paragraph[1]  # a sentence never crosses a line
        assert index.sentence_at(start) == (start, end) and index.sentence_at(end - 1) == (start, end)
        covered[start:end] = [True] * (end - start)
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_tokens_are_inside_the_text_and_its_sentences(text):
    index = TextIndex(text)
    tokens = Tokens(text)
    starts = [s for s, _ in index.sentences]
    previous_end = 0
    for start, end, word, lower in zip(tokens.starts, tokens.ends, tokens.words, tokens.lower, strict=True):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == word and lower == word.lower()
        i = bisect_right(starts, start) - 1
        assert i >= 0 and index.sentences[i][0] <= start < index.sentences[i][1]  # it starts inside a sentence
        previous_end = end
    assert len(tokens.cap) == len(tokens)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The furnace runs at 1,200 °C. Officials said output would rise.", 2),
        ("Winter lows reach −5 °F. The line will expand.", 2),
        # an initial still does not end one
        ("Shipments to the U.S. rose. J. Smith said so.", 2),
    ],
)
def test_a_temperature_unit_ends_a_sentence_where_an_initial_does_not(text, count):
    assert len(TextIndex(text).sentences) == count


def test_a_sentence_in_markdown_bold_starts_after_the_stop_before_it():
    """AI-written summaries bold whole sentences: "**" between a stop and the capital ends the sentence before."""
    text = "Vietnam is one of Asia's top exporters. **Electronics exports reached $126.5 billion in 2025**, up 10%."
    starts = [text[s:e] for s, e in TextIndex(text).sentences]
    assert starts == ["Vietnam is one of Asia's top exporters.", text[text.index("**") :]]
