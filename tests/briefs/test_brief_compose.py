"""What a brief says: sections, citations, groups, monitoring, signal and basis, from real extractions."""

from __future__ import annotations

from datetime import date

import pytest
from brief_samples import CLUSTER_APPROVAL, HEDGED_PLAN, SUBSIDY_RULES, document

from policylens import extract
from policylens.briefs import RulesError, brief, brief_from_summary, compose
from policylens.briefs.rules import load_rules
from policylens.extraction.text import TextIndex

SECTIONS = ["summary", "confirmed", "impact", "monitor", "signal", "basis", "related"]
from shared_corpus import CORPUS, corpus_missing

SEED = CORPUS / "docs" / "00_machine_tool_cluster.txt"


def approval(**kw):
    return compose(extract(document(CLUSTER_APPROVAL, published="2026-05-12")), **kw)


def monitor_rules(b) -> dict[str, list]:
    found: dict[str, list] = {}
    for p in b.section("monitor").points:
        found.setdefault(p.data["rule"], []).append(p)
    return found


def test_sections_come_in_the_issue_order_and_citations_are_numbered_in_order():
    b = approval(as_of=date(2026, 7, 1))
    assert [s.id for s in b.sections] == SECTIONS
    assert [c.number for c in b.citations] == list(range(1, len(b.citations) + 1))
    used = {n for s in b.sections for p in s.points for n in p.citations}
    assert used == {c.number for c in b.citations}


def test_every_confirmed_point_cites_the_whole_sentence_it_came_from():
    x = extract(document(CLUSTER_APPROVAL, published="2026-05-12"))
    b = compose(x, as_of=date(2026, 7, 1), long=True)  # the default brief leaves the lead's event to the summary
    sentences = set(TextIndex(x.document.text).sentences)
    by_number = {c.number: c for c in b.citations}
    confirmed = b.section("confirmed").points
    assert {p.kind for p in confirmed} >= {"event", "target", "entities"}
    for point in confirmed:
        assert point.citations, point
        for n in point.citations:
            c = by_number[n]
            assert (c.start, c.end) in sentences
            assert x.document.text[c.start : c.end] == c.text
    target = next(p for p in confirmed if p.kind == "target")
    assert "exceed RMB 12 billion in exports by 2028; open" in target.text  # stated once, with its status
    assert target.text.split(": ", 1)[1].split("; ")[0] in by_number[target.citations[0]].text


def test_groups_come_from_instruments_and_cue_words_with_why():
    b = approval(as_of=date(2026, 7, 1))
    groups = {p.data["group"]: p for p in b.section("impact").points}
    assert {"manufacturers", "exporters", "supply_chain", "procurement"} <= set(groups)
    exporters = groups["exporters"]
    assert exporters.data["heading"] == "Export-oriented traders and channel businesses"
    assert "certification" in exporters.text and exporters.citations


def test_audience_keeps_only_the_groups_asked_for_and_rejects_unknown_names():
    b = approval(as_of=date(2026, 7, 1), audience=["traders", "manufacturers"])
    assert {p.data["group"] for p in b.section("impact").points} == {"exporters", "manufacturers"}
    assert b.audience == ["exporters", "manufacturers"]
    with pytest.raises(RulesError, match="unknown audience astronauts"):
        approval(audience=["astronauts"])


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2026, 7, 1), "open"),
        (date(2028, 3, 1), "due"),
        (date(2029, 3, 1), "past_due_unverified"),
    ],
)
def test_target_status_is_judged_on_the_as_of_day(as_of, status):
    b = approval(as_of=as_of)
    [target] = [p for p in b.section("confirmed").points if p.kind == "target"]
    assert target.data["status"] == status
    assert as_of.isoformat() in target.text
    assert b.as_of == as_of.isoformat()


def test_as_of_defaults_to_today_read_at_call_time():
    assert approval().as_of == date.today().isoformat()


def test_product_categories_certification_and_logistics_are_monitored():
    rules = monitor_rules(approval(as_of=date(2026, 7, 1)))
    assert rules["product-categories"][0].data["items"] == [
        "cryogenic ball valves",
        "nuclear-grade gate valves",
        "smart valve actuators",
    ]
    assert {"implementation-rules", "certification", "logistics", "export-support"} <= set(rules)


