"""Hand-written documents and extractions for the store tests.

The stories are the project's own text, written for these tests, so they can
be edited freely to probe the near-duplicate detector.
"""

from __future__ import annotations

from policylens.model import Alternative, Document, Entity, Event, Extraction, Quantity

CLUSTER_STORY = """\
Riverton Province has approved the Harbour Valley advanced manufacturing cluster for \
precision machine tools, the provincial industry department announced on Monday. The cluster \
brings together more than four hundred enterprises in three cities along the lower river, \
from foundries and spindle makers to the builders of five-axis machining centres that supply \
the aerospace and automotive plants of the region. Officials said the designation opens access \
to a dedicated fund for equipment upgrades, shared testing laboratories and a training \
programme for skilled technicians. Under the plan published with the approval, the cluster \
aims to raise its annual output above sixty billion yuan by 2028 and to double the number of \
enterprises recognised as specialised and innovative. Exports of machine tools from the \
cluster reached nine billion yuan last year, an increase of eleven percent on the year \
before, and the province expects that figure to pass fifteen billion within three years. \
The plan also calls for a new inspection and certification centre in Eastport, which would \
allow local makers to test products against international standards without sending samples \
abroad, a step that companies have long asked for. A logistics park next to the river port \
is to handle heavy equipment shipments, and the customs office will run a joint service \
window for exporters. Li Wen, who heads a spindle company in Northgate, said the decision \
would help smaller suppliers find customers among the larger builders and shorten delivery \
times. Analysts cautioned that the targets depend on demand from the automotive industry, \
which slowed in the second half of the year, and on whether the promised fund is paid out \
on schedule. The provincial government will review progress each year and publish the \
results, and cities that fall behind will be asked to submit plans for catching up. \
The first review is due in the spring of next year, when the department will report on the \
fund, the laboratories and the certification centre."""

# The same story as another site ran it: a few words changed, one sentence trimmed.
CLUSTER_STORY_REPOST = (
    CLUSTER_STORY.replace("on Monday", "this week")
    .replace("more than four hundred", "over 400")
    .replace("long asked for", "requested for years")
    .replace(" and shorten delivery times", "")
)

PORT_STORY = """\
The city of Saltmarsh opened its new container terminal on Thursday after four years of \
construction, adding berths for the largest ships now in service. The mayor told reporters \
that the terminal would let the port handle twice as many containers by the end of the \
decade and that rail links to inland warehouses would be finished next summer. Shipping \
lines have already signed agreements to call at the terminal every week. Residents near the \
harbour raised concerns about noise and traffic from trucks, and the city promised to build \
a bypass road and plant trees along the waterfront. The terminal employs six hundred people, \
many of them hired from the fishing villages along the coast, and training courses for crane \
operators will continue through the winter. Environmental groups welcomed the electric cranes \
but asked the port to publish regular figures on air quality in the neighbourhood."""

CJK_STORY = (
    "河谷省近日正式批复港湾谷精密机床先进制造业集群，集群汇聚了沿江三市四百余家企业，"
    "涵盖铸造、主轴制造以及五轴加工中心等环节，为本地区的航空航天和汽车工厂提供配套。"
    "根据同时发布的规划，到二〇二八年集群年产值将突破六百亿元，专精特新企业数量翻一番。"
    "去年集群机床出口额达到九十亿元，同比增长百分之十一，预计三年内将超过一百五十亿元。"
    "规划还提出在东港建设检验认证中心，使本地企业无需将样品送往国外即可按照国际标准进行检测。"
)
CJK_STORY_REPOST = CJK_STORY.replace("近日", "日前").replace("翻一番", "实现倍增")


def full_extraction(text: str = CLUSTER_STORY, source: str = "docs/cluster.txt") -> Extraction:
    """An extraction that uses every field the contract has, with spans into ``text``."""

    def span(phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        return start, start + len(phrase)

    s, e = span("above sixty billion yuan by 2028")
    target = Quantity(
        kind="target",
        text=text[s:e],
        start=s,
        end=e,
        metric="annual output",
        value=6e10,
        unit="CNY",
        comparator=">",
        deadline=2028,
        subject="Harbour Valley cluster",
        alternatives=[Alternative(value=8.4e9, unit="USD"), Alternative(value=7.7e9, unit="EUR")],
        industries=["machine_tools", "automotive"],
    )
    s, e = span("nine billion yuan")
    statistic = Quantity(
        kind="statistic",
        text=text[s:e],
        start=s,
        end=e,
        metric="machine tool exports",
        value=9e9,
        unit="CNY",
        as_of="2025-12",
        annual=True,
    )
    s, e = span("eleven percent")
    change = Quantity(
        kind="statistic",
        text=text[s:e],
        start=s,
        end=e,
        metric="exports growth",
        value=11,
        value_max=12.5,
        unit="%",
        comparator="~",
        change="increase",
        baseline=2024,
        as_of=2025,
    )
    s, e = span("Riverton Province has approved the Harbour Valley advanced manufacturing cluster")
    approval = Event(
        type="approval",
        text=text[s:e],
        start=s,
        end=e,
        actor="Riverton Province",
        object="Harbour Valley advanced manufacturing cluster",
        date="2026-06",
        date_text="on Monday",
        approximate=True,
    )
    s, e = span("The first review is due in the spring of next year")
    review = Event(type="other", text=text[s:e], start=s, end=e)
    return Extraction(
        document=Document(
            source=source,
            text=text,
            title="Riverton approves machine-tool cluster",
            published="2026-06-24",
            language="en",
            source_type="media",
            url="https://news.example/riverton-cluster",
            publisher="Example News",
            format="html",
        ),
        quantities=[target, statistic, change],
        events=[approval, review],
        entities=[
            Entity(type="place", name="Riverton Province", mentions=[span("Riverton Province")], key="test:riverton"),
            Entity(
                type="cluster",
                name="Harbour Valley advanced manufacturing cluster",
                mentions=[span("Harbour Valley"), span("The cluster")],
                attributes={"level": "provincial", "focus": ["machine tools"], "located_in": "Riverton Province"},
                aliases=["Harbour Valley cluster"],
            ),
            Entity(
                type="place",
                name="Eastport",
                mentions=[span("Eastport")],
                attributes={"located_in": "Riverton Province"},
            ),
        ],
        industries=["machine_tools", "logistics"],
    )


def bare_extraction(text: str, source: str) -> Extraction:
    return Extraction(document=Document(source=source, text=text))
