"""Quality floors on the annotated corpus, measured by the corpus's own score.py.

The figures in the README come from `python benchmarks/score_corpus.py`; these
tests keep them from sliding back. They read ../shared/corpus at run time
(other people's text, never copied here) and skip when it is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from shared_corpus import CORPUS, CORPUS_ZH, SHARED, corpus_missing

CORPORA = {"en": CORPUS, "zh": CORPUS_ZH}


def score(corpus: Path, tmp_path: Path) -> dict:
    if not (corpus / "docs").is_dir():
        corpus_missing(f"annotated corpus not found at {corpus}")
    if not (SHARED / "corpus" / "score.py").is_file():
        corpus_missing(f"the corpus's score.py not found at {SHARED / 'corpus'}")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from score_corpus import write_predictions

    write_predictions(corpus / "docs", tmp_path)
    result = subprocess.run(
        [sys.executable, str(SHARED / "corpus" / "score.py"), str(tmp_path), str(corpus / "gold"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return score(CORPORA["en"], tmp_path_factory.mktemp("pred-en"))


def test_no_span_errors(english):
    assert english["span_errors"] == 0
    assert english["missing_documents"] == 0


# Floors on ../shared/corpus (42 documents): what main reached when the corpus grew (issue 12's
# starting point, `python benchmarks/score_corpus.py`), raised as work lands and never lowered.
FLOORS = {
    "quantities": 0.98,
    "targets": 0.94,
    "events": 0.77,
    "places": 0.94,
    "organisations": 0.93,
    "clusters_parks": 0.95,
    "programmes": 0.96,
}
ATTRIBUTE_FLOORS = {"deadline": 0.97, "comparator": 0.99, "kind": 0.98, "as_of": 0.86, "metric": 0.88, "subject": 0.80}
DOCUMENT_FLOORS = {"published": 0.99, "source_type": 0.92, "title": 0.99}


@pytest.mark.parametrize("item", sorted(FLOORS))
def test_f1_floor(english, item):
    assert english[item]["f1"] >= FLOORS[item], english[item]


@pytest.mark.parametrize("attribute", sorted(ATTRIBUTE_FLOORS))
def test_attribute_accuracy_floor(english, attribute):
    assert english["attribute_accuracy"][attribute] >= ATTRIBUTE_FLOORS[attribute]


@pytest.mark.parametrize("field", sorted(DOCUMENT_FLOORS))
def test_document_metadata_floor(english, field):
    assert english["document_accuracy"][field] >= DOCUMENT_FLOORS[field]


# Floors on the project's own held-out sets, invented documents no rule was written beside, scored by
# the same score.py; raised as work lands and never lowered:
# - benchmarks/heldout: twelve English documents;
# - benchmarks/heldout-zh: nine Chinese ones in the styles of government portals, notices, reports,
#   statistics releases, reposts, a traditional-character page and a PDF conversion;
# - benchmarks/heldout2: ten English ones from further afield (Hungary, Korea, the EU, the US, India,
#   Indonesia, Thailand, Vietnam), written on 2026-12-06 from the spec alone, floors at their first run;
# - benchmarks/heldout3: ten more (Japan, Chile, Germany, Malaysia, the UK, Mexico, Morocco, Saudi Arabia,
#   Brazil, a Chinese statistical communiqué), written later that day and kept out of sight;
# - benchmarks/heldout-zh2: eight more Chinese pages (a 工信厅 list, a work report, a signing repost, a
#   statistics release, an 实施方案, county news, a 中新网 story, a portal notice), written that day too.
# - benchmarks/heldout4: ten more English ones (Vietnam, Türkiye, Poland, Texas, the Philippines, Queensland,
#   a Chinese city portal, a trade magazine, an EU explainer, South Africa), written in stop 29 by a session
#   that read neither the code nor its output; floors at its first run, scored once and not read.
# - benchmarks/heldout5: ten more English ones, leaning on events (a wire story on Oita, Odisha, Georgia,
#   a Korean ministry, an AI summary on Indonesia, a machine-translated Guizhou repost, an EC state-aid
#   release, a trade magazine on Oman, Guanajuato, Alberta), written in stop 30 the same way; scored, not read.
# - benchmarks/heldout-zh3: eight more Chinese pages (a county signing, a 名单公示, a 新华网 data story, a park's
#   WeChat repost, a 实施方案, a 日报 cluster story, a 商务厅 FDI story, a 百家号 repost), written blind in stop 30;
#   floors at its first run. Read from then on as the Chinese rules' development set.
# - benchmarks/heldout6 and benchmarks/heldout-zh4: ten English documents (a wire story on Serbia, a DOE award,
#   a Vietnamese portal, a Thai BOI release, a Czech ministry, Malaysian trade media, Telangana, a Liuzhou
#   repost, an AI summary, a Philippine bulletin) and eight Chinese pages, written blind in stop 31 and read
#   from their first run on as the development sets.
# - benchmarks/heldout7 and benchmarks/heldout-zh5: ten English documents (a China Daily-style cluster story,
#   a Reuters wire from Chile, Morocco, Québec, a Japanese trade magazine, a PR Newswire release from Brazil,
#   a content-farm summary, an Australian council story, a Polish think-tank piece, a Saudi programme) and
#   eight Chinese pages, written blind later in stop 31 to judge the rules written since; scored, not read.
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
HELD_OUT = {
    "heldout": (
        {
            "quantities": 0.97,
            "targets": 0.91,
            "events": 0.84,
            "places": 0.96,
            "organisations": 0.97,
            "clusters_parks": 0.90,
            "programmes": 0.89,
        },
        {"kind": 0.94, "deadline": 0.92, "as_of": 0.88, "metric": 0.95, "subject": 0.76},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout-zh": (
        {
            "quantities": 0.98,
            "targets": 0.97,
            "events": 0.99,
            "places": 0.99,
            "organisations": 0.95,
            "clusters_parks": 0.97,
            "programmes": 0.99,
        },
        {"kind": 0.99, "comparator": 0.99, "deadline": 0.99, "as_of": 0.98, "metric": 0.95, "subject": 0.93},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout2": (
        {
            "quantities": 0.93,
            "targets": 0.87,
            "events": 0.79,
            "places": 0.94,
            "organisations": 0.97,
            "clusters_parks": 0.83,
            "programmes": 0.73,
        },
        {"kind": 0.94, "deadline": 0.96, "as_of": 0.80, "metric": 0.91, "subject": 0.81},
        {"published": 0.99, "source_type": 0.90, "title": 0.99},
    ),
    "heldout-zh2": (
        {
            "quantities": 0.98,
            "targets": 0.91,
            "events": 0.83,
            "places": 0.96,
            "organisations": 0.95,
            "clusters_parks": 0.89,
            "programmes": 0.75,
        },
        {"kind": 0.95, "deadline": 0.96, "as_of": 0.93, "metric": 0.92, "subject": 0.89},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout3": (
        {
            "quantities": 0.94,
            "targets": 0.86,
            "events": 0.70,
            "places": 0.87,
            "organisations": 0.80,
            "clusters_parks": 0.75,
            "programmes": 0.70,
        },
        {"kind": 0.94, "deadline": 0.91, "as_of": 0.84, "metric": 0.82, "subject": 0.69},
        {"published": 0.99, "source_type": 0.80, "title": 0.90},
    ),
    "heldout4": (
        {
            "quantities": 0.95,
            "targets": 0.82,
            "events": 0.51,
            "places": 0.85,
            "organisations": 0.80,
            "clusters_parks": 0.88,
            "programmes": 0.57,
        },
        {"kind": 0.92, "deadline": 0.91, "as_of": 0.79, "metric": 0.89, "subject": 0.59},
        {"published": 0.70, "source_type": 0.99, "title": 0.90},
    ),
    "heldout5": (
        {
            "quantities": 0.90,
            "targets": 0.80,
            "events": 0.67,
            "places": 0.86,
            "organisations": 0.79,
            "clusters_parks": 0.92,
            "programmes": 0.72,
        },
        {"kind": 0.93, "deadline": 0.90, "as_of": 0.69, "metric": 0.90, "subject": 0.64},
        {"published": 0.99, "source_type": 0.90, "title": 0.90},
    ),
    "heldout-zh3": (
        {
            "quantities": 0.98,
            "targets": 0.97,
            "events": 0.92,
            "places": 0.95,
            "organisations": 0.93,
            "clusters_parks": 0.91,
            "programmes": 0.87,
        },
        {"kind": 0.99, "comparator": 0.99, "deadline": 0.99, "as_of": 0.97, "metric": 0.94, "subject": 0.97},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout6": (
        {
            "quantities": 0.96,
            "targets": 0.84,
            "events": 0.88,
            "places": 0.87,
            "organisations": 0.86,
            "clusters_parks": 0.99,
            "programmes": 0.87,
        },
        {"kind": 0.93, "comparator": 0.98, "deadline": 0.95, "as_of": 0.77, "metric": 0.84, "subject": 0.81},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout7": (
        {
            "quantities": 0.86,
            "targets": 0.82,
            "events": 0.75,
            "places": 0.88,
            "organisations": 0.74,
            "clusters_parks": 0.96,
            "programmes": 0.77,
        },
        {"kind": 0.93, "comparator": 0.99, "deadline": 0.94, "as_of": 0.85, "metric": 0.87, "subject": 0.63},
        {"published": 0.90, "source_type": 0.80, "title": 0.90},
    ),
    "heldout-zh4": (
        {
            "quantities": 0.99,
            "targets": 0.99,
            "events": 0.91,
            "places": 0.95,
            "organisations": 0.92,
            "clusters_parks": 0.96,
            "programmes": 0.80,
        },
        {"kind": 0.99, "comparator": 0.99, "deadline": 0.99, "as_of": 0.76, "metric": 0.96, "subject": 0.89},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout-zh5": (
        {
            "quantities": 0.98,
            "targets": 0.90,
            "events": 0.89,
            "places": 0.97,
            "organisations": 0.90,
            "clusters_parks": 0.87,
            "programmes": 0.80,
        },
        {"kind": 0.93, "comparator": 0.99, "deadline": 0.93, "as_of": 0.86, "metric": 0.98, "subject": 0.89},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout8": (
        {
            "quantities": 0.94,
            "targets": 0.82,
            "events": 0.73,
            "places": 0.88,
            "organisations": 0.92,
            "clusters_parks": 0.95,
            "programmes": 0.85,
        },
        {"kind": 0.93, "comparator": 0.99, "deadline": 0.92, "as_of": 0.77, "metric": 0.91, "subject": 0.80},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout9": (
        {
            "quantities": 0.92,
            "targets": 0.76,
            "events": 0.59,
            "places": 0.79,
            "organisations": 0.81,
            "clusters_parks": 0.66,
            "programmes": 0.80,
        },
        {"kind": 0.85, "comparator": 0.97, "deadline": 0.90, "as_of": 0.81, "metric": 0.85, "subject": 0.57},
        {"published": 0.90, "source_type": 0.90, "title": 0.90},
    ),
    "heldout-zh6": (
        {
            "quantities": 0.98,
            "targets": 0.96,
            "events": 0.96,
            "places": 0.92,
            "organisations": 0.97,
            "clusters_parks": 0.90,
            "programmes": 0.99,
        },
        {"kind": 0.98, "comparator": 0.99, "deadline": 0.99, "as_of": 0.97, "metric": 0.97, "subject": 0.81},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout-zh7": (
        {
            "quantities": 0.99,
            "targets": 0.93,
            "events": 0.90,
            "places": 0.99,
            "organisations": 0.84,
            "clusters_parks": 0.85,
            "programmes": 0.99,
        },
        {"kind": 0.95, "comparator": 0.98, "deadline": 0.95, "as_of": 0.93, "metric": 0.94, "subject": 0.88},
        {"published": 0.99, "source_type": 0.99, "title": 0.99},
    ),
    "heldout10": (
        {
            "quantities": 0.92,
            "targets": 0.82,
            "events": 0.56,
            "places": 0.79,
            "organisations": 0.78,
            "clusters_parks": 0.72,
            "programmes": 0.63,
        },
        {"kind": 0.92, "comparator": 0.97, "deadline": 0.93, "as_of": 0.84, "metric": 0.89, "subject": 0.37},
        {"published": 0.99, "source_type": 0.90, "title": 0.70},
    ),
    "heldout-zh8": (
        {
            "quantities": 0.99,
            "targets": 0.91,
            "events": 0.72,
            "places": 0.81,
            "organisations": 0.88,
            "clusters_parks": 0.76,
            "programmes": 0.72,
        },
        {"kind": 0.93, "comparator": 0.98, "deadline": 0.88, "as_of": 0.96, "metric": 0.92, "subject": 0.84},
        {"published": 0.99, "source_type": 0.99, "title": 0.50},
    ),
}


def below_floors(scores: dict, items: dict, attributes: dict, document: dict) -> list[tuple[str, float, float]]:
    """Every (figure, value, floor) of a score.py result that lies below its floor."""
    return [
        (name, figure, floor)
        for figures, floors in (
            ({k: scores[k]["f1"] for k in items}, items),
            (scores["attribute_accuracy"], attributes),
            (scores["document_accuracy"], document),
        )
        for name, floor in floors.items()
        if (figure := figures[name]) < floor
    ]


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_floors(name, tmp_path):
    scores = score(BENCHMARKS / name, tmp_path)
    assert scores["span_errors"] == 0
    assert below_floors(scores, *HELD_OUT[name]) == []
