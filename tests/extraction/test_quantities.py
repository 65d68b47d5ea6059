"""Quantities read in their sentence: kind, comparator, change, deadline, as-of year, annual, subject."""

import re

import pytest

from policylens.extraction.quantities import find_quantities
from policylens.extraction.text import TextIndex
from policylens.model import Document, Entity


def extract(text, published=None, title=None, entities=()):
    doc = Document(source="t.txt", text=text, published=published, title=title)
    found = find_quantities(doc, TextIndex(text), list(entities))
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def only(text, **kw):
    found = extract(text, **kw)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def by_value(found, value):
    hits = [q for q in found if q.value == pytest.approx(value)]
    assert len(hits) == 1, [(q.text, q.value) for q in found]
    return hits[0]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The county will build 12 new logistics hubs.", "target"),
        ("The port is expected to handle 40 million containers.", "target"),
        ("The city aims to attract 300 foreign firms.", "target"),
        ("The district strives to cultivate 15 unicorn companies.", "target"),
        ("The group plans to open 8 plants overseas.", "target"),
        ("R&D spending should reach 3.1% of GDP.", "target"),
        # a headline's infinitive is its future: "Szeged site to employ 3,000"
        ("Szeged site to employ 3,000", "target"),
        ("Plant to hire 800 workers", "target"),
        ("It cost 25 yuan per kilogram to produce.", "statistic"),
        ("The county has built 12 new logistics hubs.", "statistic"),
        ("The port handled 40 million containers last year.", "statistic"),
        ("Exports exceeded 52 billion yuan in 2023.", "statistic"),
        ("The zone registered 1,850 new businesses.", "statistic"),
        ("The base is home to 230 suppliers.", "statistic"),
        ("Local firms filed 6,400 patents, up 9%.", "statistic"),
    ],
)
def test_kind_follows_the_governing_cue(text, kind):
    assert extract(text, published="2024-04-02")[0].kind == kind


@pytest.mark.parametrize("verb", ["costs", "pays", "uses", "produces", "operates", "holds", "supplies", "runs"])
def test_a_verb_of_the_present_makes_a_statistic_after_a_goal(verb):
    """A sentence with no cue would continue the goal before it; a verb in the present says what holds now."""
    found = extract(
        f"The region would need 3 million tonnes to meet its goal. Today the sector {verb} 25 units a day.",
        published="2024-04-02",
    )
    assert [q.kind for q in found] == ["target", "statistic"]


def test_year_before_publication_makes_a_statistic_despite_a_modal():
    found = extract("The national clusters will have generated 6 trillion yuan in 2022.", published="2023-05-01")
    assert (found[0].value, found[0].kind, found[0].as_of) == (6e12, "statistic", 2022)


def test_year_after_publication_makes_a_target():
    found = extract("Output of 900 billion yuan in 2027 is in the blueprint.", published="2024-01-01")
    assert (found[0].kind, found[0].deadline) == ("target", 2027)


def test_participle_right_after_the_figure_decides():
    found = extract(
        "With 3.2 trillion rupees earmarked in subsidies and 640 projects approved, the scheme is broad.",
        published="2024-01-01",
    )
    assert [(q.value, q.kind) for q in found] == [(3.2e12, "target"), (640, "statistic")]


@pytest.mark.parametrize(
    "phrase, comparator",
    [
        ("more than 300", ">"),
        ("over 300", ">"),
        ("exceeding 300", ">"),
        ("above 300", ">"),
        ("at least 300", ">="),
        ("no less than 300", ">="),
        ("not less than 300", ">="),
        ("up to 300", "<="),
        ("no more than 300", "<="),
        ("about 300", "~"),
        ("around 300", "~"),
        ("approximately 300", "~"),
        ("nearly 300", "~"),
        ("roughly 300", "~"),
        ("300", "="),
        ("fewer than 300", "<"),
        ("300 or more", ">="),
    ],
)
def test_comparator(phrase, comparator):
    q = only(f"The park has {phrase} tenant companies.")
    assert q.comparator == comparator
    assert q.value == 300
    assert phrase.replace(" or more", "") in q.text


def test_change_with_baseline():
    q = only("Water use per unit of output should fall by around 14% compared to 2021.", published="2022-03-01")
    assert (q.value, q.unit, q.comparator, q.change, q.baseline) == (14, "%", "~", "decrease", 2021)


@pytest.mark.parametrize(
    "text, value, change",
    [
        ("Retail sales were up 8.6 percent from the previous year.", 8.6, "increase"),
        ("Profit declined 4.5% year on year.", 4.5, "decrease"),
        ("It marks a 3.3% year-over-year increase.", 3.3, "increase"),
        ("Freight volume recorded a decline of 2.1% YoY.", 2.1, "decrease"),
        ("The share rose by 1.4 percentage points.", 1.4, "increase"),
        ("The share makes up 22.5% of the total.", 22.5, None),
        ("Income climbed to 41,000 yuan.", 41000, None),
    ],
)
def test_change(text, value, change):
    q = by_value(extract(text, published="2024-01-01"), value)
    assert q.change == change


def test_change_level_pair_from_to():
    found = extract(
        "Revenue increased from 12.4 billion yuan in 2015 to 30.6 billion yuan in 2023.", published="2024-06-01"
    )
    assert [(q.value, q.change, q.as_of) for q in found] == [(12.4e9, None, 2015), (30.6e9, None, 2023)]


def test_times_has_its_baseline():
    q = by_value(extract("Patents granted in 2023 reached 9,120, 2.6 times that of 2013.", published="2024-01-01"), 2.6)
    assert (q.unit, q.baseline, q.as_of) == ("times", 2013, 2023)


def test_deadline_stated_in_sentence_applies_to_every_item_of_a_list():
    found = extract(
        "The province will foster 400 green factories, 30 green parks and over 200 green supply chains by 2027.",
        published="2024-02-01",
    )
    assert [(q.value, q.kind, q.deadline) for q in found] == [
        (400, "target", 2027),
        (30, "target", 2027),
        (200, "target", 2027),
    ]
    assert found[2].comparator == ">"


def test_deadline_from_paragraph_opening():
    text = (
        "By the end of 2026, digital economy output will account for 15% of GDP. Broadband will cover "
        "98 percent of villages, and 60 smart mines will be built.\nOther work will continue."
    )
    found = extract(text, published="2024-01-01")
    assert [(q.value, q.deadline) for q in found] == [(15, 2026), (98, 2026), (60, 2026)]


def test_deadline_from_relative_period():
    q = by_value(extract("The city will spend 3 billion yuan over the next four years.", published="2023-09-01"), 3e9)
    assert (q.kind, q.deadline) == ("target", 2027)
    assert len(extract("The city will spend 3 billion yuan over the next four years.")) == 1


def test_this_year_resolves_against_publication_date():
    q = only("This year, the district plans to start 45 key projects.", published="2025-03-10")
    assert (q.kind, q.deadline) == ("target", 2025)


def test_deadline_from_plan_period_in_title():
    q = only(
        "The province will cultivate 80 specialised industrial clusters.",
        title="Implementation Plan for Cluster Development (2023–2026)",
    )
    assert q.deadline == 2026


def test_deadline_from_plan_period_with_short_end_year():
    text = (
        "The county issued its industry plan for the 14th Five-Year Plan period (2021-25).\n"
        "It will build 6 industrial parks."
    )
    assert only(text, published="2022-01-01").deadline == 2025


def test_deadline_carries_through_a_plan_description():
    text = "By 2025, the city will have 2,000 high-tech firms.\nIt will also set up 12 innovation centres."
    found = extract(text, published="2021-01-01")
    assert [q.deadline for q in found] == [2025, 2025]


def test_no_deadline_when_nothing_sets_one():
    q = only("Upon completion, the plant is expected to produce 2 million tyres.")
    assert (q.kind, q.deadline) == ("target", None)


def test_as_of_from_paragraph_opening_and_last_year():
    text = (
        "In 2022, the county's industrial output reached 88.1 billion yuan.\n"
        "Last year, the county exported 41,000 vehicles."
    )
    found = extract(text, published="2024-02-15")
    assert [(q.kind, q.as_of) for q in found] == [("statistic", 2022), ("statistic", 2023)]


def test_as_of_fiscal_year_counts_by_its_end():
    q = only("Electronics output was Rs 4.1 trillion in FY 2022-23.", published="2024-01-01")
    assert (q.unit, q.as_of) == ("INR", 2023)


def test_as_of_carries_to_following_past_sentences_but_not_present_ones():
    text = (
        "In 2023, the machinery sector's revenue reached $840 billion. Imports accounted for $96 billion. "
        "Today the sector employs 2 million people."
    )
    found = extract(text, published="2024-03-01")
    assert [q.as_of for q in found] == [2023, 2023, None]


def test_as_of_for_figures_attached_to_years():
    text = "The share of services rose from 41.5 percent in 2013 to 55.2 percent in 2023, up 13.7 percentage points."
    found = extract(text, published="2024-01-01")
    assert [(q.value, q.as_of) for q in found] == [(41.5, 2013), (55.2, 2023), (13.7, 2023)]
    assert (found[2].unit, found[2].change, found[2].baseline) == ("pp", "increase", 2013)


@pytest.mark.parametrize(
    "text, annual",
    [
        ("The line will make 600,000 engines a year.", True),
        ("Sales will grow by over 8 percent annually.", True),
        ("It targets an annual output value of 5 billion yuan.", True),
        ("GDP grew at an average annual rate of 6.1 percent.", True),
        ("The line will make 600,000 engines.", False),
        ("Sales were 3% lower than a year earlier.", False),
    ],
)
def test_annual(text, annual):
    assert extract(text, published="2024-01-01")[0].annual is annual


def test_annual_carries_over_a_coordinated_list():
    found = extract("The project has an annual capacity of 12 million sets of tyres and 80,000 tonnes of rubber.")
    assert [q.annual for q in found] == [True, True]


def test_subject_is_the_nearest_entity_in_the_sentence():
    text = "Taizhou has 1,200 suppliers, while Wenling hosts 600 pump makers."
    places = [Entity("place", "Taizhou", [(0, 7)]), Entity("place", "Wenling", [(35, 42)])]
    found = extract(text, entities=places)
    assert [q.subject for q in found] == ["Taizhou", "Wenling"]


def test_subject_is_none_without_entities():
    assert only("Taizhou has 1,200 suppliers.").subject is None


def test_metric_names_what_is_counted_or_measured():
    found = extract("The district has 75 listed companies. Its industrial output value reached 120 billion yuan.")
    assert "listed companies" in found[0].metric
    assert "industrial output value" in found[1].metric


def test_a_figure_set_off_after_its_measure_restates_it():
    found = extract(
        "The county's jobless rate was 3.1%, below the statewide rate of 3.4%, and the county's population, "
        "about 54,000, has barely grown."
    )
    assert [(q.value, q.metric) for q in found] == [
        (3.1, "jobless rate"),
        (3.4, "statewide rate"),
        (54000, "population"),
    ]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("The company bought a 110-hectare brownfield site next to the power station.", "brownfield site"),
        ("The firm will build a 150-MW solar farm in the region.", "solar farm capacity"),
        ("The firm will build a 150 MW solar farm in the region.", "solar farm capacity"),
        ("The province is also building a 1,200 MW LNG power plant.", "LNG power plant"),
        ("The firm will build a 500,000-tonne-a-year polypropylene plant.", "annual capacity of polypropylene plant"),
        # a bare measure word names nothing else: the area is the park's
        ("The park covers a 1,200-hectare area in the north.", "area of park"),
    ],
)
def test_a_figure_written_as_a_modifier_measures_the_noun_after_it(sentence, metric):
    assert only(sentence).metric == metric


@pytest.mark.parametrize(
    ("sentence", "value", "metric"),
    [
        ("Of the 62 incentives, 17 went to projects in coal regions.", 17, "incentives"),
        ("Food processing has seen 171 approved applications.", 171, "applications"),
        ("Industrial parks in the north report occupancy rates above 97%.", 97, "occupancy rates"),
        # a verb's -s form before the clause's verb is its subject: the costs, not the revenue before them
        ("Revenue rose to $2 billion and costs fell to €10 million.", 10e6, "costs"),
        ("It plans to lift smelter capacity to 3 million tonnes by 2030.", 3e6, "smelter capacity"),
        ("Sales grew threefold to RMB100m.", 1e8, "Sales"),
        ("Exports grew 12 pc to Rs 500 crore.", 5e9, "Exports"),
        ("Operating costs fell to €10 million in 2025.", 10e6, "Operating costs"),
        ("The plant costs $5 million.", 5e6, "cost"),
        ("Sany Heavy Industry, the market leader, holds a 28% share of the market.", 28, "share of market"),
        ("Sany holds a 28% market share.", 28, "market share"),
        ("EV production rose 48% in the first nine months to 82,000 units.", 82000, "EV production"),
        ("The cluster's output value broke through 100 billion yuan in 2025.", 100e9, "output value"),
        ("The zone will strive to make the industry scale break through 150 billion yuan.", 150e9, "industry scale"),
        # what a sum is worth is the noun phrase right before "worth", not the words before it
        ("The state signed MoUs with six companies for investments worth Rs 12,500 crore.", 125e9, "investments"),
        # the head of what a sum is "of" is a noun, though "grant" is a verb elsewhere
        ("The incentive takes the form of a cash grant of CZK 1.1 billion.", 1.1e9, "cash grant"),
        # a plural of support "of" the sum names it, whatever offers it
        ("The scheme offers subsidies of up to 100,000 baht per electric car.", 1e5, "subsidies"),
        ("Two provinces now pay production subsidies of 15 to 20 yuan per kilogram.", 15, "production subsidies"),
        # a participle with its agent describes the thing the sum sizes: "a $500 million plant owned by X"
        ("It is a $500 million plant owned by Acme Corp.", 5e8, "investment in plant"),
        # what a sum is in names it, a noun in -ing or after "total" included; the verb before it never does
        ("The project requires $2 billion in new funding.", 2e9, "new funding"),
        ("The agency announced $3 billion in funding for 25 selected projects.", 3e9, "funding"),
        (
            "The zones will attract KRW 12.8 trillion in private investment and create 9,400 jobs.",
            12.8e12,
            "private investment",
        ),
        ("It will commit $2 billion in spending on research.", 2e9, "spending on research"),
        ("Rapidus has said it needs around 5 trillion yen in total investment.", 5e12, "total investment"),
        ("The company received a $5 million tax break from the state.", 5e6, "tax break"),
        ("The office received 74 applications requesting a combined $2.3 billion.", 2.3e9, "applications"),
        ("The economy grew 6.1 percent in 2025, faster than the 5.8 percent in 2024.", 5.8, "economy"),
        # an abbreviation keeps its points, as the page writes it
        ("The company's U.S. sales rose 8% in 2025.", 8, "U.S. sales"),
        ("The U.K. market grew 5% in 2025.", 5, "U.K. market"),
        (
            "84 companies have been selected with committed investment of Rs 10,406 crore.",
            104.06e9,
            "committed investment",
        ),
        ("Nickel downstreaming draws Rp 245 trillion in 2025.", 245e12, "Nickel downstreaming"),
        # a share's whole that a relative clause then sizes
        (
            "It was 12 percent of total investment realization, which reached Rp 1,905.6 trillion.",
            1905.6e12,
            "total investment realization",
        ),
        ("Per capita GDP reached 135,420 yuan.", 135420, "Per capita GDP"),
        ("Electrical & electronics exports reached RM 412 bn in 2025.", 412e9, "Electrical & electronics exports"),
        ("It built 3 food & beverage plants.", 3, "food & beverage plants"),
        ("Hyundai Motor said on Thursday its U.S. sales rose 8% in 2025.", 8, "U.S. sales"),
        # "additional" opens a measure's name but never is one; a span of time "of" something measures it
        ("Hyundai said it would invest an additional $2.1 billion in its plant.", 2.1e9, "investment"),
        (
            "Suppliers will receive an additional 3 years of corporate income tax exemption.",
            3,
            "corporate income tax exemption",
        ),
        # "on track to" is the goal's cue: what is measured is the share's whole
        (
            "The market grew 28% last year and is on track to reach 30% of new car sales by 2030.",
            30,
            "share of new car sales",
        ),
        (
            "Output reached 320 billion yuan, with the battery segment alone contributing 95 billion yuan.",
            95e9,
            "battery segment",
        ),
        # the verb of a level reached is no modifier of what reaches it
        ("It will add 1,500 jobs, bringing employment at the site to about 10,000.", 10000, "employment at the site"),
        # how far above is no part of what is compared with
        ("Jobs will pay $68,450 a year, well above the county average of $49,812.", 49812, "county average"),
        ("The plant has hired 1,200 trainees so far.", 1200, "trainees"),
        (
            "The Commission approved CZK 9.8 billion (€390 million) of Czech state support for the plant.",
            9.8e9,
            "Czech state support for the plant",
        ),
    ],
)
def test_a_metric_is_never_a_verb_a_comparative_or_the_body_that_acts(sentence, value, metric):
    assert by_value(extract(sentence, published="2026-01-10"), value).metric == metric


