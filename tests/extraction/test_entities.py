"""Entities from how names are written: legal suffixes, organisational heads, lists, context."""

from __future__ import annotations

import pytest

from policylens.extraction.entities import find_entities
from policylens.extraction.text import TextIndex
from policylens.model import Document


def entities(sentence: str) -> dict[str, tuple[str, dict]]:
    # Short lines at the top read as headlines, whose names are skipped: put the sentence in a paragraph.
    text = (
        "Industry news in brief\n\n" + sentence + " Officials said more projects would follow in the coming "
        "months as the province continues to upgrade its manufacturing base and attract new investment."
    )
    found = find_entities(Document(source="t.txt", text=text), TextIndex(text))
    for e in found:
        for start, end in e.mentions:
            assert 0 <= start < end <= len(text)
    return {e.name: (e.type, e.attributes) for e in found}


@pytest.mark.parametrize(
    "sentence, name, etype",
    [
        ("Lakeview Precision Co., Ltd. opened a new line.", "Lakeview Precision Co., Ltd.", "company"),
        # what the company does, after "and", goes on its legal name
        (
            "Riverton Heavy Industry Science and Technology Co., Ltd. opened a line.",
            "Riverton Heavy Industry Science and Technology Co., Ltd.",
            "company",
        ),
        ("Acme Holdings and Borneo Energy Co., Ltd. signed a deal.", "Borneo Energy Co., Ltd.", "company"),
        # a headless name joined to a company's is one too
        ("Samsung Electronics and SK Hynix sent delegates to the fair.", "SK Hynix", "company"),
        # a law, a package and a concept are named policies like a plan or an act
        ("The grant is funded by the Regional Ports Renewal Law.", "Regional Ports Renewal Law", "programme"),
        (
            'The board approved the "Green Supplier Support Package" on Monday.',
            "Green Supplier Support Package",
            "programme",
        ),
        (
            "The cabinet adopted the Steel Industry Development Concept last year.",
            "Steel Industry Development Concept",
            "programme",
        ),
        (
            "The Jiaozhou Municipal People's Government issued the notice.",
            "Jiaozhou Municipal People's Government",
            "government",
        ),
        (
            "The Weifang Agricultural Machinery Cluster was approved.",
            "Weifang Agricultural Machinery Cluster",
            "cluster",
        ),
        ("Work began on the Lingang Robot Industrial Park last week.", "Lingang Robot Industrial Park", "park"),
        (
            "The province released the Action Plan for Smart Manufacturing.",
            "Action Plan for Smart Manufacturing",
            "programme",
        ),
        ("Congress passed the Clean Grid and Storage Act in 2025.", "Clean Grid and Storage Act", "programme"),
        (
            "The Lianshan Robotics Innovation Center opened in May.",
            "Lianshan Robotics Innovation Center",
            "institution",
        ),
    ],
)
def test_the_head_of_a_name_gives_its_type(sentence, name, etype):
    assert entities(sentence)[name][0] == etype


def test_leading_enterprises_such_as_a_b_and_c_are_companies():
    found = entities(
        "Leading enterprises such as Fengtai Machinery, Dongshan Motors and Hexi Pumps joined the cluster."
    )
    assert {n for n, (t, _) in found.items() if t == "company"} >= {
        "Fengtai Machinery",
        "Dongshan Motors",
        "Hexi Pumps",
    }


def test_a_company_named_after_its_trade_noun():
    found = entities(
        "Battery maker Northwind Cells will supply the plant. Another local firm, Ridge Hydraulics, "
        "started work on a factory."
    )
    assert found["Northwind Cells"][0] == "company"
    assert found["Ridge Hydraulics"][0] == "company"


def test_a_name_does_not_run_on_into_a_date():
    found = entities(
        "The Harbour City Development and Reform Commission on Thursday released its report, and the "
        "Ministry of Industry and Information Technology in April approved the list."
    )
    assert "Harbour City Development and Reform Commission" in found
    assert "Ministry of Industry and Information Technology" in found
    assert not any("Thursday" in n or "April" in n for n in found)


def test_a_cluster_carries_its_level_place_and_industry():
    _, attrs = entities("Shandong approved the Shandong provincial advanced manufacturing cluster for machine tools.")[
        "Shandong provincial advanced manufacturing cluster for machine tools"
    ]
    assert attrs["level"] == "provincial"
    assert attrs["located_in"] == "Shandong"
    assert "machine-tools" in attrs["focus"]


def test_a_named_area_from_the_gazetteer_is_a_place_in_its_city():
    etype, attrs = entities("The Qingdao West Coast New Area will add 40 robot makers.")["Qingdao West Coast New Area"]
    assert etype == "place" and attrs["located_in"] == "Qingdao"


def test_ordinary_sentence_starts_are_not_names():
    assert entities("Key projects include three new lines. Officials said output rose.") == {}


