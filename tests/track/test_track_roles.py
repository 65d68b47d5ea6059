"""Goal, term or threshold: a reward cap or an eligibility bar is not a goal to be met or missed."""

from __future__ import annotations

import pytest

from policylens.track.roles import clause_before, role_of


def _role(sentence: str, figure: str, unit: str = "CNY") -> str:
    start = sentence.index(figure)
    end = start + len(figure)
    return role_of(figure, sentence[:start], sentence[end:], unit)


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        ("Each certified lighthouse plant will be granted a one-off award of RMB 800,000.", "RMB 800,000", "CNY"),
        ("Firms that complete a retrofit get a subsidy of no more than 20% of the outlay.", "no more than 20%", "%"),
        ("Support for each project is capped at RMB 3 million.", "capped at RMB 3 million", "CNY"),
        ("The city will set up a guidance fund of 2 billion yuan for start-ups.", "2 billion yuan", "CNY"),
        ("Selected workshops receive up to EUR 50,000 each.", "up to EUR 50,000", "EUR"),
        ("The county finance bureau will allocate 80 million yuan to the scheme.", "80 million yuan", "CNY"),
        ("对通过验收的项目给予最高100万元奖励。", "100万元", "CNY"),
        ("按软件投入的20%给予补助。", "20%", "%"),
        ("区财政每年统筹安排3000万元专项资金。", "3000万元", "CNY"),
    ],
)
def test_rewards_subsidies_funds_and_caps_are_terms(sentence, figure, unit):
    assert _role(sentence, figure, unit) == "term"


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        ("The programme is open to companies with annual sales above RMB 50 million.", "above RMB 50 million", "CNY"),
        (
            "It will foster 12 parks each with an output value exceeding 10 billion yuan.",
            "exceeding 10 billion yuan",
            "CNY",
        ),
        ("主营业务收入超过5亿元的企业可以申报。", "超过5亿元", "CNY"),
    ],
)
def test_eligibility_bars_are_thresholds(sentence, figure, unit):
    assert _role(sentence, figure, unit) == "threshold"


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        ("By 2027 the region aims for exports exceeding RMB 9 billion.", "exceeding RMB 9 billion", "CNY"),
        ("The plan aims to raise annual capacity to up to 400,000 units.", "up to 400,000", "count"),
        ("到2026年，全区新能源汽车产量达到10万辆。", "10万辆", "count"),
        ("The province will train 20,000 technicians, funded by the scheme, by 2026.", "20,000", "count"),
        # A size stated of a project is not a bar anyone must clear.
        ("The group will build a project with an annual capacity of 200,000 units.", "200,000 units", "count"),
    ],
)
def test_goals_stay_goals(sentence, figure, unit):
    assert _role(sentence, figure, unit) == "goal"


def test_only_the_clause_leading_up_to_the_figure_counts():
    assert clause_before("A subsidy was paid last year. The zone will attract ") == "The zone will attract "
    assert _role("Rewards were paid in 2024; the zone will now attract 30 projects.", "30", "count") == "goal"