def test_a_sum_done_at_a_cost_is_the_cost_and_an_area_after_it_is_no_cost():
    found = extract(
        "The park, developed by Saigon Investment JSC at a total cost of VND6.8 trillion (US$268 million), "
        "covers 480 hectares."
    )
    assert [(q.unit, q.metric) for q in found] == [("VND", "total cost"), ("ha", "area")]


def test_a_measure_ends_before_when_and_where_to():
    assert only("The province will invest KRW 1.2 trillion in infrastructure over the plan period.").metric == (
        "infrastructure"
    )
    found = extract(
        "The province attracted US$4.7 billion in FDI in the first ten months of 2025.", published="2026-01-10"
    )
    assert found[0].metric == "FDI"
    assert only("The firm will supply 300,000 tonnes of steel to carmakers in the region.").metric == "steel"
    # a phrase the word limit would cut short is left out whole
    assert only(
        "It will provide 732 billion yen in subsidies for a second semiconductor plant in Kumamoto."
    ).metric == ("subsidies")
    assert only("It will provide 500 million yen in subsidies for the plant.").metric == "subsidies for the plant"


def test_a_level_today_is_of_the_documents_year_and_no_goal():
    found = extract("Local content is 18% today and will reach 40% by 2030.", published="2026-06-18")
    assert [(q.value, q.kind, q.metric) for q in found] == [
        (18, "statistic", "Local content"),
        (40, "target", "Local content"),
    ]
    assert only("The firm has 2.5 GWh installed today.", published="2026-06-18").as_of == 2026


def test_a_year_after_the_level_compared_with_dates_that_level_alone():
    found = extract("Exports were $5 billion, up from $4 billion the previous year.", published="2026-03-01")
    assert [(q.value, q.as_of) for q in found] == [(5e9, None), (4e9, 2025)]


def test_a_rate_per_year_ends_before_the_next_clause():
    found = extract("Output will grow 7% a year and exports will reach $40 billion by 2030.", published="2026-01-10")
    assert [(q.value, q.metric) for q in found] == [(7, "Output"), (40e9, "exports")]


def test_what_a_plan_calls_for_is_a_goal():
    assert only("The plan also calls for 20 new pilot factories.", published="2026-01-10").kind == "target"


def test_the_ministry_stands_for_the_place_it_governs():
    text = (
        "Kenya's Ministry of Industry said it will back five robot clusters in Kenya. Under the plan, Mombasa "
        "will host a cluster for service robots. The ministry aims to raise robot exports to $5 billion by 2030."
    )
    ministry = Entity("government", "Ministry of Industry", [(text.index("Ministry"), text.index(" said"))])
    places = [
        Entity("place", "Kenya", [(0, 5), (text.index("in Kenya") + 3, text.index(". Under"))]),
        Entity("place", "Mombasa", [(text.index("Mombasa"), text.index("Mombasa") + 7)]),
    ]
    found = extract(text, published="2026-01-10", entities=[ministry, *places])
    assert by_value(found, 5e9).subject == "Kenya"


@pytest.mark.parametrize(
    ("headline", "metric"),
    [
        ("Commission approves €1.2 billion Italian State aid scheme", "Italian State aid scheme"),
        ("Cabinet clears Rs 7,000 crore scheme for electronic components", "scheme"),
        # a headline that wins or plans the sum: the noun after it, never the words before ("Ohio secures")
        ("Ohio secures $3 billion chip investment", "chip investment"),
        ("Nuevo Leon lands $1.2 billion auto parts investment", "auto parts investment"),
        ("Harlow plans $90 million heat pump plant", "investment in heat pump plant"),
    ],
)
def test_a_headlines_verb_sizes_the_noun_after_the_sum(headline, metric):
    assert extract(headline + "\n\nThe scheme runs to 2030.", published="2026-01-10")[0].metric == metric


def test_the_place_a_sum_is_spent_in_is_no_measure():
    text = "Tesla invested $1 billion in Texas last year."
    found = extract(text, published="2026-01-10", entities=[mention(text, "Tesla", "company"), mention(text, "Texas")])
    assert [q.metric for q in found] == ["investment"]


@pytest.mark.parametrize("name", ["Krušné Energy a.s.", "Acme Co., Ltd."])
def test_a_names_own_words_are_no_measure(name):
    text = f"{name} holds 49%."
    assert only(text, published="2026-01-10", entities=[mention(text, name, "company")]).metric is None
    text = f"{name} holds 49% of the venture."
    assert only(text, published="2026-01-10", entities=[mention(text, name, "company")]).metric == "share of venture"


def test_a_headlines_actor_and_verb_are_no_measure():
    found = extract("Japan to subsidize Rapidus with additional 802.5 billion yen\n\nIt runs to 2030.")
    assert by_value(found, 802.5e9).metric is None


def test_street_addresses_are_not_quantities():
    text = "A hearing is set at the County Building, 300 W. Ash St., and comments go to 1200 North Main Street."
    assert extract(text) == []
    assert only("The panel delivers 300 W. Shipments begin in May.").unit == "W"


def test_restatement_is_one_quantity_with_an_alternative():
    q = only("The zone's GDP was 310 billion yuan ($43.4 billion) in 2023.", published="2024-01-01")
    assert (q.value, q.unit, q.as_of) == (310e9, "CNY", 2023)
    assert [(a.value, a.unit) for a in q.alternatives] == [(43.4e9, "USD")]


def test_range_keeps_both_bounds():
    q = only("It will build four to six logistics parks.")
    assert (q.value, q.value_max, q.unit, q.kind) == (4, 6, "count", "target")


def test_rank_and_top_n():
    found = extract(
        "The county ranked third in the province last year and aims to stay in the top five in the national ranking.",
        published="2024-01-01",
    )
    assert [(q.unit, q.value, q.comparator, q.kind) for q in found] == [
        ("rank", 3, "=", "statistic"),
        ("rank", 5, "<=", "target"),
    ]


def test_time_frames_are_not_quantities():
    found = extract(
        "Over the past 10 years and in the next three years, the city will add 20 parks.", published="2024-01-01"
    )
    assert [q.value for q in found] == [20]


def test_dates_codes_and_names_are_not_quantities():
    text = (
        "BEIJING, Jan. 9, 2024 -- The 14th Five-Year Plan (2021-2025) and the Top 100 list were discussed "
        "at 10:30 on 9 January. Contact: 010-8765-4321. Stock code: 300750."
    )
    assert extract(text, published="2024-01-09") == []


def test_hard_wrapped_sentence_is_read_as_one():
    text = "The city strives to raise the share of the digital economy\n\nto 20% by 2026."
    q = only(text, published="2023-01-01")
    assert (q.kind, q.deadline) == ("target", 2026)


def test_items_after_a_colon_share_the_introduction():
    text = (
        "The plan sets the following goals:\n1. Cultivate 50 specialised firms.\n"
        "2. Cut energy use per unit of output by 12%."
    )
    found = extract(text, title="Work Plan for Industrial Upgrading (2024-2026)")
    assert [(q.value, q.kind, q.deadline) for q in found] == [(50, "target", 2026), (12, "target", 2026)]
    assert found[1].change == "decrease"


def test_empty_text():
    assert extract("") == []


NEWS_TWO_PARAGRAPHS = (
    "The company plans to double its capacity to 40 GWh by 2028.\n\n"
    "It will also hire 1,200 engineers at the new site.\n"
)


def test_a_deadline_in_news_stays_in_its_paragraph():
    found = extract(NEWS_TWO_PARAGRAPHS, published="2026-05-04", title="Battery maker expands in Hefei")
    assert by_value(found, 40).deadline == 2028
    assert by_value(found, 1200).kind == "target" and by_value(found, 1200).deadline is None


def test_a_plan_s_horizon_carries_to_targets_that_state_none():
    found = extract(NEWS_TWO_PARAGRAPHS, published="2026-05-04", title="Action Plan for the Battery Industry")
    assert by_value(found, 1200).deadline == 2028


def test_the_headline_place_is_the_subject_when_nothing_nearer_names_one():
    text = "In 2025, 326 smart factories were recognised across the province.\n"
    found = extract(text, published="2026-01-22", title="Riverland Smart Manufacturing Plan Ends with Targets Met")
    assert by_value(found, 326).subject is None or by_value(found, 326).subject != "Riverland"  # no such place
    found = extract(text, published="2026-01-22", title="Shandong Smart Manufacturing Plan Ends with Targets Met")
    assert by_value(found, 326).subject == "Shandong"


def test_a_definite_description_refers_to_the_entity_named_before():
    text = (
        "Shandong approved the Harbour agricultural machinery cluster in March.\n\n"
        "Central Asia is a priority market. The cluster aims for exports exceeding RMB 20 billion by 2027."
    )
    cluster = Entity(
        "cluster", "Harbour agricultural machinery cluster", [(text.index("Harbour"), text.index(" in March"))]
    )
    place = Entity("place", "Central Asia", [(text.index("Central"), text.index(" is a"))])
    q = by_value(extract(text, published="2024-03-29", entities=[cluster, place]), 2e10)
    assert q.subject == "Harbour agricultural machinery cluster"
    assert q.metric == "exports"


def test_the_project_is_the_company_that_carries_it_out():
    text = (
        "The agency awarded $41 million to Orvane Magnetics to build a magnet plant in Riverton, Tennessee.\n\n"
        "With $96 million in private cost share, the project is expected to create 310 permanent jobs."
    )
    company = Entity("company", "Orvane Magnetics", [(text.index("Orvane"), text.index(" to build"))])
    place = Entity("place", "Tennessee", [(text.index("Tennessee"), text.index("Tennessee") + 9)])
    title = "Agency Backs Magnet Production in Tennessee"
    found = extract(text, published="2026-06-11", title=title, entities=[company, place])
    assert by_value(found, 310).subject == "Orvane Magnetics"
    assert by_value(found, 96e6).subject == "Orvane Magnetics"


def test_a_headline_that_opens_with_a_company_makes_the_story_the_companys():
    text = "About 420 staff are on site today.\n\nAurenic was spun out of a research lab in 2017.\n"
    at = text.index("Aurenic")
    company = Entity("company", "Aurenic Semiconductor", [(at, at + 7)], aliases=["Aurenic"])
    found = extract(
        text, published="2026-09-24", title="Aurenic opens first advanced packaging plant in Kedah", entities=[company]
    )
    assert by_value(found, 420).subject == "Aurenic"  # as the text writes it
    found = extract(text, published="2026-09-24", title="Kedah welcomes Aurenic packaging plant", entities=[company])
    assert by_value(found, 420).subject == "Kedah"


def test_the_verb_names_the_measure_when_its_subject_is_a_name():
    text = "Among them, the Harbour cluster exported RMB 13.4 billion of equipment in 2025."
    cluster = Entity("cluster", "Harbour cluster", [(text.index("Harbour"), text.index(" exported"))])
    q = by_value(extract(text, published="2026-01-22", entities=[cluster]), 1.34e10)
    assert (q.metric, q.subject) == ("exports", "Harbour cluster")


@pytest.mark.parametrize(
    "text, value, metric",
    [
        ("Our partners hope to reach $4 billion in overseas revenue by 2028.", 4e9, "overseas revenue"),
        ("The scheme has crossed Rs 2.5 trillion in committed investments.", 2.5e12, "committed investments"),
        ("Grants of $30 million were handed out, with $12 million disbursed in subsidies.", 12e6, "subsidies"),
        ("Imports reached 9.1 trillion yuan, up 2.3% on the year before.", 2.3, "Imports"),
        ("Machinery grew by 8%, accounting for 41.5% of total exports.", 41.5, "share of total exports"),
        ("Port throughput hit a record high of 700 million tonnes.", 7e8, "Port throughput"),
        (
            "The gross regional product (GRP) of the northern province rose to 3.1 trillion yuan.",
            3.1e12,
            "gross regional product of the northern province",
        ),
        ("Tractor sales exceeded 8,000 units last year.", 8000, "Tractor sales"),
    ],
)
def test_metric_is_what_is_measured(text, value, metric):
    assert by_value(extract(text, published="2025-03-01"), value).metric == metric


@pytest.mark.parametrize(
    "text, value",
    [
        ("It also sets a goal of exceeding 40 percent by 2030.", 40),
        ("“We hope to get there at 15 percent,” she said.", 15),
        ("There are 13 in the eastern region.", 13),
    ],
)
def test_metric_is_never_a_fragment(text, value):
    metric = by_value(extract(text, published="2025-03-01"), value).metric
    assert metric is None or metric.split()[0].lower() not in ("it", "we", "there", "also", "more", "sets")


def mention(text, name, etype="place"):
    start = text.index(name)
    return Entity(etype, name, [(start, start + len(name))])


def test_a_province_wide_figure_belongs_to_the_province_after_a_city_was_named():
    text = (
        "Hubei Province published its plan on Monday. Wuhan hosted the launch, and the province has "
        "built 40 industrial internet platforms."
    )
    q = only(text, entities=[mention(text, "Hubei Province"), mention(text, "Wuhan")])
    assert q.subject == "Hubei Province"


def test_in_a_local_story_a_country_that_opens_a_sentence_owns_the_next_ones_figure():
    text = (
        "Morowali Smelter opens in Central Sulawesi\n\n"
        "The smelter in Central Sulawesi will employ workers from Central Sulawesi.\n\n"
        "Indonesia banned exports of raw nickel ore in 2020. Since then, the number of smelters has grown to 54."
    )
    entities = [
        Entity("place", "Central Sulawesi", [(m.start(), m.end()) for m in re.finditer("Central Sulawesi", text)]),
        mention(text, "Indonesia"),
    ]
    assert by_value(extract(text, published="2026-10-22", entities=entities), 54).subject == "Indonesia"


def test_the_state_of_a_story_is_a_state_of_its_country():
    text = (
        "Tamil Nadu signs deals\n\nTamil Nadu signed deals with six companies. Taiwan's Pegatron will set up a "
        "unit at Chengalpattu. Minister Rajaa said the state aims to reach $100 billion in electronics production."
    )
    entities = [
        Entity("place", "Tamil Nadu", [(m.start(), m.end()) for m in re.finditer("Tamil Nadu", text)]),
        mention(text, "Taiwan"),
        mention(text, "Chengalpattu"),
    ]
    assert by_value(extract(text, published="2026-10-17", entities=entities), 100e9).subject == "Tamil Nadu"


def test_a_country_named_after_the_figure_is_its_frame_not_its_subject():
    text = "Gyeonggi Province.\nIts exports reached $120 billion, the highest of any province in South Korea."
    q = only(text, entities=[mention(text, "Gyeonggi Province"), mention(text, "South Korea")])
    assert q.subject == "Gyeonggi Province"


def test_a_plans_figure_belongs_to_the_issuing_region_not_to_the_plan():
    text = "Jalisco released the Jalisco Semiconductor Programme, which will train 12,000 technicians."
    entities = [mention(text, "Jalisco"), mention(text, "Jalisco Semiconductor Programme", "programme")]
    assert only(text, entities=entities).subject == "Jalisco"


def test_a_rise_over_a_years_level_is_a_target_with_a_baseline():
    q = only("The share of digital firms will rise by 5 percentage points over the 2022 level.", published="2024-03-01")
    assert (q.kind, q.baseline, q.as_of, q.change) == ("target", 2022, None, "increase")


def test_an_expectation_in_the_past_tense_is_still_a_target():
    q = only("Exports were expected to reach $40 billion in 2023.", published="2024-03-01")
    assert (q.kind, q.deadline, q.metric) == ("target", 2023, "Exports")


@pytest.mark.parametrize(
    "text, published, as_of",
    [
        ("In the first half, sales rose 12% year on year.", "2024-08-01", 2024),
        ("In the first half, sales rose 12% year on year.", "2024-03-01", 2023),
        ("Profits grew 4% in the first three quarters.", "2023-10-20", 2023),
        ("Output reached 300 tonnes in Q4.", "2024-01-15", 2023),
    ],
)
def test_a_part_of_a_year_without_its_year_is_the_latest_before_the_document(text, published, as_of):
    assert only(text, published=published).as_of == as_of


@pytest.mark.parametrize(
    "text, published, as_of",
    [
        ("Exports rose 5.2 percent on-year in May, the ministry said.", "2024-06-01", 2024),
        ("In November, exports rose 5.2 percent.", "2024-03-01", 2023),
        ("Exports rose 5.2 percent last month.", "2024-01-05", 2023),
        ("Exports rose 5.2 percent last month.", "2024-06-05", 2024),
    ],
)
def test_a_month_without_its_year_is_the_latest_before_the_document(text, published, as_of):
    assert only(text, published=published).as_of == as_of


def test_a_reported_goal_is_measured_after_the_report_verb():
    assert only("Officials said output would grow 8% in 2026.", published="2025-01-01").metric == "output"


