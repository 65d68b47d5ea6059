"""Near-duplicates: the same story reposted with a few words changed is linked, not merged."""

from __future__ import annotations

from store_samples import (
    CJK_STORY,
    CJK_STORY_REPOST,
    CLUSTER_STORY,
    CLUSTER_STORY_REPOST,
    PORT_STORY,
    bare_extraction,
)

from policylens.store import dedup


def _similarity(a: str, b: str) -> float:
    return dedup.jaccard(dedup.signature(a), dedup.signature(b))


def test_content_hash_ignores_width_case_and_spacing():
    assert dedup.content_hash("ＡＢＣ  Steel\tYard\n") == dedup.content_hash("abc steel yard")
    assert dedup.content_hash("abc steel yard") != dedup.content_hash("abc steel yards")


def test_cjk_text_is_shingled_by_character():
    assert b"\xe6\xb2\xb3 \xe8\xb0\xb7 \xe7\x9c\x81" in dedup.shingles("河谷省")  # "河 谷 省"
    assert dedup.signature("   ") is None


def test_signatures_tell_reposts_from_other_stories():
    assert len(CLUSTER_STORY.split()) > 300
    assert _similarity(CLUSTER_STORY, CLUSTER_STORY_REPOST) >= dedup.THRESHOLD
    assert _similarity(CLUSTER_STORY, PORT_STORY) < 0.2


def test_a_repost_is_stored_and_linked(kb):
    original = kb.save(bare_extraction(CLUSTER_STORY, "site-a"))
    repost = kb.save(bare_extraction(CLUSTER_STORY_REPOST, "site-b"))
    assert repost.status == "stored"
    assert repost.near_duplicate_of == original.document_id
    assert kb.count_documents() == 2


def test_a_repost_of_a_repost_links_to_the_first_version(kb):
    original = kb.save(bare_extraction(CLUSTER_STORY, "site-a"))
    kb.save(bare_extraction(CLUSTER_STORY_REPOST, "site-b"))
    third = kb.save(bare_extraction(CLUSTER_STORY_REPOST.replace("spring", "autumn"), "site-c"))
    assert third.near_duplicate_of == original.document_id


def test_unrelated_stories_are_not_linked(kb):
    kb.save(bare_extraction(CLUSTER_STORY, "a"))
    other = kb.save(bare_extraction(PORT_STORY, "b"))
    assert other.status == "stored" and other.near_duplicate_of is None


def test_chinese_reposts_are_linked(kb):
    original = kb.save(bare_extraction(CJK_STORY, "zh-a"))
    repost = kb.save(bare_extraction(CJK_STORY_REPOST, "zh-b"))
    assert repost.near_duplicate_of == original.document_id
