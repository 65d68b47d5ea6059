"""The rules file: the shipped one is valid and complete, a replacement takes effect, a broken one is named."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
import yaml
from brief_samples import CLUSTER_APPROVAL, document

from policylens import extract
from policylens.briefs import RulesError, compose, load_rules
from policylens.briefs.rules import default_rules_path

ISSUE_GROUPS = {
    "manufacturers",
    "exporters",
    "supply_chain",
    "procurement",
    "investors",
    "local_government",
    "research",
}
ISSUE_INSTRUMENTS = {
    "certification",
    "logistics",
    "export_support",
    "subsidies",
    "land",
    "talent",
    "procurement",
    "standards",
}


def shipped() -> dict:
    return yaml.safe_load(Path(default_rules_path()).read_text(encoding="utf-8"))


def write_rules(tmp_path: Path, data) -> Path:
    path = tmp_path / "my-rules.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_rules_cover_the_issue_groups_and_instruments():
    rules = load_rules()
    assert set(rules.groups) == ISSUE_GROUPS
    assert set(rules.instruments) == ISSUE_INSTRUMENTS
    assert all(g.why and g.watch for g in rules.groups.values())
    assert {m.value for m in rules.monitoring if m.condition == "instrument"} == ISSUE_INSTRUMENTS


def test_a_replacement_rules_file_changes_the_brief(tmp_path):
    data = shipped()
    data["groups"]["exporters"]["label"] = "Cross-border sellers"
    data["groups"] = {"exporters": data["groups"]["exporters"]}
    rules = load_rules(write_rules(tmp_path, data))
    b = compose(extract(document(CLUSTER_APPROVAL, published="2026-05-12")), rules=rules, as_of=date(2026, 7, 1))
    assert [p.data["heading"] for p in b.section("impact").points] == ["Cross-border sellers"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("groups: [unclosed", "not valid YAML"),
        ("- just\n- a list\n", "top level: must be a mapping"),
        (lambda d: d.pop("monitoring"), "top level: missing monitoring"),
        (
            lambda d: d["groups"]["exporters"]["instruments"].append("tariffs"),
            "groups.exporters.instruments: unknown instrument 'tariffs'",
        ),
        (lambda d: d["instruments"]["land"].update(horizon="soon"), "instruments.land.horizon: must be one of"),
        (lambda d: d["groups"]["research"].update(why="Because of {budget}."), "unknown placeholder {budget}"),
        (
            lambda d: d["monitoring"].append({"id": "x", "when": {"instrument": "tariffs"}, "text": "t"}),
            r"monitoring\[\d+\]\.when\.instrument: must be one of",
        ),
        (lambda d: d["product_lists"].update(stop_words=[True, "to"]), 'quote words like "on"'),
    ],
)
def test_a_broken_rules_file_fails_at_once_naming_the_file_and_key(tmp_path, content, message):
    if callable(content):
        data = shipped()
        content(data)
        content = data
    path = write_rules(tmp_path, content)
    with pytest.raises(RulesError, match=message) as caught:
        load_rules(path)
    assert str(caught.value).startswith(f"rules file {path}: ")


def test_a_missing_rules_file_is_named(tmp_path):
    with pytest.raises(RulesError, match=r"rules file .*absent\.yaml: cannot read"):
        load_rules(tmp_path / "absent.yaml")


def test_an_edited_rules_file_is_read_again(tmp_path):
    data = shipped()
    path = write_rules(tmp_path, data)
    assert load_rules(path).groups["investors"].label == "Investors"
    data["groups"]["investors"]["label"] = "Capital providers"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different modification time, however fast the edit
    assert load_rules(path).groups["investors"].label == "Capital providers"
