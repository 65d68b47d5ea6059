"""Search hits carry the matching passage in the source's own words, query words marked, on both backends."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policylens.extraction import extract
from policylens.model import Document
from policylens.store import KnowledgeBase
from policylens.store.search import snippet

FILLER = "The harbour district reported steady trade in the quarter. " * 12
STORY = (
    f"Coastal Works Opens Harbour Plant\n\n{FILLER}"
    "Coastal Works opened two Robotics Factories beside the harbour on Monday, "
    f"its third robotics factory in the province. {FILLER}"
)
CHINESE = "滨海新区印发方案。到2027年，全区建成智能工厂40家，机器人产业产值达到50亿元。"


def test_document_hits_quote_the_matching_passage_with_the_words_marked(kb_url):
    with KnowledgeBase.open(kb_url) as kb:
        kb.save(extract(Document(source="story.txt", text=STORY, title="Coastal Works Opens Harbour Plant")))
        kb.save(extract(Document(source="notice.txt", text=CHINESE, title="滨海新区方案", language="zh")))
        [hit] = kb.search("robotic factory", kinds=("document",))
        [zh] = kb.search("智能工厂", kinds=("document",))
    assert "Robotics Factories beside the harbour" in hit.snippet  # the source's words, not the index's
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…") and len(hit.snippet) < 200
    marked = [hit.snippet[a:b] for a, b in hit.marks]
    assert marked == ["Robotics", "Factories", "robotics", "factory"]
    assert [zh.snippet[a:b] for a, b in zh.marks] == ["智能工厂"]
    assert hit.to_dict()["snippet"] == hit.snippet


def test_a_word_found_only_in_the_title_is_shown_from_the_title(kb_url):
    with KnowledgeBase.open(kb_url) as kb:
        kb.save(extract(Document(source="plant.txt", text=FILLER, title="Quayside Plant Opens")))
        [hit] = kb.search("quayside", kinds=("document",))
    assert hit.snippet == "Quayside Plant Opens" and hit.marks == ((0, 8),)


words = st.text(alphabet="abcdefghij ", min_size=1, max_size=400)


@given(text=words, word=st.text(alphabet="abcdefghij", min_size=1, max_size=6))
def test_marks_point_at_the_query_word_inside_the_snippet(text, word):
    passage, marks = snippet(text, word, width=60)
    body = passage.strip("…")
    assert body in " ".join(text.split())
    assert len(body) <= 60
    for start, end in marks:
        assert passage[start:end].casefold().startswith(word[:3])
