"""Events in Chinese documents: a clause whose verb reports something done or decided.

印发/出台/发布 issue a plan, 批复/认定/入选/公示…名单 approve or designate,
启动/开工 launch, 揭牌/成立 establish, 签约/总投资 invest, 投产/下线/试生产
produce, 位列第/荣登 achieve; 举行/召开/开幕 report a gathering (other) only when the
clause names one (大会, 论坛, 博览会) that is not a press briefing.  The vocabulary is data (data/zh_event_triggers.yaml).  A clause that
looks ahead (将, 力争, 计划, 到2027年) states a goal, not an event; a section
heading ("(一)10个项目投产") titles what follows and reports nothing itself.

The date is the one the clause or sentence gives before the trigger
(2024年10月, 10月13日, 3月底), else the date that opens the paragraph, read
against the page's date when the year is left out; 日前/近日 and an event in the
document's opening sentence take the page's date, marked approximate;
今天/昨天/前天 count days back from it.  A plan named only as the ground of a
clause (根据…印发的《…》) or an issuance of nothing named (出台了一系列政策)
is no event, nor is a reposted story's 原标题 line.

A place in a ranking is an achievement however its scope is written (排名全省第三, 位列地级市第9位),
and so is a ranking entered (跻身百强县) or a milestone crossed (迈上千亿台阶); but the rank of a
measure (产量位居全国第5位, 增长8.5%，居全省第二) is a statistic, left to the quantities.  An occasion
joining two acts with 暨 and held is a gathering; a meeting held for the act itself (签约会, 启动会) is
the act.  上月/本月 count months from the page's date; a bare year naming an occasion (日前举行2025年
第一季度…开工活动) gives way to the page's day; a notice that prints its plan before the signature is
dated by the issuer's line and the date under it at the page's end (in figures or 二〇二四年…日).
Under a heading that sets out tasks or measures (三、重点任务, （四）保障措施) an undated clause is
what is to be done.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from policylens.extraction.numbers import _load
from policylens.extraction.text import TextIndex
from policylens.extraction.zh.numbers import CN_DIGIT_CHARS, parse_cn
from policylens.extraction.zh.sections import Sections, goal_sections, heading
from policylens.model import Document, Entity, Event
from policylens.periods import parts

_DATA = _load("zh_event_triggers.yaml")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TYPE = {w: t for t, ws in _DATA["triggers"].items() for w in ws}
_RANK_VERBS = tuple(_DATA["rank_verbs"])
# a rank verb with its place a few characters on: 第N位/名, 第N at a clause's end, 首位, 榜首, 前N
_PLACE = r"[一二三四五六七八九十\d]{1,3}"
_RANK = (
    rf"(?:{_alt(_RANK_VERBS)})(?=[^，,。；;！？\n]{{0,12}}?"
    rf"(?:第\s?{_PLACE}\s?(?:位|名|(?=[，,。；;、！？\s]|$))|首位|榜首))"
)
_MILESTONE = (
    rf"(?P<milestone>{_alt(_DATA['milestone_verbs'])})"
    rf"(?=[^，,。；;！？\n]{{0,12}}?(?:{_alt(_DATA['milestone_words'])}))"
)
_TITLE = rf"(?P<title>{_alt(_DATA['title_verbs'])})(?=[^，,。；;！？\n]{{1,30}}?(?:{_alt(_DATA['title_words'])}))"
_TRIGGER = re.compile(_alt(_TYPE))
# (scanned apart from the words: one alternation of literals is fast, lookaheads in it are not)
_TRIGGER_PATTERN = re.compile(rf"{_RANK}|{_MILESTONE}|{_TITLE}")
_RANK_TRIGGERS = frozenset(_DATA["rank_triggers"]) | frozenset(_RANK_VERBS)
_ADVERBS_ONLY = re.compile(rf"\s*(?:{_alt(_DATA['measure_adverbs'])})*")
_RATE_ENDS = re.compile(r"(?:%|％|个百分点|倍)\s*[，,]$")
_MEASURE_RANKED = re.compile(rf"(?:{_alt(_DATA['measure_words'])})(?:{_alt(_DATA['measure_adverbs'])})*$")
_NOT_AFTER = tuple(_DATA["not_after"])
_NOT_AFTER_BY_TYPE = {t: tuple(ws) for t, ws in _DATA["not_after_by_type"].items()}
_NOT_AFTER_EXEMPT = tuple(_DATA["not_after_exempt"])
# A relative clause that dates its act reports it: "今年6月在开发区成立的某公司", "当天开工的某项目" (not "成立的企业").
_DATED_RELATIVE = re.compile(
    r"(?:(?:\d{4}|今|去|上)年\d{1,2}月|\d{1,2}月\d{1,2}日|当天|当日|同日|上月|本月)(?:上旬|中旬|下旬|初|底|末)?[^，。；、\s]{0,10}$"
)
_NOT_BEFORE = tuple(_DATA["not_before"])
_OCCASION_TRIGGERS = frozenset(_DATA["occasion_triggers"])
_OCCASION_MEETING = _DATA["occasion_meeting"]
_OCCASION_SCENE = tuple(_DATA["occasion_scene"])
_BY_OBJECT = {source: {t: tuple(ws) for t, ws in targets.items()} for source, targets in _DATA["by_object"].items()}
_BY_OBJECT_UNTITLED = frozenset(_DATA["by_object_untitled"])
_RANKING_ENTERED = frozenset(_DATA["ranking_entered"])
_SHORTLISTED = frozenset(_DATA["shortlisted"])
_RANKING = re.compile(rf"(?:\d+|[一二三四五六七八九十百千]+)强|{_alt(_DATA['ranking_words'])}")
_FUTURE = re.compile(rf"{_alt(_DATA['future_cues'])}|(?:到|至) ?(?:19|20)\d\d ?年")
_FUTURE_EXCEPT = re.compile(_alt(_DATA["future_cue_words"]))
_DONE = re.compile(_alt(_DATA["done_cues"]))
_NOW = re.compile(_alt(_DATA["now_cues"]))
_NOW_BEFORE = re.compile(re.escape(_DATA["now_before_trigger"]))
_RELATIVE = re.compile(_alt(_DATA["relative_days"]))
_DAY_OFFSETS = {k: int(v) for k, v in _DATA["relative_day_offsets"].items()}
_DAY_OFFSET = re.compile(_alt(_DAY_OFFSETS))
_GROUNDS = re.compile(rf"为?(?:{_alt(_DATA['grounds'])})")
_VAGUE_OBJECT = tuple(_DATA["vague_objects"])
_VAGUE_TYPES = frozenset(_DATA["vague_object_types"])
# (not inside another word: "国家数控机床" holds 家数, "数字化" and "数据" follow 个数 or 总数 in none)
_COUNTED = re.compile(rf"(?<!国)(?:{_alt(_DATA['counted'])})(?![控字据码])")
_BY_LEAVE = _DATA["by_leave"]
_BY_LEAVE_TYPES = frozenset(_DATA["by_leave_types"])
_CREDIT = re.compile(rf"\s*[（(【\[]?\s*(?:{_alt(_DATA['credit_openers'])})")
_HEADLINE_LABEL = re.compile(rf"\s*(?:{_alt(_DATA['headline_labels'])})\s*[:：]")
_BACKGROUND = re.compile(rf"\s*(?:{_alt(_DATA['background_openers'])})")
_SAME_DAY = re.compile(_alt(_DATA["same_day"]))
# A paragraph about what was signed or started at the occasion just told ("签约项目中，…"): its acts share that day.
_AT_THE_OCCASION = re.compile(rf"\s*(?:{_alt(_DATA['occasion_paragraphs'])})")
_REL_MONTHS = {k: int(v) for k, v in _DATA["relative_months"].items()}
_REL_MONTH = re.compile(_alt(_REL_MONTHS))
_REL_YEARS = {k: int(v) for k, v in _DATA["relative_years"].items()}
_REL_YEAR = re.compile(_alt(_REL_YEARS))
_CEREMONY_TYPES = frozenset(_DATA["ceremony_not_event"])
_DAY_TYPES = frozenset(_DATA["day_types"])
# the year of a ranking's edition, named after the verb ("位居2024年全国百强县第12位", "荣登2025年度…榜单")
_EDITION_YEAR = re.compile(r"(?P<y>(?:19|20)\d\d) ?年度?")
_PUBLISHED_LISTS = tuple(_DATA["published_lists"])
_DESIGNATED_NOUNS = tuple(_DATA["designated_nouns"])
_CONDITION_OPENERS = tuple(_DATA["condition_openers"])
_PERIOD_END_MONTHS: dict[str, int] = _DATA["period_end_months"]
# "全省共有8个集群入选", "共计12家企业获评": how many took part, counted before the trigger
_COUNT_BEFORE = re.compile(rf"(?:{_alt(_DATA['count_before'])})[\d{CN_DIGIT_CHARS}]+[个家项批]")
# a period a figure is compared with ("增速较上半年加快", "比一季度提高") is not the period told
_COMPARED_WITH = tuple(_DATA["compared_with"])
_PERIOD_END = re.compile(
    rf"(?:(?P<y>(?:19|20)\d\d) ?年)?(?:1 ?[—\-–~至] ?(?P<m>1[0-2]|[2-9]) ?月|(?P<q>{_alt(_PERIOD_END_MONTHS)}))"
)
_NOT_ACTOR_BEFORE = tuple(_DATA["not_actor_before"])
_AGENT_TYPES = frozenset(_DATA["agent_types"])
_AGENT = re.compile(rf"{_alt(_DATA['agent_marker_words'])}|(?P<by>{re.escape(_DATA['agent_marker'])})")
_SELF_REFERENCE = re.compile(_alt(_DATA["self_reference"]))
# "《方案》明确了…", "方案提出，", "其中提出，": what follows is the plan's content
_PLAN_SAYS = re.compile(
    rf"\s*(?:《[^《》\n]{{1,80}}》|{_alt(_DATA['plan_says_documents'])})(?:还|也|进一步|同时)?"
    rf"(?:{_alt(_DATA['plan_says_verbs'])})"
)
_TASK_HEADING = heading(_DATA["task_headings"])
_GATHERING_TYPES = frozenset(_DATA["gathering_types"])
_GATHERING = re.compile(_alt(_DATA["gatherings"] + _DATA["meetings"]))
_BRIEFING = re.compile(_alt(_DATA["briefings"]))
# the trigger inside an occasion's name that joins two with 暨, the occasion then held (在某地, 于3月5日)
_JOINED_HELD = re.compile(
    rf"[^，,。；;！？\n]*?(?:{_alt(_DATA['joined_occasion'])})\s*(?:[于在][^，,。；;！？\n]{{1,30}}?)?"
    r"(?:隆重|正式|成功|顺利)?(?:举行|举办|召开|开幕)"
)
_DATE = re.compile(
    # (a page converted from PDF spaces its figures: "2024 年 3 月 5 日")
    # (a year that numbers an edition or a batch, "2026年度", "2026年第二批", names the occasion, not its date)
    r"(?<![\d到至\-—–~])(?<![到至] )(?:(?P<y>(?:19|20)\d\d) ?年(?!度|前|以前|之前|底前|第)"
    r"(?: ?(?P<m>1[0-2]|0?[1-9]) ?月(?: ?(?P<d>[12]\d|3[01]|0?[1-9]) ?日)?)?"
    # (a day opening a range of days is the day it began: "6月12日—14日")
    r"|(?P<m2>1[0-2]|0?[1-9])月(?:(?P<d2>[12]\d|3[01]|0?[1-9])日|底|末|初|中旬|上旬|下旬)?)(?:(?<=日)|(?![\d\-—–~]))"
)
# what may stand before the name that opens a clause: a date, a time of day, a connective
_DATE_FILLER = re.compile(
    r"(?:\s|(?:19|20)\d\d年|\d{1,2}月|\d{1,2}日|上午|下午|晚|近日|日前|同时|此外|随后|当天|当日)*"
)
# a document's name says nothing of when: "《…行动计划》近日正式印发" is no plan for the future
_DEADLINE = re.compile(r"(?:到|至) ?(?:19|20)\d\d ?年")
_BOOK_TITLE = re.compile(r"《[^《》\n]*》")
_MONTH_DAY = re.compile(r"(?P<m>1[0-2]|0?[1-9])月(?:(?P<d>[12]\d|3[01]|0?[1-9])日)?")
_CLAUSE_BREAK = re.compile(r"[，,；;。！？\n]")
_QUOTED_NAME = re.compile(r"“[^“”\n]{2,40}”|「[^「」\n]{2,40}」")
_PARK_TRIGGERS = frozenset(_DATA["park_launch_triggers"])
_PARK = re.compile(_alt(_DATA["park_words"]))
_NOT_PARK = re.compile(_alt(_DATA["not_park_words"]))
# the signature date of an official document: a full date alone on its line, under the issuer's name
# (in figures, or in characters as an official document's seal date is written: 二〇二四年九月三日)
_SIGNATURE_DATE = re.compile(
    r"\n\s*(?P<y>(?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3})\s?年"
    r"\s?(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s?月"
    r"\s?(?P<d>[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s?日\s*(?=\n|$)"
)
_DATE_LINE = re.compile(r"(?m)^" + _SIGNATURE_DATE.pattern.removeprefix(r"\n"))
# a date written in Chinese numerals inside the text ("二〇二六年五月十二日，市政府印发…"), as official pages write them
_CN_DATE = re.compile(
    r"(?P<y>[一二][〇○零一二三四五六七八九]{3})年(?P<m>十[一二]?|[一二三四五六七八九])月"
    r"(?P<d>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
)
_SIGNATURE_REACH = 300  # the signature follows the cover notice within a few short lines
# ... or, where a page prints the plan between them, it closes the page: the issuer's name alone on its
# line (no sentence punctuation), the full date on the next
_SIGNED_BY = re.compile(r"\n[^\S\n]*[^\s。，,；;：:！？、]{4,40}[^\S\n]*" + _SIGNATURE_DATE.pattern)
# a wire story's dateline opening its first lines: the agency or outlet and place, the day, 电/讯/消息, then the
# byline or the text ("新华社合肥5月22日电（记者 某某）", "本报济南5月22日讯", not "某电厂5月22日电量…")
_WIRE_DATELINE = re.compile(
    r"(?m)^[^\S\n]*[\u4e00-\u9fff]{2,16}?(?P<m>1[0-2]|0?[1-9]) ?月 ?(?P<d>[12]\d|3[01]|0?[1-9]) ?日(?:电|讯|消息)"
    r"(?=\s|[（(]|$)"
)
_WIRE_REACH = 400
_HEADING = re.compile(r"\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])")


class _Inside:
    """Spans (a pattern's matches, or sections that may nest), asked whether a position lies strictly inside
    one: overlapping spans are joined, so only the last span opening before a position can hold it and a
    bisection answers, where testing every span for every trigger and actor was quadratic in a long page."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in sorted(spans):
            if self._ends and s < self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], e)  # a section inside another's
            else:
                self._starts.append(s)
                self._ends.append(e)

    def holds(self, pos: int) -> bool:
        i = bisect_left(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]