def test_korean_won_after_a_scale_and_the_verb_won():
    assert [(q.value, q.unit) for q in extract("Seoul has set aside 2 trillion won in chip subsidies.")] == [
        (2e12, "KRW")
    ]
    assert [q.unit for q in extract("Of the 12 bidders, 4 won contracts.")] == ["count", "count"]


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded 30 years ago.",
        "About 20 minutes later, the line restarted.",
        "The founder is 45 years old.",
    ],
)
def test_a_duration_that_dates_or_ages_is_not_a_quantity(text):
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mexico seeks $40 billion in nearshoring investment.",
        "The state hopes to draw 50 new firms.",
        "It is on track to hit 5 million users.",
        "The plant is designed to produce 200,000 vehicles a year.",
        "Analysts forecast sales of 2 million units.",
        "Capacity could reach 50 GW by 2030.",
        "Production is slated to start in 2026 with capacity of 100,000 units.",
    ],
)
def test_goal_verbs_of_wires_and_summaries_make_targets(text):
    found = extract(text, published="2024-06-01")
    assert found and all(q.kind == "target" for q in found)
    assert all((q.metric or "").split()[-1:] != ["could"] for q in found)


@pytest.mark.parametrize(
    "text, as_of",
    [
        ("Revenue was $5 billion in fiscal year 2023-24.", 2024),
        ("Revenue was $5 billion in FY 2022-23.", 2023),
    ],
)
def test_fiscal_years_count_by_their_end_year(text, as_of):
    q = only(text, published="2025-01-01")
    assert (q.as_of, q.metric) == (as_of, "Revenue")


def test_a_possessive_alone_is_not_a_metric():
    q = only("The EU's target of 42.5% renewable energy by 2030 stands.")
    assert q.metric is None or not q.metric.endswith("'s")


def test_a_headline_year_dates_the_reports_past_tense_figures():
    text = "Customs data were released on Friday. Exports grew 7% and imports rose 2%."
    found = extract(text, published="2025-01-20", title="Foreign trade in 2024 beat forecasts")
    assert [q.as_of for q in found] == [2024, 2024]
    assert [q.as_of for q in extract(text, published="2025-01-20", title="Foreign trade beat forecasts")] == [
        None,
        None,
    ]


def test_a_text_counting_its_own_parts_states_no_quantity():
    assert extract("Here are 3 key takeaways from the new plan.") == []


def test_the_plans_figure_belongs_to_the_region_that_issued_it_not_a_city_named_since():
    text = (
        "Guangdong released a manufacturing plan on Monday. Shenzhen will host the launch event. "
        "The plan aims to build 50 industrial parks by 2027."
    )
    q = only(text, published="2025-01-01", entities=[mention(text, "Guangdong"), mention(text, "Shenzhen")])
    assert q.subject == "Guangdong"


def test_a_years_figures_are_of_that_year_not_a_baseline():
    q = only("The 2023 figures show 40 new plants.", published="2025-02-01")
    assert (q.as_of, q.baseline) == (2023, None)


def test_a_month_range_without_its_year_is_the_latest_before_the_document():
    assert only("Exports rose 6% in the January-June period.", published="2024-08-01").as_of == 2024


def test_a_dateline_place_is_where_the_story_was_filed_not_whose_figure_it_is():
    text = (
        "PUNE, India, June 3, 2025 /Wirefeed/ -- With revenue of $4.2 billion, Deccan Motors moved up to "
        "third place in the ranking."
    )
    entities = [mention(text, "PUNE"), mention(text, "India"), mention(text, "Deccan Motors", "company")]
    assert by_value(extract(text, published="2025-06-03", entities=entities), 4.2e9).subject == "Deccan Motors"


@pytest.mark.parametrize(
    "dateline", ["New Delhi, 12 March 2026:", "Pune, March 12 (PTI) -", "Pune, 3rd March, 2026 --"]
)
def test_a_release_dateline_in_title_case_is_where_it_was_filed(dateline):
    text = f"{dateline} The Cabinet approved the scheme. India's electronics output reached $112 billion in 2025."
    city = text.split(",")[0]
    entities = [mention(text, city), mention(text, "India")]
    assert by_value(extract(text, published="2026-03-12", entities=entities), 112e9).subject == "India"
    text = f"{dateline} The Cabinet approved an outlay of $2.7 billion for the scheme."
    entities = [mention(text, city)]
    assert by_value(extract(text, published="2026-03-12", entities=entities), 2.7e9).subject is None


def test_a_wire_dateline_is_no_part_of_a_measure_and_the_government_is_the_countrys():
    text = (
        "JAKARTA (Antara) - Investment in nickel processing reached Rp 158 trillion in 2025 in Indonesia. "
        "Central Sulawesi accounted for 70 percent of it. The government targets Rp 200 trillion this year."
    )
    entities = [mention(text, "JAKARTA"), mention(text, "Indonesia"), mention(text, "Central Sulawesi")]
    found = extract(text, published="2026-03-12", entities=entities)
    assert by_value(found, 158e12).metric == "Investment in nickel processing"
    assert by_value(found, 200e12).subject == "Indonesia"
    assert by_value(found, 70).metric is None  # "Central Sulawesi accounted for 70 percent": whose, not what
    text = "Tessaro Energy accounted for 20% of it."
    found = extract(text, published="2026-03-12", entities=[mention(text, "Tessaro Energy", "company")])
    assert by_value(found, 20).metric is None


def test_the_next_entries_of_a_ranking_own_their_figures():
    text = (
        "Guangdong ranked first with output of 1.2 trillion yuan, followed by Jiangsu at 980 billion yuan "
        "and Shandong at 760 billion yuan."
    )
    entities = [mention(text, "Guangdong"), mention(text, "Jiangsu"), mention(text, "Shandong")]
    found = extract(text, published="2026-03-12", entities=entities)
    assert [(q.value, q.metric, q.subject) for q in found if q.unit == "CNY"] == [
        (1.2e12, "output", "Guangdong"),
        (980e9, "output", "Jiangsu"),
        (760e9, "output", "Shandong"),
    ]


def test_a_nationality_adjective_names_whose_measure_it_is():
    text = "Sany said demand was weak. Chinese excavator sales are expected to fall 5% in 2026."
    found = extract(text, published="2026-03-12", entities=[mention(text, "Sany", "company")])
    assert by_value(found, 5).subject == "China"
    text = "Korean exports rose 8.2 percent in October."
    assert only(text, published="2026-11-01").subject == "South Korea"


def test_a_measure_of_a_places_thing_keeps_what_it_measures():
    text = "In 2025, the output of Wuhan's optoelectronics industry reached 620 billion yuan."
    q = only(text, published="2026-03-12", entities=[mention(text, "Wuhan")])
    assert (q.metric, q.subject) == ("output of optoelectronics industry", "Wuhan")


def test_a_place_that_locates_the_issuer_is_not_the_issuer():
    text = (
        "Central China's Hubei province has released an action plan for optoelectronics. According to the plan, "
        "the scale of the cluster will exceed 1 trillion yuan by 2028."
    )
    entities = [mention(text, "Central China"), mention(text, "Hubei province")]
    assert only(text, published="2026-03-12", entities=entities).subject == "Hubei province"


def test_a_sentence_on_a_companys_works_gives_the_companys_figures():
    text = "Orbis Tools reported results. The company's new plant in Changsha produced 3,000 excavators."
    entities = [mention(text, "Orbis Tools", "company"), mention(text, "Changsha")]
    assert only(text, published="2026-03-12", entities=entities).subject == "Orbis Tools"


def test_a_place_scoping_a_ranking_is_not_its_owner():
    text = "Tamil Nadu retained its position as India's top electronics exporter, with exports of USD 14.65 billion."
    entities = [mention(text, "Tamil Nadu"), mention(text, "India")]
    assert only(text, published="2026-03-12", entities=entities).subject == "Tamil Nadu"


def test_the_state_opening_a_paragraph_is_the_storys_state():
    text = (
        "Tamil Nadu tops electronics exports\n\n"
        "Tamil Nadu retained its lead in exports in 2025, ahead of Uttar Pradesh and Karnataka.\n\n"
        "The state aims to achieve electronics exports of USD 100 billion by 2030."
    )
    entities = [mention(text, "Tamil Nadu"), mention(text, "Uttar Pradesh"), mention(text, "Karnataka")]
    entities[0].mentions.append((text.index("Tamil Nadu", 20), text.index("Tamil Nadu", 20) + 10))
    found = extract(text, published="2026-03-12", title="Tamil Nadu tops electronics exports", entities=entities)
    assert by_value(found, 100e9).subject == "Tamil Nadu"


def test_a_site_named_before_its_builder_does_not_own_the_figure():
    text = "The projects include a 40,000-ton-per-year lithium plant in Fukuoka by Toyota Tsusho Corporation."
    entities = [mention(text, "Fukuoka"), mention(text, "Toyota Tsusho Corporation", "company")]
    assert only(text, published="2026-03-12", entities=entities).subject == "Toyota Tsusho Corporation"


def test_a_story_headed_by_a_government_body_is_its_countrys():
    from policylens.extraction import extract as extract_all

    text = (
        "DOE awards $2.8 billion for battery plants\n\nThe U.S. Department of Energy (DOE) today announced grants "
        "for 21 projects. The projects will support 8,000 construction jobs. One plant is in Kings Mountain, "
        "North Carolina."
    )
    doc = Document(
        source="t.txt", text=text, published="2026-10-20", title="DOE awards $2.8 billion for battery plants"
    )
    found = extract_all(doc).quantities
    assert by_value(found, 8000).subject == "United States"


def test_the_country_mark_of_a_currency_is_not_a_subject():
    text = "Orbis Tools led the list. The fifty largest makers earned over US$90 billion in 2024, up 10 percent."
    entities = [mention(text, "US"), mention(text, "Orbis Tools", "company")]
    q = by_value(extract(text, published="2025-06-03", entities=entities), 10)
    assert q.subject == "Orbis Tools"


def test_a_pronoun_subject_refers_to_the_subject_said_before_not_to_a_place_after_the_figure():
    text = (
        "As the gateway of the state, Pune, Maharashtra hosts a broad supplier base. It is home to over 900 "
        "component makers, the most of any city in Maharashtra."
    )
    entities = [
        Entity("place", "Pune", [(text.index("Pune"), text.index("Pune") + 4)]),
        Entity("place", "Maharashtra", [(m.start(), m.end()) for m in re.finditer("Maharashtra", text)]),
    ]
    assert by_value(extract(text, published="2025-06-03", entities=entities), 900).subject == "Pune"


def test_a_place_that_locates_the_one_before_it_is_not_the_subject():
    text = "Firms in Haimen District of Nantong City realized output value of 168.3 billion yuan."
    entities = [mention(text, "Haimen District"), mention(text, "Nantong City")]
    assert by_value(extract(text, published="2025-06-03", entities=entities), 168.3e9).subject == "Haimen District"


def test_a_place_locating_a_possessed_works_is_no_owner_in_the_paragraph_either():
    """ "its first plant, in Chonburi, Thailand, with …": both places say where the plant is, so neither is
    taken back as the owner when the pronoun's company is named only as "the Company" before."""
    text = (
        "Jinhai Forklift Co., Ltd. (the Company) sold 52,000 forklifts last year.\n\n"
        "For 2026, the Company plans to sell over 170,000 forklifts. It will complete its first overseas assembly "
        "plant, in Chonburi, Thailand, with annual capacity of 10,000 units, by the third quarter."
    )
    entities = [
        Entity("company", "Jinhai Forklift Co., Ltd.", [(0, 25)]),
        mention(text, "Chonburi"),
        mention(text, "Thailand"),
    ]
    assert by_value(extract(text, published="2026-03-01", entities=entities), 10000).subject != "Thailand"


def test_the_scope_of_a_ranking_said_before_is_no_owner_of_the_next_sentences_figure():
    text = "Vietnam has become one of Asia's top electronics exporters. Exports reached $126.5 billion in 2025."
    entities = [mention(text, "Vietnam"), mention(text, "Asia")]
    assert only(text, published="2026-03-01", entities=entities).subject == "Vietnam"


def test_a_sum_sizing_a_nations_scheme_is_that_nations():
    text = "The European Commission has approved, under EU State aid rules, a €1.1 billion Spanish scheme."
    entities = [mention(text, "European Commission", "government"), mention(text, "EU")]
    assert only(text, published="2026-10-14", entities=entities).subject == "Spain"


@pytest.mark.parametrize(
    "text",
    [
        "Exports from Jiangsu and Zhejiang rose 12% in 2025.",
        "The complexes in Yongin, Cheonan and Gumi will cover a combined 12.4 square kilometers.",
    ],
)
def test_a_figure_of_a_list_of_places_is_no_one_places(text):
    """The last place of "A, B and C" is not the owner of their joint figure; better none than a false one."""
    entities = [mention(text, name) for name in ("Jiangsu", "Zhejiang", "Yongin", "Cheonan", "Gumi") if name in text]
    assert [q.subject for q in extract(text, published="2026-03-01", entities=entities)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Marta Ortiz, 52, the plant's director, said the line would open in May.",
        "Okafor, 38, joined the supplier after university.",
        "Page 2 of 5",
        "Slide 3 of 12",
    ],
)
def test_an_age_or_a_count_of_pages_is_not_a_figure(text):
    assert extract(text, published="2025-05-01") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("In Saxony, 45 firms signed up.", 45),
        ("Sales by state: Jalisco, 30, Sonora, 25.", 30),
        ("The county opened 12 of 40 planned sites.", 40),
    ],
)
def test_a_count_after_a_name_or_of_a_whole_is_still_a_figure(text, value):
    assert by_value(extract(text, published="2025-05-01"), value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Growth in the first quarter was 6.3%.", 6.3),
        ("After slowing to 3.9% in the first quarter, it rebounded.", 3.9),
        ("Since then it has seen 171 approved applications.", 171),
    ],
)
def test_a_metric_is_never_only_a_time_or_a_function_word(text, value):
    metric = by_value(extract(text, published="2025-05-01"), value).metric
    assert metric is None or not set(metric.lower().split()) <= {"first", "quarter", "after", "slowing", "seen"}


def test_the_level_a_goal_starts_from_in_a_past_year_is_a_statistic():
    found = extract(
        "Peru aims to lift copper exports to $40 billion by 2030, up from $27 billion in 2023.", published="2025-03-01"
    )
    assert (by_value(found, 4e10).kind, by_value(found, 4e10).deadline) == ("target", 2030)
    start = by_value(found, 2.7e10)
    assert (start.kind, start.as_of) == ("statistic", 2023)


def test_a_statistic_is_never_dated_after_its_document():
    q = only("Under the 2027 plan, the town has built 120 charging stations.", published="2025-03-01")
    assert (q.kind, q.as_of) == ("statistic", None)


@pytest.mark.parametrize(
    "text, value, metric",
    [
        ("Chile drew $21 billion of FDI last year.", 2.1e10, "FDI"),
        ("The fund holds $3 billion worth of green bonds.", 3e9, "green bonds"),
    ],
)
def test_money_measures_what_it_is_of(text, value, metric):
    assert by_value(extract(text, published="2025-03-01"), value).metric == metric


def test_money_of_a_larger_sum_is_not_measured_by_that_sum():
    found = extract("So far $2 billion of the $5 billion pledged has been paid.", published="2025-03-01")
    assert by_value(found, 2e9).metric != "the"


def test_a_relative_year_right_after_the_figure_dates_it_before_a_later_year():
    found = extract(
        "Chile drew $21 billion of FDI last year, and officials see $25 billion in 2026.", published="2025-03-01"
    )
    assert by_value(found, 2.1e10).as_of == 2024


def test_what_a_change_is_compared_with_does_not_date_it():
    q = by_value(
        extract("The port handled 128 more ships than last year, officials said in 2025.", published="2025-06-01"), 128
    )
    assert q.as_of != 2024


def test_a_place_in_an_aside_after_the_subject_does_not_take_its_figure():
    text = "Hyundai, which has 12,000 staff in Alabama, sold 4 million cars."
    entities = [mention(text, "Hyundai", "company"), mention(text, "Alabama")]
    found = extract(text, published="2025-03-01", entities=entities)
    assert by_value(found, 4e6).subject == "Hyundai"
    text = "Monterrey, Mexico's industrial capital, attracted $3 billion of FDI in 2024."
    entities = [mention(text, "Monterrey"), mention(text, "Mexico")]
    assert by_value(extract(text, published="2025-03-01", entities=entities), 3e9).subject == "Monterrey"


def test_a_list_of_places_gives_its_figure_to_the_last():
    text = "Of the three provinces, Jiangsu, Zhejiang and Anhui, Anhui grew fastest at 7%."
    entities = [mention(text, n) for n in ("Jiangsu", "Zhejiang")] + [
        Entity("place", "Anhui", [(m.start(), m.end()) for m in re.finditer("Anhui", text)])
    ]
    assert by_value(extract(text, published="2025-03-01", entities=entities), 7).subject == "Anhui"


def test_the_subjects_possessive_is_not_part_of_the_metric():
    text = "Guangdong's exports rose 7% in 2024."
    q = only(text, published="2025-03-01", entities=[mention(text, "Guangdong")])
    assert (q.subject, q.metric) == ("Guangdong", "exports")


