"""Names as foreign ministries, agencies, wires and trade media write them: bodies "of A, B and C",
acronyms defined in brackets, abbreviated countries, provinces abroad in English.
Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from policylens.extraction.entities import find_entities
from policylens.extraction.text import TextIndex
from policylens.model import Document, Entity

_TAIL = (
    " Officials said more projects would follow in the coming months as the region continues to upgrade"
    " its manufacturing base and attract new investment."
)


def found(sentence: str) -> tuple[str, dict[str, Entity]]:
    # Short lines at the top read as headlines, whose names are skipped: put the sentence in a paragraph.
    text = "Industry news in brief\n\n" + sentence + _TAIL
    out = find_entities(Document(source="t.txt", text=text), TextIndex(text))
    return text, {e.name: e for e in out}


def written(text: str, e: Entity) -> list[str]:
    return [text[s:t] for s, t in e.mentions]


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "Norland's Ministry of Fisheries, Forestry and Mining said output rose.",
            "Ministry of Fisheries, Forestry and Mining",
        ),
        (
            "The Department of Ports, Shipping and Logistics will review the bids.",
            "Department of Ports, Shipping and Logistics",
        ),
        (
            "The Ministry of Science, Technology, Innovation and Digital Affairs issued new rules.",
            "Ministry of Science, Technology, Innovation and Digital Affairs",
        ),
    ],
)
def test_a_body_of_a_b_and_c_is_one_name(sentence, name):
    text, names = found(sentence)
    assert names[name].type == "government"
    assert written(text, names[name]) == [name]


def test_a_comma_before_places_ends_the_body():
    _, names = found("The Ministry of Commerce, Texas and Ohio signed the accord.")
    assert "Ministry of Commerce" in names
    assert not any("Texas" in n and n != "Texas" for n in names)


def test_an_acronym_in_brackets_is_an_alias_and_its_later_uses_are_mentions():
    text, names = found(
        "The Ministry of Rail, Roads and Bridges (MRRB) approved the line. MRRB expects "
        "trains by 2029, and the Harbour Development Board (HDB) agreed."
    )
    ministry = names["Ministry of Rail, Roads and Bridges"]
    assert "MRRB" in ministry.aliases
    assert written(text, ministry).count("MRRB") == 2
    assert "HDB" in names["Harbour Development Board"].aliases
    assert names["Harbour Development Board"].type == "government"


def test_a_bracketed_place_or_word_is_no_acronym():
    _, names = found("Eastlake Sensors (Anhui) Co., Ltd. and the Coastal Port Authority (Ningbo) opened offices.")
    assert all(not e.aliases or "Anhui" not in e.aliases for e in names.values())
    assert "Ningbo" not in names.get("Coastal Port Authority", Entity("x", "x")).aliases


def test_abbreviated_countries_keep_their_written_form_and_dots():
    text, names = found("Exports to the U.S. fell while shipments to the UK and the EU rose.")
    assert written(text, names["U.S."]) == ["U.S."]
    assert names["U.S."].type == "place"
    assert "UK" in names and names["UK"].type == "place"
    assert "EU" in names and names["EU"].type == "place"


def test_a_dateline_in_capitals_still_takes_the_usual_spelling():
    text = "TEXAS, March 3 (Wire) -- A supplier in Texas opened a plant." + _TAIL
    names = {e.name for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    assert "TEXAS" not in names and "Texas" in names


@pytest.mark.parametrize(
    "sentence, place, parent",
    [
        ("The smelter in Central Java will start next year.", "Central Java", "Jawa"),
        ("A battery plant in North Gyeongsang Province hired 400 workers.", "North Gyeongsang Province", "South Korea"),
        ("Suppliers in North Rhine-Westphalia reported weaker orders.", "North Rhine-Westphalia", "Germany"),
    ],
)
def test_provinces_abroad_in_english(sentence, place, parent):
    _, names = found(sentence)
    assert names[place].type == "place"
    assert names[place].attributes.get("located_in") == parent


@pytest.mark.parametrize(
    "sentence, company",
    [
        ("Shares of Dalvik Hydraulics (SZSE: 002999) rose 4% on Friday.", "Dalvik Hydraulics"),
        ("Orvane Robotics (NASDAQ: ORVR) said orders doubled.", "Orvane Robotics"),
        ("Kestrel Marine, a Busan-based shipbuilder and engine maker, will hire 300 welders.", "Kestrel Marine"),
        ("Brightwater Foods, the country's second-largest dairy producer, opened a plant.", "Brightwater Foods"),
        ("Orvane Magnetics shares (NYSE: ORV) rose 3% on Monday.", "Orvane Magnetics"),
        # an exchange written as its city; a recycler or a utility named by what it does
        ("It is a venture of Nordvik Circular (Oslo: NVC) and a local partner.", "Nordvik Circular"),
        ("The plant is owned by the Norwegian recycler Halvard Circular.", "Halvard Circular"),
        ("The regional utility Slezka Energetika will supply power.", "Slezka Energetika"),
    ],
)
def test_a_ticker_or_an_appositive_after_a_name_makes_it_a_company(sentence, company):
    _, names = found(sentence)
    assert names[company].type == "company"
    assert not any(n != company and company in n for n in names)


@pytest.mark.parametrize(
    "sentence, company",
    [
        (
            "The park, developed by Saigon Delta Investment JSC at a cost of VND6.8 trillion, covers 220 ha.",
            "Saigon Delta Investment JSC",
        ),
        ("Nordmark Antriebe AG said on Tuesday it would hire 200 people.", "Nordmark Antriebe AG"),
        ("Orang Baja Sdn Bhd will supply the steel.", "Orang Baja Sdn Bhd"),
        ("Projects include a magnet line built by Tiegang Magnetic Materials.", "Tiegang Magnetic Materials"),
        ("Projects include a motor rotor plant of Qianli Drive Technology.", "Qianli Drive Technology"),
    ],
)
def test_a_legal_form_abroad_or_a_works_someone_builds_makes_a_company(sentence, company):
    _, names = found(sentence)
    assert names[company].type == "company"


def test_a_company_verb_after_a_and_b_gives_two_companies_and_no_place():
    _, names = found(
        "Sunwell Optics and Marrow Tools announced a joint venture. Later, Texas and Ohio signed the compact."
    )
    assert names["Sunwell Optics"].type == "company" and names["Marrow Tools"].type == "company"
    assert not any(e.type == "company" and ("Texas" in n or "Ohio" in n) for n, e in names.items())


def test_a_currency_sign_after_a_country_code_is_no_place():
    _, names = found("Registered capital reached US$3.1 billion, and HK$200 million came from funds in the US.")
    assert [n for n, e in names.items() if e.type == "place"] == ["US"]


def test_a_list_after_a_dash_and_such_as():
    _, names = found("The city relies on leading enterprises — such as Ruiqi Valves, Tongda Cables and Lumen Glass.")
    assert {"Ruiqi Valves", "Tongda Cables", "Lumen Glass"} <= {n for n, e in names.items() if e.type == "company"}


def test_a_platform_named_by_an_appositive_with_a_possessive():
    _, names = found("Visitors tried GridMind, Sunfield's industrial internet platform, at the fair.")
    assert names["GridMind"].type == "platform"


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The 6G Sea-and-Air-Link Pilot Park opened in March.", "6G Sea-and-Air-Link Pilot Park"),
        ("Work on the Lanport Smart Logistics Ecopark began.", "Lanport Smart Logistics Ecopark"),
        ("Firms in the Dongxi Lakeside High-tech Zone grew.", "Dongxi Lakeside High-tech Zone"),
        (
            "The Riverside Trade Cooperation Demonstration Area signed ten projects.",
            "Riverside Trade Cooperation Demonstration Area",
        ),
        ("Tenants of the Kaveri Industrial Estate export auto parts.", "Kaveri Industrial Estate"),
    ],
)
def test_parks_written_with_compounds_and_area_heads(sentence, name):
    _, names = found(sentence)
    assert names[name].type == "park"


def test_a_subsidiary_with_its_region_in_brackets_before_the_legal_form():
    text, names = found('"It works," said the head of Eastlake Sensors Corporation (Hubei) Co., Ltd. on Monday.')
    company = names["Eastlake Sensors Corporation (Hubei) Co., Ltd."]
    assert company.type == "company"
    assert written(text, company) == ["Eastlake Sensors Corporation (Hubei) Co., Ltd."]
    assert "Hubei" not in names


def test_a_kind_of_projects_is_no_programme_but_a_and_b_programmes_are_two():
    _, names = found(
        "Industrial projects will take half the funds. The zone drew 40 new FDI projects, and the "
        "ministry renewed the Horizon and Atlas programmes."
    )
    programmes = {n for n, e in names.items() if e.type == "programme"}
    assert "Industrial" not in programmes and "FDI" not in programmes
    assert {"Horizon", "Atlas"} <= programmes


def test_a_programme_with_its_acronym_before_the_noun():
    text, names = found("Applicants to the Clean Freight Incentive (CFI) scheme doubled; CFI pays per truck.")
    scheme = names["Clean Freight Incentive scheme"]
    assert scheme.type == "programme" and "CFI" in scheme.aliases
    assert written(text, scheme) == ["Clean Freight Incentive (CFI) scheme", "CFI"]


def test_and_the_starts_another_body():
    _, names = found("The Department of the Exchequer and the Inland Duties Service issued guidance.")
    assert "Department of the Exchequer" in names
    assert not any("Inland" in n and "Exchequer" in n for n in names)


def test_a_ministry_for_a_and_b_action_is_one_body_with_its_acronym():
    _, names = found("The Federal Ministry for Transport and Climate Action (FMTCA) said the line opens in 2027.")
    ministry = names["Federal Ministry for Transport and Climate Action"]
    assert ministry.type == "government" and ministry.aliases == ["FMTCA"]
    assert "Climate Action" not in names


def test_a_directorate_general_for_a_b_and_c():
    _, names = found("The Directorate-General for Ports, Trade and SMEs manages the fund.")
    assert names["Directorate-General for Ports, Trade and SMEs"].type == "government"


def test_a_name_ending_in_a_place_before_and_is_another_name():
    _, names = found("Tenants of Harbor Point Bac Ninh and Lotus Valley Industrial Park export phones.")
    assert "Lotus Valley Industrial Park" in names
    assert not any(n.startswith("Harbor Point") and n.endswith("Park") for n in names)


def test_a_provincial_peoples_committee_is_one_body():
    _, names = found("The Bac Ninh provincial People's Committee approved the plan.")
    orgs = [n for n, e in names.items() if e.type != "place"]
    assert orgs == ["Bac Ninh provincial People's Committee"]
    assert names[orgs[0]].type == "government"


def test_a_national_industrial_complex_is_a_park():
    _, names = found("Exporters in the Gumi National Industrial Complex cut output.")
    assert names["Gumi National Industrial Complex"].type == "park"


def test_a_quoted_name_before_a_capitalised_programme_head():
    text, names = found(
        "Since 2019 the 'Coastal Link' Initiative and the \"Made in Norland\" Strategy have run, "
        "and the \"Quality Harbour\" Brand and the firm's 'Premium' range sold well."
    )
    assert names["Coastal Link Initiative"].type == "programme"
    assert written(text, names["Coastal Link Initiative"]) == ["Coastal Link' Initiative"]
    assert names["Made in Norland Strategy"].type == "programme"
    assert "Quality Harbour Brand" not in names and "Premium" not in names


@pytest.mark.parametrize(
    "sentence, company",
    [
        ("Shares in Norvik Cables rose 2% on Monday.", "Norvik Cables"),
        ("Analysts at Halden Capital expect margins to recover.", "Halden Capital"),
        ('"We are confident," said a spokesperson for Qirui Pumps.', "Qirui Pumps"),
        ("Marlow Energy, a unit of Marlow Holdings, supplies the cells.", "Marlow Energy"),
        ("Later, Tessaro Electronics has partnered with a chipmaker.", "Tessaro Electronics"),
        ('"Demand is back," said Li Wen, general manager of Rongda Gearworks, on Friday.', "Rongda Gearworks"),
        ("The line was opened by Ana Ruiz, chief executive of Solmar Drives.", "Solmar Drives"),
        ("The plant proposed by Pune-based Verity Castings will open in 2027.", "Verity Castings"),
        ("The cabinet cleared incentives for Veldra Energy's integrated solar cell and module plant.", "Veldra Energy"),
        ("In May, Tallis Components opened a plant in Riverton.", "Tallis Components"),
        # the preposition and day that open the sentence are no part of the name
        ("On Monday Tallis Components Ltd. also signed a supply deal worth $30 million.", "Tallis Components Ltd."),
    ],
)
def test_what_the_text_says_around_a_name_makes_it_a_company(sentence, company):
    _, names = found(sentence)
    assert names[company].type == "company"


def test_a_and_b_group_are_two_companies_when_a_has_two_words():
    _, names = found("Orland Industries and Vesta Group are bidding, and Hong Kong and Pearl Group agreed.")
    assert names["Orland Industries"].type == "company" and names["Vesta Group"].type == "company"
    assert not any(e.type == "company" and n == "Hong Kong" for n, e in names.items())


@pytest.mark.parametrize(
    "sentence, company",
    [
        ("Later, Kanto Motor said it would hire 500 workers.", "Kanto Motor"),
        ("Orders at Daejin Chem doubled last year.", "Daejin Chem"),
        ("Suppliers to Ferrow Heavy Industries expect growth.", "Ferrow Heavy Industries"),
    ],
)
def test_corporate_last_words_make_a_company(sentence, company):
    _, names = found(sentence)
    assert names[company].type == "company"


def test_a_word_hyphenated_at_a_line_end_is_joined_in_the_name():
    text = (
        "Industry news in brief\n\nThe new gearbox plant of the group stands in the Lakeside Internation-\nal Component Industrial "
        "Park, which the county opened in 2021 to draw suppliers of engines and gearboxes to the region." + _TAIL
    )
    names = {e.name: e for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    park = names["Lakeside International Component Industrial Park"]
    assert park.type == "park"
    assert [text[s:t] for s, t in park.mentions] == ["Lakeside Internation-\nal Component Industrial Park"]
    assert "Internation- al" not in " ".join(names)


def test_countries_and_world_regions_as_the_business_press_writes_them():
    _, names = found(
        "Exports to Korea, Turkey and Latin America rose, while Asia-Pacific demand slowed and the "
        "Korea Development Bank lent more."
    )
    assert names["Korea"].key == "iso:KR" and names["Turkey"].key == "iso:TR"
    assert names["Latin America"].type == "place" and names["Asia-Pacific"].type == "place"
    assert names["Korea Development Bank"].type == "company"


def test_a_plan_with_its_period_is_named_without_it():
    text, names = found("The province will draft the 16th Five-Year Plan (2031-2035) next year.")
    plan = names["16th Five-Year Plan"]
    assert plan.type == "programme" and plan.attributes["period"] == "2031-2035"
    assert written(text, plan) == ["16th Five-Year Plan (2031-2035)"]


def test_translated_plan_notices():
    _, names = found(
        "The Notice of the People's Government of Lanhai Province on Printing and Distributing the "
        "Plan was issued. Support Dongling Machinery Group to grow, and build the Hexi Internet of "
        "Things Cluster. The Action Plan is hereby issued."
    )
    assert names["People's Government of Lanhai Province"].type == "government"
    assert names["Dongling Machinery Group"].type == "company"
    assert names["Hexi Internet of Things Cluster"].type == "cluster"
    assert not any(n.startswith("Support") or n in ("Things Cluster", "Action Plan") or "Printing" in n for n in names)


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Korvel Solar will expand its Georgia factory by a third, the company said.", "Korvel Solar"),
        ("Tavira Motors expects revenue from Mexico to double by 2027, the company said on Tuesday.", "Tavira Motors"),
    ],
)
def test_a_sentence_that_refers_to_its_subject_as_a_company(sentence, name):
    _, names = found(sentence)
    assert names[name].type == "company"


def test_a_dateline_before_a_self_reference_is_no_company():
    _, names = found("LISBON – Portugal’s leading maker Ostra Cables sold 9,000 km of cable, the company said.")
    assert not any("LISBON" in n for n in names)


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Fabs are supported by the Build in Norland initiative, officials said.", "Build in Norland initiative"),
        ("The ministry revised the Making Ruritania 4.0 roadmap in 2023.", "Making Ruritania 4.0 roadmap"),
        ("The province's Made in Ostia 2030 strategy set new goals.", "Made in Ostia 2030 strategy"),
    ],
)
def test_slogan_and_versioned_programmes(sentence, name):
    _, names = found(sentence)
    assert names[name].type == "programme"


def test_a_sentence_opening_phrase_before_a_plan_noun_is_no_programme():
    _, names = found("Investment in Norland 2025 project approvals rose.")
    assert not any(e.type == "programme" for e in names.values())


def test_a_head_name_before_a_programme_noun_is_a_programme():
    _, names = found("The Coastal Innovation Cluster program was expanded by the ministry.")
    assert names["Coastal Innovation Cluster program"].type == "programme"
    _, names = found("The Harbour Industrial Park project started construction in May.")
    assert names["Harbour Industrial Park"].type == "park"


def test_state_bodies_named_with_one_word():
    _, names = found("The Treasury said the Cabinet would back the package.")
    assert names["Treasury"].type == "government" and names["Cabinet"].type == "government"


def test_a_suspended_hyphen_is_not_a_word_broken_at_a_line_end():
    text = (
        "Planning notes\n\nThe ministry published the Medium- and Long-Term Plan for the Development of the Battery "
        "Industry (2021-2035) to guide provinces, and small- and medium-sized firms welcomed it." + _TAIL
    )
    names = {e.name for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    assert "Medium- and Long-Term Plan for the Development of the Battery Industry (2021-2035)" in names
    assert not any("Mediumand" in n for n in names)


@pytest.mark.parametrize(
    "sentence, body, area",
    [
        (
            "The Administrative Committee of Lanxi Economic and Technological Development Zone issued rules.",
            "Administrative Committee of Lanxi Economic and Technological Development Zone",
            "Lanxi Economic and Technological Development Zone",
        ),
        (
            "The Management Committee of Dongshan Industrial Park approved 12 projects.",
            "Management Committee of Dongshan Industrial Park",
            "Dongshan Industrial Park",
        ),
    ],
)
def test_a_body_of_a_zone_names_the_zone_too_and_adjectives_joined_by_and_stay_in_it(sentence, body, area):
    _, names = found(sentence)
    assert names[body].type == "government"
    assert names[area].type == "park"


def test_the_laws_a_press_releases_disclaimer_cites_are_not_its_programmes():
    text = (
        "Ostra Cells to build a battery plant\n\nOstra Cells will build a plant under the Clean Cells Programme.\n\n"
        "This press release contains forward-looking statements within the meaning of Section 27A of the "
        "Securities Act of 1933 and the Private Securities Litigation Reform Act of 1995." + _TAIL
    )
    names = {e.name: e for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    assert names["Clean Cells Programme"].type == "programme"
    assert not any("Securities" in n for n in names)


@pytest.mark.parametrize("body", ["cabinet", "legislature", "legislative assembly"])
def test_a_states_cabinet_or_legislature_is_a_government_body(body):
    _, names = found(f"The Kerala {body} on Tuesday approved nine component projects.")
    assert names[f"Kerala {body}"].type == "government"


def test_of_two_ands_before_another_names_head_the_last_opens_it():
    _, names = found("The Ministry of Economy and Finance and Lakeview Industrial Park signed an accord.")
    assert names["Ministry of Economy and Finance"].type == "government"
    assert names["Lakeview Industrial Park"].type == "park"


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The Commission approved aid to Acerías del Ebro S.A. for a new furnace.", "Acerías del Ebro S.A."),
        ("Maschinenwerk von Hallstatt GmbH will build a gearbox plant.", "Maschinenwerk von Hallstatt GmbH"),
        ("Banco dos Estados S.A. will lend R$1.2 billion to the maker.", "Banco dos Estados S.A."),
    ],
)
def test_a_name_runs_on_through_particles_of_other_languages(sentence, name):
    _, names = found(sentence)
    assert name in names


def test_a_company_named_without_its_legal_form_is_the_same_company():
    text, names = found(
        "The Commission approved aid to Acerías del Ebro S.A. for a new furnace. Acerías del Ebro has committed"
        " to using renewable hydrogen."
    )
    company = names["Acerías del Ebro S.A."]
    assert "Acerías del Ebro" in company.aliases
    assert written(text, company).count("Acerías del Ebro") == 1 and len(company.mentions) == 2


def test_a_hyphenated_first_word_stays_in_the_name():
    _, names = found("Its Next-Generation Automotive Roadmap, adopted by the board in 2024, sets three goals.")
    assert "Next-Generation Automotive Roadmap" in names
    assert "Generation Automotive Roadmap" not in names


def test_a_company_called_by_its_first_word_alone():
    text, names = found(
        "German car parts maker Brennwald Antriebstechnik opened a plant on Tuesday. "
        "Brennwald, which is based in Heilbronn, reported revenue of 3.1 billion euros."
    )
    assert "Brennwald" in names["Brennwald Antriebstechnik"].aliases
    assert written(text, names["Brennwald Antriebstechnik"]) == ["Brennwald Antriebstechnik", "Brennwald"]


def test_a_company_called_by_its_first_two_words():
    text, names = found(
        "Prairie Silicon Packaging Inc. will build a plant in Salina. "
        "Prairie Silicon, founded in 2019 in Lincoln, runs two smaller packaging lines there."
    )
    company = names["Prairie Silicon Packaging Inc."]
    assert written(text, company) == ["Prairie Silicon Packaging Inc.", "Prairie Silicon"]


def test_a_common_first_word_is_no_short_name():
    _, names = found(
        "Orders went to General Rotor Systems Ltd. on Monday. General Rotor said output rose. General fell."
    )
    assert "General" not in names["General Rotor Systems Ltd."].aliases


def test_a_name_ending_in_a_level_word_is_never_a_company_for_what_it_does():
    _, names = found("Jeonbuk Special Self-Governing Province announced on Tuesday its plan.")
    assert not any(e.type == "company" for e in names.values()), names


def test_a_ticker_with_a_series_number_marks_a_company():
    _, names = found("Fibra Frontera (BMV: FFRONT 24) today broke ground on a park.")
    assert names["Fibra Frontera"].type == "company"


def test_a_name_runs_on_through_slavic_and_english_place_particles():
    _, names = found("The Ústí nad Labem Regional Authority agreed to the plan.")
    assert names["Ústí nad Labem Regional Authority"].type == "government"


def test_a_titles_period_is_part_of_it_unless_an_ordinal_names_the_period():
    _, names = found(
        "Jeonbuk announced its Secondary Battery Industry Master Plan (2026–2030), a five-year roadmap, "
        "the first under the 15th Five-Year Plan (2026-2030)."
    )
    plan = names["Secondary Battery Industry Master Plan (2026–2030)"]
    assert plan.type == "programme" and "Secondary Battery Industry Master Plan" in plan.aliases
    assert "15th Five-Year Plan (2026-2030)" in names["15th Five-Year Plan"].aliases


def test_a_relative_clause_with_a_corporate_verb_makes_a_company():
    _, names = found("The cabinet approved an incentive for Velmora Cell Works, which will build a recycling plant.")
    assert names["Velmora Cell Works"].type == "company"


def test_a_place_preposition_before_a_relative_clause_leaves_the_name_alone():
    _, names = found("Most copper comes from Arvenna Valley, which exports most of it by rail.")
    assert "Arvenna Valley" not in names or names["Arvenna Valley"].type != "company"


def test_an_appositive_naming_an_agency_makes_a_public_body_unless_it_attributes():
    _, names = found(
        "On Monday Dravinvest, the national investment agency, approved a grant. Output rose to 50 MW, the ministry said."
    )
    assert names["Dravinvest"].type == "government"
    assert "MW" not in names


def test_an_analyst_at_a_firm_names_the_firm():
    _, names = found('"Power is the bottleneck," said Mara Holt, an analyst at Kestrel Capital in Lagos.')
    assert names["Kestrel Capital"].type == "company"


def test_a_company_called_by_its_last_words_alone_unless_a_place_opens_its_name():
    text, names = found(
        "Local miner Metalúrgica Ferrado won the tender on Monday. Ferrado, which produces copper, will invest more."
    )
    assert "Ferrado" in names["Metalúrgica Ferrado"].aliases and "Ferrado" not in names
    _, names = found("Norvik Batteries signed with Ningbo Norvik Batteries Company, which will build a plant.")
    assert "Norvik Batteries" in names and "Ningbo Norvik Batteries Company" in names


def test_a_park_called_by_its_name_without_its_generic_words():
    text, names = found(
        "Orders came from the Tarvel Ridge Technology Park in May. Tarvel Ridge, run by a state firm, is full. "
        "The new energy auto parts industrial park opened; the new energy auto parts trade grew."
    )
    assert written(text, names["Tarvel Ridge Technology Park"]) == ["Tarvel Ridge Technology Park", "Tarvel Ridge"]
    assert "new energy auto parts" not in names["new energy auto parts industrial park"].aliases


@pytest.mark.parametrize(
    "sentence, name, etype",
    [
        ("The firm broke ground on Parque Industrial Arenal Sur in May.", "Parque Industrial Arenal Sur", "park"),
        ("Exports from the Zona Franca de Tocancipá rose.", "Zona Franca de Tocancipá", "park"),
        ("Firms in Kawasan Industri Lembah Hijau signed leases.", "Kawasan Industri Lembah Hijau", "park"),
        ("PT Sinar Logam Raya and Hong Kong's partners formed a venture.", "PT Sinar Logam Raya", "company"),
    ],
)
def test_a_name_whose_first_words_say_what_it_is(sentence, name, etype):
    _, names = found(sentence)
    assert names[name].type == etype


def test_a_company_with_a_legal_prefix_is_the_same_company_without_it():
    text, names = found("PT Sinar Logam Raya won the tender on Monday. Sinar Logam will build a smelter.")
    assert "Sinar Logam" not in names
    assert written(text, names["PT Sinar Logam Raya"]) == ["PT Sinar Logam Raya", "Sinar Logam"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The largest, Tan Lu 2 Industrial Park, covers 420 hectares.", "Tan Lu 2 Industrial Park"),
        ("Nam Son 3 Industrial Park in Dong Nai attracted 12 new projects.", "Nam Son 3 Industrial Park"),
        ("Tenants of the RSIP II Industrial Park employ 9,000 people.", "RSIP II Industrial Park"),
    ],
)
def test_a_number_inside_a_park_name_is_part_of_it(sentence: str, name: str) -> None:
    """Vietnamese and Thai parks are numbered by phase or sibling: the number does not end the name, so
    the park is not left as "Industrial Park", a name of no park."""
    _, entities = found(sentence)
    assert name in entities
    assert "Industrial Park" not in entities


def test_a_count_between_names_is_no_park_number() -> None:
    _, entities = found("Hanoi 12 Industrial Parks were approved for expansion.")
    assert not any("12" in name for name in entities)


@pytest.mark.parametrize(
    "sentence",
    [
        "Executive Vice-President Tara Ruiz, in charge of Clean, Just and Competitive Transition policy, said so.",
        "Commissioner Anna Berg, responsible for Industrial Strategy policy, said the scheme will help.",
    ],
)
def test_an_officials_portfolio_is_no_programme(sentence: str) -> None:
    """EU releases name each commissioner's brief: a capitalised portfolio before "policy" is no programme."""
    _, entities = found(sentence)
    assert not [e for e in entities.values() if e.type == "programme"]