def find_events(document: Document, index: TextIndex, entities: list[Entity]) -> list[Event]:
    text = document.text or ""
    if not text.strip():
        return []
    reference = parts(document.published)
    # the day the text is dated or signed with, a date alone on its line, dates what its opening reports
    dated = _DATE_LINE.search(text)
    own_day = _iso(*(_number(dated.group(k)) for k in ("y", "m", "d"))) if dated else document.published
    # a wire story's dateline ("新华社合肥5月22日电"): the day it was written, which its 昨日, 今日 and 日前 count
    # from (a repost may come days later), and no date of what it reports
    dates_text = written_dates = _arabic_dates(text)
    wire = _WIRE_DATELINE.search(text, 0, _WIRE_REACH)
    if wire and reference and reference[1] is not None:
        month, day = int(wire.group("m")), int(wire.group("d"))
        year = reference[0] - ((month, day) > (reference[1], reference[2] or 31))
        reference = (year, month, day)
        own_day = own_day if dated else _iso(year, month, day)
        dates_text = (
            written_dates[: wire.start("m")] + "　" * (wire.end("d") - wire.start("m")) + written_dates[wire.end("d") :]
        )
    # a plan's own text ("制定本方案", "印发给你们"): its undated clauses are tasks, not reports
    own_plan = _SELF_REFERENCE.search(text) is not None
    actors = sorted(
        ((s, e, ent.name) for ent in entities if ent.type != "programme" for s, e in ent.mentions), key=lambda x: x[0]
    )
    first_sentence = index.sentences[0] if index.sentences else (0, 0)
    headline = (
        index.paragraphs[0]
        if index.paragraphs
        and document.title
        and text[index.paragraphs[0][0] : index.paragraphs[0][1]] == document.title.strip()
        else (0, 0)
    )
    if headline != (0, 0) and len(index.sentences) > 1 and first_sentence[1] <= headline[1]:
        first_sentence = next((s for s in index.sentences if s[0] >= headline[1]), first_sentence)
    quoted = _Inside(m.span() for m in _QUOTED_NAME.finditer(text))
    titled = _Inside(m.span() for m in _BOOK_TITLE.finditer(text))
    # a place inside a document's name ("《青岛市…行动计划》近日印发") is not who issued it
    actors = [a for a in actors if not titled.holds(a[0])]
    actor_starts = [a[0] for a in actors]
    sections = Sections(text)
    # under "（一）工作目标" a plan lists what is to be done ("新增落户创投风投机构20家"): no event is reported there

    def deadline(a: int, b: int) -> bool:
        return bool(_DEADLINE.search(text, a, b))

    goals = _Inside(goal_sections(text, index.paragraphs, deadline))
    # under "三、重点任务" or "（四）保障措施" a clause that gives no date is what is to be done ("设立专项资金")
    tasks = _Inside(goal_sections(text, index.paragraphs, deadline, _TASK_HEADING))
    out: list[Event] = []
    seen: set[tuple[int, str]] = set()
    for m in _triggers(text):
        word = m.group()
        # a rank verb read with its place or a milestone crossed (achievements), a title received (approval)
        etype = _TYPE.get(word) or ("approval" if m.group("title") else "achievement")
        blocked_after = (
            text.startswith(_NOT_AFTER, m.end())
            and not text.startswith(_NOT_AFTER_EXEMPT, m.end())
            and not (
                etype not in _GATHERING_TYPES  # "在10月8日召开的某大会上": the scene of what the sentence reports
                and text.startswith("的", m.end())
                and _DATED_RELATIVE.search(text, max(0, m.start() - 14), m.start())
            )
            and not (
                word in _OCCASION_TRIGGERS
                and text.startswith(_OCCASION_MEETING, m.end())
                and not text.startswith(_OCCASION_SCENE, m.end())
            )
        )
        if blocked_after or text.endswith(_NOT_BEFORE, 0, m.start()):
            continue
        if etype in _CEREMONY_TYPES and text.startswith("仪式", m.end()):
            continue
        if text.startswith(_NOT_AFTER_BY_TYPE.get(etype, ()), m.end()):
            continue  # "解读认定条件": the terms of a designation, no designation made
        if headline[0] <= m.start() < headline[1]:
            continue  # the headline repeated at the top of the body
        if goals.holds(m.start()):
            continue
        if quoted.holds(m.start()):
            continue  # "“…集中签约仪式”在…举办": a trigger inside a quoted name names the occasion
        s_start, s_end = index.sentence_at(m.start())
        if _HEADING.match(text, s_start) and s_end - s_start < 25:
            continue
        if _HEADLINE_LABEL.match(text, index.paragraph_at(m.start())[0]):
            continue  # "原标题：…": the reposted story's headline
        if _CREDIT.match(text, index.paragraph_at(m.start())[0]):
            continue  # "（信息来源：…）", "▲开工仪式现场": a credit or a caption
        if titled.holds(m.start()):
            continue  # "根据《…认定管理办法》": a word inside a document's name
        if _PLAN_SAYS.match(text, index.paragraph_at(m.start())[0]) or _PLAN_SAYS.match(text, s_start):
            continue  # "《方案》提出，…": a plan's tasks as reported
        c_start, c_end = _clause(text, m.start(), m.end(), s_start, s_end)
        if etype == "approval" and c_start == m.start() and text.startswith(_DESIGNATED_NOUNS, m.end()):
            continue  # "入选企业通过智能化改造": the firms selected, the subject of the clause
        if text.startswith(_CONDITION_OPENERS, c_start) and text[c_start:c_end].rstrip().endswith("的"):
            continue  # "对公示名单有异议的，…": whom a notice speaks to
        if _BACKGROUND.match(text, c_start):
            continue  # "随着新基地投产，…": the background of what the sentence reports; "这是…": a comment on it
        if word in _RANK_TRIGGERS and _measure_ranked(text, s_start, c_start, m.start()):
            continue  # "产量位居全国第5位", "同比增长8.5%，居全省第二": a measure's rank is a statistic
        # "拟认定某公司等153家企业为…，现予以公示": what the page itself does now, whatever it proposes
        now = _NOW.search(text, c_start, m.start()) or _NOW_BEFORE.match(text, m.start() - 1)
        if _looks_ahead(text, s_start, m.start()) and not (
            (now or _DONE.search(text, c_start, m.start())) and not _looks_ahead(text, c_start, m.start())
        ):
            continue
        if etype == "issuance" and _passing(text, c_start, m.start(), m.end()):
            continue
        if etype in _VAGUE_TYPES and text.startswith(_VAGUE_OBJECT, m.end() + text.startswith("了", m.end())):
            continue  # "出台了一系列政策", "组建多个小组": nothing named
        if etype in _GATHERING_TYPES and not _gathering(text, c_start, c_end):
            continue
        if _COUNTED.search(text, m.end(), c_end) or (
            _COUNT_BEFORE.search(text, c_start, m.start()) and not text[m.end() : c_end].strip()
        ):
            continue  # "入选企业数量逐年攀升", "全省共有8个集群入选" (entering nothing it names): a count
        if etype in _BY_LEAVE_TYPES and text.startswith(_BY_LEAVE, c_start) and text[m.end() : c_end] in ("", "同意"):
            continue  # "经国务院批准，…": the leave given for what the sentence reports
        if etype in _AGENT_TYPES and any(a.group("by") for a in _AGENT.finditer(text, c_start, m.start())):
            continue  # "由某集团投资建设": who builds it, not an investment made
        if etype != "other" and "暨" in text[c_start:c_end] and (held := _JOINED_HELD.match(text, m.end())):
            if "暨" in text[c_start : held.end()]:
                etype = "other"  # "…集中签约暨重大项目开工仪式在某区举行": the occasion held
        if word in _RANKING_ENTERED and _RANKING.search(text, m.end(), c_end):
            etype = "achievement"  # "跻身全国工业百强县": a ranking reached
        elif word in _SHORTLISTED:
            continue  # "入围某示范项目名单": a candidate, nothing designated yet
        if etype in _BY_OBJECT:
            acted_on = text[m.end() : c_end]
            if not _BOOK_TITLE.search(acted_on):
                # "现将《2026年度…名单》印发给你们", "《…名单》近日公布": the document named before the verb
                acted_on += _title_before(text, c_start, m.start()) or ""
            if not acted_on.strip("了 "):
                # "某公司新产品正式发布": a verb that ends its clause acts on what was named before it
                acted_on = text[c_start : m.start()]
            for t, words in _BY_OBJECT[etype].items():
                # a product or platform named inside a document's name (《…平台建设方案》) is the document's topic
                seen_in = _BOOK_TITLE.sub("", acted_on) if t in _BY_OBJECT_UNTITLED else acted_on
                if any(w in seen_in for w in words):
                    etype = t  # "公布…名单" designates; "签署战略合作协议" commits no money or project
                    break
        if word in _PARK_TRIGGERS and _PARK.search(text, c_start, c_end) and not _NOT_PARK.search(text, c_start, c_end):
            etype = "launch"  # "某产业园在某区揭牌": a park opened
        # One event a clause, its first trigger deciding ("批复同意设立" approves);
        # rankings listed in one sentence are one achievement.
        unit = (s_start, etype) if etype == "achievement" else (c_start, "")
        if unit in seen or (word == "总投资" and c_start == m.start()):
            continue  # ",总投资…亿元" restates a figure
        seen.add(unit)
        p_start, _ = index.paragraph_at(m.start())
        date, date_text, approximate = _date(
            dates_text, c_start, c_end, s_start, p_start, m.start(), reference, told_before=written_dates
        )
        if date and len(date) == 4 and (period := _period_end(dates_text, s_start, p_start, m.start(), date)):
            date = period  # "今年1—10月，…创同期新高": by the period's last month
        if (date is None or approximate) and etype == "issuance" and _SELF_REFERENCE.search(text, c_start, c_end):
            # "现将《…》印发给你们" is dated by the signature under it, not by the page
            signed = _SIGNATURE_DATE.search(text, c_end, min(len(text), c_end + _SIGNATURE_REACH)) or _SIGNED_BY.search(
                text, c_end
            )
            if signed:
                y, mo, d = (_number(signed.group(k)) for k in ("y", "m", "d"))
                date, date_text, approximate = _iso(y, mo, d), text[signed.start("y") : signed.end()].strip(), False
        if date is None and (heading := sections.year_at(m.start())) is not None:
            if reference is None or heading < reference[0]:
                date, date_text = f"{heading:04d}", None  # "一、2024年工作回顾": what happened that year
        if date is None and (s_start, s_end) == first_sentence and document.published:
            date, approximate = own_day, True
        if date is None and now and own_day:
            date, date_text = own_day, now.group()  # the page's own act, on the day it is dated
        if date is None and own_plan and not _SELF_REFERENCE.search(text, c_start, c_end):
            continue  # a task of the plan; its own cover notice ("现将《…》印发给你们") is the issuance
        if date is None and tasks.holds(m.start()):
            continue  # "（四）保障措施 … 设立专项资金": a measure to be taken
        if date is None and etype == "achievement" and (edition := _EDITION_YEAR.search(text, m.end(), c_end)):
            date, date_text = edition.group("y"), edition.group()  # "位居2024年全国百强县第12位": that year's list
        if date is None and etype in _DAY_TYPES:
            continue  # "该项目签约落户某区", "先后出台《…》等文件": a profile or the background, no act reported
        if (
            etype == "approval"
            and out
            and (last := out[-1]).type == "approval"
            and s_start <= last.start
            and any(w in (last.object or "") for w in _PUBLISHED_LISTS)
            and text[last.end : c_start].strip(" ，,") == ""
        ):
            # "某部公布…名单，某集群成功入选": the list published and who entered it, one designation
            last.text, last.end = text[last.start : c_end], c_end
            continue
        if (
            etype == "issuance"
            and now
            and not text[m.end() : c_end].strip()
            and out
            and (last := out[-1]).type == "approval"
            and s_start <= last.start
            and text[last.end : c_start].strip(" ，,") == ""
        ):
            # "认定某公司等2150家企业为…，现予以公布": the designation made public, one act
            last.text, last.end = text[last.start : c_end], c_end
            continue
        actor = _actor(text, actors, actor_starts, s_start, c_start, m.start())
        obj = text[m.end() : c_end].lstrip("了").strip() or _title_before(text, c_start, m.start())
        out.append(Event(etype, text[c_start:c_end], c_start, c_end, actor, obj, date, date_text, approximate))
    return out