@pytest.mark.parametrize(
    "text, value, metric",
    [
        # a government page: the verb after a modal is not part of the measure
        (
            "The state treasury will allocate a guarantee fund of KRW 800 billion for battery makers.",
            8e11,
            "guarantee fund",
        ),
        # a passive verb after "be" names nothing; the measure is its subject
        (
            "The recycling rate of construction waste shall be maintained at no less than 65%.",
            65,
            "recycling rate of construction waste",
        ),
        ("The vacancy rate of the logistics parks will be kept below 8%.", 8, "vacancy rate of the logistics parks"),
        # "X each with an annual output value exceeding N": what the figure is of is the noun after "with"
        (
            "The region will foster 6 battery clusters each with an annual output value exceeding 50 billion pesos.",
            5e10,
            "annual output value",
        ),
        # a figure set against the one before it measures the same thing
        (
            "Semiconductor exports are forecast to reach $140 billion in 2026, compared with $98 billion in 2024.",
            98e9,
            "Semiconductor exports",
        ),
        # a long phrase keeps the head noun of a participle
        (
            "The agency aims at shortening the average time needed to approve a new foreign factory licence from "
            "about 90 days to 30 days.",
            90,
            "time needed to approve a new foreign factory licence",
        ),
        # a share with no verb we know before it: the whole it is a share of
        (
            "Domestic suppliers now furnish roughly 55 percent of the wafers used by the fabs in Penang.",
            55,
            "share of wafers",
        ),
    ],
)
def test_metric_is_the_noun_phrase_not_the_verb(text, value, metric):
    assert by_value(extract(text, published="2025-03-01"), value).metric == metric


@pytest.mark.parametrize(
    "text, value, metric",
    [
        (
            "The programme will certify 2,000 small and medium-sized enterprises by 2027.",
            2000,
            "small and medium-sized enterprises",
        ),
        (
            "The ministry will cultivate 40 national-level platforms serving specific industries.",
            40,
            "national-level platforms",
        ),
        (
            "Twelve smart factories were listed, along with 80 digital workshops recognised at the state level.",
            80,
            "digital workshops",
        ),
        (
            "The province will train a pool of 700 service providers able to deliver turnkey upgrades.",
            700,
            "service providers",
        ),
        ("Hanoi opened 15 research and development centres in 2024.", 15, "research and development centres"),
        ("The hub handled 420 customs declarations during the month.", 420, "customs declarations"),
    ],
)
def test_counted_noun_ends_where_its_description_begins(text, value, metric):
    assert by_value(extract(text, published="2025-03-01"), value).metric == metric


@pytest.mark.parametrize(
    "text, value",
    [
        ("Solar parks numbered 28, three short of the goal, with five more under review.", 3),
        ("Solar parks numbered 28, three short of the goal, with five more under review.", 5),
        (
            "A firm named a national champion gets up to $2 million, and one recognised as a regional champion "
            "$1 million.",
            1,
        ),
    ],
)
def test_a_count_with_no_noun_never_takes_a_word_of_degree(text, value):
    metric = by_value(extract(text, published="2025-03-01"), value).metric
    assert metric is None or not set(metric.lower().split()) & {"short", "more", "recognised", "of"}


def test_a_participle_alone_names_nothing_and_coordinated_modifiers_are_kept():
    found = extract(
        "The ministry counted 5,100 FDI projects, valued at US$92 billion, in its zones. By 2030, about "
        "2,000 “specialised and innovative” start-ups will be nurtured.",
        published="2025-03-01",
    )
    assert by_value(found, 92e9).metric == "FDI projects"
    assert by_value(found, 2000).metric == "specialised and innovative start-ups"


def _named(text, *names):
    """Entities for each (type, name) at every place the name occurs in text."""
    return [
        Entity(etype, name, [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]) for etype, name in names
    ]


@pytest.mark.parametrize(
    "text, value, names, subject",
    [
        # the figure after the verb belongs to the clause's subject, not to a name in its object list
        (
            "Busan has drawn in shipbuilders such as Hanwha Ocean and HD Hyundai, and has built 12 smart shipyards.",
            12,
            [("place", "Busan"), ("company", "Hanwha Ocean"), ("company", "HD Hyundai")],
            "Busan",
        ),
        # a venue is an adjunct
        (
            "On May 3, Kestrel Motors announced on the Bombay Stock Exchange that it would invest Rs 40 billion in a plant.",
            4e10,
            [("company", "Kestrel Motors"), ("institution", "Bombay Stock Exchange")],
            "Kestrel Motors",
        ),
        # a source is not an owner
        (
            "According to Lumen Analytics, Vireo Foods' sales rose 14% in 2024.",
            14,
            [("company", "Lumen Analytics"), ("company", "Vireo Foods")],
            "Vireo Foods",
        ),
        # a new clause with its own subject owns its own figures
        (
            "Jalisco attracted $2 billion, while Nuevo Leon attracted $5 billion.",
            5e9,
            [("place", "Jalisco"), ("place", "Nuevo Leon")],
            "Nuevo Leon",
        ),
    ],
)
def test_a_figure_after_the_verb_belongs_to_the_clause_subject(text, value, names, subject):
    q = by_value(extract(text, published="2025-06-01", entities=_named(text, *names)), value)
    assert q.subject == subject


@pytest.mark.parametrize(
    "text, value, metric",
    [
        # a wire dateline and the subject's possessive are not what is measured
        (
            "SEOUL, March 4 (Yonhap) -- South Korea's exports rose 8.2 percent on-year to US$54.1 billion in February.",
            8.2,
            "exports",
        ),
        (
            "SEOUL, March 4 (Yonhap) -- South Korea's exports rose 8.2 percent on-year to US$54.1 billion in February.",
            54.1e9,
            "exports",
        ),
        # "a record" is a noun after its article, not the verb "record"
        ("The government aims to lift annual exports to a record $700 billion this year.", 7e11, "annual exports"),
        # "against a committed Rs 42,500 crore" restates the figure before it
        (
            "The scheme has attracted investment of Rs 20,715 crore against a committed Rs 42,500 crore.",
            4.25e11,
            "investment",
        ),
        # money sizing the noun after it
        (
            "The European Commission approved a EUR 3 billion Italian State aid measure for a chip plant.",
            3e9,
            "Italian State aid measure",
        ),
        ("The top 40 firms on the list represent a total revenue of over US$150 billion.", 1.5e11, "total revenue"),
        # a description's possessive says whose, a month when, and a verb of change how: none is what
        ("The region's GRDP reached PHP 812.4 billion in 2025.", 8.124e11, "GRDP"),
        ("Headline inflation eased to 3.1 percent in December from 3.4 percent in January.", 3.4, "Headline inflation"),
        ("Headline inflation eased to 3.1 percent in December from 3.4 percent in January.", 3.1, "Headline inflation"),
    ],
)
def test_metric_in_wire_and_government_phrasing(text, value, metric):
    south_korea = [Entity("place", "South Korea", [(m.start(), m.end()) for m in re.finditer("South Korea", text)])]
    assert by_value(extract(text, published="2025-03-05", entities=south_korea), value).metric == metric


def test_a_dateline_city_is_not_the_stories_subject():
    text = (
        "SEOUL, March 4 (Yonhap) -- South Korea's exports rose 8.2 percent in February, the trade ministry said. "
        "Shipments of semiconductors jumped 29 percent."
    )
    entities = _named(text, ("place", "SEOUL"), ("place", "South Korea"))
    assert by_value(extract(text, published="2025-03-05", entities=entities), 29).subject == "South Korea"


@pytest.mark.parametrize(
    "text, value, metric",
    [
        # a machine-translated plan: "and" joins two modifiers of one noun
        (
            "By 2027, the number of specialized and sophisticated 'little giant' firms reaches more than 150.",
            150,
            "number of specialized and sophisticated little giant firms",
        ),
        # an EU proposal: the figure opens the clause after "that"; the subject's name inside the whole stays
        (
            "The Council proposes that at least 30% of the Union's annual demand for batteries be made in Europe.",
            30,
            "share of Union's annual demand",
        ),
        (
            "The act sets a benchmark of 15% of EU demand for rare earths to be processed within the Union.",
            15,
            "share of EU demand",
        ),
        # "and" after a verb still opens a new clause
        ("Output rose and exports reached $12 billion in 2024.", 12e9, "exports"),
    ],
)
def test_metric_across_conjunctions(text, value, metric):
    eu = _named(text, ("place", "EU"))
    assert by_value(extract(text, published="2025-03-05", entities=eu), value).metric == metric


def test_the_province_named_by_its_government_owns_the_plans_figures():
    text = (
        "The Jiangxi Provincial Government issued the Action Plan for Advanced Manufacturing (2024-2026). Under the "
        "plan, the output value of the province's electronic information industry will exceed 1 trillion yuan, "
        "and Nanchang will host 5 national-level clusters."
    )
    entities = _named(
        text,
        ("government", "Jiangxi Provincial Government"),
        ("place", "Nanchang"),
        ("programme", "Action Plan for Advanced Manufacturing"),
    )
    found = extract(text, published="2024-05-01", entities=entities)
    assert by_value(found, 1e12).subject == "Jiangxi"
    assert by_value(found, 5).subject == "Nanchang"


def test_an_aside_in_the_clause_subject_and_a_verb_that_names_the_measure():
    text = (
        "Monterrey, the capital of Nuevo Leon, attracted $3.2 billion in FDI in 2023. "
        "The automaker's plant in Saltillo will produce 200,000 units a year."
    )
    entities = _named(text, ("place", "Monterrey"), ("place", "Nuevo Leon"), ("place", "Saltillo"))
    found = extract(text, published="2024-05-01", entities=entities)
    assert by_value(found, 3.2e9).subject == "Monterrey"
    assert by_value(found, 200000).metric == "output"


def test_a_place_and_its_locator_in_an_aside_are_both_the_aside():
    text = (
        "Qorvane Thermal, founded in 2011 in Lyon, France, runs three lines with about 420 workers. "
        "Qorvane Thermal, based in Bilbao, Spain, employs 90 people."
    )
    entities = _named(
        text,
        ("company", "Qorvane Thermal"),
        ("place", "Lyon"),
        ("place", "France"),
        ("place", "Bilbao"),
        ("place", "Spain"),
    )
    found = extract(text, published="2024-05-01", entities=entities)
    assert by_value(found, 420).subject == "Qorvane Thermal"
    assert by_value(found, 90).subject == "Qorvane Thermal"


def test_a_name_given_as_an_example_after_the_figure_owns_nothing():
    text = (
        "Velmoria's copper exports rose 12% last year. "
        "Last month, the ministry cut the royalty on ore sold to local smelters to 4% from 6%, "
        "a move meant to help plants such as the Dravik smelter."
    )
    entities = _named(text, ("place", "Velmoria"), ("place", "Dravik"))
    found = extract(text, published="2024-05-01", entities=entities)
    assert by_value(found, 4).subject == "Velmoria"
    assert by_value(found, 6).subject == "Velmoria"


def test_support_a_government_gives_is_the_story_company_s():
    text = (
        "Corvell Drives will build a motor plant in Velmoria. "
        "Velmoria's government approved a subsidy of 17.4 million euros for the project in December. "
        "The state offers a 75% property tax abatement. "
        "The scheme pays 1,200 euros per motor and has handed out a combined 90 million euros in grants."
    )
    entities = _named(text, ("company", "Corvell Drives"), ("place", "Velmoria"))
    found = extract(text, published="2026-03-01", title="Corvell Drives to build motor plant", entities=entities)
    assert by_value(found, 17.4e6).subject == "Corvell Drives"
    assert by_value(found, 75).subject == "Corvell Drives"
    assert by_value(found, 1200).subject != "Corvell Drives"  # a scheme's rate per unit
    assert by_value(found, 90e6).subject != "Corvell Drives"  # a total over many recipients


def test_a_fact_box_label_names_its_figure():
    text = (
        "Key figures at a glance:\n- Exports: $5.2 billion (up 10% year on year)\n- New factories: 14\n"
        "- R&D spending as a share of GDP: 2.8%\n"
    )
    found = extract(text, published="2025-06-01")
    assert [by_value(found, v).metric for v in (5.2e9, 10, 14, 2.8)] == [
        "Exports",
        "Exports",
        "New factories",
        "R&D spending as a share of GDP",
    ]


@pytest.mark.parametrize(
    "text, value, metric",
    [
        # before a verb of intent stands who intends; what the figure is of follows it
        ("Summary: The roadmap targets 800 GW of renewable capacity by 2032.", 800, "renewable capacity"),
        ("The state expects $4 billion by 2027.", 4e9, None),
        ("The mill produced 300,000 tonnes of cold-rolled steel in 2024.", 300000, "cold-rolled steel"),
        # the next in a ranking, at its own figure, is measured the same way
        (
            "Maharashtra received FDI inflows of Rs 1.13 lakh crore in FY24, followed by Karnataka at Rs 54,427 crore.",
            5.4427e11,
            "FDI inflows",
        ),
    ],
)
def test_metric_after_intent_verbs_units_of_and_rankings(text, value, metric):
    assert by_value(extract(text, published="2025-06-01"), value).metric == metric


def test_a_verb_that_names_its_measure_survives_the_participle_rule():
    found = extract(
        "Nuevo Leon attracted $9 billion of FDI in 2024. The fund raised $2 billion.", published="2025-06-01"
    )
    assert by_value(found, 9e9).metric == "investment"
    assert by_value(found, 2e9).metric == "funds"


def test_a_shortfall_is_no_level_and_a_compared_past_level_is_a_statistic():
    found = extract(
        "Solar parks numbered 28, three short of the goal, with five more under review. The cluster aims "
        "for exports exceeding RMB 20 billion by 2027, compared with RMB 9.8 billion in 2023.",
        published="2024-03-30",
    )
    assert by_value(found, 3).metric is None and by_value(found, 5).metric is None
    past = by_value(found, 9.8e9)
    assert (past.kind, past.metric, past.as_of) == ("statistic", "exports", 2023)


def test_the_province_of_a_plan_named_only_in_its_title():
    text = (
        "Building on the existing base in Wuhan, Yichang and Xiangyang, the province will cultivate 8 robot "
        "clusters by 2026."
    )
    entities = _named(text, ("place", "Wuhan"), ("place", "Yichang"), ("place", "Xiangyang"))
    q = by_value(
        extract(
            text, published="2024-01-10", title="Hubei Province Action Plan for Robots (2024-2026)", entities=entities
        ),
        8,
    )
    assert q.subject == "Hubei Province"  # as the title writes it


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("Port throughput grew fast, with an average annual growth rate of 9.3 percent.", "average annual growth rate"),
        ("The parks were put into operation with the occupancy rate of 68%.", "occupancy rate"),
    ],
)
def test_measure_noun_a_figure_is_of_names_the_metric(text, metric):
    assert only(text).metric == metric


@pytest.mark.parametrize(
    "text, metric",
    [
        ("Kestrel’s valve sales accounted for 12% of the national market.", "share of national market"),
        ("Northbay's exports made up 40% of total output in 2024.", "share of total output"),
        ("The cluster's output accounts for one fifth of the national total.", "share of national total"),
        (
            "Service robots represented 35 percent of the province's robot shipments.",
            "share of robot shipments",
        ),
    ],
)
def test_a_share_verb_makes_the_figure_a_share_of_its_whole(text, metric):
    assert only(text).metric == metric


@pytest.mark.parametrize(
    "text, metric",
    [
        (
            "The ministries aim for a growth of over 25 percent in industrial equipment investment by 2027.",
            "industrial equipment investment growth",
        ),
        ("The province expects a rise of 5% in exports.", "exports rise"),
    ],
)
def test_a_change_the_figure_is_of_names_what_changed_in(text, metric):
    assert only(text, published="2024-03-01").metric == metric


@pytest.mark.parametrize(
    "text, programme, subject",
    [
        # a running programme owns the figures of a sentence it is the subject of
        (
            "Ruritania’s Harbour Export Credit Scheme has disbursed $2 billion to small firms.",
            "Harbour Export Credit Scheme",
            "Harbour Export Credit Scheme",
        ),
        # ... and when referred back to ("the scheme")
        (
            "Ruritania launched the Harbour Export Credit Scheme in 2021. The scheme has created 5,000 jobs.",
            "Harbour Export Credit Scheme",
            "Harbour Export Credit Scheme",
        ),
        # a mission or an act runs and reports as a scheme does
        (
            "Ruritania’s Chip Fabrication Mission has an outlay of $9 billion.",
            "Chip Fabrication Mission",
            "Chip Fabrication Mission",
        ),
        (
            "The Clean Industry Act sets a benchmark for Ruritania to make 40% of its needs.",
            "Clean Industry Act",
            "Clean Industry Act",
        ),
        # a plan named as possessed still stands for its region
        ("Ruritania’s Green Steel Plan will cut emissions by 30%.", "Green Steel Plan", "Ruritania"),
        # a scheme named only in another sentence does not take the figure
        (
            "In the textile sector, Ruritania attracted $3 billion. The sector also joined the Harbour Export Credit Scheme.",
            "Harbour Export Credit Scheme",
            "Ruritania",
        ),
    ],
)
def test_a_programme_owns_the_figures_it_is_the_subject_of(text, programme, subject):
    entities = [mention(text, "Ruritania"), mention(text, programme, "programme")]
    assert only(text, entities=entities, published="2024-01-01").subject == subject