def test_a_plan_title_runs_on_through_the_five_year_period_it_names():
    found = entities(
        "The province issued the Development Plan for the Harbour Bearing Industry during the 14th Five-Year "
        "Plan Period on Monday."
    )
    name = "Development Plan for the Harbour Bearing Industry during the 14th Five-Year Plan Period"
    assert found[name][0] == "programme"
    assert "Development Plan for the Harbour Bearing Industry" not in found


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The state's Clean Energy Policy 2025, notified in March, aims high.", "Clean Energy Policy 2025"),
        (
            "The Copper Industry Development Strategy 2026–2030 was adopted by decree.",
            "Copper Industry Development Strategy 2026–2030",
        ),
        ("Under the Regional Development Plan 2023-2028, output will double.", "Regional Development Plan 2023-2028"),
    ],
)
def test_a_year_written_bare_after_a_plans_head_is_part_of_its_title(sentence, name):
    found = entities(sentence)
    assert found[name][0] == "programme"


def test_a_count_after_a_plans_head_is_no_year_of_its_title():
    found = entities("Under the Harbour Action Plan 300 firms got grants.")
    assert "Harbour Action Plan" in found


def test_a_plan_named_during_another_event_stops_at_its_own_head():
    found = entities("The Harbour Bearing Action Plan was discussed during the Spring Trade Fair.")
    assert "Harbour Bearing Action Plan" in found


def test_co_written_without_its_period_makes_a_company():
    assert (
        entities("Parts come from Ridgeway Hydraulic Co and from local mills.")["Ridgeway Hydraulic Co"][0] == "company"
    )


def test_co_inside_a_hyphenated_word_is_no_legal_form():
    found = entities("The Harbour Co-operation Zone opened a new office.")
    assert not any(t == "company" for t, _ in found.values())


@pytest.mark.parametrize("opener", ["The", "Today, the"])
def test_a_headline_name_does_not_run_into_the_story_below_it(opener):
    text = (
        "Ministry Approves Support for Expansion Plan by Orbis Device Technologies\n\n"
        f"{opener} Ministry of Economy, Trade and Industry (METI) approved the plan submitted by Orbis Device "
        "Technologies Co., Ltd. to expand production of power semiconductors in its southern plant."
    )
    names = {e.name for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    assert "Ministry of Economy, Trade and Industry" in names
    assert not any("Technologies T" in n for n in names)
    assert "Expansion Plan" not in names  # every word of a headline is capitalised: no new name from it


def test_a_known_place_keeps_the_level_word_written_after_it():
    found = entities("The plant sits on 140 acres in Warren County, near the Hunan Free Trade Zone Changsha Area.")
    assert found.get("Warren County", ("",))[0] == "place"
    assert "Warren" not in found and "Changsha Area" not in found


def test_a_short_name_the_text_defines_is_an_alias_not_a_programme():
    text = (
        'Industry news in brief\n\nOn April 24, the city issued the "Velmora Automobile Industry Development Plan" '
        '(hereinafter "Plan"), which sets the direction for the next five years. The Plan aims high.'
    )
    found = {e.name: e for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    assert "Plan" not in found
    assert "Plan" in found["Velmora Automobile Industry Development Plan"].aliases


def test_a_country_written_before_a_bodys_name_is_part_of_the_name():
    found = entities(
        "The U.S. Department of Energy announced 11 awards, and the U.S. Commerce Department signed terms with "
        "the firm. The Department of Energy said the plant would open in 2028."
    )
    assert found["U.S. Department of Energy"][0] == "government"
    assert found["U.S. Commerce Department"][0] == "government"
    assert "Department of Energy" not in found  # the later short form is the same body
    assert "Commerce Department" not in found


@pytest.mark.parametrize("describer", ["Taiwanese-invested", "German-owned", "state-run", "Korean-financed"])
def test_a_word_hyphened_to_a_describing_participle_is_no_company(describer):
    found = entities(f"The largest project, a plant of {describer} Marlow Steel Cord Co., Ltd., will make steel.")
    assert list(found) == ["Marlow Steel Cord Co., Ltd."]


def test_a_company_called_by_its_first_word_is_not_part_of_a_body_it_is_joined_to():
    found = entities(
        "Calderon Magnetics Inc. will build a plant. In May, Calderon and Cumberland Valley Technical College "
        "launched an apprenticeship."
    )
    assert sorted(found) == ["Calderon Magnetics Inc.", "Cumberland Valley Technical College"]


def test_a_body_whose_name_holds_and_keeps_it():
    found = entities("Marlow Motors will build a plant. The Ministry of Science and Technology welcomed it.")
    assert sorted(found) == ["Marlow Motors", "Ministry of Science and Technology"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The plant will rise in Marlow Industrial City, the authority said.", "Marlow Industrial City"),
        (
            "Tenants of the Harbour Arm Sustainable Development Precinct share a port.",
            "Harbour Arm Sustainable Development Precinct",
        ),
        ("The Kestrel Bay Industrial Ecozone hosts 12 locators.", "Kestrel Bay Industrial Ecozone"),
        ("Firms in the Marlow Ridge Industrial Area export steel.", "Marlow Ridge Industrial Area"),
        ("The Bonavista Industrial District will expand.", "Bonavista Industrial District"),
        ("The firm expanded at Industriepark Kestrelberg last year.", "Industriepark Kestrelberg"),
    ],
)
def test_industrial_cities_precincts_ecozones_and_districts_are_parks(sentence, name):
    assert entities(sentence)[name][0] == "park"


@pytest.mark.parametrize(
    "sentence, names",
    [
        # after "led by", a name that only modifies a noun leads nothing
        ("Approvals rose, led by PCB and data center investments in the east.", []),
        ("Growth was led by EV exports.", []),
        ("The consortium is led by Bosch and others.", ["Bosch"]),
    ],
)
def test_led_by_a_name_that_modifies_a_noun_names_no_company(sentence, names):
    assert sorted(entities(sentence)) == names


@pytest.mark.parametrize(
    "sentence, names",
    [
        # an industry noun after two names or more ends a company's name
        ("Huarui Ocean Equipment won orders for 12 ships.", {"Huarui Ocean Equipment": "company"}),
        ("Lanxin Photon Materials opened a plant.", {"Lanxin Photon Materials": "company"}),
        # after one word it names a sector, or what a programme is for
        ("Sales of Construction Machinery rose.", {}),
        (
            "The Critical Materials and Magnets Manufacturing program funds 11 projects.",
            {"Critical Materials and Magnets Manufacturing program": "programme"},
        ),
        ("The Ministry of Industry and Equipment met.", {"Ministry of Industry and Equipment": "government"}),
    ],
)
def test_an_industry_noun_heads_a_company_after_two_names(sentence, names):
    assert {name: found[0] for name, found in entities(sentence).items()} == names


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("The Wichita city council approved the bonds on Tuesday.", "Wichita city council"),
        ("Kansas commissioners voted 4-1 to issue the bonds.", "Kansas commissioners"),
    ],
)
def test_a_places_elected_body_is_a_government(sentence, body):
    assert entities(sentence)[body][0] == "government"