def _triggers(text: str) -> Iterator[re.Match]:
    """The trigger words and patterns left to right, as one alternation of both would find them: a word
    before a pattern at the same place, nothing that starts inside the last one found."""
    end = 0
    words, patterns = list(_TRIGGER.finditer(text)), list(_TRIGGER_PATTERN.finditer(text))
    # both lists come sorted by start; a stable sort keeps a word before a pattern at the same place
    for m in sorted(words + patterns, key=re.Match.start) if patterns else words:
        if m.start() >= end:
            end = m.end()
            yield m


def _actor(
    text: str, actors: list[tuple[int, int, str]], starts: list[int], s_start: int, c_start: int, pos: int
) -> str | None:
    """Who acts: the name that opens the trigger's clause ("陕西省人民政府与某集团在西安签署…" is the
    province's signing, not Xi'an's), else the last name before the trigger in its sentence that is not
    where or whence it happened ("在西安", "从省工信厅获悉")."""
    longest: dict[int, tuple[int, str]] = {}
    for s, e, name in actors[bisect_left(starts, s_start) : bisect_left(starts, pos)]:
        if e <= pos and e > longest.get(s, (0, ""))[0]:  # "陕西省人民政府" rather than the 陕西省 it opens with
            longest[s] = (e, name)
    named = [(s, name) for s, (_, name) in sorted(longest.items())]
    for s, name in named:
        if c_start <= s and _DATE_FILLER.fullmatch(text, c_start, s):
            return name
    for s, name in reversed(named):
        if not text.endswith(_NOT_ACTOR_BEFORE, max(0, s - 1), s):
            return name
    return None