def test_figures_closed_by_respectively_take_the_listed_measures_in_order():
    found = extract(
        "Retail sales of household goods and industrial investment in Lianshan rose 5.2% and 3.1%, respectively."
    )
    assert [q.metric for q in found] == ["Retail sales of household goods", "industrial investment in Lianshan"]


def test_respectively_skips_the_clause_before_the_list():
    found = extract("In 2023, exports, imports and investment were up 3%, 4% and 5% year on year respectively.")
    assert [q.metric for q in found] == ["exports", "imports", "investment"]


def test_respectively_list_starts_after_such_as():
    found = extract(
        "Imports grew, driven by demand for goods such as fruit, wine and tea, which rose by 5.6%, 8.6% and 3.8%, respectively."
    )
    assert [q.metric for q in found] == ["fruit", "wine", "tea"]


def test_respectively_names_give_subjects_and_the_last_noun_counts_all():
    text = "Hefei and Wuhu built 30 and 20 factories, respectively."
    found = extract(text, entities=[mention(text, "Hefei"), mention(text, "Wuhu")])
    assert [(q.subject, q.metric) for q in found] == [("Hefei", "factories"), ("Wuhu", "factories")]


def test_respectively_names_after_the_figures_give_their_subjects():
    text = "In Europe, registrations rose to 186,000 units, up 220% and 180% in the UK and Germany respectively."
    entities = [mention(text, "Europe"), mention(text, "UK"), mention(text, "Germany")]
    found = extract(text, published="2026-09-17", entities=entities)
    assert [q.subject for q in found] == ["Europe", "UK", "Germany"]


def test_a_figure_right_after_a_companys_possessive_is_the_companys():
    text = "Hungary has attracted investments, including CATL's €7.3 billion cell plant in Debrecen."
    entities = [mention(text, "Hungary"), mention(text, "CATL", "company"), mention(text, "Debrecen")]
    assert only(text, published="2026-09-17", entities=entities).subject == "CATL"


def test_an_and_between_modifiers_stays_inside_one_listed_measure():
    found = extract("Research and development budgets and exports rose 5% and 7%, respectively.")
    assert [q.metric for q in found] == ["Research and development budgets", "exports"]


def test_an_and_after_a_noun_splits_when_the_figures_need_it():
    found = extract("Industrial output and export value rose 5% and 7%, respectively.")
    assert [q.metric for q in found] == ["Industrial output", "export value"]


def test_a_list_that_does_not_match_the_figures_one_for_one_is_left_alone():
    plain = extract("Exports of machinery rose 5%, 7% and 9%.")
    paired = extract("Exports of machinery rose 5%, 7% and 9%, respectively.")
    assert [q.metric for q in paired] == [q.metric for q in plain]


@pytest.mark.parametrize(
    "text, metric",
    [
        ("Ruritania ranked third nationwide in bearing exports in 2024.", "rank in bearing exports"),
        ("Its tractor output ranked first among the provinces.", "rank in tractor output"),
        ("The company ranks No. 3 globally with a 12% share.", "rank"),  # who is ranked, not in what
        (
            "Sales accounted for 15 percent of the global crane market, ranking first in the world.",
            "rank in global crane market",
        ),
    ],
)
def test_a_rank_is_named_as_a_rank_in_what_is_ranked(text, metric):
    found = extract(text, published="2025-01-01")
    assert [q.metric for q in found if q.unit == "rank"] == [metric]


def test_a_rank_in_nothing_named_is_a_bare_rank():
    text = "Ruritania ranked second in the world."
    found = extract(text, entities=[mention(text, "Ruritania")])
    assert [(q.metric, q.subject) for q in found] == [("rank", "Ruritania")]


@pytest.mark.parametrize(
    "text, metric",
    [
        ("The Harbour Bay logistics park covers 12 square kilometres.", "area of Harbour Bay logistics park"),
        ("The park has a planned land area of 8.5 square kilometers.", "planned land area"),
        ("The site, covering 40 hectares, will open in 2026.", "area"),
        ("Ruritania will add 5 GW of offshore wind by 2030.", "offshore wind capacity"),
        ("Installed wind capacity reached 30 GW.", "Installed wind capacity"),
        ("The 2 GW electrolyser plant will open in 2027.", "electrolyser plant capacity"),
    ],
)
def test_an_area_figure_measures_an_area_and_a_power_figure_a_capacity(text, metric):
    found = extract(text, published="2025-01-01")
    assert [q.metric for q in found] == [metric]


@pytest.mark.parametrize(
    "text, metric",
    [
        ("The province will attract RMB 50 billion by 2027.", "investment"),
        ("The county will spend RMB 3 billion on new plants.", "expenditure"),
        ("The city will allocate 2 billion yuan to support the cluster.", "funds"),
        ("The department awarded $300 million to the firm.", "funds"),
        ("The plan will provide 3,000 jobs.", "jobs"),
    ],
)
def test_a_verb_of_spending_or_funding_names_the_money_it_moves(text, metric):
    found = extract(text, published="2025-01-01")
    assert [q.metric for q in found] == [metric]


def test_what_a_yearly_mass_is_of_after_its_rate():
    q = only("Ruritania aims for 500,000 tonnes a year of renewable hydrogen by 2030.", published="2025-01-01")
    assert (q.metric, q.annual) == ("renewable hydrogen", True)


def test_ones_after_a_count_stands_for_the_noun_counted_before():
    found = extract("The project will generate 800 direct jobs and 2,000 indirect ones.")
    assert [q.metric for q in found] == ["direct jobs", "indirect jobs"]


def test_such_before_a_counted_noun_only_points_back():
    assert only("The county will have 30 such stations by 2026.", published="2025-01-01").metric == "stations"


def test_the_plant_is_the_company_that_builds_it_not_the_city_it_stands_in():
    text = "Lakeview Precision Co., Ltd. announced a new bearing plant in Harbin. The plant will create 1,500 jobs."
    entities = [mention(text, "Lakeview Precision Co., Ltd.", "company"), mention(text, "Harbin")]
    assert only(text, entities=entities, published="2025-03-03").subject == "Lakeview Precision Co., Ltd."


def test_a_description_in_an_aside_after_the_name_does_not_take_its_figure():
    text = (
        "The Harbour Bay Industrial Park opened in 2020. Lakeview Precision Co., Ltd., the largest company "
        "in the park, delivered 1,100 locomotives last year."
    )
    entities = [
        mention(text, "Harbour Bay Industrial Park", "park"),
        mention(text, "Lakeview Precision Co., Ltd.", "company"),
    ]
    assert only(text, entities=entities, published="2025-03-03").subject == "Lakeview Precision Co., Ltd."


def test_a_figure_whose_paragraph_names_nothing_before_it_does_not_take_a_later_sentences_place():
    text = (
        "Ruritania has attracted investment of $2 billion for electronics.\n\n"
        "The projects are expected to generate 45,000 jobs. A components maker will build a plant in Kestrel."
    )
    entities = [mention(text, "Ruritania"), mention(text, "Kestrel")]
    found = extract(text, entities=entities, published="2025-01-01")
    assert by_value(found, 45000).subject != "Kestrel"


@pytest.mark.parametrize(
    "sentence",
    [
        "Current output is about 7,000 tonnes.",
        "Existing storage capacity is 0.8 GWh.",
        "The county is now at roughly a fifth of that.",
        "Some 40 stations are already in service.",
    ],
)
def test_a_figure_of_the_present_after_a_goal_is_a_statistic(sentence):
    text = "The county aims to produce 35,000 tonnes of ammonia a year by 2027. " + sentence
    found = extract(text, published="2025-02-01")
    assert found[0].kind == "target"
    assert [q.kind for q in found[1:]] == ["statistic"] * (len(found) - 1)


def test_a_present_word_after_a_modal_still_leaves_a_goal():
    assert only("The port will now add 12 berths.", published="2025-02-01").kind == "target"


def test_the_present_level_a_goal_starts_from_is_a_statistic_and_the_goal_stays_one():
    found = extract("The mill aims to lift output from the current 40 billion yuan to 65 billion yuan.")
    assert [(q.value, q.kind) for q in found] == [(40e9, "statistic"), (65e9, "target")]


@pytest.mark.parametrize(
    "text, start, goal",
    [
        ("The localization rate of core parts will be raised from 44% to 80%.", 44, 80),
        ("The plan will cut certification time from about 45 days to under 20 days.", 45, 20),
        ("Capacity will increase from 31.2 billion pieces to 36.0 billion pieces per annum.", 31.2e9, 36e9),
    ],
)
def test_where_a_planned_change_starts_is_a_statistic(text, start, goal):
    found = extract(text, published="2025-01-10")
    assert [(q.value, q.kind) for q in found] == [(start, "statistic"), (goal, "target")]


def test_items_numbered_in_lower_case_roman_numerals_share_their_introduction():
    text = (
        "The scheme aims to support the sale of 2.5 lakh electric tractors by 2031.\n\n"
        "Key features of the scheme are:\n\n"
        "i. Demand incentive of Rs 1.2 lakh per electric tractor;\n"
        "ii. Rs 1,100 crore for setting up 30,000 charging points in rural areas;\n"
        "iii. Rs 450 crore for three testing centres."
    )
    assert [q.kind for q in extract(text, published="2026-05-01")] == ["target"] * 6


@pytest.mark.parametrize(
    "text",
    [
        "The grant will fund the expansion of the firm's existing mill, adding 260 jobs.",
        "The upgrade will raise the yard's throughput by 35 percent over current levels.",
    ],
)
def test_a_present_adjective_after_a_goal_word_describes_what_the_goal_starts_from(text):
    assert only(text, published="2025-01-10").kind == "target"


@pytest.mark.parametrize(
    "text",
    [
        "The strategy sets an ambition for the region to make 35 percent of its own heat pumps.",
        "The regulation fixes a benchmark of 25 percent of annual demand for domestic suppliers.",
        "Another 450 jobs are foreseen in the plant's second stage.",
        "Some 90 charging hubs are envisaged along the corridor.",
    ],
)
def test_nouns_and_participles_of_ambition_make_a_target(text):
    assert only(text, published="2025-03-10").kind == "target"


@pytest.mark.parametrize(
    "text, value",
    [
        ("The region has 9 counties with targets of their own.", 9),
        ("Tarvik produced 18,000 tonnes in 2024, a fifth of its 2026 goal.", 20),
        ("The yard has 14 berths against a goal of 30.", 14),
    ],
)
def test_a_goal_word_in_a_phrase_of_its_own_after_the_figure_does_not_make_it_a_target(text, value):
    q = by_value(extract(text, published="2025-05-12"), value)
    assert q.kind == "statistic"


def test_a_goal_word_right_after_the_figure_still_makes_it_a_target():
    assert only("The province announced a 12 percent target for the sector.", published="2025-05-12").kind == "target"


@pytest.mark.parametrize(
    "text, kind, deadline, as_of",
    [
        ("The state aims for electronics exports of Rs 2 lakh crore by 2027-28.", "target", 2028, None),
        ("The state aims for electronics exports of Rs 2 lakh crore by FY28.", "target", 2028, None),
        ("Electronics exports were Rs 90,000 crore in 2023-24.", "statistic", None, 2024),
    ],
)
def test_a_fiscal_year_written_as_two_years_counts_by_its_end_year(text, kind, deadline, as_of):
    q = only(text, published="2025-06-10")
    assert (q.kind, q.deadline, q.as_of) == (kind, deadline, as_of)


def test_a_span_of_several_years_is_not_a_fiscal_year():
    q = only("The county plan (2021-25) will add 14 parks.", published="2022-03-01")
    assert q.deadline == 2025


def test_a_year_opening_a_later_paragraph_governs_its_figures():
    text = (
        "The harbour board met on Tuesday.\n\n"
        "In 2023, the harbour handled a record volume. Container traffic grew 8 percent.\n\n"
        "By 2028, the board will build a new terminal. It will add 6 berths."
    )
    found = extract(text, published="2025-04-01")
    assert [(q.value, q.kind, q.as_of, q.deadline) for q in found] == [
        (8, "statistic", 2023, None),
        (6, "target", None, 2028),
    ]


def test_a_deadline_closing_a_news_clause_is_not_lent_to_the_next_goal():
    text = "Orvane will spend $300 million on the plant by 2027. The site will employ 650 people."
    found = extract(text, published="2025-02-01", title="Orvane picks Saltillo for new plant")
    assert [(q.value, q.deadline) for q in found] == [(300e6, 2027), (650, None)]


def test_a_deadline_in_a_paragraph_about_a_plan_governs_its_other_goals():
    text = "Under the plan, the county will build 12 parks by 2027. Output will exceed 40 billion yuan."
    found = extract(text, published="2025-02-01", title="County unveils industry push")
    assert [(q.value, q.deadline) for q in found] == [(12, 2027), (40e9, 2027)]


def test_a_definite_description_opening_the_sentence_owns_its_figures_not_the_zone_it_lies_in():
    text = (
        "Work began on the Orvale Precision Park in May. "
        "The park is located in the Brennock Free Trade Zone, with a floor area of 90,000 square meters. "
        "It is expected to house 40 firms."
    )
    entities = [mention(text, "Orvale Precision Park", "park"), mention(text, "Brennock Free Trade Zone", "park")]
    found = extract(text, published="2025-03-01", entities=entities)
    assert by_value(found, 90000).subject == "Orvale Precision Park"
    assert by_value(found, 40).subject == "Orvale Precision Park"


def test_a_place_subject_is_named_as_the_text_writes_it_before_the_figure():
    text = "The Republic of Ruritania opened two ports. South Ruritania's exports rose 5% in May."
    place = Entity(
        "place",
        "Republic of Ruritania",
        [
            (text.index("Republic of Ruritania"), text.index("Republic of Ruritania") + 21),
            (text.index("South"), text.index("South") + 15),
        ],
    )
    q = by_value(extract(text, published="2025-06-01", entities=[place]), 5)
    assert q.subject == "South Ruritania"
    assert q.metric == "exports"


def _shortened(kind: str, text: str, name: str, short: str, after: str | None = None) -> Entity:
    """An entity mentioned by its full name, then by a short form (the first one that opens ``after``)."""
    full, at = text.index(name), text.index(after or short, text.index(name) + len(name))
    return Entity(kind, name, [(full, full + len(name)), (at, at + len(short))])


def test_an_abbreviated_place_subject_keeps_the_full_name():
    text = "The Lakeside New Area (LNA) was set up in 2014. The LNA attracted 40 projects last year."
    place = _shortened("place", text, "Lakeside New Area", "LNA")
    q = by_value(extract(text, published="2025-06-01", entities=[place]), 40)
    assert q.subject == "Lakeside New Area"


def test_a_park_subject_is_named_as_the_text_writes_it_before_the_figure():
    text = "Builders finished the Orvale Precision Industrial Park in March. Orvale Park now hosts 45 firms."
    park = _shortened("park", text, "Orvale Precision Industrial Park", "Orvale Park")
    q = by_value(extract(text, published="2025-06-01", entities=[park]), 45)
    assert q.subject == "Orvale Park"


def test_a_company_subject_is_named_as_written_and_its_full_name_leaves_the_metric():
    text = "Lakeshore Motor Group was founded in 1990. Lakeshore sold 2 million cars last year."
    company = _shortened("company", text, "Lakeshore Motor Group", "Lakeshore", after="Lakeshore sold")
    q = by_value(extract(text, published="2025-06-01", entities=[company]), 2e6)
    assert q.subject == "Lakeshore"
    text = "Lakeshore Motor Group was founded in 1990. Lakeshore said Lakeshore Motor exports reached $4 billion."
    company = _shortened("company", text, "Lakeshore Motor Group", "Lakeshore", after="Lakeshore said")
    q = by_value(extract(text, published="2025-06-01", entities=[company]), 4e9)
    assert q.subject == "Lakeshore"
    assert not q.metric.startswith("Motor")  # the short form is no part of the metric to cut off


@pytest.mark.parametrize(
    "text, metric",
    [
        ("The EU intends to double its market share to 20 percent.", "market share"),
        ("Seoul seeks to triple its chip exports to $300 billion.", "chip exports"),
    ],
)
def test_verbs_of_intent_are_not_part_of_the_metric(text, metric):
    assert only(text, published="2024-06-01").metric == metric


def test_a_second_predicate_after_and_shares_the_sentences_subject():
    """ ", and source …" has no subject of its own: the company before the first verb owns its figure, not
    the university named last; a list item after ", and" ("and a dozen …") is left to the other rules."""
    text = (
        "Norvik will invest $5 million in courses with Halden College and Marlow University, train 500 "
        "technicians, and source no less than 60 percent of its steel from local mills."
    )
    entities = [
        mention(text, "Norvik", "company"),
        mention(text, "Halden College", "institution"),
        mention(text, "Marlow University", "institution"),
    ]
    found = extract(text, published="2025-01-09", entities=entities)
    assert by_value(found, 60).subject == "Norvik"


