"""Highlighted text: marks nest, crossing spans are left out of the text, and every piece is escaped."""

from __future__ import annotations

from policylens.model import Document, Entity, Event, Extraction, Quantity
from policylens.web import highlight

TEXT = 'Qingdao <b>will</b> build 300 "smart" factories by 2027.'


def _extraction(**facts) -> Extraction:
    return Extraction(document=Document(source="t.txt", text=TEXT), **facts)


def _quantity(start: int, end: int) -> Quantity:
    return Quantity(
        kind="target",
        text=TEXT[start:end],
        start=start,
        end=end,
        value=300,
        unit="count",
        comparator=">=",
        deadline=2027,
        metric="smart factories",
    )


def test_marks_nest_inside_an_event_and_carry_their_details():
    q = TEXT.index("300")
    x = _extraction(
        quantities=[_quantity(q, q + 3)],
        events=[Event(type="investment", text=TEXT[:-1], start=0, end=len(TEXT) - 1, date="2027")],
        entities=[Entity(type="place", name="Qingdao", mentions=[(0, 7)])],
    )
    marks = highlight.marks(x)
    html = str(highlight.render(TEXT, marks))
    assert html.count("<mark") == html.count("</mark>") == 3
    assert html.index('id="e0"') < html.index('id="n0-0"') < html.index('id="q0"')
    target = next(m for m in marks if m.id == "q0")
    assert ("value", "300") in target.tip and ("deadline", "2027") in target.tip
    assert ("comparator", ">=") in target.tip and target.label == "≥ 300"
    assert 'title="kind: target&#10;value: 300' in html or 'title="kind: target\nvalue: 300' in html


def test_text_and_attributes_are_escaped():
    q = TEXT.index("300")
    x = _extraction(
        quantities=[_quantity(q, q + 3)],
        entities=[Entity(type="company", name='Evil "Co" <script>', mentions=[(8, 19)])],
    )
    html = str(highlight.render(TEXT, highlight.marks(x)))
    assert "<b>" not in html and "&lt;b&gt;will&lt;/b&gt;" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&#34;smart&#34;" in html


def test_a_span_crossing_an_open_mark_is_left_out_of_the_text():
    crossing = [
        Entity(type="place", name="a", mentions=[(0, 12)]),
        Entity(type="company", name="b", mentions=[(8, 20)]),
    ]
    marks = highlight.marks(_extraction(entities=crossing))
    html = str(highlight.render(TEXT, marks))
    assert html.count("<mark") == html.count("</mark>") == 1
    assert [m.shown for m in marks] == [True, False]


def test_offsets_outside_the_text_are_not_marked():
    marks = highlight.marks(_extraction(quantities=[_quantity(len(TEXT) - 2, len(TEXT) + 5)]))
    assert str(highlight.render(TEXT, marks)).count("<mark") == 0 and not marks[0].shown