def test_a_programme_a_body_is_responsible_for_is_still_one() -> None:
    _, entities = found("The ministry is responsible for the Smart Factory programme, which has 300 members.")
    assert entities["Smart Factory programme"].type == "programme"


def test_a_name_labelling_a_list_line_is_read_by_what_follows_its_colon():
    """AI-written summaries list companies as labels: "- **LG Innotek**: announced …" says LG Innotek announced;
    a fact box's label ("- Battery exports: US$3.1 billion") names no company."""
    text = "Major investments\n\n- **Kyoto Lumen**: announced a $1 billion expansion of its Hai Phong plant in 2025.\n"
    text += "- Battery exports: US$3.1 billion, a record high.\n"
    out = {e.name: e for e in find_entities(Document(source="t.txt", text=text), TextIndex(text))}
    assert out["Kyoto Lumen"].type == "company"
    assert "Battery" not in out


@pytest.mark.parametrize(
    "sentence, acronym",
    [
        ("PEZA approved 30 new projects worth P50 billion in 2025.", "PEZA"),
        ("The BOI granted promotion to 12 projects.", "BOI"),
        ("In 2025, DPIIT notified the new rules.", "DPIIT"),
    ],
)
def test_an_acronym_taking_a_bodys_decision_is_a_body(sentence: str, acronym: str) -> None:
    _, entities = found(sentence)
    assert entities[acronym].type == "government"


