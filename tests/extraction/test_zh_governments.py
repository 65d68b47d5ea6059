"""Chinese government bodies: one government named in full and by its level only is one entity."""

from policylens.extraction.text import TextIndex
from policylens.extraction.zh.entities import find_entities
from policylens.model import Document


def governments(text):
    doc = Document(source="t.txt", text=text, language="zh")
    return [e for e in find_entities(doc, TextIndex(text)) if e.type == "government"]


def test_the_level_alone_is_the_government_the_page_names_in_full():
    text = "日前，甘肃省人民政府印发通知。经省政府同意，相关部门将加大支持力度。省政府将定期督查。"
    [gov] = governments(text)
    assert gov.name == "甘肃省人民政府" and "省政府" in gov.aliases
    assert len(gov.mentions) == 3


def test_a_city_government_named_by_its_level():
    text = "株洲市人民政府门户网站\n经市政府同意，现将行动计划印发给你们。"
    found = governments(text)
    assert [g.name for g in found] == ["株洲市人民政府"]
    assert "市政府" in found[0].aliases


def test_two_governments_of_a_level_leave_the_short_form_alone():
    text = "湘潭市人民政府与岳阳市人民政府签署协议。市政府相关负责人出席。"
    names = sorted(g.name for g in governments(text))
    assert names == sorted(["岳阳市人民政府", "市政府", "湘潭市人民政府"])


def test_a_province_government_is_not_a_city_one():
    text = "甘肃省人民政府批复同意。市政府表示将抓好落实。"
    names = sorted(g.name for g in governments(text))
    assert names == sorted(["市政府", "甘肃省人民政府"])


def test_a_regions_government_is_not_a_districts():
    text = "西藏自治区人民政府印发方案。区政府将抓好落实。"
    names = sorted(g.name for g in governments(text))
    assert names == sorted(["西藏自治区人民政府", "区政府"])


def test_a_commission_by_its_short_name():
    text = "建立由省发展改革委牵头、省财政厅参与的协调机制。株洲市发改委负责项目调度，市经信委做好服务。"
    names = {g.name for g in governments(text)}
    assert {"省发展改革委", "株洲市发改委", "市经信委"} <= names


def test_an_autonomous_regions_or_prefectures_body_named_by_its_level():
    text = "近日，自治区工业和信息化厅公布名单。州工业和信息化局组织企业参展，兵团工业和信息化局发布通知。"
    assert [g.name for g in governments(text)] == ["自治区工业和信息化厅", "州工业和信息化局", "兵团工业和信息化局"]
    # named in full too, the level-only form is the same body
    [gov] = governments("广西壮族自治区工业和信息化厅公布名单。自治区工业和信息化厅有关负责人表示，将加大支持。")
    assert gov.name == "广西壮族自治区工业和信息化厅"


def test_a_park_administration_named_by_the_parks_kind_alone():
    text = "当天，经开区管委会还与西北航空材料研究院签署战略合作协议。经开区管委会办公室负责联络。"
    assert [g.name for g in governments(text)] == ["经开区管委会", "经开区管委会办公室"]
    # on a page that names the park's administration in full, the short form is that body
    text = "汉中褒河经济技术开发区管理委员会举行签约活动。当天，经开区管委会还与某研究院签约。"
    [gov] = governments(text)
    assert gov.name == "汉中褒河经济技术开发区管理委员会" and "经开区管委会" in gov.aliases