def _measure_ranked(text: str, s_start: int, c_start: int, pos: int) -> bool:
    """A rank told of a measure: the verb follows a measure word ("产量位居全国第5位"), or opens its clause
    after a clause that ends with a rate ("同比增长8.5%，居全省第二")."""
    before = text[c_start:pos]
    if _MEASURE_RANKED.search(before):
        return True
    if _ADVERBS_ONLY.fullmatch(before) and c_start > s_start:
        return bool(_RATE_ENDS.search(text, max(s_start, c_start - 30), c_start))
    return False


def _title_before(text: str, c_start: int, pos: int) -> str | None:
    """What a passive clause acts on: the document named before its verb ("《…》近日正式印发")."""
    titles = list(_BOOK_TITLE.finditer(text, c_start, pos))
    return titles[-1].group() if titles else None


def _passing(text: str, c_start: int, start: int, end: int) -> bool:
    """An issuance that only names a plan in passing: the ground of the clause ("根据省政府印发的《…》");
    not when the clause dates the issuance ("根据某市今年4月印发的《…》"), which then reports it, as a dated
    relative clause does elsewhere ("今年5月印发的《…》提出")."""
    return (
        bool(_GROUNDS.match(text, c_start))
        and text.startswith(_NOT_AFTER_EXEMPT, end)
        and not _DATED_RELATIVE.search(text, max(c_start, start - 14), start)
    )