def test_a_headlines_clipped_subject_never_named_in_the_story_is_no_company():
    text = (
        "CS launches Kestrel Valley zone, targets 10,000 buses by 2030\n\n"
        "The Cabinet Secretary for Trade today launched the Kestrel Valley Special Economic Zone near Naivasha. "
        "Marlow Buses Ltd will build the first plant in the zone."
    )
    found = {e.name for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    assert "CS" not in found and "Marlow Buses Ltd" in found


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan approves new industrial zone\n\nThe zone covers 3,300 hectares in the north of the country.",
        "Vietnam opens green industrial park\n\nThe park covers 300 hectares and has three tenants so far.",
    ],
)
def test_a_headline_verb_ends_a_descriptive_name(text):
    # a headline drops the article that would end "new industrial zone" on its left: its verb does
    found = find_entities(Document(source="t.txt", text=text), TextIndex(text))
    assert [e.type for e in found if e.type in ("park", "cluster")] == []
    assert {e.name for e in found} == {text.split()[0]}


@pytest.mark.parametrize(
    "sentence",
    [
        "Jiangsu's governor Xu Kunlin spoke on Monday. Xu delivered the government work report at the session.",
        "Chief executive Lars Fenwick spoke on Monday. Fenwick announced a new plant in the state.",
        # the name right after a title
        "Gov. Greg Abbott announced a $50 million grant for the chip plant on Tuesday.",
        # the title capitalised with the name, as one run
        "The plant will be built near Marysville, Governor Mike DeWine announced Thursday.",
    ],
)
def test_a_surname_met_again_after_a_title_and_full_name_is_no_company(sentence):
    assert [name for name, (etype, _) in entities(sentence).items() if etype == "company"] == []


def test_a_name_after_a_datelines_dash_opens_the_sentence():
    text = (
        "Ohio lands battery plant\n\nCOLUMBUS, Ohio (AP) — Vexa Semiconductor will build a $4 billion fab in the "
        "county, officials said.\n\n- Battery exports: US$3.1 billion, a record high"
    )
    found = {e.name: e.type for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    assert found.get("Vexa Semiconductor") == "company"
    assert "Battery" not in found  # a bullet's dash opens no sentence a company verb would follow


def test_a_counted_plural_of_descriptive_clusters_names_none():
    """ "among 20 new national pilot clusters for future industries, making it …" counts a class of many; the
    listed items, and a participle's clause after a comma, name no cluster."""
    text = (
        "In January, the ministry listed the Datong hydrogen cluster among 20 new national pilot clusters for "
        "future industries, making it the only one in the province."
    )
    found = find_entities(Document(source="t.txt", text=text), TextIndex(text))
    assert not [e.name for e in found if "pilot cluster" in e.name]


def test_coordinated_descriptive_clusters_are_one_each():
    text = "The province has national advanced manufacturing clusters for robots, drones and ships."
    found = find_entities(Document(source="t.txt", text=text), TextIndex(text))
    assert sorted(e.name for e in found if e.type == "cluster") == [
        f"national advanced manufacturing cluster for {item}" for item in ("drones", "robots", "ships")
    ]