@pytest.mark.parametrize(
    "sentence",
    [
        "Implementing Resolution No. 15-NQ/TU issued by the Provincial Party Committee, the province grew.",
        "GDP grew 5% and FDI rose 3%.",
    ],
)
def test_a_code_or_a_measure_in_capitals_is_no_body(sentence: str) -> None:
    _, entities = found(sentence)
    assert not {"TU", "GDP", "FDI"} & set(entities)


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Xiangtan Iron and Steel Group's new cold rolling line started in August.", "Xiangtan Iron and Steel Group"),
        ("Anshan Iron and Steel Group Co., Ltd. signed a deal.", "Anshan Iron and Steel Group Co., Ltd."),
        ("Oman Oil and Gas Company said output rose.", "Oman Oil and Gas Company"),
    ],
)
def test_a_trade_after_and_stays_in_a_companys_name(sentence: str, name: str) -> None:
    """ "Iron and Steel", "Oil and Gas": the word after "and" says what the company does, and names no other."""
    _, entities = found(sentence)
    assert [e.name for e in entities.values() if e.type == "company"] == [name]


def test_two_companies_joined_by_and_stay_two() -> None:
    _, entities = found("Reliance Industries and Adani Group signed deals.")
    assert {"Reliance Industries", "Adani Group"} <= set(entities)