def _gathering(text: str, c_start: int, c_end: int) -> bool:
    """A clause with 举行/召开 reports a gathering held when it names a conference, forum or fair, and not a
    press briefing (what is announced there is the event, not the briefing)."""
    return bool(_GATHERING.search(text, c_start, c_end)) and not _BRIEFING.search(text, c_start, c_end)


def _clause(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    c_start = s_start
    for m in _CLAUSE_BREAK.finditer(text, s_start, start):
        c_start = m.end()
    stop = _CLAUSE_BREAK.search(text, end, s_end)
    c_end = stop.start() if stop else s_end
    # a book title's own punctuation does not end the clause
    if text.count("《", c_start, c_end) > text.count("》", c_start, c_end):
        close = text.find("》", c_end, s_end)
        if close >= 0:
            stop = _CLAUSE_BREAK.search(text, close, s_end)
            c_end = stop.start() if stop else s_end
    while c_start < c_end and text[c_start].isspace():
        c_start += 1
    while c_end > c_start and (text[c_end - 1].isspace() or text[c_end - 1] in "。！？"):
        c_end -= 1
    return c_start, c_end


def _looks_ahead(text: str, s_start: int, pos: int) -> bool:
    window = text[s_start:pos].rpartition("……")[2]  # an ellipsis ends what came before it
    window = _FUTURE_EXCEPT.sub(lambda m: "　" * len(m.group()), _BOOK_TITLE.sub("《》", window))
    return bool(_FUTURE.search(window))


def _period_end(text: str, s_start: int, p_start: int, pos: int, year: str) -> str | None:
    """The last month of the period of the year told in the sentence before ``pos`` (or opening its paragraph),
    in ``year``: "1—10月" -> 10, "前三季度" -> 9; None when no period is told or it names another year."""
    found = [
        m for m in _PERIOD_END.finditer(text, s_start, pos) if not text.endswith(_COMPARED_WITH, s_start, m.start())
    ] or [m for m in [_PERIOD_END.match(text, p_start)] if m]
    if not found:
        return None
    m = found[-1]
    if m.group("y") and m.group("y") != year:
        return None
    month = int(m.group("m")) if m.group("m") else _PERIOD_END_MONTHS[m.group("q")]
    return f"{year}-{month:02d}"


def _date(
    text: str, c_start: int, c_end: int, s_start: int, p_start: int, pos: int, reference, told_before: str | None = None
) -> tuple[str | None, str | None, bool]:
    """The date of the act at ``pos``, read from ``text``; ``told_before``, the text with a wire dateline's day
    left in (it dates the story, so what is told 当天 after it), for the sentences before this one."""
    relative = _relative_year(text, c_start, pos, reference)
    if relative:
        return relative
    same = _SAME_DAY.search(text, s_start, pos) or _AT_THE_OCCASION.match(text, p_start)
    if same and not _DATE.search(text, s_start, pos):
        earlier = list(_DATE.finditer(told_before or text, max(0, s_start - 600), s_start))
        precise = [d for d in earlier if d.group("d") or d.group("d2")]
        if earlier:
            return _resolve((precise or earlier)[-1], reference)[0], same.group(), False
        told = _RELATIVE.search(text, max(0, s_start - 600), s_start)
        if told and reference:
            return _iso(*reference), same.group(), True  # "近日，…签约仪式举行。仪式上，…": the page's day
    candidates = []
    for lo in (c_start, s_start):
        found = list(_DATE.finditer(text, lo, pos))
        if found:
            candidates.append(found[-1])
    opening = _DATE.match(text, p_start)
    if opening:
        candidates.append(opening)
    month = _relative_month(text, s_start, pos, reference)
    if candidates:
        # the clause's own date, unless a more precise one around it agrees ("9月10日，…2024年秋季…签约")
        best = _resolve(candidates[0], reference)
        for other in candidates[1:]:
            alt = _resolve(other, reference)
            if best[0] and alt[0] and len(alt[0]) > len(best[0]) and alt[0].startswith(best[0]):
                best = alt
        if best[0] and len(best[0]) == 4:
            # "日前举行2025年第一季度…开工活动": a year naming the occasion, the day said by the page's date
            if month and month[0].startswith(best[0]):
                return month
            rel = _RELATIVE.search(text, s_start, pos)
            if rel and reference and reference[0] == int(best[0]):
                return _iso(*reference), rel.group(), True
        return best + (False,)
    if month:
        return month
    # "签约仪式于3月5日在某地举行": an occasion named first, its day after; a month at least, outside a 《》 name
    after = next(
        (
            d
            for d in _DATE.finditer(text, pos, c_end)
            if (d.group("m") or d.group("m2"))
            and text.count("《", c_start, d.start()) <= text.count("》", c_start, d.start())
        ),
        None,
    )
    if after:
        return _resolve(after, reference) + (False,)
    relative = _relative_year(text, s_start, pos, reference)  # "去年，全市…首次突破…"
    if relative:
        return relative
    offset = _DAY_OFFSET.search(text, s_start, pos)
    if offset and reference and reference[2] is not None:
        day = date(reference[0], reference[1], reference[2]) + timedelta(days=_DAY_OFFSETS[offset.group()])
        return day.isoformat(), offset.group(), False
    rel = _RELATIVE.search(text, s_start, pos) or offset
    if rel and reference:
        return _iso(*reference), rel.group(), True
    return None, None, False


def _relative_year(text: str, lo: int, pos: int, reference) -> tuple[str, str, bool] | None:
    """The last year written relative to the page's ("去年", "今年5月") between ``lo`` and the trigger."""
    last = deque(_REL_YEAR.finditer(text, lo, pos), maxlen=1)
    if not last or not reference:
        return None
    rel = last[0]
    year = reference[0] + _REL_YEARS[rel.group()]
    month = _MONTH_DAY.match(text, rel.end())  # "今年5月", "去年12月8日"
    if month:
        day = month.group("d")
        return _iso(year, int(month.group("m")), int(day) if day else None), rel.group() + month.group(), False
    return f"{year:04d}", rel.group(), False


def _relative_month(text: str, lo: int, pos: int, reference) -> tuple[str, str, bool] | None:
    """The last month written relative to the page's ("上月", "本月") between ``lo`` and the trigger."""
    last = deque(_REL_MONTH.finditer(text, lo, pos), maxlen=1)
    if not last or not reference or reference[1] is None:
        return None
    months = reference[0] * 12 + reference[1] - 1 + _REL_MONTHS[last[0].group()]
    return _iso(months // 12, months % 12 + 1, None), last[0].group(), False


def _number(written: str) -> int:
    """A signature's year, month or day, in figures or characters (二〇二四, 二○二四, 十二, 二十三)."""
    value = parse_cn(written.replace("○", "〇"))  # the pattern admits only numerals; ○ is a printed 〇
    assert value is not None, written
    return int(value)


def _resolve(m: re.Match, reference) -> tuple[str | None, str | None]:
    """A date found before or after the trigger, its year read from the page's date when left out: the
    year written relative to the page's just before the month ("去年11月，…入选", the year named in a
    clause of its own) when there is one, else the page's year, or the one before when the month has
    not yet come on the page's date."""
    if m.group("y"):
        y, mo, d = int(m.group("y")), m.group("m"), m.group("d")
        return _iso(y, int(mo) if mo else None, int(d) if d else None), m.group()
    mo, d = int(m.group("m2")), m.group("d2")
    if reference is None:
        return None, m.group()
    relative = next((w for w in _REL_YEARS if m.string.endswith(w, 0, m.start())), None)
    if relative:
        return _iso(reference[0] + _REL_YEARS[relative], mo, int(d) if d else None), relative + m.group()
    y = reference[0]
    if reference[1] is not None and (mo, int(d) if d else 0) > (reference[1], reference[2] or 31):
        y -= 1
    return _iso(y, mo, int(d) if d else None), m.group()


def _arabic_dates(text: str) -> str:
    """``text`` with its dates in Chinese numerals written in figures, for the date patterns to read: in place,
    padded to the same length, so every offset still holds; a date whose figures are longer ("十月" is "10月")
    is left as written (unread, never misread)."""

    def figures(m: re.Match) -> str:
        written = f"{_number(m.group('y'))}年{_number(m.group('m'))}月{_number(m.group('d'))}日"
        return written.rjust(len(m.group()), "　") if len(written) <= len(m.group()) else m.group()

    return _CN_DATE.sub(figures, text)


def _iso(y: int, mo: int | None, d: int | None) -> str:
    if mo is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{mo:02d}"
    return f"{y:04d}-{mo:02d}-{d:02d}"