def test_executable_rules_read_as_rules_and_a_hedge_does_not():
    rules_doc = compose(extract(document(SUBSIDY_RULES, published="2026-06-02")), as_of=date(2026, 7, 1))
    assert rules_doc.section("signal").points[0].kind == "executable"
    assert "executable-rules" in monitor_rules(rules_doc)
    assert "implementation-rules" not in monitor_rules(rules_doc)
    hedged = compose(extract(document(HEDGED_PLAN, published="2026-04-09")), as_of=date(2026, 7, 1))
    assert hedged.section("signal").points[0].kind == "direction"
    assert "implementation-rules" in monitor_rules(hedged)


def test_horizon_follows_deadlines_events_and_instruments():
    signal = approval(as_of=date(2026, 7, 1)).section("signal").points[1]
    # An approval is a long-term event; a direction without rules is at least medium term.
    assert signal.data["horizon"] == "medium- to long"
    assert "2028" in signal.text


def test_basis_names_the_source_type_and_what_to_verify():
    b = compose(
        extract(document(CLUSTER_APPROVAL, published="2026-05-12", source_type="government")), as_of=date(2026, 7, 1)
    )
    basis = {p.kind: p for p in b.section("basis").points}
    assert basis["official"].data["official"] == "yes"
    assert "an official government source" in basis["source_type"].text
    assert any("certification arrangements" in item for item in basis["validate"].data["items"])
    assert "certification bodies' notices" in basis["confirm_with"].data["items"]
    media = approval(as_of=date(2026, 7, 1))
    assert {p.kind: p for p in media.section("basis").points}["official"].data["official"] == "unknown"
    attributed = CLUSTER_APPROVAL.replace(
        "Harbor City has gathered", "According to the Lakeshore Provincial Government, Harbor City has gathered"
    )
    cited = compose(extract(document(attributed, published="2026-05-12")), as_of=date(2026, 7, 1))
    official = {p.kind: p for p in cited.section("basis").points}["official"]
    assert official.data["official"] == "cited" and official.citations


def test_without_a_knowledge_base_the_related_section_says_so():
    related = approval(as_of=date(2026, 7, 1)).section("related")
    assert related.points == [] and "No knowledge base was consulted" in related.note


def test_user_summary_brief_says_it_rests_on_a_user_summary_without_official_source():
    b = brief_from_summary(
        "Lakeshore approves valve cluster",
        "May 2026",
        "The Lakeshore Provincial Government approved a valve cluster in May 2026. "
        "The cluster aims to exceed RMB 12 billion in exports by 2028.",
        as_of=date(2026, 7, 1),
    )
    assert b.user_summary and b.source["source"] == "user-provided summary"
    assert "user-provided summary" in b.section("summary").note
    official = next(p for p in b.section("basis").points if p.kind == "official")
    assert official.data["official"] == "user_summary" and "no official source" in official.text
    assert b.source["published"] == "2026-05"


def test_an_empty_summary_is_refused():
    from policylens.errors import InputError

    with pytest.raises(InputError, match="summary is empty"):
        brief_from_summary("Title", None, "   ")


def test_a_document_id_without_a_knowledge_base_is_a_clear_error():
    from policylens.errors import InputError

    with pytest.raises(InputError, match="needs a knowledge base"):
        brief(3)


@pytest.fixture(scope="module")
def seed_brief():
    if not SEED.exists():
        corpus_missing(f"the machine-tool seed document is not at {SEED} (../shared/corpus is absent)")
    return brief(SEED, as_of=date(2026, 11, 23))


def test_seed_brief_names_the_four_groups_of_the_hand_written_article(seed_brief):
    groups = {p.data["group"] for p in seed_brief.section("impact").points}
    assert {"manufacturers", "exporters", "supply_chain", "procurement"} <= groups


def test_seed_brief_lists_the_three_product_categories(seed_brief):
    [products] = monitor_rules(seed_brief)["product-categories"]
    items = [i.casefold() for i in products.data["items"]]
    assert items[:3] == [
        "high-precision gantry machining centers",
        "mill-turn composite machine tools",
        "smart production line integration",
    ]