def test_a_possessed_facility_sized_by_a_sum_marks_a_company():
    _, entities = found("Hungary has attracted investments, including CATL's €7.3 billion cell plant in Debrecen.")
    assert entities["CATL"].type == "company"


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "The state approved CZK 2.4 billion for Moravia Semiconductor Assembly s.r.o. on Monday.",
            "Moravia Semiconductor Assembly s.r.o.",
        ),
        ("Krušné Energy a.s. holds 49% of the venture.", "Krušné Energy a.s."),
        ("Ternium México S.A. de C.V. will invest $3 billion.", "Ternium México S.A. de C.V."),
        ("Tata Projects Pvt Ltd won the contract.", "Tata Projects Pvt Ltd"),
        ("Volán Kft. signed a deal.", "Volán Kft."),
    ],
)
def test_legal_forms_of_other_countries_name_companies(sentence: str, name: str) -> None:
    _, entities = found(sentence)
    assert entities[name].type == "company"


def test_a_town_where_a_plant_stands_ends_with_its_line():
    # a headline's last word and the dateline under it are two names, never one place "Heide Brussels"
    _, names = found(
        "Commission approves German measure to support a battery plant in Heide\n\nBrussels, 14 October 2026\n\n"
        "The Commission approved a plant in Heide, Schleswig-Holstein."
    )
    assert names["Heide"].type == "place" and names["Brussels"].type == "place"
    assert not any("\n" in name for name in names), names


def test_a_body_alone_on_a_short_line_is_the_pages_masthead():
    # a masthead names the body that publishes the page; a headline that ends in a head is no name
    _, names = found(
        "Philippine Statistics Authority\nRegional Statistical Services Office X\n\n"
        "Qingdao Backs Provincial Machine Tool Cluster\n\nThe region grew 6.1 percent in 2025."
    )
    assert names["Philippine Statistics Authority"].type == "government"
    assert not any("Qingdao Backs" in name for name in names), names


def test_a_body_named_for_its_place_after_of_is_the_one_named_before_it():
    _, names = found(
        "Thailand Board of Investment\nHome | About\n\nBangkok, 14 August 2026\n\n"
        "The Board of Investment of Thailand (BOI) approved 7 projects."
    )
    bodies = [name for name, e in names.items() if e.type == "government"]
    assert bodies == ["Thailand Board of Investment"] and "BOI" in names["Thailand Board of Investment"].aliases


def test_a_countrys_adjective_before_a_programme_noun_names_no_programme():
    # "a €3 billion Italian scheme" is a scheme of Italy's, described, not named
    _, names = found("The European Commission has approved a €3 billion Italian scheme to support hydrogen.")
    assert not any(e.type == "programme" for e in names.values()), names
