"""Chinese parks and places: a firm's production base is no park, a compass region no place."""

from policylens.extraction.text import TextIndex
from policylens.extraction.zh.entities import find_entities
from policylens.model import Document


def entities(text):
    doc = Document(source="t.txt", text=text, language="zh")
    return [(e.type, e.name) for e in find_entities(doc, TextIndex(text))]


def test_a_firms_production_base_is_no_park():
    found = entities("甲乙新材料科技股份有限公司与管委会签订协议，其华中锂电隔膜生产基地正式落户。")
    assert not [name for etype, name in found if etype == "park"]


def test_an_industrial_base_is_still_a_park():
    found = entities("滇中新材料产业基地一期建成投产。")
    assert ("park", "滇中新材料产业基地") in found


def test_a_compass_region_is_no_place():
    found = entities("首批产品将发往西南地区多家整车企业，并辐射华东、华南市场。")
    assert not [name for etype, name in found if etype == "place"]


def test_a_compass_region_still_opens_a_name():
    found = entities("该公司与东北大学共建研究中心，西南交通大学也参与其中。")
    assert ("institution", "东北大学") in found and ("institution", "西南交通大学") in found


def test_a_place_with_a_level_before_a_parks_kind_is_no_park_name():
    found = entities("宁安市、东宁市省级开发区亩均税收分别提高到8万元、10万元。")
    assert not [name for etype, name in found if etype == "park"]
    # a park named by its place alone is one
    assert ("park", "东宁经济开发区") in entities("东宁经济开发区亩均税收提高到10万元。")


def test_a_counted_kind_of_cluster_or_park_is_no_name():
    found = entities("到2025年，建成宁德—福州、厦门—漳州两个储能产业集聚区。")
    assert not [name for etype, name in found if etype in ("cluster", "park")]
    found = entities("做强新一代信息技术、高端装备等5大产业集群。")
    assert not [name for etype, name in found if etype in ("cluster", "park")]
    # one named after the figure's clause is one
    assert ("cluster", "宁德储能产业集群") in entities("全省储能营收增长25%，宁德储能产业集群产值突破千亿元。")


def test_a_new_district_is_a_place_not_a_park():
    found = entities("5月20日，签约仪式在柳东新区举行。柳东新区管委会相关负责人介绍，烟台高新区也派员参加。")
    assert ("place", "柳东新区") in found
    assert ("government", "柳东新区管委会") in found
    assert ("park", "烟台高新区") in found  # 高新区 ends in 新区 and is a park
    assert not [name for etype, name in found if etype == "park" and name.endswith("柳东新区")]