def test_seed_brief_states_the_2027_export_target_once_with_its_status(seed_brief):
    targets = [p for p in seed_brief.section("confirmed").points if p.kind == "target"]
    export = [p for p in targets if p.data["deadline"] == 2027 and "export" in p.text]
    assert len(export) == 1
    assert export[0].data["status"] == "open" and "open (deadline ahead) as of 2026-11-23" in export[0].text
    # Stated once: the default brief does not repeat it under monitoring and validation.
    assert "targets" not in monitor_rules(seed_brief)
    long = brief(SEED, as_of=date(2026, 11, 23), long=True)
    assert [p for p in monitor_rules(long)["targets"] if p.data["deadline"] == 2027 and "export" in p.text]


def test_seed_brief_monitors_certification_and_logistics_upgrades(seed_brief):
    rules = monitor_rules(seed_brief)
    assert "certification" in rules and "logistics" in rules
    cited = {c.number: c.text for c in seed_brief.citations}
    assert any("certification" in cited[n] for n in rules["certification"][0].citations)
    assert any("logistics" in cited[n] for n in rules["logistics"][0].citations)


def test_seed_brief_puts_the_missing_official_source_under_verification(seed_brief):
    basis = {p.kind: p for p in seed_brief.section("basis").points}
    assert basis["official"].data["official"] == "missing"
    assert "No official source is cited" in basis["official"].text and basis["official"].citations
    assert "later official wording and implementation rules" in basis["validate"].data["items"]
    long = brief(SEED, as_of=date(2026, 11, 23), long=True)
    assert any("2027" in item for item in {p.kind: p for p in long.section("basis").points}["validate"].data["items"])


ZH_APPROVAL = (
    "青湖省批准阀门产业集群\n\n2026年5月，青湖省批准建设阀门产业集群。到2028年，集群出口额力争突破120亿元，"
    "完善出口认证和物流通道，带动制造企业和供应链配套企业发展。"
)


def test_a_chinese_document_gets_groups_instruments_and_quotes_with_their_metric():
    doc = document(ZH_APPROVAL, source="zh.txt", published="2026-05-12", language="zh")
    b = compose(extract(doc), as_of=date(2026, 11, 23))
    assert {"exporters", "supply_chain", "manufacturers"} <= {p.data["group"] for p in b.section("impact").points}
    assert {"certification", "logistics"} <= set(monitor_rules(b))
    # In an English brief the figure is built from its parts and cites the Chinese sentence ...
    [target] = [p for p in b.section("confirmed").points if p.kind == "target"]
    assert target.text.startswith("Target: 阀门产业集群 — cluster export: more than CNY 12 billion by 2028; open")
    assert "集群出口额力争突破120亿元" in b.citations[target.citations[0] - 1].text
    # ... and a Chinese brief quotes it with its metric, as the document words it.
    zh = compose(extract(doc), as_of=date(2026, 11, 23), rules=load_rules(language="zh"))
    [target] = [p for p in zh.section("confirmed").points if p.kind == "target"]
    assert target.text.startswith("目标: 集群出口额力争突破120亿元；") or target.text.startswith(
        "目标: 集群出口额力争突破120亿元; "
    )


def test_a_product_list_ends_where_the_sentence_turns_to_a_goal():
    b = brief_from_summary(
        "Lakeshore valve cluster",
        "May 2026",
        "The cluster focuses on cryogenic ball valves, gate valves and valve actuators, and targets "
        "exports exceeding RMB 12 billion by 2028.",
        as_of=date(2026, 7, 1),
    )
    [products] = monitor_rules(b)["product-categories"]
    assert products.data["items"] == ["cryogenic ball valves", "gate valves", "valve actuators"]


def test_a_quoted_figure_runs_to_its_clause_end_or_the_next_figure_without_dangling_words():
    from policylens.briefs.compose import clause

    text = "It aims for two parks of more than 50 billion yuan and 10 firms of 5 billion yuan, by 2030."
    two = text.index("two")
    assert (
        clause(text, two, two + 3, 8, frozenset({"and", "of"}), stop_at=text.index("10 firms"))
        == "two parks of more than 50 billion yuan"
    )
    ten = text.index("10 firms")
    assert clause(text, ten, ten + 2, 8, frozenset({"and"})) == "10 firms of 5 billion yuan"
    assert clause(text, ten, ten + 2, 1) == "10 firms"
