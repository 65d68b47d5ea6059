"""Briefs across languages: an English brief of a Chinese notice and a Chinese brief (--language zh).

The English brief states the notice's figures built from what extraction
found (value, unit, comparator, deadline, the place by its gazetteer English
name), each cited to the Chinese sentence; the Chinese brief takes every
label and template from the rules' Chinese wording.  The documents are the
invented ones of jiaozhou_samples.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from jiaozhou_samples import ARTICLE, NOTICE
from typer.testing import CliRunner

from policylens import brief, render_brief
from policylens.briefs.rules import (
    RulesError,
    default_rules_path,
    load_rules,
    wording_path,
)
from policylens.cli import app

AS_OF = date(2026, 11, 23)


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    path = tmp_path / "jiaozhou_notice_zh.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return path


def _points(b, kind: str):
    return [p for p in b.section("confirmed").points if p.kind == kind]


def test_an_english_brief_of_a_chinese_notice_builds_its_figures_and_cites_the_chinese_sentence(notice):
    b = brief(notice, as_of=AS_OF)
    [output, firms] = _points(b, "target")
    assert output.text.startswith("Target: Jiaozhou — machine tool industry output: CNY 20 billion by 2027; ")
    assert firms.text.startswith("Target: Jiaozhou — ") and ": more than 30 by 2027; " in firms.text
    [cited] = [c for c in b.citations if c.number in output.citations]
    assert cited.text.startswith("到2027年，胶州市机床产业产值达到200亿元")
    assert output.data["value"] == 2e10 and output.data["unit"] == "CNY"  # the extracted facts travel with it
    assert b.section("summary").title == "Summary"


def test_a_chinese_brief_takes_every_label_from_the_chinese_wording(notice):
    b = brief(notice, as_of=AS_OF, language="zh")
    zh = load_rules(language="zh")
    assert [s.title for s in b.sections] == [
        zh.labels[s] for s in ("summary", "confirmed", "impact", "monitor", "signal", "basis", "related")
    ]
    # A Chinese source is quoted as written in a Chinese brief.
    assert _points(b, "target")[0].text.startswith(f"{zh.labels['target']}: 胶州市机床产业产值达到200亿元; ")
    markdown = render_brief(b, "md")
    # No English wording: the only Latin letters left are the file name in the byline.
    assert re.findall(r"[A-Za-z]{2,}", markdown.replace(str(notice).replace("_", "\\_"), "")) == []
    assert '<html lang="zh">' in render_brief(b, "html")


def test_a_chinese_brief_of_an_english_article_names_the_place_in_chinese(tmp_path):
    path = tmp_path / "jiaozhou_article_en.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [figure] = _points(brief(path, as_of=AS_OF, language="zh"), "statistic")
    assert figure.text.startswith("数字: 胶州市 — ") and "170 亿 元" in figure.text


def test_the_chinese_wording_covers_every_english_label():
    """A label missing from rules.zh.yaml would silently stay English in a Chinese brief."""
    shipped = yaml.safe_load(Path(default_rules_path()).read_text(encoding="utf-8"))
    zh = yaml.safe_load(wording_path(Path(default_rules_path()), "zh").read_text(encoding="utf-8"))
    for section in ("labels", "statuses", "wording"):
        assert set(shipped[section]) <= set(zh[section]), section
    for part in ("labels", "status_names"):
        assert set(shipped["digest"][part]) == set(zh["digest"][part]), f"digest.{part}"
    assert {m["id"] for m in shipped["monitoring"]} == set(zh["monitoring"])
    assert set(shipped["groups"]) == set(zh["groups"]) and set(shipped["instruments"]) == set(zh["instruments"])


def test_an_unknown_language_is_one_clear_error(notice, tmp_path):
    with pytest.raises(RulesError, match="no brief wording for language 'fr'"):
        brief(notice, as_of=AS_OF, language="fr")
    result = CliRunner().invoke(
        app,
        [
            "--db",
            f"sqlite:///{tmp_path / 'kb.db'}",
            "brief",
            str(notice),
            "--language",
            "zh",
            "--as-of",
            AS_OF.isoformat(),
        ],
    )
    assert result.exit_code == 0 and "## 已确认的内容" in result.output