@pytest.mark.parametrize(
    "text, kind, deadline",
    [
        ("Prices fell by 30 percent in two years.", "statistic", None),
        ("Output grew 20% over three years.", "statistic", None),
        ("The city will add 30 plants in two years.", "target", 2028),
        ("The firm has 300 staff and will hire 200 more in the next three years.", "target", 2029),
        # a superlative or a first looks back over the years: no horizon, no goal
        ("GRDP growth is estimated at 8.2%, the highest in 5 years.", "statistic", None),
        ("Exports rose 12% in 2026, the first increase in three years.", "statistic", None),
    ],
)
def test_in_n_years_after_a_past_verb_is_how_long_a_change_took(text, kind, deadline):
    q = extract(text, published="2026-05-12")[-1]
    assert (q.kind, q.deadline) == (kind, deadline)


def test_words_that_end_the_figure_before_do_not_name_the_next_one():
    # "8 in the central region and 5 …": the words after 8 complete it; 5 counts what 8 and 30 count
    found = extract(
        "China has 45 national clusters, including 30 in the eastern region, 8 in the central region and 5 in "
        "the western region."
    )
    assert {q.value: q.metric for q in found}[5] == "national clusters"
    found = extract("They contribute 9.4 percent of total operating revenue and 25.4 percent of profits.")
    assert by_value(found, 25.4).metric == "share of profits"


@pytest.mark.parametrize(
    "text, metric",
    [
        ("The Ruritanian plant will employ about 1,100 people by 2029.", "employment"),
        # a body that employs people now counts its staff; what employed people in a year past, employment then
        ("Acme Motors employs approximately 9,800 workers in 14 countries.", "employees"),
        ("Coal mining still employed about 9,500 people in 2020.", "employment"),
        ("The park will hire 300 people next year.", "people hired"),
        ("Employment at the valley is expected to reach roughly 20,000 people by 2030.", "Employment at the valley"),
        ("The town had 20,000 people in 2020.", "people"),
        ("The fair drew 20,000 people last year.", "people"),
        ("The company trained 500 workers in 2024.", "workers"),
    ],
)
def test_a_count_of_people_measures_what_is_done_to_them(text, metric):
    assert extract(text, published="2025-01-01")[0].metric == metric


@pytest.mark.parametrize(
    "text, metric",
    [
        (
            "Exports of bearings from Wuxi, an industrial city in east China, reached a record 10.2 billion"
            " yuan in 2025.",
            "Exports of bearings from Wuxi",  # the pipeline then takes Wuxi out as the subject
        ),
        ("R&D intensity, or R&D spending as a share of GDP, reached 3.2% in 2024.", "R&D intensity"),
        ("Steel output, which fell in 2023, rose to 80 million tonnes in 2024.", "Steel output"),
    ],
)
def test_an_aside_between_a_measure_and_its_verb_does_not_name_the_measure(text, metric):
    assert extract(text, published="2025-06-01")[0].metric == metric


@pytest.mark.parametrize(
    "text, metric",
    [
        (
            "The number of such firms -- a label for small, fast-growing makers with strong technology -- rose"
            " to more than 1,700 in 2025.",
            "number of such firms",
        ),
        (
            "Exports of the main products -- cranes, pumps and loaders -- came to 71.3 billion yuan in 2025.",
            "Exports of the main products",
        ),
        (
            "The local sourcing share of key parts such as cylinders and pumps has reached 65 percent.",
            "local sourcing share of key parts",
        ),
        ("Installations that year came to only about 1.8 GW.", "Installations capacity"),
        ("The county has set aside 800 million yuan for the scheme.", "funds"),
        ("The firm is building a plant that will cost 60 million dollars.", "cost"),
    ],
)
def test_what_stands_between_a_measure_and_its_verb_is_set_aside(text, metric):
    assert extract(text, published="2025-06-01")[-1].metric == metric


@pytest.mark.parametrize(
    "text, figures",
    [
        ('Exports of the "new three" products came to 71.3 billion yuan.', ["71.3 billion yuan"]),
        ("The “Three Highs” strategy funds 20 plants.", ["20"]),
        ('The mayor promised "three new plants" by 2027.', ["three"]),
    ],
)
def test_a_number_word_naming_something_in_quotes_is_not_a_figure(text, figures):
    assert [q.text for q in extract(text, published="2025-06-01")] == figures


@pytest.mark.parametrize(
    "text, metric",
    [
        ("The town sits about 40 km from the provincial capital.", "distance"),
        ("The port is 12 miles away.", "distance"),
        ("The pipeline runs 200 km from the port to the plant.", "pipeline"),
    ],
)
def test_a_length_from_somewhere_is_a_distance(text, metric):
    assert extract(text, published="2025-06-01")[0].metric == metric


def test_a_deadline_in_the_figures_own_clause_beats_a_nearer_one_in_another():
    found = extract(
        "The act aims to reach 15 percent of the market by 2040, and requires the bloc to build 50 million"
        " tonnes of storage capacity by 2030.",
        published="2025-06-01",
    )
    assert [(q.text, q.deadline) for q in found] == [("15 percent", 2040), ("50 million tonnes", 2030)]


def test_a_figure_in_an_opening_with_phrase_belongs_to_the_clause_it_leads_into():
    text = (
        "Kenya's Factory Upgrade Scheme is in its third year. "
        "With 806 applications approved in 14 sectors, the scheme reflects strong demand. "
        "With the promise of state support, Acme plans to invest over $100 million in Kenya."
    )
    named = [("place", "Kenya"), ("programme", "Factory Upgrade Scheme"), ("company", "Acme")]
    entities = [Entity(t, n, [(m.start(), m.end()) for m in re.finditer(re.escape(n), text)]) for t, n in named]
    found = extract(text, entities=entities)
    assert [(q.text, q.subject) for q in found if q.text != "third"] == [
        ("806", "Factory Upgrade Scheme"),
        ("14", "Factory Upgrade Scheme"),
        ("over $100 million", "Acme"),
    ]


@pytest.mark.parametrize(
    "text, metric",
    [
        (
            "The localisation rate of core parts such as reducers, servo motors and controllers will be raised from"
            " 44% to 80%.",
            "localisation rate of core parts",
        ),
        ("The county earmarked 2 billion yuan for the park.", "funds"),
        (  # the examples a relative clause measures stay: the figures are theirs, not the verb's after them
            "Imports reached 18.39 trillion yuan, up 2.3%, driven by demand for goods such as clothing, fruits,"
            " and wine, which rose by 5.6%, 8.6%, and 38.8%, respectively.",
            "Imports",
        ),
    ],
)
def test_a_verb_that_moves_money_names_only_the_measure_of_a_sum(text, metric):
    assert extract(text, published="2025-06-01")[-1].metric == metric


def test_the_base_of_a_rate_is_not_a_figure():
    found = extract("The city's robot density, the number of robots per 10,000 workers, stood at 1,012 in 2025.")
    assert [q.text for q in found] == ["1,012"]


def test_a_level_told_after_a_figure_with_from_measures_what_the_figure_does():
    found = extract("The number of robots in use will rise to 1 million units from about 480,000 in 2025.")
    assert [q.metric for q in found] == ["number of robots in use", "number of robots in use"]


@pytest.mark.parametrize(
    "text, metric",
    [
        (
            "By 2027, 45% of large manufacturers will apply industrial internet platforms.",
            "share of large manufacturers",
        ),
        ("The province aims for a top-three national ranking in digital integration.", "rank in digital integration"),
    ],
)
def test_a_share_ends_before_a_modal_and_a_ranking_names_what_it_ranks(text, metric):
    assert extract(text, published="2025-06-01")[0].metric == metric


def test_a_story_whose_headline_names_a_company_and_no_place_is_the_companys():
    title = "Commission approves aid to support Acme Steel in cutting emissions"
    text = title + "\n\nThe plant will have a capacity of 1.8 million tonnes a year. Spain and the EU back it."
    named = [("company", "Acme Steel"), ("place", "Spain"), ("place", "EU")]
    entities = [Entity(t, n, [(m.start(), m.end()) for m in re.finditer(n, text)]) for t, n in named]
    assert extract(text, title=title, entities=entities)[0].subject == "Acme Steel"


def test_a_noun_a_sum_is_of_names_what_it_measures():
    found = extract("The Land is supporting the investment with a grant of EUR 34 million from the regional programme.")
    assert [(q.value, q.metric) for q in found] == [(34e6, "grant")]


def test_a_headlines_clauses_part_at_a_spaced_dash():
    found = extract("Orbis Pumps to build valve plant in Riverton – State grants EUR 12 million\n\nBody text follows.")
    assert [(q.value, q.kind) for q in found] == [(12e6, "statistic")]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The authority also approved the firm for up to $4 million in tax incentives.", "target"),
        ("The Cabinet approved the scheme with a total outlay of Rs 3,850 crore.", "target"),
        # support paid out, and a figure inside a budget, are statistics
        ("The state disbursed Rs 1.08 billion in incentives last year.", "statistic"),
        ("Revenue in the general public budget was 38.1 billion yuan in 2012.", "statistic"),
    ],
)
def test_support_offered_is_a_target(text, kind):
    assert only(text, published="2026-03-01").kind == kind


@pytest.mark.parametrize(
    "text, metric",
    [
        ("Delmar will build its $1.4 billion cathode plant in Kecskemet.", "investment in cathode plant"),
        ("Kestrel Opens $180 Million Motion-Control Plant in Nuevo Leon", "investment in Motion-Control Plant"),
        ("The Commission approved a EUR 720 million Spanish State aid measure.", "Spanish State aid measure"),
    ],
)
def test_a_sum_that_sizes_a_works_is_invested_in_it(text, metric):
    assert only(text, published="2026-04-01").metric == metric


def test_an_intention_verb_is_no_metric_and_the_measure_said_earlier_carries_on():
    found = extract("It currently has 11 industrial parks, and plans to have 20 by 2030.", published="2026-11-10")
    assert [(q.value, q.metric) for q in found] == [(11, "industrial parks"), (20, "industrial parks")]


@pytest.mark.parametrize(
    "text, metrics",
    [
        ("As of end-September, the agency had approved 61 of the 118 projects.", ["projects", "projects"]),
        ("Three of the five plants are in the north.", ["plants", "plants"]),
    ],
)
def test_a_part_of_a_counted_whole_counts_what_the_whole_counts(text, metrics):
    assert [q.metric for q in extract(text, published="2026-10-14")] == metrics


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of new domestic enterprises changed -3.2% over the same period.",
        "Output fell -3.2% in May.",
        "Growth of -3.2% was recorded in the sector.",
    ],
)
def test_a_change_written_with_a_minus_sign_is_a_fall_of_that_much(sentence):
    q = only(sentence)
    assert (q.value, q.unit, q.change) == (3.2, "%", "decrease")


def test_a_negative_level_keeps_its_sign():
    q = only("The margin was -3.2% at the end of June.")
    assert (q.value, q.change) == (-3.2, None)


def test_a_figure_of_the_headline_place_names_it_as_the_headline_writes_it():
    q = only("- Battery exports: US$3.1 billion in 2025", title="Jeonbuk unveils battery master plan")
    assert q.subject == "Jeonbuk"  # not the gazetteer's "Jeollabuk-do", which the text never writes


@pytest.mark.parametrize(
    "text, value, names, subject",
    [
        (
            "Borneo Alumina Prima is building a refinery near Mempawah in Kalimantan. The refinery will process "
            "roughly 4 million tons of bauxite a year.",
            4e6,
            (("company", "Borneo Alumina Prima"), ("place", "Mempawah"), ("place", "Kalimantan")),
            "Borneo Alumina Prima",
        ),
        (
            "Daebong Energy Solution supplies cells. Daebong Energy Solution's cell plants in Korea and Hungary have "
            "a combined capacity of 46 GWh.",
            46,
            (("company", "Daebong Energy Solution"), ("place", "Korea"), ("place", "Hungary")),
            "Daebong Energy Solution",
        ),
        (
            "Brennwald builds motors at the Lepenica Technology Free Zone in Serbia. The free zone, set up in 2019 by "
            "the city, already hosts 14 foreign companies.",
            14,
            (("company", "Brennwald"), ("park", "Lepenica Technology Free Zone"), ("place", "Serbia")),
            "Lepenica Technology Free Zone",
        ),
    ],
)
def test_a_facility_described_or_sited_belongs_to_its_owner(text, value, names, subject):
    q = by_value(extract(text, published="2026-07-01", entities=_named(text, *names)), value)
    assert q.subject == subject


def test_a_list_of_bare_verb_items_under_a_horizon_sets_goals():
    text = (
        "Targets\nBy 2030:\n1. Raise battery industry output to KRW 30 trillion.\n2. Grow the number of battery "
        "companies to 150.\n3. Lift battery exports to US$12 billion a year.\n4. Create 12,000 new jobs."
    )
    found = extract(text, published="2026-07-01")
    assert [(q.kind, q.deadline) for q in found] == [("target", 2030)] * 4
    assert by_value(found, 12e9).metric == "battery exports"  # the item's verb is no part of its measure


def test_a_heading_that_opens_on_a_noun_sets_no_goal():
    q = only("Increase in exports: 5% in 2025.", published="2026-07-01")
    assert q.kind == "statistic"


def test_a_figure_a_description_owns_outright_is_its_owners():
    text = (
        "Czechia approved the aid for the plant in the Ustecky Region, which Korea and Hungary also courted. "
        "The region's jobless rate was the highest of the country's 14 regions. Czechia hopes to lower it."
    )
    names = (("place", "Czechia"), ("place", "Ustecky Region"), ("place", "Korea"), ("place", "Hungary"))
    q = by_value(extract(text, published="2026-04-22", entities=_named(text, *names)), 14)
    assert q.subject == "Czechia"  # the story's country, not the one named last


def test_the_regions_of_the_country_are_the_countrys():
    text = "Vietnam has 34 provinces. Ha Tinh ranked 9th, the best among the 34 provinces and cities of the country."
    names = (("place", "Vietnam"), ("place", "Ha Tinh"))
    found = extract(text, published="2026-05-01", entities=_named(text, *names))
    assert [q.subject for q in found if q.value == 34][-1] == "Vietnam"


def test_a_figure_that_sizes_a_definite_description_is_the_referents_and_so_are_the_clauses_figures():
    text = (
        "Orvane Magnetics will build a magnet plant.\n\n"
        "The site lies in Riverton, Tennessee. The $412 million plant would assemble magnets for car makers. "
        "The 500-megawatt plant will employ 200 people. "
        "With an award, the $137 million project is expected to create 310 permanent jobs."
    )
    entities = [mention(text, "Orvane Magnetics", "company"), mention(text, "Tennessee", "place")]
    found = extract(text, published="2026-06-11", entities=entities)
    for value in (412e6, 500, 200, 137e6, 310):
        assert by_value(found, value).subject == "Orvane Magnetics", value


def test_the_industrial_park_is_the_last_park_so_named_not_the_zone_that_holds_it():
    text = (
        "Work began on the Orvale Engine Industrial Park in the Brennock High-Tech Zone in May. "
        "The 2,000-hectare industrial park will house 40 firms."
    )
    entities = [
        mention(text, "Orvale Engine Industrial Park", "park"),
        mention(text, "Brennock High-Tech Zone", "park"),
    ]
    found = extract(text, published="2025-03-01", entities=entities)
    assert by_value(found, 2000).subject == "Orvale Engine Industrial Park"
    assert by_value(found, 40).subject == "Orvale Engine Industrial Park"


def test_a_subject_broken_over_a_line_is_named_whole():
    text = "Work began on the Orvale Engine Indus- trial Park in May. It will house 40 firms."
    at = text.index("Orvale")
    park = Entity("park", "Orvale Engine Industrial Park", [(at, text.index(" in May"))])
    assert (
        by_value(extract(text, published="2025-03-01", entities=[park]), 40).subject == "Orvale Engine Industrial Park"
    )


def test_a_sum_given_to_a_company_is_the_companys():
    text = (
        "The Department finalized an award of up to $412 million in direct funding to Orvane Magnetics in Texas. "
        "Texas approved an incentive of $12 million for Orvane Magnetics. Texas spent $5 million to expand roads."
    )
    entities = _named(text, ("company", "Orvane Magnetics"), ("place", "Texas"))
    found = extract(text, published="2026-06-11", entities=entities)
    assert by_value(found, 412e6).subject == "Orvane Magnetics"
    assert by_value(found, 12e6).subject == "Orvane Magnetics"
    assert by_value(found, 5e6).subject == "Texas"


def test_a_sentence_led_by_its_is_about_the_last_sentences_subject_even_with_no_name_after_the_figure():
    text = (
        "Aurenic builds in the Tarvel Ridge Park in Kedah.\n\n"
        "Tarvel Ridge Park, run by a state firm, is the Kedah government's flagship estate. "
        "Its first phase of 1,150 hectares is 71% taken up."
    )
    entities = _named(text, ("park", "Tarvel Ridge Park"), ("place", "Kedah"))
    found = extract(text, published="2026-06-11", entities=entities)
    assert by_value(found, 1150).subject == "Tarvel Ridge Park"


