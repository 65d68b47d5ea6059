"""Quantities in Chinese documents: amounts read as targets or statistics, with the contract's fields.

The amount itself comes from :mod:`policylens.extraction.zh.numbers`; this
module reads what is written around it, the way Chinese plans and reports
write it:

- comparator from the word just before or after ("超过300亿元", "10家以上",
  "29%左右", "不低于", "约占");
- change from a verb of change just before ("同比增长6.1%", "累计下降19.8%",
  "每年提升1个百分点"), annual from 年均/每年/年产;
- kind from the nearest cue before the figure in its sentence, then in its
  paragraph (将/力争/计划/预计/目标/确保 versus 已/截至/同比/实现了), then from the
  document: a plan (行动计划, 工作方案, "制定本…") commits to what it lists;
- deadline from 到2025年 / 至2025年底 / 2027年前 / “十四五”期末 in the sentence or
  opening its paragraph, else the plan period "(2023—2025年)";
- as_of from the year the sentence, paragraph or document opens with.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from dataclasses import dataclass, replace
from typing import overload
from urllib.parse import urlsplit

from policylens import vocab
from policylens.extraction import gazetteer
from policylens.extraction.anycase import opening
from policylens.extraction.numbers import Amount, _load
from policylens.extraction.text import TextIndex
from policylens.extraction.zh.entities import places_named
from policylens.extraction.zh.numbers import find_amounts, parse_cn
from policylens.extraction.zh.sections import Sections, goal_sections
from policylens.model import Document, Entity, Event, Quantity
from policylens.periods import month_of, year_of

_CUES = _load("zh_quantity_cues.yaml")
_YEAR = r"(?:19|20)\d\d"
# A year in Chinese numerals, as official documents write it ("到二〇二五年").
_CN_YEAR = r"[一二][〇零○九][〇零○一二三四五六七八九]{2}"
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BEFORE = {w: code for code, words in _CUES["comparators_before"].items() for w in words}
_AFTER = {w: code for code, words in _CUES["comparators_after"].items() for w in words}
_BEFORE_RE = re.compile(rf"(?:{_alt(_BEFORE)})了?\s?$")  # "超 9 万亿元" on pages converted from PDF
_NOT_COMPARATORS = tuple(_CUES["not_comparators"])
# (a line wrap may stand before it on a page converted from PDF: "增长 6.5%\n左右")
# (多 that opens a word of its own after the unit is no "more than": "年产30万吨多晶硅", "2万平方米多功能车间")
_AFTER_RE = re.compile(rf"^(?:[ \u00a0\u3000]?\n[ \u00a0\u3000]?)?(?P<w>{_alt(_AFTER)})(?!(?<=多)[\u4e00-\u9fff])")
_APPROX_SHARE = re.compile(rf"(?:{_alt(_CUES['approx_share_verbs'])})[^\d，,；;。！？\n]*$")
_MINUS = ("-", "−", "－")
_NEGATIVE_GROWTH = re.compile(r"负增长[了为]?$")
_CHANGE = re.compile(rf"(?P<inc>{_alt(_CUES['increase_cues'])})|(?P<dec>{_alt(_CUES['decrease_cues'])})")
# "年产" in "2023年产业规模" is a year and a word, not "produced a year"
# (not the 年 of a year named, "当年新增3家", "全年新增规上企业112户", "今年新增": that year's count, not a rate)
_ANNUAL = re.compile(rf"(?<![\d〇零一二两三四五六七八九十当全今去明本该同上])(?:{_alt(_CUES['annual_cues'])})")
_FIVE_YEAR = {k: int(v) for k, v in _CUES["five_year_plans"].items()}
_DESIGN_CUES = tuple(_CUES["design_cues"])
_OWN_SENTENCE_CUES = _DESIGN_CUES + tuple(_CUES["forecast_cues"])
_AFTER_COMPLETION = tuple(_CUES["after_completion"])
_ACCOUNT_PLATFORMS = frozenset(vocab.load("policylens", "account_platforms.yaml")["hosts"])
_WHOLE_YEAR = re.compile(_alt(_CUES["whole_year_words"]))
# The cue lists _KIND_CUE alternates, each word matched where it begins.
_CUE_LISTS = (
    "target_cue_exceptions",
    "relative_periods",
    "this_year_deadlines",
    "plan_period_end",
    "relative_years",
    "target_cues",
    "statistic_cues",
    "weak_statistic_cues",
    "progress_cues",
)
# The characters a cue below may open with, first in its pattern: sre then passes every other character of
# the page at the cost of one test, instead of entering the alternation there (four times faster).
_KIND_CUE_OPENING = opening(
    [
        *(w[0] for key in _CUE_LISTS for w in _CUES[key]),
        *(w[0] for w in _FIVE_YEAR),
        *'到至截“"「『',  # "到2025年", "“十四五”期末"
        *"一二两三四五六七八九十",  # "三年内"
        r"\d",
    ],
    ignoring_case=False,
)
_ESTIMATES = frozenset(_CUES["estimate_cues"])
_KIND_CUE = re.compile(
    rf"{_KIND_CUE_OPENING}(?:(?P<x>{_alt(_CUES['target_cue_exceptions'])})"
    rf"|(?P<deadline>(?:到|至|截至|截止到|截止) ?(?:(?P<dy>{_YEAR})|(?P<cy>{_CN_YEAR})) ?年(?:底|末)?"
    rf"|(?P<py>{_YEAR}) ?年(?:前|以前|之前)"
    rf"|[“\"「『]?(?P<fyp>{_alt(_FIVE_YEAR)})[”\"」』]?(?:期末|末|时期|期间))"
    rf"|(?P<rel>{_alt(_CUES['relative_periods'])})(?P<reln>[一二两三四五六七八九十\d]{{1,2}})年"
    rf"|(?<![\d〇零一二两三四五六七八九十近前])(?<!过去)(?P<reln2>[一二两三四五六七八九十\d]{{1,2}})"
    rf"(?:{_alt(_CUES['relative_periods_after'])})"
    rf"|(?<![\d〇零一二两三四五六七八九十])(?P<ye>{_alt(_CUES['this_year_deadlines'])})"
    rf"|(?P<pe>{_alt(_CUES['plan_period_end'])})"
    rf"|(?P<ry>{_alt(_CUES['relative_years'])})"
    rf"|(?P<year>{_YEAR}) ?年"
    rf"|(?<![\d〇零一二两三四五六七八九十])(?P<t>{_alt(_CUES['target_cues'])})"
    rf"|(?P<s>{_alt(_CUES['statistic_cues'])})"
    rf"|(?P<w>{_alt(_CUES['weak_statistic_cues'] + _CUES['progress_cues'])}))"
)
_RUNNING_TOTAL = re.compile(_alt(_CUES["running_totals"]))
_BASELINE = re.compile(rf"(?:比|较|相比|与) ?(?P<y>{_YEAR}) ?年")
_BASELINE_BEFORE = re.compile(r"(?:比|较|与|同)$")
# A reporting period without its year ("1-2月", "截至6月底", "一季度", "上半年", "今年以来"): the year is
# the page's, or the one before when the period ends after the page's month.
_MONTH_PERIOD = re.compile(
    r"(?<![\d年])(?:\d{1,2}\s*[-—–~至]\s*(?P<m>\d{1,2})月|(?:截至|截止到?)(?P<mc>\d{1,2})月"
    r"|(?P<now>今年以来|年初以来)|(?P<q>[一二三四1-4])季度|(?P<h>上半年)"
    r"|前(?P<q3>[三3])季度)"
)
# what may stand before a deadline that opens its paragraph: a list mark, a heading's words, 力争/争取
_PARAGRAPH_OPENER = re.compile(
    r"[\s—\-一二三四五六七八九十、.（()）\d]*(?:[\u4e00-\u9fff]{0,8}[。：:])?\s*(?:力争|争取|预计)?"
)
_TELLING = re.compile(_alt(_CUES["telling_words"]))
# the day a sentence opens with, a report's dateline ("3月4日，", "2024年3月4日上午，")
_OPENING_DAY = re.compile(
    # (after a short aside that opens the sentence: "值得一提的是，3月16日，", "此外，5月8日，")
    rf"\s*(?:[^\d，,。；;！？\n]{{1,8}}[，,]\s*)?(?:(?P<y>{_YEAR})年)?(?P<m>1[0-2]|0?[1-9])月(?P<d>[12]\d|3[01]|0?[1-9])日(?:上午|下午|晚间?|当天)?\s*[，,]"
)
_HARD_BREAK = re.compile(r"[，,；;：:。！？\n]")
_BOTH = re.compile(
    r"(?P<list>[^，,；;：:。！？\n]+、[^，,；;：:。！？\n]+?)(?:均|都|皆)(?:为|是|在|已)?"
    r"(?:超过|超|达到|达|突破|不低于|不少于|约|近|逾)?(?:了)?$"
)
_SHARE = re.compile(r"占[^，,；;。]*")
_PLAN = re.compile(_alt(_CUES["plan_markers"]))
_PAST_REACH = 40  # how far back a clause holding a target cue may open
_PAST_OPENER = re.compile(rf"[\s“「\"]*(?:{_alt(_CUES['past_openers'])})")
# Heading ranks: 第一章 > 一、 > （一）; a goal section ends at the next heading of its rank or above.
_PERIOD = re.compile(rf"[(（]\s*(?P<a>{_YEAR})\s*年?\s*[-–—―－~～至到]{{1,2}}\s*(?P<b>{_YEAR})\s*年?\s*[)）]")
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？、\n]")
# The words after a figure, up to its clause's end (matched in place: a slice of the rest of the page for every
# figure made reading a long page quadratic).
_METRIC_AFTER = re.compile(r"[^，,；;：:。！？、\n（(]{1,20}")
_METRIC_TRIM_END = re.compile(
    rf"(?:{_alt(list(_BEFORE) + _CUES['increase_cues'] + _CUES['decrease_cues'] + _CUES['target_cues'] + _CUES['statistic_cues'] + _CUES['weak_statistic_cues'] + ['均', '都', '分别', '共', '总数', '再添', '新增', '可', '的', '负增长', '人民币', '人民幣'])})+$"
)
_METRIC_TRIM_START = re.compile(
    rf"^(?:(?:力争)?(?:到|至) ?{_YEAR} ?年(?:底|末)?|{_YEAR} ?年(?:底|末)?|{_alt(_CUES['clause_openers'])}|即|截至目前|全市|全省)+"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_RECKONING = frozenset(_CUES["reckoning_clauses"])
_SINCE = tuple(_CUES["since_words"])
# the words before a change that only say the year it is compared with ("较2025年"; "比上年" is left to the clause,
# as releases name such a change by what it changes in many ways)
_COMPARED_ONLY = re.compile(rf"(?:较|比)\s?{_YEAR}\s?年(?:末|底)?")
_SITE = re.compile(_alt(_CUES["site_words"]))
# "上年…" naming whose figure it is, not what it is compared with ("比上年", "较上年", "同上年")
_YEAR_BEFORE = re.compile(rf"(?<![比较与同])(?:{_alt(_CUES['year_before'])})")
# "年产压铸件60万套", "年产组件可达5吉瓦", "年产20万吨": 年产 and what is made, if written before the figure
_CAPACITY_BEFORE = re.compile(r"(?P<made>年产(?!值|能|量)[\u4e00-\u9fff]{0,12}?)(?:可达到|可达|达到|约|达|近|超)?$")
_CAPACITY_AFTER = re.compile(
    rf"[\u4e00-\u9fff]{{2,12}}?(?:项目(?=[^\u4e00-\u9fff]|$)|(?=(?:{_alt(_CUES['capacity_product_ends'])}|项目)|[^\u4e00-\u9fff]|$))"
)
# the figure that ends a clause, with its unit ("753.6 亿千瓦时", "1 986 家", "12万吨/年")
_FIGURE_AT_END = re.compile(r"\d[\d.,\s]*[^\u4e00-\u9fff]*\S{0,5}$")
# "居全省第2位", "位列国内同行业第3位", "全国首位": the verb and the scope, up to the place
_RANK_SCOPE = re.compile(r"[^第前首]*?(?=第|前|首位|榜首)")
_OWNER_MODAL = re.compile(r"^(?:将|拟|已|计划|预计|共|累计|新增|还)+")
_SUBJECT_TYPES = ("place", "cluster", "park", "company", "programme")
# What may stand between a clause's start and its subject: a time ("2023年，", "截至目前") and a connective.
_CLAUSE_FILLER = re.compile(
    rf"(?:\s|{_YEAR} ?年(?:底|末)?|\d{{1,2}}月(?:底|末)?|{_alt(_CUES['clause_openers'])}"
    # what a firm is to the story, said before its name ("国内动力电池企业某某有限公司", "港資企業某某公司")
    r"|[\u4e00-\u9fff]{1,8}?(?:企业|企業))*"
)
_OPENS_CLAUSE = re.compile(rf"[，,；;：:。！？\n]{_CLAUSE_FILLER.pattern}$")
_ENDS_IN_FIGURE = re.compile(r"\d[^\d、，,；;。\s]{0,3}$")
_SCOPE_OF = {w: scope for scope, words in _CUES["own_place_words"].items() for w in words}
_OWN_PLACE = re.compile(_alt(_SCOPE_OF))
_ABOVE = {scope: frozenset(levels) for scope, levels in _CUES["levels_above"].items()}
_ANAPHORA = {w: t for t, words in _CUES["anaphora"].items() for w in words}
_ANAPHOR = re.compile(_alt(_ANAPHORA))
_ANAPHOR_REFERENT = {"project": "company"}  # what a project's figures belong to: the company building it
_OWN_COMPANY = "公司"  # bare, as a company's own page or a story about one calls it (not 该公司, the one just named)
_DESIGN = re.compile(_alt(_CUES["design_words"]))
_HEADLINE_MAX = 60  # a first line longer than this is prose, not a headline or an issuer
_PLAN_DOCUMENT_HEADS = tuple(_CUES["plan_document_heads"])
_RESPECTIVELY = re.compile(_alt(_CUES["respectively"]))
_JOINER = re.compile(rf"\s*(?:{_alt(_CUES['list_joiners'])})\s*")
# between 分别 and one of its figures: only earlier figures of the same run and the words that join them
_FIGURE_RUN = re.compile(r"[^，,；;。！？\n]*")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
# between the last listed name and 分别: what the figures measure, without a clause break
_LIST_TO_RESPECTIVELY = 20
_OWN_LEVELS = {scope: frozenset(levels) for scope, levels in _CUES["own_place_levels"].items()}
# a support measure: 对 naming who qualifies, then what it is given ("对新认定的…，给予一次性奖励20万元")
_OFFER = re.compile(rf"对[^。；;！？\n]{{1,60}}?(?:{_alt(_CUES['offer_words'])})")


@dataclass(slots=True)
class _Cue:
    pos: int
    kind: str  # "target", "statistic", "weak", "deadline", "year", "baseline"
    year: int = 0  # read only for the kinds that name one: "deadline", "year", "baseline"


def find_quantities(
    document: Document, index: TextIndex, entities: list[Entity], events: list[Event] | None = None
) -> list[Quantity]:
    text = document.text or ""
    if not text.strip():
        return []
    return _Reader(document, index, entities, events or []).read_all()


class _Reader:
    def __init__(self, document: Document, index: TextIndex, entities: list[Entity], events: list[Event]):
        self.text = document.text
        self.index = index
        self.published = year_of(document.published)
        self.pub_month = month_of(document.published)
        opening = (document.title or "") + "\n" + self.text[:300]
        self.plan = bool(_PLAN.search(opening))
        period = _PERIOD.search(opening)
        self.period_end = int(period.group("b")) if period else None
        self.period_years = int(period.group("b")) - int(period.group("a")) + 1 if period else None
        self.sections = Sections(self.text)
        self.since: set[int] = set()  # where a period up to the page's day is told ("今年以来"), by _cues
        self.cues = self._cues()  # in text order
        # a page about its own year: it names the year (今年, or written out) and sets no later deadline
        self.current_year = (
            self.published is not None
            and any(c.kind == "year" and c.year == self.published for c in self.cues)
            and not any(c.kind == "deadline" and c.year and c.year > self.published for c in self.cues)
        )
        self.cue_starts = [c.pos for c in self.cues]
        self.goal_sections = goal_sections(
            self.text,
            index.paragraphs,
            lambda start, end: any(c.kind == "deadline" for c in self._cues_in(start, end)),
        )
        self.sentence_starts = [s for s, _ in index.sentences]
        first = index.sentences[0] if index.sentences else (0, 0)
        m = re.match(rf"\s*(?P<y>{_YEAR}) ?年(?!底|末|前)", self.text[first[0] : first[1]])
        self.doc_year = int(m.group("y")) if m and self._past(int(m.group("y"))) else None
        self.opening_period = self._period_year(*first)
        # the year of each dated event, by where it is told (see _occasion_year)
        self.event_years = sorted((e.start, y) for e in events if (y := year_of(e.date)) is not None)
        self.event_starts = [s for s, _ in self.event_years]
        self.places = sorted(
            ((s, e, ent.name) for ent in entities if ent.type in _SUBJECT_TYPES for s, e in ent.mentions),
            key=lambda x: x[0],
        )
        self.place_starts = [s for s, _, _ in self.places]
        # an autonomous prefecture named with its 州 ("昌吉州" of 昌吉回族自治州)
        gaz = gazetteer.load()
        self.prefectures = frozenset(
            e.name
            for e in entities
            if e.type == "place"
            and e.name.endswith("州")
            and e.key
            and (p := gaz.get(e.key)) is not None
            and (p.zh or "").endswith("自治州")
            and e.name != p.zh
        )
        # a plan named as who sets a figure: the place its name opens with owns the figure (see _subject)
        self.plan_places = {
            ent.name: _leading_place(ent.name, entities)
            for ent in entities
            if ent.type == "programme" and ent.name.rstrip("）)0123456789年—-–（(").endswith(_PLAN_DOCUMENT_HEADS)
        }
        # "该公司…", "园区…": the last company or park named before, by type
        self.named_of_type = {
            t: sorted((s, ent.name) for ent in entities if ent.type == t for s, _ in ent.mentions)
            for t in set(_ANAPHORA.values()) - set(_ANAPHOR_REFERENT)
        }
        self.anaphors = [(m.start(), _ANAPHORA[m.group()]) for m in _ANAPHOR.finditer(self.text)]
        # the company the page names more often than any other: what a bare "公司" opening a clause speaks of
        named = sorted((len(e.mentions), e.name) for e in entities if e.type == "company" and e.mentions)
        self.main_company = named[-1][1] if named and (len(named) == 1 or named[-1][0] > named[-2][0]) else None
        self.anaphor_starts = [p for p, _ in self.anaphors]
        own = [(m.start(), m.group()) for m in _OWN_PLACE.finditer(self.text)]
        self.own_words = [p for p, _ in own]
        counts = Counter(_SCOPE_OF[w] for _, w in own)
        scope = counts.most_common(1)[0][0] if counts else None
        lead = self.text[index.paragraphs[0][0] : index.paragraphs[0][1]] if index.paragraphs else ""
        self.own_place = (
            _own_place((document.title, document.publisher), entities, scope)
            or _portal_place(document.url, entities, scope)
            or _own_place((lead[:_HEADLINE_MAX],), entities, scope)
        )
        # whom "全省…" speaks for when neither the title nor the issuer says: the place of that level the page
        # names; in a plan or an official page that is whose figures they all are
        self.whole_place = self.own_place or _own_place_in_body(entities, scope)
        # a government body's account on a platform writes stories, whose figures are read as any story's
        official = self.plan or (document.source_type == "government" and not _on_account_platform(document.url))
        self.main_place = (self.whole_place if official else self.own_place) or _main_subject(entities, scope)

    def _past(self, year: int) -> bool:
        return self.published is None or year <= self.published

    def _cues(self) -> list[_Cue]:
        out = []
        for m in _KIND_CUE.finditer(self.text):
            if m.group("x"):
                continue
            if m.group("deadline"):
                y = m.group("dy") or m.group("py")
                if m.group("cy"):
                    y = "".join(_CN_DIGIT[c] for c in m.group("cy"))
                year = int(y) if y else _FIVE_YEAR[m.group("fyp")]
                kind = "deadline" if not m.group("dy") or not m.group().startswith("截") else "year"
                if m.group("fyp") and self.published is not None and year < self.published:
                    kind = "year"  # "“十三五”期间" on a 2024 page: a period that has ended, whose figures are facts
                out.append(_Cue(m.start(), kind, year))
            elif m.group("ye"):  # "年底前": by the end of the page's year
                out.append(_Cue(m.start(), "deadline", self.published) if self.published else _Cue(m.start(), "target"))
            elif m.group("pe"):
                out.append(
                    _Cue(m.start(), "deadline", self.period_end) if self.period_end else _Cue(m.start(), "target")
                )
            elif m.group("rel") or m.group("reln2"):
                n = parse_cn(m.group("reln") or m.group("reln2"))
                if n and self.period_end and n == self.period_years:
                    # "三年内" in a plan for 2026—2028: the plan's own three years, due at its end
                    out.append(_Cue(m.start(), "deadline", self.period_end))
                elif n and self.published:
                    out.append(_Cue(m.start(), "deadline", self.published + int(n)))
                else:
                    out.append(_Cue(m.start(), "target"))
            elif m.group("ry"):
                if self.published and self.text.startswith(_SINCE, m.end()):
                    out.append(_Cue(m.start(), "year", self.published))  # "去年以来，…累计": up to the page's day
                    self.since.add(m.start())
                elif self.published:
                    out.append(_Cue(m.start(), "year", self.published + int(_CUES["relative_years"][m.group("ry")])))
                else:
                    out.append(_Cue(m.start(), "target" if m.group("ry") == "明年" else "statistic"))
            elif m.group("year"):
                year = int(m.group("year"))
                # "比2020年增长50%": the year compared against says neither when nor by when
                kind = "baseline" if _BASELINE_BEFORE.search(self.text, max(0, m.start() - 2), m.start()) else "year"
                out.append(_Cue(m.start(), kind, year))
            elif m.group("t"):
                heading = self.sections.year_at(m.start()) if m.group("t") in _ESTIMATES else None
                if heading is not None and self.published is not None and heading < self.published:
                    out.append(_Cue(m.start(), "year", heading))  # "2025年工作回顾 … 预计…完成": that year's figure
                elif _PAST_OPENER.match(self.text, self._clause_start(m.start(), max(0, m.start() - _PAST_REACH))):
                    continue  # "过去客户要跑到…": what had to be done then
                else:
                    out.append(_Cue(m.start(), "target"))
            elif m.group("s"):
                out.append(_Cue(m.start(), "statistic"))
            elif m.group("w"):
                out.append(_Cue(m.start(), "weak"))
        return out

    def _goal_section(self, pos: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e in self.goal_sections if s <= pos < e), None)

    def _cues_in(self, start: int, end: int) -> list[_Cue]:
        return self.cues[bisect_left(self.cue_starts, start) : bisect_left(self.cue_starts, end)]

    def read_all(self) -> list[Quantity]:
        out = []
        for a in find_amounts(self.text):
            q = self._quantity(a)
            if q is not None:
                out.extend(self._each(q))
        return out

    def _each(self, q: Quantity) -> list[Quantity]:
        """ "产值、营收均超过1.2万亿": one figure stated of each listed measure."""
        s_start = self.index.sentence_at(q.start)[0]
        lo = s_start
        for brk in _HARD_BREAK.finditer(self.text, s_start, q.start):
            lo = brk.end()
        m = _BOTH.search(self.text, lo, q.start)
        if not m:
            return [q]
        parts = [p for p in m.group("list").split("、") if p]
        if len(parts) < 2:
            return [q]
        out = []
        for part in parts:
            metric = _METRIC_TRIM_START.sub("", part).strip(' “”"') or part
            out.append(replace(q, metric=metric, alternatives=list(q.alternatives)))
        return out

    def _quantity(self, a: Amount) -> Quantity | None:
        text = self.text
        s_start, s_end = self.index.sentence_at(a.start)
        p_start, _ = self.index.paragraph_at(a.start)
        start, end = a.start, a.end
        comparator = a.comparator or "="
        before = _BEFORE_RE.search(text, max(s_start, start - 5), start)
        if before and text.endswith(_NOT_COMPARATORS, 0, before.start() + 1):
            before = None  # "签约5亿元": the end of a word, no comparator
        if before and a.unit != "rank":
            word = before.group().rstrip().rstrip("了")
            # (a verb that says only "reaches" leaves the figure's own bound: "达到4300余家" is more than 4,300)
            if _BEFORE[word] != "=":
                comparator, start = _BEFORE[word], before.start()
        after = _AFTER_RE.match(text[end : end + 6])
        if after:
            comparator = _AFTER[after.group("w")]
            end += after.end()
        if a.value_max is not None:
            comparator = "="
        clause_start = self._clause_start(a.start, s_start)
        if comparator == "=" and a.unit == "%" and _APPROX_SHARE.search(text, clause_start, start):
            comparator = "~"  # "约占全市电力装机的54%"
        change = self._change(a, start, clause_start)
        value = a.value
        if start > 0 and text.startswith(_MINUS, start - 1) and a.value is not None and a.value > 0:
            start, value = start - 1, -a.value  # "增长-4.2%": the sign the amount was read without
        if change and value is not None and (value < 0 or _NEGATIVE_GROWTH.search(text, clause_start, start)):
            # "增长-4.2%", "增长负0.8%", "负增长2.3%": a fall of 4.2%, 0.8%, 2.3%, as "下降4.2%" is
            value, change = abs(value), "decrease"
        baseline = None
        if change:
            b = _BASELINE.search(text, clause_start, start)
            baseline = int(b.group("y")) if b else None
        annual = self._annual(a, clause_start)
        # "占当年计划投资的12.7%": the words inside a share do not tell any figure's kind
        shares = [(m.start(), m.end()) for m in _SHARE.finditer(text, s_start, a.start)]
        sentence_cues = [c for c in self._cues_in(s_start, a.start) if not any(x <= c.pos < y for x, y in shares)]
        paragraph_cues = self._cues_in(p_start, a.start)
        section = self._goal_section(a.start)
        section_cues = self._cues_in(section[0], a.start) if section else []
        kind = self._kind(a, sentence_cues, paragraph_cues, s_end, section is not None)
        # (a goal told before it in the paragraph, "力争到2026年底…。对新认定的…给予奖励50万元", does not make an
        # offer due then)
        offered = self._offered(a.start, s_start, s_end, sentence_cues)
        if offered:
            kind = "target"  # "对新认定的…，给予一次性奖励20万元": what a policy offers, a commitment
        reported = self._reported_day(s_start, a.start)
        if reported and not any(c.kind in ("target", "deadline") for c in self._cues_in(clause_start, a.start)):
            kind = "statistic"  # "3月4日，…12个项目集中签约": what happened that day, though the page is about a plan
        deadline = as_of = None
        if kind == "target":
            if offered:
                # an offer holds for the plan's period, or by a deadline it states itself; the day the policy was
                # issued ("今年6月，省政府印发…，提出对…") is not when it is due
                deadline = self._offer_deadline(a.start, s_start, sentence_cues)
            else:
                deadline = self._deadline(
                    sentence_cues, paragraph_cues, section_cues, a.start
                ) or self._this_years_goal(p_start, a.start)
                if deadline is None and self.published and _WHOLE_YEAR.search(self.text, clause_start, a.start):
                    deadline = self.published  # "全年工业产值力争突破520亿元": a goal for the page's year
        else:
            as_of = self._as_of(sentence_cues, paragraph_cues, s_start) or reported
            if as_of and _YEAR_BEFORE.search(self.text, clause_start, a.start):
                as_of -= 1  # "过去一年，…扭转了上年负增长2.3%的局面": the year before the one told
        return Quantity(
            kind=kind,
            text=text[start:end],
            start=start,
            end=end,
            value=_round(value),
            unit=a.unit,
            metric=(self._offer_metric(a, s_start) if offered else None)
            or self._metric(a, start, end, clause_start, change),
            value_max=_round(a.value_max),
            comparator=comparator,
            change=change,
            baseline=baseline,
            deadline=deadline,
            as_of=as_of,
            annual=annual,
            subject=_plain_prefecture(self._subject(a.start, s_start, p_start), self.prefectures),
            alternatives=list(a.alternatives),
        )

    def _offered(self, pos: int, s_start: int, s_end: int, sentence: list[_Cue]) -> bool:
        """A figure of a support measure ("对新认定的…企业，给予一次性奖励20万元", "对…项目按设备投资额的10%给予补助，
        单个项目最高不超过2000万元"): from the 对 naming who qualifies on, the sentence states what a policy offers,
        its thresholds, rates and caps.  Not when the sentence opens on a past year or on what was done (已, 去年,
        累计) before the 对."""
        m = _OFFER.search(self.text, s_start, s_end)
        if m is None or m.start() > pos:
            return False
        return not any(
            c.kind in ("statistic", "weak")
            or (c.kind == "year" and self.published is not None and c.year < self.published)
            for c in sentence
            if c.pos < m.start()  # (入选, 认定, 新增 after 对 say who qualifies)
        )

    def _offer_metric(self, a: Amount, s_start: int) -> str | None:
        """What a support measure offers, named by who qualifies ("对新认定的省级智能工厂，给予最高不超过100万元的奖励":
        新认定的省级智能工厂), when the figure follows the offer word and the group ends its own clause."""
        m = _OFFER.search(self.text, s_start, a.start)
        group_end = _CLAUSE_BREAK.search(self.text, m.start() + 1, m.end()) if m else None
        if m is None or group_end is None:
            return None
        group = self.text[m.start() + 1 : group_end.start()]
        return group if len(_CJK.findall(group)) >= 2 else None

    def _offer_deadline(self, pos: int, s_start: int, sentence: list[_Cue]) -> int | None:
        m = _OFFER.search(self.text, s_start, self.index.sentence_at(pos)[1])
        after = m.start() if m and m.start() <= pos else s_start
        stated = [c.year for c in sentence if c.kind == "deadline" and c.pos >= after]
        return stated[-1] if stated else self.period_end

    def _clause_start(self, pos: int, floor: int) -> int:
        cut = floor
        for m in _CLAUSE_BREAK.finditer(self.text, floor, pos):
            cut = m.end()
        return cut

    def _change(self, a: Amount, start: int, clause_start: int) -> str | None:
        if a.unit == "rank":
            return None
        lo = max(clause_start, start - 8)
        window = self.text[lo:start]
        best = None
        for m in _CHANGE.finditer(window):
            rest = window[m.end() :]
            if re.search(r"\d", rest) or self.text[lo + m.end() : lo + m.end() + 1] in ("值", "至", "到"):
                continue
            best = "increase" if m.group("inc") else "decrease"
        return best

    def _annual(self, a: Amount, clause_start: int) -> bool:
        window = self.text[clause_start : a.start]
        last = deque(_ANNUAL.finditer(window), maxlen=1)
        return bool(last) and not re.search(r"\d", window[last[0].end() :])

    def _kind(self, a: Amount, sentence: list[_Cue], paragraph: list[_Cue], s_end: int, in_goals: bool) -> str:
        governed = in_goals or any(c.kind == "deadline" for c in paragraph)
        for cues in (sentence, paragraph):
            for c in reversed(cues):
                if cues is paragraph and c.kind == "target" and self.text.startswith(_OWN_SENTENCE_CUES, c.pos):
                    continue  # "年产5万吨…项目竣工投产。项目总投资36亿元": a designed size (a forecast) is its own sentence's
                if c.kind == "target" or c.kind == "deadline":
                    return "target"
                if c.kind == "statistic":
                    return "statistic"
                if c.kind == "weak":
                    if (
                        governed
                        or self.plan
                        or (
                            cues is sentence
                            and any(
                                x.kind in ("target", "deadline") or (x.kind == "year" and not self._past(x.year))
                                for x in cues
                            )
                        )
                    ):
                        continue
                    return "statistic"
                if c.kind == "year" and cues is sentence:
                    if c.year == self.published and self._aimed_at(c, cues):
                        return "target"  # "确保今年签约项目开工率达到80%以上": this year's goal
                    return "statistic" if self._past(c.year) else "target"
        if (
            re.match(r"[^，,。；;！？]{0,10}?项目", self.text[a.end : s_end])
            and a.unit != "count"
            and not self.text.endswith("投资", 0, a.start)
            and not _SIZE_CLASS.match(self.text, a.end, s_end)
        ):
            return "target"  # a project's designed size ("2500吨兽药项目"), not what it invests ("总投资…的项目")
        return "target" if self.plan or in_goals else "statistic"

    def _aimed_at(self, year: _Cue, sentence: list[_Cue]) -> bool:
        """Whether a goal word stands just before the year in its clause ("确保今年", "力争今年全年")."""
        return any(
            c.kind == "target" and c.pos < year.pos and not _CLAUSE_BREAK.search(self.text, c.pos, year.pos)
            for c in sentence
        )

    def _deadline(self, sentence: list[_Cue], paragraph: list[_Cue], section: list[_Cue], pos: int) -> int | None:
        for c in reversed(sentence):
            if c.kind == "target" and self.text.startswith(_AFTER_COMPLETION, c.pos):
                # "预计2027年底建成投产，达产后年产值可达40亿元": a size the project will have, due at no year
                return None
            if c.kind == "deadline" or (
                c.kind == "year" and (self.published is None or c.year >= self.published) and c.pos not in self.since
            ):
                return c.year  # (not "今年以来": what has been done so far, by no date ahead)
        if _SITE.search(self.text, self.index.sentence_at(pos)[0], pos):
            return None  # "到2027年，…。园区规划面积12.8平方公里": a site's size, due at no year the paragraph gives
        for c in reversed(paragraph):
            if c.kind == "deadline":
                return c.year
        # across paragraphs of a goal section, only a deadline that opens its paragraph ("到2026年，…") governs;
        # one inside a clause ("力争“十四五”末达到…") is that clause's own
        for c in reversed(section):
            if c.kind == "deadline" and self._opens_paragraph(c.pos):
                return c.year
        heading = self.sections.year_at(pos)
        if heading is not None and (self.published is None or heading >= self.published):
            return heading  # "三、2025年重点工作" on a 2025 page
        return self.period_end

    def _reported_day(self, s_start: int, pos: int) -> int | None:
        """The year of the day a sentence opens with ("3月4日，", "2024年3月4日上午，"), when that day is not after
        the page's date: the sentence reports what happened then."""
        m = _OPENING_DAY.match(self.text, s_start, pos)
        if m is None or self.published is None or _TELLING.search(self.text, m.end(), pos):
            return None
        year = int(m.group("y")) if m.group("y") else self.published
        month, day = int(m.group("m")), int(m.group("d"))
        if not m.group("y") and self.pub_month is not None and month > self.pub_month:
            year -= 1  # "12月20日" on a March page: last December
        return year if (year, month) <= (self.published, self.pub_month or 12) and 1 <= day <= 31 else None

    def _opens_paragraph(self, pos: int) -> bool:
        return _PARAGRAPH_OPENER.fullmatch(self.text, self.index.paragraph_at(pos)[0], pos) is not None

    def _this_years_goal(self, p_start: int, pos: int) -> int | None:
        """A goal with no year of its own, on a page about its own year ("今年主要预期目标：…增长6%"):
        due that year.  A project's designed size ("规划面积", "年产", "计划总投资") is due at no year."""
        if not self.current_year or _DESIGN.search(self.text, p_start, pos):
            return None
        return self.published

    def _as_of(self, sentence: list[_Cue], paragraph: list[_Cue], s_start: int) -> int | None:
        for c in reversed(sentence):
            if c.kind == "year" and self._past(c.year):
                return c.year
        if (
            paragraph
            and paragraph[0].kind == "year"
            and self._past(paragraph[0].year)
            and paragraph[0].pos <= self.index.paragraph_at(paragraph[0].pos)[0] + 1
        ):
            return paragraph[0].year
        previous = self._previous_sentence(s_start)
        if previous is not None and previous[0] >= self.index.paragraph_at(s_start)[0]:
            # "2023年…营业收入3718亿元；利润总额267亿元": the sentence just before sets the year
            years = [
                c for c in paragraph if c.kind == "year" and previous[0] <= c.pos < previous[1] and self._past(c.year)
            ]
            if years:
                return years[-1].year
        heading = self.sections.year_at(s_start)
        if heading is not None and self._past(heading):
            return heading  # "一、2024年工作回顾"
        if (occasion := self._occasion_year(s_start)) is not None:
            return occasion
        if self.doc_year:
            return self.doc_year
        return self._period_year(s_start, self.index.sentence_at(s_start)[1]) or self.opening_period

    def _occasion_year(self, s_start: int) -> int | None:
        """The year of the event its paragraph reports, told in or before the figure's sentence ("4月18日上午，某经开区
        重大项目集中签约活动举行，16个项目集中签约，协议总投资128.6亿元"): a figure told of that occasion is of its
        year.  Not a running total (累计), which is of no one year."""
        p_start, _ = self.index.paragraph_at(s_start)
        s_end = self.index.sentence_at(s_start)[1]
        told = self.event_years[bisect_left(self.event_starts, p_start) : bisect_left(self.event_starts, s_end)]
        if not told or _RUNNING_TOTAL.search(self.text, s_start, s_end):
            return None
        year = told[0][1]
        return year if self._past(year) else None

    def _previous_sentence(self, s_start: int) -> tuple[int, int] | None:
        i = bisect_right(self.sentence_starts, s_start) - 1
        return self.index.sentences[i - 1] if i >= 1 else None

    def _period_year(self, start: int, end: int) -> int | None:
        """The year of a reporting period written without one ("1-11月", "上半年", "截至6月底", "今年以来"),
        read against the page's date: the page's year, or the one before when the period ends after the page's month."""
        if self.published is None or self.pub_month is None:
            return None
        m = _MONTH_PERIOD.search(self.text, start, end)
        if not m:
            return None
        if m.group("now"):
            return self.published
        if m.group("m") or m.group("mc"):
            end_month = int(m.group("m") or m.group("mc"))
        elif m.group("q") or m.group("q3"):
            q = m.group("q") or m.group("q3")
            end_month = 3 * ("一二三四".find(q) + 1 if q in "一二三四" else int(q))
        else:
            end_month = 6
        return (
            self.published
            if end_month < self.pub_month or (end_month == 12 and self.pub_month == 12)
            else self.published - 1
        )

    def _metric(self, a: Amount, start: int, end: int, clause_start: int, change: str | None) -> str | None:
        """What is measured, always a stretch of the text (a brief quotes it, and no word it shows may be missing
        from the source)."""
        if a.unit not in ("rank", "%") and (made := _CAPACITY_BEFORE.search(self.text, clause_start, a.start)):
            # "年产压铸件60万套": 年产压铸件; "年产20万吨再生铝及深加工项目": 再生铝, what is made after the figure
            if len(made.group("made")) > 2:
                return made.group("made")
            if product := _CAPACITY_AFTER.match(self.text, a.end):
                return product.group()
        if a.unit == "rank" and (m := _RANK_SCOPE.match(self.text, a.start)) and m.end() < a.end:
            # "增速居全省第2位": 增速居全省, what is ranked before the verb in the rank's clause, the verb and its scope
            own = _METRIC_TRIM_START.sub("", self.text[clause_start : a.start].lstrip())
            return (own + self.text[a.start : m.end()]).strip() or None
        return self._measure(a, start, end, clause_start, change)

    def _measure(self, a: Amount, start: int, end: int, clause_start: int, change: str | None) -> str | None:
        before = self.text[clause_start:start]
        before = _METRIC_TRIM_START.sub("", _METRIC_TRIM_END.sub("", before)).strip(' “”"')
        before = self._without_owner(before, clause_start, start)
        after_m = _METRIC_AFTER.match(self.text, end)
        after = after_m.group() if after_m else ""
        if a.unit == "count" and _CJK.match(after[:1] or " "):
            return after  # "培育3至5个千亿级产业集群": the noun after the measure word
        if a.unit == "%" and len(after) > 2 and after[0] == "的":
            return after[1:]  # "汇聚了全国约70%的虚拟现实科研力量": a share of what follows
        base = _COMPARED_ONLY.fullmatch(before)  # "，较2025年提高5个百分点": the change of the figure before
        if len(_CJK.findall(before)) >= 2 and not base:
            return before
        if after and a.unit == "count":
            return after
        # "…达到520家，比上年增长12.5%": the change is of the figure in the clause before
        s_start = self.index.sentence_at(a.start)[0]
        prev_start = self._clause_start(max(0, clause_start - 1), s_start)
        if self.text[prev_start : clause_start - 1].strip() in _RECKONING and prev_start > s_start:
            clause_start, prev_start = prev_start, self._clause_start(prev_start - 1, s_start)  # "按不变价格计算，"
        prev = self.text[prev_start : max(prev_start, clause_start - 1)]
        prev = _without_figure_at_end(prev)
        prev = _METRIC_TRIM_START.sub("", _METRIC_TRIM_END.sub("", prev)).strip(' “”"')
        return prev or after or before or None

    def _without_owner(self, before: str, clause_start: int, start: int) -> str:
        """The words before a figure without the name that opens them and the modal after it: the figure's
        owner and its tense are not what is measured ("京衡绿能科技有限公司将投资12.6亿元" measures 投资)."""
        lo = bisect_left(self.place_starts, clause_start)
        for s, e, _ in self.places[lo : bisect_left(self.place_starts, start)]:
            written = self.text[s:e]
            if before.startswith(written) and len(before) > len(written):
                rest = _OWNER_MODAL.sub("", before[len(written) :])
                return rest if len(_CJK.findall(rest)) >= 2 else before
        return before

    def _subject(self, pos: int, s_start: int, p_start: int) -> str | None:
        """The place or named thing that opens a clause of the figure's sentence, else the page's.

        A name in the middle of a clause ("排在全球、亚洲、国内前3", "…等4个产业集群")
        is what the clause talks about, not who the figure belongs to.
        """
        if listed := self._respective(pos, s_start):
            return listed
        best, at = None, -1
        for s, _, name in self.places[bisect_left(self.place_starts, s_start) : bisect_left(self.place_starts, pos)]:
            if self._opens_clause(s_start, s):
                best, at = self.plan_places.get(name, name), s
        if at >= 0 and best is None:
            best = self.whole_place  # a plan named for no place sets the page's own place's figures
        # "全市…" opening a clause after the last name: the page's own place again, or nobody named
        # when the page never says which it is (a city it mentions is not the whole province)
        own = self.own_words[bisect_left(self.own_words, max(s_start, at + 1)) : bisect_left(self.own_words, pos)]
        if any(self._opens_clause(s_start, w) for w in own):
            return self.whole_place
        lo, hi = bisect_left(self.anaphor_starts, max(s_start, at + 1)), bisect_left(self.anaphor_starts, pos)
        for a_pos, etype in reversed(self.anaphors[lo:hi]):
            if self._opens_clause(s_start, a_pos):
                named = self.named_of_type[_ANAPHOR_REFERENT.get(etype, etype)]
                i = bisect_left(named, (a_pos, ""))
                if i and self.text.startswith(_OWN_COMPANY, a_pos) and self.main_company:
                    return self.main_company  # "公司…": the firm the page is about, not a subsidiary just named
                if i or etype not in _ANAPHOR_REFERENT:
                    return named[i - 1][1] if i else None  # "该公司" with no company named before: nobody known
                # a project no company was named for is the place's, read as any clause is
        return best or self.main_place

    def _respective(self, pos: int, s_start: int) -> str | None:
        """The name a figure takes from a list read with 分别: "成都、绵阳、德阳分别增长7.2%、8.1%和5.5%" gives
        8.1% to 绵阳.  Only when as many figures follow 分别 as names precede it, so a list that does not pair
        up assigns nothing."""
        marks = list(_RESPECTIVELY.finditer(self.text, s_start, pos))
        if not marks or not _FIGURE_RUN.fullmatch(self.text, marks[-1].end(), pos):
            return None
        mark = marks[-1]
        names: list[str] = []
        end = mark.start()
        lo = max(s_start, end - _LIST_TO_RESPECTIVELY)
        for s, e, name in reversed(
            self.places[bisect_left(self.place_starts, s_start) : bisect_left(self.place_starts, end)]
        ):
            if e > end:
                continue
            if not names:
                if e < lo or _CLAUSE_BREAK.search(self.text, e, end):
                    return None
            elif not _JOINER.fullmatch(self.text, e, end):
                break
            names.append(name)
            end = s
        names.reverse()
        run = _FIGURE_RUN.match(self.text, mark.end())
        run_end = run.end() if run else mark.end()
        figures = [m.start() for m in _FIGURE.finditer(self.text, mark.end(), run_end)]
        if len(names) < 2 or len(figures) != len(names) or pos not in figures:
            return None
        return names[figures.index(pos)]

    def _opens_clause(self, s_start: int, pos: int) -> bool:
        if pos - s_start <= 12 and _CLAUSE_FILLER.fullmatch(self.text, s_start, pos):
            return True  # it opens the sentence
        if _OPENS_CLAUSE.search(self.text, max(s_start, pos - 12), pos) is not None:
            return True
        # "其中柳州市增长7%、南宁市增长4%": a list item after one that ended in its own figure
        return (
            pos > s_start + 1
            and self.text[pos - 1] == "、"
            and _ENDS_IN_FIGURE.search(self.text, max(s_start, pos - 6), pos - 1) is not None
        )


# "其中10亿元以上项目4个", "投资超5亿元的项目4个": the amount is the size of a class of projects that are counted,
# no project's designed size
_SIZE_CLASS = re.compile(r"(?:以上|以下)?的?项目\s*(?:\d+|[一二两三四五六七八九十]+)\s*个")


def _on_account_platform(url: str | None) -> bool:
    return (urlsplit(url).hostname or "").lower() in _ACCOUNT_PLATFORMS if url else False


def _without_figure_at_end(clause: str) -> str:
    """A clause before a change less the figure it ends on ("全州新增高新技术企业两百三十家" -> "全州新增高新技术企业"),
    in Arabic digits or in Chinese numerals (which the digit pattern misses)."""
    cut = _FIGURE_AT_END.sub("", clause)
    if cut != clause:
        return cut
    last = find_amounts(clause)[-1:]
    return clause[: last[0].start] if last and not clause[last[0].end :].strip() else clause


def _plain_prefecture(subject: str | None, prefectures: frozenset[str]) -> str | None:
    """A figure's place by its short form ("昌吉" of "昌吉州"): the one every longer name of it holds, the
    prefecture's full name ("昌吉回族自治州") and a cluster named from it ("昌吉州硅基新材料产业集群") alike."""
    return subject[:-1] if subject in prefectures else subject


def _leading_place(name: str, entities: list[Entity]) -> str | None:
    """The place a name opens with ("湖北省" of "湖北省“十四五”制造业发展规划"), as the page names that place."""
    for written, _, key in places_named(name):
        if name.startswith(written):
            return next((e.name for e in entities if e.type == "place" and e.key == key), written)
    return None


def _own_place(sources: tuple[str | None, ...], entities: list[Entity], scope: str | None) -> str | None:
    """The place a page calls "全市"/"我省": one of that level named in its title, by its issuer or in
    its first line (a headline or the issuing body).

    Named as the body names it when it does ("柳州" throughout), else as the title does.
    """
    if scope is None:
        return None
    for source in sources:
        for written, level, key in places_named(source or ""):
            if level in _OWN_LEVELS[scope]:
                same = next((e.name for e in entities if e.type == "place" and e.key == key), None)
                return same or written
    return None


def _portal_place(url: str | None, entities: list[Entity], scope: str | None) -> str | None:
    """The place whose government portal the page is on, when the page names it: portals are named in pinyin
    (jiaozhou.gov.cn, www.qingdao.gov.cn), so a place of the level "全市" speaks for whose romanised name is a
    label of the host is the page's own, even where its text names the city above it first."""
    host = (urlsplit(url).hostname or "").lower() if url else ""
    if scope is None or not host.endswith(".gov.cn"):
        return None
    labels = set(host.split(".")[:-2])
    gaz = gazetteer.load()
    for e in entities:
        place = gaz.get(e.key) if e.type == "place" and e.key else None
        if place and place.level in _OWN_LEVELS[scope] and place.name.lower().replace(" ", "") in labels:
            return e.name
    return None


def _own_place_in_body(entities: list[Entity], scope: str | None) -> str | None:
    """The page's own place when neither its title nor its issuer names it: the one place of the level its
    "全省"/"全市" speaks for that the page names (most often), e.g. the province a provincial plan names
    beside the cities it assigns tasks to."""
    if scope is None:
        return None
    levels = _OWN_LEVELS[scope]
    candidates = [e for e in entities if e.type == "place" and e.mentions and e.attributes.get("level") in levels]
    ranked = sorted(candidates, key=lambda e: (-len(e.mentions), min(s for s, _ in e.mentions)))
    return ranked[0].name if ranked else None


def _main_subject(entities: list[Entity], scope: str | None) -> str | None:
    """What a figure is about when its sentence names nothing: the place, cluster, park or company the page
    names most (a programme is what is done, not whose figures they are).

    A page that calls its own place "全市" or "我区" is about a place of that level or
    below, so a place above it (the province a city page names, Hong Kong named
    in passing) is not its subject.
    """
    above = _ABOVE[scope] if scope else frozenset()
    candidates = [
        e
        for e in entities
        if e.type in _SUBJECT_TYPES
        and e.type != "programme"
        and e.mentions
        and not (e.type == "place" and e.attributes.get("level") in above)
    ]
    ranked = sorted(candidates, key=lambda e: (-len(e.mentions), min(s for s, _ in e.mentions)))
    return ranked[0].name if ranked else None


@overload
def _round(v: float) -> float: ...
@overload
def _round(v: float | None) -> float | None: ...
def _round(v: float | None) -> float | None:
    if v is None or not math.isfinite(v):
        return v  # a figure too large for a float: the pipeline leaves such quantities out
    r = round(v, 6)
    return int(r) if r == int(r) and abs(r) < 1e18 else r