def test_a_clause_opened_by_a_definite_description_skips_the_aside_after_it():
    text = (
        "Brennwald will build a plant in the Orvale Technology Free Zone in Kragujevac.\n\n"
        "The free zone, set up in 2019 by the city and the Development Agency of Serbia, "
        "already hosts 14 foreign companies."
    )
    entities = [
        mention(text, "Orvale Technology Free Zone", "park"),
        mention(text, "Kragujevac"),
        Entity("place", "Serbia", [(text.index("Serbia"), text.index("Serbia") + 6)]),
    ]
    assert by_value(extract(text, published="2026-06-11", entities=entities), 14).subject == (
        "Orvale Technology Free Zone"
    )


def test_things_made_per_year_measure_a_capacity_unless_the_metric_names_a_measure():
    found = extract(
        "The factory will turn out 400,000 drive units a year once it reaches full capacity in 2028. "
        "The plant will process 40,000 tonnes of batteries a year. Exports reached 5,000 cars a year. "
        "The plant's output of 300,000 tonnes a year will double.",
        published="2026-03-01",
    )
    assert by_value(found, 400000).metric == "annual capacity of drive units"
    assert by_value(found, 40000).metric == "annual capacity of batteries"
    assert by_value(found, 5000).metric == "cars"
    assert "capacity" not in (by_value(found, 300000).metric or "")


@pytest.mark.parametrize("noun", ["grant", "loan", "award", "investment"])
def test_a_sum_after_an_article_sizes_its_noun_though_the_noun_is_a_verb_elsewhere(noun):
    q = only(f"The ministry approved a $5 million {noun}.", published="2026-03-01")
    assert q.metric == noun


def test_a_share_after_an_article_sizes_its_noun_unless_it_is_a_change_or_a_share_of_something():
    found = extract(
        "The state approved a 50% rebate on the payroll tax. It holds a 51% stake in the venture. "
        "Revenue reached $2 billion, a 10 percent increase compare to 2018. Trade marked a 6.8% growth rate.",
        published="2026-03-01",
    )
    assert by_value(found, 50).metric == "rebate"
    assert by_value(found, 51).metric == "stake"
    assert by_value(found, 10).metric not in ("increase", "compare")
    assert by_value(found, 6.8).metric != "rate"


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("The bonds carry a 10-year, 75% property tax abatement.", "property tax abatement"),
        ("Units in the cluster get 100% reimbursement of stamp duty.", "reimbursement of stamp duty"),
    ],
)
def test_a_share_sizes_the_support_it_is_written_before_without_an_article(sentence, metric):
    assert only(sentence, published="2026-03-01").metric == metric


def test_words_of_when_never_name_a_measure():
    found = extract(
        "The refinery will employ about 3,000 people during construction and 1,200 once running. "
        "The vacancy rate stood at 9.2% at the end of 2024.",
        published="2026-03-01",
    )
    assert "once" not in (by_value(found, 1200).metric or "")
    assert by_value(found, 9.2).metric != "end"


def test_another_figure_ends_a_counted_noun_phrase():
    text = "Velmoria approved 72 battery projects worth 138 billion crowns in 2025."
    found = extract(text, published="2026-01-10", entities=_named(text, ("place", "Velmoria")))
    assert by_value(found, 72).metric == "battery projects"


def test_a_place_in_a_measure_a_possessive_opens_is_its_scope_not_its_owner():
    text = (
        "Tarvik Lift exported 71,400 forklifts, and its market share in Europe rose to approximately 6%. "
        "It will complete its first overseas assembly plant, in Chonburi, Thailand, with annual capacity of "
        "10,000 units. Europe's forklift market grew 4% in 2025."
    )
    entities = _named(
        text, ("company", "Tarvik Lift"), ("place", "Europe"), ("place", "Chonburi"), ("place", "Thailand")
    )
    found = extract(text, published="2026-03-27", entities=entities)
    assert by_value(found, 6).subject == "Tarvik Lift"
    assert by_value(found, 10000).subject == "Tarvik Lift"
    assert by_value(found, 4).subject == "Europe"  # a possessive name, not a pronoun: still the owner


def test_a_year_of_a_figure_compared_with_is_not_the_sentences_year():
    text = (
        "The company produced 158,900 forklifts during the year, and electric models accounted for 52% of units "
        "sold, compared with 41% in 2024. It exported 71,400 forklifts to more than 120 countries."
    )
    found = extract(text, published="2026-03-27")
    assert by_value(found, 41).as_of == 2024
    assert by_value(found, 52).as_of != 2024
    assert by_value(found, 71400).as_of != 2024  # nor the year of the sentences after it


def test_a_subject_taken_from_a_possessive_headline_is_the_place_without_its_possessive():
    q = only(
        "Demand for grids is rising fast. Copper would account for roughly 15% of national exports.",
        title="Uzbekistan's Copper Strategy: Summary",
    )
    assert q.subject == "Uzbekistan"


@pytest.mark.parametrize(
    "sentence, as_of",
    [
        # a day of the week before the page's date is a day of the page's year, as "on March 3" is
        ("County commissioners on Tuesday voted to issue up to $180 million in revenue bonds for the plant.", 2026),
        ("Last week, the state offered the company $38.6 million in incentives.", 2026),
        # a figure that sizes the thing reported is no statistic of that day
        ("Aurenic opened its first packaging facility last Thursday, a RM4.2 billion (US$1 billion) plant.", None),
        ("The cabinet on Tuesday approved component projects worth Rs 12,500 crore.", None),
        # the day is said of another clause, or of a plan
        ("The park, which the governor opened on Monday, has 40 tenants.", None),
        ("Kestrel will invest $2 billion in the plant, the company said on Monday.", None),
        # a month named for the figure itself comes first (August before a page of March is last year's)
        ("It was one of 11 projects selected in August, the agency said on Tuesday.", 2025),
    ],
)
def test_a_statistic_reported_on_a_recent_day_is_of_the_pages_year(sentence, as_of):
    found = extract(sentence, published="2026-03-15")
    assert found and found[0].as_of == as_of, [(q.text, q.as_of) for q in found]


@pytest.mark.parametrize(
    "title, deadline",
    [
        # a government's release about a plant: a clause's horizon is that clause's own
        ("Governor Welcomes Orbis Pumps Valve Plant to Riverton", None),
        # a plan's goals share its horizon, and so do a government page's whose headline is not known
        ("Riverton Valve Industry Action Plan", 2028),
        (None, 2028),
    ],
)
def test_a_government_page_shares_a_horizon_only_when_it_is_a_plan(title, deadline):
    text = "Orbis Pumps will hire 300 workers by 2028, the governor said.\n\nThe state will also build a 20 km road."
    doc = Document(source="t.txt", text=text, published="2026-05-04", title=title, source_type="government")
    road = [q for q in find_quantities(doc, TextIndex(text), []) if q.unit == "km"]
    assert [(q.kind, q.deadline) for q in road] == [("target", deadline)]


def test_a_neighbour_a_place_borders_owns_no_figure():
    text = (
        "Tamil Nadu wants the plants. Most projects cluster around Hosur, on the state's border with Karnataka. "
        "The state has drawn Rs 31,000 crore of commitments."
    )
    named = [mention(text, name) for name in ("Hosur", "Karnataka", "Tamil Nadu")]
    assert only(text, entities=named).subject != "Karnataka"


def test_a_landmark_a_distance_is_measured_from_owns_no_figure():
    text = (
        "The Harbour Green Industrial Park covers 480 hectares in Tien Hai district, about 110 km from Hai Phong "
        "port. Around 85% of its first-phase area has already been leased."
    )
    named = [mention(text, "Harbour Green Industrial Park", "park")]
    named += [mention(text, name) for name in ("Tien Hai", "Hai Phong")]
    assert by_value(extract(text, entities=named), 85).subject != "Hai Phong"


def test_the_owners_in_a_description_of_a_venture_do_not_own_its_figures():
    text = (
        "The ministry licensed PT Kestrel Alumina, a venture between Marlow Mining and Harbour Aluminium "
        "Holdings. The refinery will process roughly 4 million tons of bauxite a year."
    )
    named = [mention(text, n, "company") for n in ("PT Kestrel Alumina", "Marlow Mining", "Harbour Aluminium Holdings")]
    assert only(text, entities=named).subject == "PT Kestrel Alumina"


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("The partners put the total cost of the factory at €2.6bn.", "total cost of the factory"),
        ("Analysts estimated the cost of the plant at $2 billion.", "cost of the plant"),
        ("The board set the budget for the programme at $40 million.", "budget for the programme"),
        ("Officials valued the contract at $12 million.", "value of contract"),
    ],
)
def test_a_sum_something_is_put_at_measures_that_thing_not_the_verb(sentence, metric):
    assert only(sentence, published="2026-05-01").metric == metric


@pytest.mark.parametrize(
    "sentence",
    [
        "The cabinet approved nine electronics component projects worth Rs 12,500 crore.",
        "The board cleared nine electronics component projects valued at Rs 12,500 crore.",
    ],
)
def test_what_counted_things_are_worth_is_no_part_of_their_name(sentence):
    count = by_value(extract(sentence, published="2026-05-01"), 9)
    assert count.metric == "electronics component projects"


@pytest.mark.parametrize(
    "sentence, level",
    [
        # the level a goal starts from, named after the goal, is a fact of now, not a goal
        ('"We will raise local content to 40% by 2030, from 18% today."', 18),
        ("The government aims to raise the average wage to 1,400 euros by 2027, from roughly 1,050 euros now.", 1050),
        ("Czechia aims for 40 GWh of cell production capacity by 2030, against 2.5 GWh installed today.", 2.5),
    ],
)
def test_the_level_a_goal_starts_from_is_a_statistic(sentence, level):
    found = extract(sentence, published="2026-06-01")
    assert [q.kind for q in found] == ["target", "statistic"]
    assert by_value(found, level).deadline is None


def test_a_change_from_a_sum_in_a_currency_written_in_letters_starts_at_that_sum():
    found = extract("Exports will rise from KRW 12 trillion to KRW 30 trillion by 2030.", published="2026-06-01")
    assert [(q.kind, q.deadline) for q in found] == [("statistic", None), ("target", 2030)]


@pytest.mark.parametrize(
    "sentence, kind",
    [
        # "today" or "now" closing the figure's clause says what holds now
        ("The plant will employ 1,600 people by 2028. About 420 staff are on site today.", "statistic"),
        # not the day a release announces a plan
        ("Kestrel today announced it will hire 300 people.", "target"),
    ],
)
def test_a_figure_of_today_is_what_holds_now(sentence, kind):
    assert extract(sentence, published="2026-06-01")[-1].kind == kind


def test_who_a_request_is_made_of_owns_no_figure():
    text = "Lower Silesia on Monday asked Warsaw to designate a 2,300-hectare area as an acceleration valley."
    named = [mention(text, name) for name in ("Lower Silesia", "Warsaw")]
    assert only(text, entities=named).subject == "Lower Silesia"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kestrel Motors's plant at Marlow near Kadan, inaugurated in March 2026, can produce 2,300 tractors a year.",
        "Kestrel Motors will build a plant in Kadan that will employ 2,300 people.",
    ],
)
def test_the_place_a_works_stands_in_does_not_take_the_owners_figure(sentence):
    named = [mention(sentence, "Kestrel Motors", "company"), mention(sentence, "Kadan")]
    assert only(sentence, published="2026-05-01", entities=named).subject == "Kestrel Motors"


def test_a_pronoun_after_an_opening_phrase_stands_for_the_subject_before_not_the_exchange_it_is_listed_on():
    text = (
        "Fibra Norte is a Mexican real estate investment trust founded in 2014 and listed on the Mexican Stock "
        "Exchange since 2015. As of December 31, 2025, it owned 112 industrial properties."
    )
    at = text.index("Mexican Stock Exchange")
    trust = Entity(type="company", name="Fibra Norte", mentions=[(0, 11)])
    exchange = Entity(type="institution", name="Mexican Stock Exchange", mentions=[(at, at + 22)])
    assert only(text, entities=[trust, exchange]).subject == "Fibra Norte"


def test_a_figure_after_a_present_verb_of_state_is_of_now_not_of_the_year_a_later_clause_names():
    found = extract("Harbour Logistics employs about 9,800 people and reported sales of $2.2 billion in 2025.")
    assert by_value(found, 9800).as_of is None
    assert by_value(found, 2.2e9).as_of == 2025


def test_a_phone_extension_is_no_amount():
    assert extract("For details call the press office on 555-0100, ext. 204.") == []


@pytest.mark.parametrize(
    "sentence, value, as_of",
    [
        # an aside that tells a name's history dates that past, not the figure
        ("Acme, which went public in 2012, has a market value of $3 billion.", 3e9, None),
        ("The plant, which opened in 2019, produced 30,000 cars in 2025.", 30000, 2025),
        # a present verb of state coordinated after a dated clause: now
        ("Acme was ranked first by the magazine in 2024 and serves 2,000 customers.", 2000, None),
        ("In 2025, Acme employs 500 people.", 500, 2025),
    ],
)
def test_years_that_date_another_clause_or_a_names_past_do_not_date_the_figure(sentence, value, as_of):
    assert by_value(extract(sentence), value).as_of == as_of


def test_a_town_known_only_as_where_a_works_stands_owns_none_of_the_figures():
    from policylens.extraction import extract as extract_all

    text = "The battery plant in Kadan will employ 2,300 people."
    q = only_of(extract_all(Document(source="t.txt", text=text)).quantities)
    assert q.subject != "Kadan"


def only_of(found):
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text, metric",
    [
        (
            "Refined copper output was 215,000 tonnes in 2025. The strategy targets 500,000 tonnes by 2030.",
            "Refined copper output",
        ),
        (
            "Exports of copper reached US$2.9 billion in 2025. The goal is US$6 billion a year by 2030.",
            "Exports of copper",
        ),
        # past a figure in another unit: the last one in the same unit
        (
            "Exports of copper reached US$2.9 billion in 2025, up 22% on 2024. The goal is US$6 billion by 2030.",
            "Exports of copper",
        ),
        # a figure listed against a name, as the one before it is
        ("Acme will invest US$380 million. The other is Bolt Precision, with US$150 million.", "investment"),
    ],
)
def test_a_goal_with_no_measure_of_its_own_sets_the_level_of_the_figure_before_it(text, metric):
    goal = extract(text, published="2026-03-01")[-1]
    assert goal.kind == "target" and goal.metric == metric


def test_a_goal_in_another_unit_or_paragraph_takes_no_measure_from_the_figure_before():
    found = extract(
        "Refined copper output was 215,000 tonnes in 2025.\n\nThe strategy targets 500,000 tonnes by 2030. "
        "Copper exports reached 40,000 tonnes in 2025. The plan targets US$6 billion by 2030.",
        published="2026-03-01",
    )
    assert by_value(found, 500000).metric != "Refined copper output"
    assert by_value(found, 6e9).metric != "Copper exports"


def test_a_sum_that_names_no_measure_is_what_it_pays_for():
    from policylens.extraction import extract as extract_all

    text = (
        "The scheme's outlay is split three ways:\n\niii. Rs 450 crore for three testing centres.\n\nUnder the "
        "Centre's Rs 76,000 crore India Semiconductor Mission (ISM), approved projects can get support."
    )
    found = extract_all(Document(source="t.txt", text=text)).quantities
    metrics = {q.text: q.metric for q in found}
    assert metrics["Rs 450 crore"] == "funds for three testing centres"
    assert metrics["Rs 76,000 crore"] == "outlay of India Semiconductor Mission"


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("The district will build 100-billion-yuan industry clusters in chips.", "scale of industry clusters"),
        ("Qingdao aims to create a 100-billion-yuan-level industrial chain.", "scale of industrial chain"),
        ("It signed a $2-billion deal with the state.", "deal"),  # one deal's value, no scale
    ],
)
def test_a_sum_written_as_a_modifier_of_an_industry_gives_its_scale(sentence, metric):
    assert only(sentence, published="2026-03-01").metric == metric


@pytest.mark.parametrize(
    "text, comparator, metric",
    [
        ("Show facts\n- Overseas exhibitor ratio: >30%\n", ">", "Overseas exhibitor ratio"),
        ("Show facts\n- Share of robots: <5%\n", "<", "Share of robots"),
        ("The line's yield is ≥ 95% this year.", ">=", None),
    ],
)
def test_a_comparison_written_as_a_sign_bounds_the_figure(text, comparator, metric):
    q = only(text, published="2026-03-01")
    assert q.comparator == comparator and q.text[0] in "><≥"
    if metric:
        assert q.metric == metric


def test_a_count_after_from_with_things_of_its_own_is_no_level_of_the_measure_before():
    found = extract("The show opens with 1,500 exhibitors from 30 countries. The park grew to 300 companies from 250.")
    assert by_value(found, 30).metric == "countries"
    assert by_value(found, 250).metric == "companies"


@pytest.mark.parametrize(
    "sentence",
    [
        "The board approved 1,200 projects in the first half, up 35% from a year earlier.",
        "The board approved 1,200 projects in the first half, 35% more than last year.",
        "The board approved 1,200 projects in the first half, up 35% compared with the previous year.",
    ],
)
def test_the_year_a_change_is_measured_from_is_not_the_figures_year(sentence):
    # the first half of the year the story is written in; the year before is only what the change compares with
    assert {q.as_of for q in extract(sentence, published="2026-10-20")} == {2026}


def test_a_time_compared_with_is_no_metric():
    found = extract("Exports rose 35% from a year earlier to $5 billion in the first half.", published="2026-10-20")
    assert [q.metric for q in found] == ["Exports", "Exports"]


@pytest.mark.parametrize("ago", ["a year ago", "a year earlier", "the year before"])
def test_a_level_compared_with_a_year_ago_is_of_last_year_and_the_figure_before_it_is_not(ago):
    found = extract(f"In Q3, revenue was $3 billion, compared with $2.5 billion {ago}.", published="2026-10-20")
    assert [(q.value, q.as_of) for q in found] == [(3e9, 2026), (2.5e9, 2025)]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("Revenue in the third quarter of last year was $2.5 billion.", "Revenue"),
        ("Exports during the first half rose 5%.", "Exports"),
        # a phase is no time: it stays in what is measured
        ("Investment in the second phase of the park was $2 billion.", "Investment in the second phase of the park"),
    ],
)
def test_a_part_of_a_year_before_the_verb_is_no_part_of_the_metric(sentence, metric):
    assert only(sentence, published="2026-10-20").metric == metric


def test_an_attribution_ending_the_sentence_before_does_not_make_the_next_subject_a_source():
    text = (
        "Jiangsu province aims to have 100,000 industrial robots installed by 2027, according to a plan. "
        "Suzhou, the province's manufacturing hub, already has 30,000 robots in service."
    )
    entities = [
        Entity("place", "Jiangsu province", [(0, 16)], {"level": "province"}),
        Entity("place", "Suzhou", [(96, 102)], {"level": "city"}),
    ]
    assert [q.subject for q in extract(text, published="2026-10-20", entities=entities)] == [
        "Jiangsu province",
        "Suzhou",
    ]


def test_a_nationwide_figure_is_the_countrys_not_the_last_citys():
    text = "Ho Chi Minh City attracted $3.1 billion. Nationwide, registered FDI rose 2.9% to $31.4 billion in Vietnam."
    entities = [
        Entity("place", "Vietnam", [(text.index("Vietnam"), len(text) - 1)], {"level": "country"}),
        Entity("place", "Ho Chi Minh City", [(0, 16)], {"level": "city"}),
    ]
    found = extract(text, published="2026-10-20", entities=entities)
    assert [q.subject for q in found] == ["Ho Chi Minh City", "Vietnam", "Vietnam"]


@pytest.mark.parametrize(
    ("sentence", "value", "metric"),
    [
        ("Ho Chi Minh City came second with US$3.1 billion.", 3.1e9, None),
        ("The province ranked first in FDI with US$4.2 billion.", 4.2e9, "FDI"),
    ],
)
def test_a_sum_after_a_rank_measures_what_the_rank_is_in_never_the_rank(sentence, value, metric):
    city = [Entity("place", "Ho Chi Minh City", [(0, 16)], {"level": "city"})] if sentence.startswith("Ho") else []
    assert by_value(extract(sentence, published="2026-10-20", entities=city), value).metric == metric


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        # a relative clause in the present describes the name now: the main clause's year is not the figure's
        ("The country, which holds about 42% of the world's nickel reserves, banned ore exports in 2020.", None),
        ("The group, which employs 9,000 people, posted record sales in 2025.", None),
        # one in the past keeps its own year
        ("The firm, which sold 5,000 cars in 2024, plans a new plant.", 2024),
    ],
)
def test_a_figure_in_a_present_relative_clause_takes_no_year_from_the_main_clause(sentence, as_of):
    assert extract(sentence, published="2026-10-20")[0].as_of == as_of


def test_a_share_a_body_accounts_for_now_is_a_statistic_after_a_goal():
    text = (
        "South Korea will provide 26 trillion won in support for its chip industry. "
        "Samsung Electronics accounts for about 40 percent of global memory output."
    )
    assert [q.kind for q in extract(text, published="2026-05-02")] == ["target", "statistic"]


def test_a_dateline_written_day_month_year_names_no_owner_and_a_body_is_no_metric():
    text = (
        "MADRID, 12 March 2026 — The Spanish government has approved €1.25 billion for the second call of the "
        "programme. Spain produced 2.4 million vehicles in 2025."
    )
    entities = [
        Entity("place", "Madrid", [(0, 6)], {"level": "city"}),
        Entity(
            "place", "Spain", [(text.index("Spain produced"), text.index("Spain produced") + 5)], {"level": "country"}
        ),
    ]
    first = extract(text, published="2026-03-12", entities=entities)[0]
    # what the sum is for, not the body that approved it
    assert (first.subject, first.metric) == ("Spain", "funds for second call of the programme")


def test_a_relative_clause_on_a_companys_works_gives_its_figure_to_the_company():
    text = (
        "The Telangana cabinet cleared an incentive package for Veltrix Energy's solar plant at Zaheerabad, "
        "which will involve an investment of Rs 9,850 crore."
    )
    entities = [
        Entity("place", "Telangana", [(4, 13)], {"level": "province"}),
        Entity("company", "Veltrix Energy", [(text.index("Veltrix"), text.index("Veltrix") + 14)], {}),
    ]
    assert only(text, published="2026-10-20", entities=entities).subject == "Veltrix Energy"


def test_a_national_level_set_against_a_states_is_the_countrys():
    text = "Ohio's unemployment rate was 3.9% in September, below the national rate of 4.1%."
    entities = [Entity("place", "Ohio", [(0, 4)], {"level": "state"})]
    found = extract(text, published="2026-10-20", entities=entities)
    assert [q.subject for q in found] == ["Ohio", "United States"]


def test_a_plan_named_as_a_period_owns_no_figure():
    text = "During the 14th Five-Year Plan period, investment totaled 5 trillion yuan."
    plan = [Entity("programme", "14th Five-Year Plan", [(11, 30)], {})]
    assert only(text, published="2026-10-20", entities=plan).subject is None


def test_a_region_adjective_left_by_the_owners_name_is_no_part_of_the_metric():
    text = "Industrial park occupancy in northern Mexico hit 97% in the first quarter."
    mexico = [Entity("place", "Mexico", [(text.index("Mexico"), text.index("Mexico") + 6)], {"level": "country"})]
    q = only(text, published="2026-06-03", entities=mexico)
    assert (q.metric, q.subject) == ("Industrial park occupancy", "Mexico")


def test_a_dateline_closed_by_a_colon_names_no_owner():
    text = (
        "NEW DELHI: The Union Cabinet on Wednesday approved three more semiconductor units with a combined "
        "investment of Rs 1.26 lakh crore in India."
    )
    entities = [
        Entity("place", "New Delhi", [(0, 9)], {"level": "city"}),
        Entity("place", "India", [(len(text) - 6, len(text) - 1)], {"level": "country"}),
    ]
    assert {q.subject for q in extract(text, published="2026-10-20", entities=entities)} == {"India"}


def test_a_from_that_says_whose_is_no_baseline_and_a_share_clause_shares_the_year():
    text = (
        "Exports from national industrial complexes reached USD 312 billion in 2025, accounting for 45.6% of "
        "total exports."
    )
    assert [q.as_of for q in extract(text, published="2026-11-20")] == [2025, 2025]


def test_a_datelines_year_dates_the_story_not_its_figures():
    text = (
        "ATLANTA, Sept. 9, 2026 /PRNewswire/ -- Northwind Cells Inc. today announced plans to build a "
        "$1.1 billion manufacturing facility in Bartow County."
    )
    q = only(text, published="2026-09-09")
    assert (q.deadline, q.as_of) == (None, None)


def test_a_dateline_with_its_agency_in_brackets_names_no_owner():
    text = "Jakarta (ANTARA) - President Joko Widodo on Thursday inaugurated a US$2.3 billion nickel smelter."
    entities = [Entity("place", "Jakarta", [(0, 7)], {"level": "city"})]
    assert only(text, published="2026-10-22", entities=entities).subject is None


def test_a_nationality_in_an_aside_names_no_owner():
    text = "The projects, by Chinese and Japanese carmakers, will add capacity of 360,000 vehicles a year."
    assert only(text, published="2026-09-09").subject is None
    assert only("Chinese excavator sales are expected to fall 5%.", published="2026-09-09").subject == "China"


def test_a_companys_plant_named_for_its_site_and_ranked_in_an_aside_is_the_companys():
    text = "LG Energy Solution's Wroclaw plant, Europe's largest, has a capacity of 86 GWh."
    entities = [
        Entity("company", "LG Energy Solution", [(0, 18)], {}),
        Entity("place", "Wroclaw", [(21, 28)], {"level": "city"}),
        Entity("place", "Europe", [(36, 42)], {"level": "continent"}),
    ]
    assert only(text, published="2026-10-20", entities=entities).subject == "LG Energy Solution"


@pytest.mark.parametrize("cue", ["on track to", "on course to", "poised to"])
def test_a_measure_on_course_to_a_level_is_a_goal_of_that_measure(cue):
    q = only(f"Exports are {cue} hit $50 billion this year.", published="2026-10-20")
    assert (q.kind, q.metric) == ("target", "Exports")


@pytest.mark.parametrize(
    "text",
    [
        "Exports reached $5 billion in the first half, up 8% compared with the same period of last year.",
        # a translation's "over same period last year", without the article
        "In 9 months 2026, exports reached $5 billion, an increase of 8% over same period last year.",
    ],
)
def test_a_relative_year_after_the_same_period_compared_with_is_not_the_figures(text):
    assert {q.as_of for q in extract(text, published="2026-10-20")} == {2026}


def test_a_place_after_a_companys_possessive_scopes_the_companys_figure():
    # "Hyundai's U.S. sales": the company's sales in a market, not the country's; the measure loses its owner
    text = "Hyundai Motor Group will build a plant.\n\nHyundai's U.S. sales rose 8% in 2025."
    group = Entity("company", "Hyundai Motor Group", [(0, 19), (text.index("Hyundai's"), text.index("Hyundai's") + 7)])
    q = by_value(extract(text, published="2026-03-01", entities=[group, mention(text, "U.S.")]), 8)
    assert (q.subject, q.metric) == ("Hyundai", "U.S. sales")


def test_a_pronoun_stands_for_what_the_description_before_it_refers_to():
    # "The zone's output … It is home to …": the zone's enterprises, not the city's of the dateline
    text = (
        "Wuhan eyes 1 trillion yuan of optics output\n\n"
        "WUHAN -- The East Lake High-tech Development Zone aims to lift its output by 2030.\n\n"
        "The zone's optoelectronic output reached 560 billion yuan last year. "
        "It is home to more than 16,000 high-tech enterprises."
    )
    city = Entity("place", "Wuhan", [(m.start(), m.end()) for m in re.finditer("Wuhan|WUHAN", text)])
    entities = [city, mention(text, "East Lake High-tech Development Zone", "park")]
    found = extract(text, published="2026-03-01", entities=entities)
    assert by_value(found, 16000).subject == "East Lake High-tech Development Zone"


def test_a_description_never_refers_to_a_place_only_set_against_another():
    text = (
        "Penang recorded RM 31.4 billion in approved investments in 2025, second only to Johor. "
        "Under its vision, the state targets 50,000 new high-skilled jobs by 2030."
    )
    found = extract(text, published="2026-03-01", entities=[mention(text, "Penang"), mention(text, "Johor")])
    assert by_value(found, 50000).subject == "Penang"


def test_ages_are_no_counts():
    found = extract("The factory hosts 1,200 workers aged 18 to 60 and 300 people aged 60.", published="2026-03-01")
    assert [q.value for q in found] == [1200, 300]


@pytest.mark.parametrize(
    "text, figures",
    [
        ("Bac Ninh: 8 months FDI attraction hit 3.12 billion USD", [("3.12 billion USD", "FDI attraction")]),
        ("Accumulated 9 months, IIP increased 9.8%.", [("9.8%", "IIP")]),
        ("Export turnover 9 months reached USD 26.5 billion.", [("USD 26.5 billion", None)]),
        ("Construction took 9 months.", [("9 months", "Construction")]),
    ],
)
def test_months_a_translation_names_as_a_figures_period_are_no_figure(text, figures):
    found = extract(text, published="2026-10-20")
    assert [(q.text, q.metric) for q in found] == figures


@pytest.mark.parametrize("text", ["The two sides signed the deal.", "These three companies will build a plant."])
def test_parties_pointed_at_are_not_counted(text):
    assert extract(text, published="2026-10-20") == []


def test_a_headline_body_named_for_its_place_after_of_gives_the_story_its_place():
    text = "The Board of Investment of Thailand (BOI) approved 7 projects worth 96.8 billion baht on Wednesday."
    start = text.index("Board")
    body = Entity("government", "Board of Investment of Thailand", [(start, start + 31)], aliases=["BOI"])
    found = extract(text, published="2026-08-14", title="BOI approves 7 projects", entities=[body])
    assert by_value(found, 96.8e9).subject == "Thailand"


def test_a_change_on_the_same_period_of_a_year_is_not_of_that_year():
    text = "So far in 2026, the state has attracted US$4.7 billion, 31% more than in the same period of 2025."
    assert by_value(extract(text, published="2026-10-20"), 31).as_of == 2026


@pytest.mark.parametrize(
    "text, values",
    [
        ("The province's GDP ranking rose two places to fifth.", []),
        ("The city moved up 3 spots in the index.", []),
        ("The park offers 30 places for startups.", [30]),
    ],
)
def test_how_far_a_rank_moved_is_no_count(text, values):
    assert [q.value for q in extract(text, published="2026-10-20")] == values


def test_a_sum_is_never_an_annual_capacity():
    text = (
        "The city aims to produce 2 million NEVs annually by 2028 and to build an industrial cluster worth "
        "1 trillion yuan, with average annual operating income of 21.9 billion yuan."
    )
    found = extract(text, published="2026-10-20")
    assert by_value(found, 2e6).metric == "annual capacity of NEVs"
    assert not any(q.metric.startswith("annual capacity") for q in found if q.unit == "CNY")


def test_a_name_listed_as_an_example_owns_no_figure_after_the_list():
    text = (
        "Hefei produced 1.37 million new energy vehicles in 2025.\n\n"
        "The city is home to six NEV makers including BYD, NIO, Volkswagen Anhui and JAC Group, "
        "and more than 600 parts suppliers."
    )
    entities = [mention(text, "Hefei")] + [
        mention(text, n, "company") for n in ("BYD", "NIO", "Volkswagen Anhui", "JAC Group")
    ]
    found = extract(text, published="2026-10-20", entities=entities)
    assert by_value(found, 600).subject == "Hefei"


@pytest.mark.parametrize(
    "text", ["Output must not exceed 10 million tonnes.", "Each park must attract 30 firms by 2028."]
)
def test_what_must_be_is_a_goal(text):
    assert [q.kind for q in extract(text, published="2026-10-20")] == ["target"]


def test_a_range_a_goal_starts_from_is_the_level_now():
    found = extract("Value addition is expected to rise from 15-20% to 75-80% by 2028-29.", published="2026-10-20")
    assert [(q.value, q.kind) for q in found] == [(15, "statistic"), (75, "target")]


def test_an_unknown_name_in_a_ranking_takes_the_measure_of_the_entry_before():
    text = "Sany Heavy Industry led with a market share of 27%, followed by XCMG at 16% and Zoomlion at 9%."
    assert [q.metric for q in extract(text, published="2026-10-20")] == ["market share"] * 3


@pytest.mark.parametrize(
    "text, value, metric",
    [
        (
            "The output value of the 45 clusters reached 19 trillion yuan in 2021.",
            19e12,
            "output value of the 45 clusters",
        ),
        ("Exports from the 12 provinces grew 8%.", 8, "Exports from the 12 provinces"),
    ],
)
def test_a_measure_of_a_counted_set_is_not_the_count_s_noun(text, value, metric):
    assert by_value(extract(text, published="2026-10-20"), value).metric == metric


def test_what_a_headline_sum_is_for_ends_with_its_line():
    text = "Japan approves 900 billion yen for Rapidus as chip push deepens\n\nTOKYO, April 1 (Kyodo) -- The body met."
    found = extract(text, published="2025-04-01", entities=[mention(text, "Japan")])
    assert by_value(found, 900e9).metric == "funds for Rapidus"


def test_a_participle_opening_the_sentence_before_its_noun_sets_no_goal():
    found = extract("Pledged FDI rose 1.3% to $31.4 billion.", published="2026-10-20")
    assert [q.kind for q in found] == ["statistic", "statistic"]


def test_a_span_looked_back_over_after_a_superlative_is_no_figure():
    text = "FDI rose 9.3% to $21.7 billion, the highest for the period in at least five years."
    assert [q.unit for q in extract(text, published="2026-10-20")] == ["%", "USD"]
