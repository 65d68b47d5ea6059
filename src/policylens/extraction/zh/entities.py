"""Entities in Chinese text: places through the gazetteer's Chinese names, and named things by their heads.

Places: every Chinese name the gazetteer holds (青岛市, 青岛, 胶州市, 西海岸新区)
resolves to the same place, key (adcode) and English name as in English text.
The entity is named as the document names it (the form it uses most), with
the English name and the other forms as aliases, so a Chinese and an English
document meet on ``key``.  A county's short form (胶州) counts only where the
document also writes its full name (胶州市): bare two-character county names
are too often ordinary words.  A place named only inside another name
(莱西市 in 莱西市…产业集群) becomes that entity's ``located_in``, not an entity.

Other things are found by their head (…有限公司 company, …人民政府 government,
…研究院 institution, …产业集群 cluster, …产业园 park, …行动计划 and 《…》
programme) and read backwards to the nearest boundary: punctuation, a function
word, a measure word after a numeral, or a verb that introduces the name.  A
name made only of descriptive words (国家级中小企业特色产业集群) is a
description and is dropped.  A list sharing one head ("济南人工智能、潍坊元宇宙等
特色园区") gives one entity per item.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import accumulate

from policylens.extraction import gazetteer
from policylens.extraction.numbers import _load
from policylens.extraction.text import TextIndex
from policylens.extraction.zh.numbers import CN_DIGIT_CHARS, COUNT_WORDS
from policylens.model import Document, Entity

_DATA = _load("zh_entities.yaml")
_ZONE_HEADS = tuple(_DATA["zone_heads"])
_HEADS = sorted(((h, t) for t, hs in _DATA["heads"].items() for h in hs), key=lambda x: -len(x[0]))
_HEAD_RE = re.compile("|".join(re.escape(h) for h, _ in _HEADS))
_HEAD_TYPE = dict(_HEADS)
_HEAD_FALSE = re.compile("|".join(re.escape(w) for w in sorted(_DATA["head_false_words"], key=len, reverse=True)))
_GOV_NAMES = sorted(_DATA["government_names"], key=len, reverse=True)
_GOV_RE = re.compile("|".join(re.escape(n) for n in _GOV_NAMES))
# "省政府", "市人民政府": a government named by its level only (see _fold_own_governments)
_LEVEL_GOVERNMENTS = {
    level: tuple(level + end for end in _DATA["government_ends"]) for level in _DATA["government_levels"]
}
_STOP_CHARS = frozenset(_DATA["stop_chars"])
_PROTECTED = re.compile("|".join(re.escape(w) for w in sorted(_DATA["protected_words"], key=len, reverse=True)))
_STOP_WORDS = frozenset(_DATA["stop_words"])
_STOP_LENGTHS = sorted({len(w) for w in _STOP_WORDS}, reverse=True)
_GENERIC = re.compile("|".join(re.escape(w) for w in sorted(_DATA["generic_words"], key=len, reverse=True)))
_LEVEL = re.compile("|".join(re.escape(w) for w in sorted(_DATA["level_words"], key=len, reverse=True)))
_PLACE_STOP = frozenset(_DATA["place_stoplist"])
_BROAD_REGIONS = frozenset(_DATA["broad_regions"])
_END_SPLIT_WORDS = tuple(_DATA["place_end_split_words"])
_PLACE_PHRASES = tuple(_DATA["place_phrase_stoplist"])
_SPLIT_WORDS: dict[str, tuple[str, ...]] = {}
for _w in dict.fromkeys(_DATA["place_split_words"]):
    _SPLIT_WORDS[_w[-1]] = (*_SPLIT_WORDS.get(_w[-1], ()), _w[:-1])
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff·A-Za-z0-9]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_ISSUER_AFTER = "关于"
_CONTRACTS = ("合同", "协议", "协议书", "合约", "协定")
_HEADLINE_LABEL = re.compile(rf"(?:{'|'.join(map(re.escape, _DATA['headline_labels']))})\s*[:：]\s*$")
# quoted with “…”, or with 「…」 as traditional-script pages quote
_QUALIFIED = "|".join(re.escape(w) for w in _DATA["quoted_programme_heads"])  # in the order given: longest first
_QUOTED = re.compile(
    r"[“\"「]([^“”\"「」\n]{2,12})[”\"」](?:(?P<head>行动|工程|计划|战略|专项|品牌|攻势|战役)"
    rf"|(?P<qualified>[\u4e00-\u9fff]{{0,6}}?(?:{_QUALIFIED})))?"
)
_LEVEL_BEFORE = re.compile(r"(?:国家级|省级|市级|(?<!全)省|国家)$")  # 全省“三核之一”: the whole province, no body
_QUOTED_PLATFORM = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,8}?平台")
_QUOTED_PROGRAMME_END = ("制", "工程", "计划", "行动", "战略")
_ENUMERATOR = re.compile(r"^[(（][一二三四五六七八九十\d]{1,3}[)）]")
_MAX_NAME = 30
# A government body named without a place opens with its level ("省工业和信息化厅", "国务院办公厅").
# An autonomous region's, prefecture's, league's or banner's body (自治区工业和信息化厅, 自治州人民政府, 盟行政公署, 兵团…)
# is named by its level the same way.
_GOV_START = re.compile(
    r"(?:自治区|自治州|省|市|县|区|州|盟|旗)(?!域|场|级|位|间|块|内|外)|兵团|国务院|国家(?!级)|中共|中央|全国(?!性)"
)
_ROAD = re.compile(r"[东西南北中]?(?:路|街|大道|大街|巷)(?![\u4e00-\u9fff]{0,2}(?:区|市|县))")
_EVENT_NAME = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:大会|会议|论坛|峰会|博览会|展览会|推介会|发布会)")
_PERIOD_TAIL = re.compile(r"\s*[(（][^()（）]{4,20}[)）]")
# numerals that count things before a measure word ("3家", "十个"); 零 is no count ("零部件" is a word)
_COUNTING_DIGITS = frozenset(CN_DIGIT_CHARS) - {"零", "〇", "○"}
_LIST_END = re.compile(rf"等(?:[\d{CN_DIGIT_CHARS}]+[个家类种项条])?$")
# ... or a list counted by how many kinds it holds, right before the shared head ("电子信息、装备制造、新材料三大千亿级
# 产业集群", "现代物流、商贸服务两大产业集群"): the count and its level words are no part of the last item's name
_COUNTED_KINDS = re.compile(rf"[{CN_DIGIT_CHARS}\d]{{1,2}}大(?:{_LEVEL.pattern})*$")
# "实施制造业技术改造专项": the name between the verb and its head, without a clause break or a 的 in it
_VERB_LED = re.compile(
    rf"(?:{'|'.join(map(re.escape, _DATA['programme_verbs']))})"
    rf"(?P<name>[\u4e00-\u9fff“”]{{2,18}}?(?:{'|'.join(map(re.escape, _DATA['verb_led_programme_heads']))}))"
    r"(?![\u4e00-\u9fff]{0,1}(?:中|的|者|机械|师|院|局))"
)
# the conjunction of a name that joins two trades, and how far before it the name's place may be
_NAME_CONJUNCTIONS = frozenset("及")
_CONJOINED_MAX = 12
_HEAD_END = re.compile(rf"(?:{_HEAD_RE.pattern})$")
_LEVEL_PREFIX = re.compile(r"国家级|省级|市级")
# "某省“十四五”工业发展规划": a five-year plan's quoted number is part of the plan's name
_FIVE_YEAR_TOKEN = re.compile(r"[“\"「]十[一二三四五六七八九]五[”\"」]")
# a digit run that opens a trade's name with a Latin letter after it: 5G, 3D, 4K, 6G
_TECH_TOKEN = re.compile(r"\d{1,2}[A-Za-z]")
# a short quoted brand just before a name's head ("“光芯屏端网”产业集群")
_MAX_BRAND = 10
_BRAND_BEFORE = re.compile(rf"[“「][\u4e00-\u9fff]{{2,{_MAX_BRAND}}}[”」]$")
_ONE_OF = ("之一", "中的一")
# (the zone a body runs may be a new district, a place: "柳东新区管委会")
_PARK_BODY = re.compile(
    rf"[\u4e00-\u9fff]{{2,12}}(?:{'|'.join(map(re.escape, sorted(_DATA['heads']['park'] + _DATA['heads']['place'], key=len, reverse=True)))})"
)
_CATEGORY_ENDS = tuple(_DATA["category_ends"])
# a count or a figure just before a cluster's or park's name ("两个", "5大", a number the name was read back to): the
# name is of a kind there are that many of, or sized by the figure, not one cluster's or park's
_COUNTED_BEFORE = re.compile(r"[\d两二三四五六七八九十百]+[个大家批类条座处]?$")
_SCHOOL_HEADS = frozenset(_DATA["school_heads"])
_PAIR_DASHES = "—–-－"
_MAX_PLACE = 12  # how far back a place before a dash may start
# "（以下简称“汀瑞铜箔”）", "(简称“某某集团”)", "（下称「某某」）": the short form a text will use for a name
# (a document's: "《某市…行动方案（2026—2028年）》（以下简称《方案》）", its short form kept with its marks)
_SHORT_FORM_DECLARED = r"》?\s*[（(]\s*(?:以下)?(?:简称|下称|簡稱)\s*[：:]?\s*(?:[“\"「]([^”\"」\n]{2,12})[”\"」]|(《[^《》\n]{2,12}》))\s*[）)]"
_DECLARING = re.compile(r"(?:以下)?(?:简称|下称|簡稱)\s*[：:]?\s*$")
_SIZE_CLASSES = tuple(_DATA["size_classes"])
_TRADE_ONLY = re.compile("|".join(re.escape(w) for w in sorted(_DATA["company_trade_words"], key=len, reverse=True)))
# "经开区管委会", "高新区管委会办公室": the body of the park the page is about, named by the park's kind alone
_PARK_BODY_ENDS = ("管委会", "管理委员会", "党工委")
_PARK_ITSELF = re.compile(rf"(?:{'|'.join(map(re.escape, _DATA['park_short_forms']))})(?:{'|'.join(_PARK_BODY_ENDS)})")
_ORG_TYPES = ("company", "government", "institution", "platform")
_WHOLE_OF = ("全区", "全县", "全市")


@dataclass(slots=True)
class _Found:
    type: str
    name: str
    start: int
    end: int
    located_in: str | None = None
    aliases: list[str] = field(default_factory=list)
    issuer: bool = False  # a body named at the head of a document's title, kept inside the title's span


@dataclass(slots=True)
class _PlaceHit:
    start: int
    end: int
    place: gazetteer.Place
    weak: bool = False  # a county's bare short form: part of a name, never a place on its own


class _Places:
    """A page's place hits, in text order and never overlapping (as :func:`_places` finds them), with the
    look-ups by position that reading names makes: each made by a pass over every hit was quadratic in a
    long page."""

    __slots__ = ("hits", "_starts", "_by_start", "_ends")

    def __init__(self, hits: list[_PlaceHit]):
        self.hits = hits
        self._starts = [h.start for h in hits]
        self._by_start = {h.start: h for h in hits}
        self._ends = {h.end for h in hits}

    def at(self, start: int) -> _PlaceHit | None:
        """The place named from ``start``, if one is."""
        return self._by_start.get(start)

    def ends_at(self, end: int) -> bool:
        return end in self._ends

    def within(self, start: int, end: int) -> list[_PlaceHit]:
        """The places named inside text[start:end], in order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [h for h in self.hits[lo:hi] if h.end <= end]


def find_entities(document: Document, index: TextIndex) -> list[Entity]:
    text = document.text or ""
    if not text.strip():
        return []
    gaz = gazetteer.load()
    all_places = _places(text, gaz)
    # Every character inside a place, a protected word or a five-year token: a name read backwards asks of
    # each character whether it is one, so the spans are laid out once as a set of positions (testing each
    # span at every character made that quadratic in the page).
    protected = {
        pos
        for s, e in (
            # (not a county's bare short form that is also a verb ending names: "某局会同市财政局" is no 会同县)
            [(h.start, h.end) for h in all_places if not (h.weak and text[h.start : h.end] in _STOP_WORDS)]
            + [m.span() for m in _PROTECTED.finditer(text)]
            + [m.span() for m in _FIVE_YEAR_TOKEN.finditer(text)]
        )
        for pos in range(s, e)
    }
    places = _Places([h for h in all_places if not h.weak])
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    found = _titles(text) + _quoted(text) + _headed(text, places, protected, titles) + _known_governments(text)
    found += _verb_led(text, places, titles)
    found = _without_nested(found)
    return _assemble(text, found, places, gaz)


# -- places -----------------------------------------------------------------


def places_named(text: str) -> list[tuple[str, str, str]]:
    """(name as written, gazetteer level, gazetteer key) of each place ``text`` names, in order
    (a headline or an issuer's name, read apart from the body)."""
    return [(text[h.start : h.end], h.place.level, h.place.key) for h in _places(text, gazetteer.load()) if not h.weak]


def _places(text: str, gaz: gazetteer.Gazetteer) -> list[_PlaceHit]:
    lengths_by_start = _zh_lengths(gaz)
    first = _FIRSTS[id(gaz)]
    hits: list[_PlaceHit] = []
    resume = 0
    for candidate in first.finditer(text):  # each character a name can start with
        i = candidate.start()
        if i < resume:
            continue  # inside the place just found
        name = _name_at(text, i, gaz.by_zh, lengths_by_start, _END_SPLIT_WORDS)
        if name is None:
            continue
        place = gaz.by_zh[name][0]
        if (
            name in _PLACE_STOP
            or text.startswith(_PLACE_PHRASES, i)
            or _ROAD.match(text, i + len(name))
            or (name[0] in _SPLIT_WORDS and text.endswith(_SPLIT_WORDS[name[0]], 0, i))
        ):
            continue
        weak = (
            place.level == "county"
            and name != place.zh
            and (not place.zh or place.zh not in text)
            and not text.startswith(_WHOLE_OF, i + len(name))
        )  # "椒江全区上下": the whole of a place is that place
        if weak and any(
            _name_at(text, j, gaz.by_zh, lengths_by_start, _END_SPLIT_WORDS) for j in range(i + 1, i + len(name))
        ):
            continue  # "认定南通": a county's short form (定南) straddling a place named after it (南通)
        end = i + len(name)
        prefecture = next((p for p in gaz.by_zh[name] if (p.zh or "").endswith("自治州")), None)
        if prefecture is not None and text.startswith("州", end):
            # "昌吉州规模以上工业增加值": an autonomous prefecture's short form with its 州, one mention of it
            place, weak, end = prefecture, False, end + 1
        hits.append(_PlaceHit(i, end, place, weak))
        resume = end
    return hits


def _name_at(
    text: str,
    i: int,
    names: Container[str],
    lengths_by_start: dict[str, tuple[int, ...]],
    not_ending_in: tuple[str, ...] = (),
) -> str | None:
    """The longest of ``names`` (with their :func:`_lengths_by_start`) that ``text`` holds at ``i``, if any, and
    whose last character does not open one of the words ``not_ending_in``."""
    for length in lengths_by_start.get(text[i : i + 2]) or lengths_by_start.get(text[i]) or ():
        name = text[i : i + length]
        if len(name) == length and name in names and not text.startswith(not_ending_in, i + length - 1):
            return name
    return None


_LENGTHS: dict[int, dict[str, tuple[int, ...]]] = {}
_FIRSTS: dict[int, re.Pattern] = {}


def _zh_lengths(gaz: gazetteer.Gazetteer) -> dict[str, tuple[int, ...]]:
    """:func:`_lengths_by_start` of the gazetteer's Chinese names, made once (with the pattern of their first
    characters)."""
    cached = _LENGTHS.get(id(gaz))
    if cached is None:
        cached = _LENGTHS[id(gaz)] = _lengths_by_start(gaz.by_zh)
        _FIRSTS[id(gaz)] = re.compile("[" + "".join(re.escape(c) for c in sorted({n[0] for n in gaz.by_zh})) + "]")
    return cached


def _lengths_by_start(names: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """The first two characters of a name -> the lengths of the names opening with them, longest first (with
    1 when the first character is a name itself); a one-character name -> (1,).

    A quarter of a page's characters open some place name, far fewer pairs do: keyed by the pair, a position
    no name starts at is passed after one look-up, not one slice per length of the names its character opens.
    """
    by_start: dict[str, set[int]] = {}
    for name in names:
        by_start.setdefault(name[:2], set()).add(len(name))
    for pair, lengths in by_start.items():
        if len(pair) == 2 and pair[0] in by_start:
            lengths.add(1)
    return {start: tuple(sorted(lengths, reverse=True)) for start, lengths in by_start.items()}


# -- named things ------------------------------------------------------------


def _titles(text: str) -> list[_Found]:
    """Each 《…》 title, except a short form made only of generic words ("以下简称《行动计划》"), a contract
    (《镁合金锭采购合同》), which is no programme, and a reposted story's headline ("原标题：《…》")."""
    titles = list(_TITLE.finditer(text))
    # "（以下简称《方案》）": the short form a document is then called by, an alias of its name, wherever it is written
    declared = {m.group(1) for m in titles if _DECLARING.search(text, max(0, m.start() - 8), m.start())}
    return [
        _Found("programme", m.group(1), m.start(1), m.end(1), aliases=[m.group()])
        for m in titles
        if _GENERIC.sub("", _HEAD_RE.sub("", m.group(1)))
        and not m.group(1).endswith(_CONTRACTS)
        and not _HEADLINE_LABEL.search(text, max(0, m.start() - 8), m.start())
        and m.group(1) not in declared
    ]


def _quoted(text: str) -> list[_Found]:
    out = []
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        if any(c.isdigit() for c in inner) or not _CJK.search(inner):
            continue
        platform = _QUOTED_PLATFORM.match(text, m.end())
        if platform and not m.group("head"):  # "“甬易办”服务平台": a platform known by its quoted brand
            out.append(_Found("platform", text[m.start() : platform.end()], m.start(), platform.end(), aliases=[inner]))
        elif m.group("qualified"):  # "“百园千企”示范工程": the whole name as written, the quoted part an alias
            out.append(_Found("programme", m.group(), m.start(), m.end(), aliases=[inner]))
        elif (
            m.group("head")
            or inner.endswith(_QUOTED_PROGRAMME_END)
            or _LEVEL_BEFORE.search(text, max(0, m.start() - 3), m.start())
        ):
            # "省“一企一技术”研发中心", "省级“雁阵形”产业集群": a government's own brand for what it runs
            out.append(_Found("programme", inner, m.start(1), m.end(1)))
    return out


def _verb_led(text: str, places: _Places, titles: list[tuple[int, int]]) -> list[_Found]:
    """Campaigns named after the verb that carries them out ("深入实施制造业技术改造专项"), when the words before
    the head are a name and not a description (not generic words alone, no 的 or list in them)."""
    out = []
    for m in _VERB_LED.finditer(text):
        name, start, end = m.group("name"), m.start("name"), m.end("name")
        if "的" in name or name[0] in '“"' or any(s <= start < e for s, e in titles):
            continue  # a quoted campaign ("“强链补链”行动") is named by its quoted words (see _quoted)
        head = next(h for h in _DATA["verb_led_programme_heads"] if name.endswith(h))
        if name.count("“") > name.count("”") and text.startswith("”", end):
            name, end = name + "”", end + 1  # "实施制造业高质量发展“十大行动”": the quotation closes after the head
        found = _accept(text, name, head, "programme", start, end, places)
        if found is not None:
            out.append(found)
    return out


def _known_governments(text: str) -> list[_Found]:
    return [_Found("government", m.group(), m.start(), m.end()) for m in _GOV_RE.finditer(text)]


def _headed(text: str, places: _Places, protected: AbstractSet[int], titles: list[tuple[int, int]]) -> list[_Found]:
    out: list[_Found] = []
    ends_seen: set[int] = set()
    for m in _HEAD_RE.finditer(text):
        head, htype = m.group(), _HEAD_TYPE[m.group()]
        end = m.end()
        title = next(((s, e) for s, e in titles if s <= m.start() and end <= e), None)
        issuer = title is not None and htype == "government" and text.startswith(_ISSUER_AFTER, end)
        if end in ends_seen or (title is not None and not issuer):
            continue  # a title's words name the document, except the body that issues it ("《某部办公厅关于…的通知》")
        false = _HEAD_FALSE.search(text, max(0, m.start() - 2), m.end() + 1)
        if false and false.end() > m.start() and false.start() < m.end():
            continue  # "布局" ends in 局, "集群化" begins with 集群: words, not heads
        start = _name_start(text, m.start(), protected)
        if htype in ("cluster", "park"):
            start = _through_brand(text, start, places, protected)
            start = _through_conjunction(text, start, places, protected)
            start = _past_level(text, start, places)
            start = _past_province(start, places)
            start = _through_place_pair(text, start, places)
        start = _skip_enumerator(text, start, m.start())
        name = text[start:end]
        deng = _LIST_END.search(text, max(0, start - 8), start)
        if htype in ("cluster", "park", "programme") and deng:
            out.extend(_shared_head(text, deng.start(), deng.start() + 1, end, htype, protected))
            ends_seen.add(end)
            continue
        if htype in ("cluster", "park") and (kinds := _COUNTED_KINDS.search(text, start, m.start())):
            # a park's list names its parks in full ("临沂经开区、临沂高新区两大园区"): no name is shared then
            if htype == "cluster":
                out.extend(_shared_head(text, kinds.start(), kinds.start(), end, htype, protected))
            ends_seen.add(end)
            continue
        if htype in ("cluster", "park") and _EVENT_NAME.match(text, end):
            continue  # "成都市产业园区高质量发展大会" names a conference
        if htype in ("cluster", "park") and text.startswith(_ONE_OF, end):
            continue  # "全国最大的纺织产业集群之一": one of a kind, not a name
        if (same := places.at(start)) is not None and same.end == end:
            continue  # a named area the gazetteer holds (西海岸新区) is a place
        found = _accept(text, name, head, htype, start, end, places)
        if found is not None and (title is None or found.start == title[0] + 1):  # an issuer opens its title
            found.issuer = issuer
            out.append(found)
            ends_seen.add(end)
    return out


def _name_start(text: str, head_start: int, protected: AbstractSet[int]) -> int:
    """Where a name ending in the head at ``head_start`` begins, reading backwards."""
    pos = head_start
    floor = max(0, head_start - _MAX_NAME)
    depth = 0
    while pos > floor:
        c = text[pos - 1]
        if c in ")）":
            depth += 1
            pos -= 1
            continue
        if c in "(（" and depth:
            depth -= 1
            pos -= 1
            continue
        if not _NAME_CHAR.match(c) and not (depth and c not in "\n。，,；;") and pos - 1 not in protected:
            break
        if not depth:
            if pos - 1 in protected:
                pos -= 1
                continue
            if c in _STOP_CHARS or (c.isdigit() and not _TECH_TOKEN.match(text, pos - 1)):
                break  # a figure ends a name, but "5G产业园", "3D打印" carry theirs in a trade's name
            if c in COUNT_WORDS and pos >= 2 and (text[pos - 2].isdigit() or text[pos - 2] in _COUNTING_DIGITS):
                break
            if any(text[pos - k : pos] in _STOP_WORDS for k in _STOP_LENGTHS if pos - k >= floor):
                break
        pos -= 1
    return pos


def _through_conjunction(text: str, start: int, places: _Places, protected: AbstractSet[int]) -> int:
    """A cluster named for two trades joined by 及 ("芜湖市机器人及智能装备集群") starts at the place before the
    conjunction, when the words from that place to the conjunction name no thing of their own (no head ends them).
    和 and 与 are left out: they join two names ("南宁高新区和柳州高新区") far more often than two trades."""
    if start < 2 or text[start - 1] not in _NAME_CONJUNCTIONS:
        return start
    before = _name_start(text, start - 1, protected)
    lead = places.at(before)
    if lead is None or _HEAD_END.search(text, before, start - 1) or start - 1 - before > _CONJOINED_MAX:
        return start
    return before


def _through_brand(text: str, start: int, places: _Places, protected: AbstractSet[int]) -> int:
    """A place's cluster or park named with a quoted brand ("武汉市“光芯屏端网”产业集群") starts at the place: the
    quotation marks stop a name read backwards, so the reading goes on from the place before them."""
    m = _BRAND_BEFORE.search(text, max(0, start - _MAX_BRAND - 2), start)
    if m is None or not places.ends_at(m.start()):
        return start
    before = _name_start(text, m.start(), protected)
    return before if places.at(before) is not None else start


def _past_level(text: str, start: int, places: _Places) -> int:
    """ "国家级南宁高新技术产业开发区": a level word before the place a park or cluster is named from is no part
    of its name."""
    m = _LEVEL_PREFIX.match(text, start)
    return m.end() if m and places.at(m.end()) is not None else start


def _through_place_pair(text: str, start: int, places: _Places) -> int:
    """ "西安—咸阳输变电装备集群": a cluster or park named from two places joined by a dash starts at the first; the
    dash stops a name read backwards."""
    if start < 2 or text[start - 1] not in _PAIR_DASHES or places.at(start) is None:
        return start
    before = next((h for h in places.within(max(0, start - 1 - _MAX_PLACE), start - 1) if h.end == start - 1), None)
    return before.start if before is not None else start


def _past_province(start: int, places: _Places) -> int:
    """ "新疆昌吉硅基新材料集群": a province said before the city a cluster or park is named from locates it, as a
    headline does ("新疆昌吉：…"); the name opens with the city."""
    lead = places.at(start)
    if lead is None or lead.place.level != "province" or (city := places.at(lead.end)) is None:
        return start
    return city.start if city.place.level != "province" else start


def _skip_enumerator(text: str, start: int, head_start: int) -> int:
    m = _ENUMERATOR.match(text, start, head_start)
    return m.end() if m else start


def _remainder(name: str, head: str, places_in: list[str]) -> str:
    core = name[: len(name) - len(head)] if name.endswith(head) else name
    for p in places_in:
        core = core.replace(p, "")
    core = re.sub(r"[(（][^)）]*[)）]", "", core)
    return _GENERIC.sub("", core)


def _accept(text: str, name: str, head: str, htype: str, start: int, end: int, places: _Places) -> _Found | None:
    if len(name) <= len(head) and htype != "government":
        return None
    lead = places.at(start)
    inside = places.within(start, end)
    located = (
        inside[0].place.zh_variants[0]
        if inside and inside[0].place.zh_variants
        else (inside[0].place.zh if inside else None)
    )
    if htype == "government":
        if (
            lead is None
            and not _GOV_START.match(name)
            and not _GOV_RE.match(name)
            and not _PARK_BODY.fullmatch(name[: len(name) - len(head)])
            and not _PARK_ITSELF.match(name)
        ):
            # a body is named from its place, its level, a named parent ("工业和信息化部办公厅") or the park it
            # runs ("某某高新区管委会")
            return None
        if len(name) <= len(head) and name not in (
            "市委",
            "省委",
            "县委",
            "区委",
            "市政府",
            "省政府",
            "县政府",
            "区政府",
        ):
            return None
        if lead is not None and lead.end == end:
            return None
        return _Found("government", name, start, end, located)
    if htype == "company":
        core = name[: len(name) - len(head)]
        if (
            len(_CJK.findall(core)) < 2
            or (lead is None and not _TRADE_ONLY.sub("", core))
            or _GENERIC.fullmatch(core)
            or (head in ("集团", "控股") and core in ("企业", "产业", "龙头"))
        ):
            return None
        return _Found("company", name, start, end, located)
    if htype in ("institution", "platform"):
        core = _remainder(name, head, [h.place.zh or "" for h in inside] + [text[h.start : h.end] for h in inside])
        if htype == "platform" and not re.search(r"[A-Za-z]", name) and lead is None:
            return None
        if lead is None and len(_CJK.findall(core)) < (2 if head in _SCHOOL_HEADS else 3):
            return None
        if re.match(r"(?:国家级|省级|市级|国家|省|市)", name) and lead is None:
            return None
        return _Found(htype, name, start, end, located)
    # cluster, park, programme: a name, not a description
    core = _remainder(name, head, [text[h.start : h.end] for h in inside])
    if len(_CJK.findall(core)) < 2 and not (
        htype in ("park", "place") and lead is not None and not _LEVEL_PREFIX.search(name)
    ):
        # a description; but a park named by its place ("胶州…开发区") is a name, unless a level stands between
        # them ("东宁市省级开发区": the city's provincial-level zone, said of a kind)
        return None
    if htype in ("cluster", "park") and _COUNTED_BEFORE.search(text, max(0, start - 4), start):
        return None  # "建成宁德—福州、厦门—漳州两个储能产业集聚区": several of a kind, counted, no one name
    if htype in ("cluster", "park") and name.startswith(_SIZE_CLASSES):
        return None  # "建成千亿级汽摩零部件产业基地": a size to reach, a goal's description, no name yet
    if htype in ("cluster", "park") and name[: len(name) - len(head)].endswith(_CATEGORY_ENDS):
        return None  # "电子信息类集群": a kind of cluster, as a list sorts them, not one cluster's name
    return _Found(htype, name, start, end, located)


def _shared_head(
    text: str, deng: int, head_from: int, end: int, htype: str, protected: AbstractSet[int]
) -> list[_Found]:
    """ "A、B等(4个)(千亿级)产业集群", "A、B两大产业集群" -> A产业集群, B产业集群: the list ends at ``deng``,
    the words it shares run from ``head_from`` to ``end``."""
    between = text[head_from:end]
    between = re.sub(rf"^[\d{CN_DIGIT_CHARS}]+[个家类种大]", "", between)
    head = _LEVEL.sub("", between)
    if not head:
        return []
    list_start = _name_start_list(text, deng, protected)
    out = []
    pos = list_start
    for item in text[list_start:deng].split("、"):
        item_start, pos = pos, pos + len(item) + 1
        if len(_CJK.findall(item)) >= 2 and _GENERIC.sub("", item):
            out.append(_Found(htype, item + head, item_start, item_start + len(item), aliases=[item]))
    return out


def _name_start_list(text: str, pos: int, protected: AbstractSet[int]) -> int:
    start = pos
    while True:
        s = _name_start(text, start, protected)
        if s > 0 and text[s - 1] == "、" and start - s >= 1:
            start = s - 1
            continue
        return s


def _without_nested(found: list[_Found]) -> list[_Found]:
    """The names, less each inside a longer one of its type or a programme's (but for the body that opens a
    title as its issuer), and less a second reading of the same span.

    Read from left to right (the longer first where two start together), every name kept so far starts
    no later than the next, so that one holds the next exactly when it reaches as far: the furthest end
    kept for each type answers, where testing every name kept was quadratic in a long page.
    """
    found = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    out: list[_Found] = []
    spans: set[tuple[int, int]] = set()
    reach: dict[str, int] = {}  # type -> the furthest end of a name of that type kept
    for f in found:
        held = max(reach.get(f.type, -1), -1 if f.issuer else reach.get("programme", -1))
        if (f.start, f.end) in spans or held >= f.end and not _zone_of_a_park(f, out):
            continue
        out.append(f)
        spans.add((f.start, f.end))
        reach[f.type] = max(reach.get(f.type, -1), f.end)
    return out


def _zone_of_a_park(f: _Found, kept: list[_Found]) -> bool:
    """A zone that opens the name of a park inside it ("某经济技术开发区风电装备产业园"): the zone is named too."""
    if f.type != "park" or not f.name.endswith(_ZONE_HEADS):
        return False
    return any(k.type == "park" and k.start == f.start and k.end > f.end and k.name.startswith(f.name) for k in kept)


# -- assembling ----------------------------------------------------------------


def _occurrences(form: str, text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``form`` in ``text``, left to right, never overlapping: what ``re.finditer(re.escape(form),
    text)`` gives, without a pattern compiled for each name (re caches 512, and a batch of pages names more)."""
    i = text.find(form)
    while i >= 0:
        yield i, i + len(form)
        i = text.find(form, i + (len(form) or 1))


class _Covers:
    """Spans asked whether one of them holds a given span: the running maximum of their ends over their sorted
    starts answers by a bisection, where testing every span for every place was quadratic in a long page."""

    __slots__ = ("_starts", "_reach", "_longest_from")

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach = list(accumulate((e for _, e in spans), max))
        self._longest_from: dict[int, int] = {}
        for s, e in spans:
            self._longest_from[s] = max(e, self._longest_from.get(s, e))

    def opens_before(self, start: int, end: int) -> bool:
        """Whether a span that starts before ``start`` reaches ``end``."""
        i = bisect_left(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def holds(self, start: int, end: int) -> bool:
        """Whether a span other than (start, end) itself holds text[start:end]."""
        return self.opens_before(start, end) or self._longest_from.get(start, end) > end


def _declared_short_forms(text: str, name: str) -> list[str]:
    """The short form a text declares for a name it has just written in full ("福建汀瑞铜箔科技股份有限公司（以下简称
    “汀瑞铜箔”）"): the name's alias, so that the text's later mentions by it are the same entity's."""
    return [m.group(1) or m.group(2) for m in re.finditer(re.escape(name) + _SHORT_FORM_DECLARED, text)]


def _assemble(text: str, found: list[_Found], places: _Places, gaz) -> list[Entity]:
    entities: dict[tuple[str, str], Entity] = {}
    spans: list[tuple[int, int]] = []
    for f in found:
        key = (_group(f.type), f.name)
        e = entities.get(key)
        if e is None:
            e = entities[key] = Entity(f.type, f.name, [], {}, list(f.aliases))
            if f.located_in:
                e.attributes["located_in"] = f.located_in
        spans.append((f.start, f.end))
    _fold_short_forms(entities)
    _fold_own_governments(entities)
    for e in entities.values():
        if e.type != "place":
            e.aliases += [a for a in _declared_short_forms(text, e.name) if a not in e.aliases and a != e.name]
    for e in entities.values():
        for form in [e.name] + [a for a in e.aliases if not a.startswith("《")]:
            for span in _occurrences(form, text):
                # (a short form inside the full name, "汀瑞铜箔" in "福建汀瑞铜箔科技股份有限公司", is no mention of its own)
                if not any(s <= span[0] and span[1] <= t for s, t in e.mentions):
                    e.mentions.append(span)
        e.mentions.sort()
    inside_names = _Covers(spans)
    by_key: dict[str, list[_PlaceHit]] = {}
    for h in places.hits:
        by_key.setdefault(h.place.key, []).append(h)
    out = _without_inner_programmes([e for e in entities.values() if e.mentions])
    for hits in by_key.values():
        # A place that opens a name (青岛市人民政府, 莱西市…产业集群) is named; one inside a
        # name (天府中药城中国西部香疗产业园) is part of the name.
        named = [h for h in hits if not inside_names.opens_before(h.start, h.end)]
        if not named or text[named[0].start : named[0].end] in _BROAD_REGIONS:
            continue
        free = [h for h in named if not inside_names.holds(h.start, h.end)]
        out.append(_place_entity(text, gaz, named, free or named))
    out.sort(key=lambda e: e.mentions[0] if e.mentions else (0, 0))
    return out


def _without_inner_programmes(entities: list[Entity]) -> list[Entity]:
    """Less a programme named only inside another's name ("某集群培育行动" wherever "某集群培育行动计划（2026—2030年）"
    is written): the head of a shorter name read where the longer one stands, no programme of its own."""
    spans = [(s, e, id(x)) for x in entities if x.type == "programme" for s, e in x.mentions]
    return [
        x
        for x in entities
        if x.type != "programme"
        or not all(
            any(o != id(x) and s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, o in spans) for s, e in x.mentions
        )
    ]


def _fold_short_forms(entities: dict[tuple[str, str], Entity]) -> None:
    """A name that ends another name of its group ("特色产业园中园") is a short form of it."""
    names = sorted(entities, key=lambda k: len(k[1]), reverse=True)
    for key in names:
        group, name = key
        if key not in entities:
            continue
        for other in names:
            if other == key or other[0] != group or other not in entities or len(other[1]) <= len(name):
                continue
            if (other[1].endswith(name) and len(name) >= 4) or (
                other[1].startswith(name) and _PERIOD_TAIL.fullmatch(other[1][len(name) :])
            ):
                entities[other].aliases.append(name)
                del entities[key]
                break


def _fold_own_governments(entities: dict[tuple[str, str], Entity]) -> None:
    """ "省政府" on a page that names "某省人民政府": the same government, said without its place (as "市政府" is
    "某市人民政府"), when the page names one government of that level only; likewise "经开区管委会" and the one
    park administration the page names in full."""
    shorts = {short: level for level, forms in _LEVEL_GOVERNMENTS.items() for short in forms}
    full: dict[str, list[tuple[str, str]]] = {}
    for key, e in entities.items():
        if e.type != "government" or key[1] in shorts:
            continue
        # the longest level the name ends in: "某自治区人民政府" is a region's, not a district's (区)
        level = max((lv for lv in _LEVEL_GOVERNMENTS if key[1].endswith(_LEVEL_GOVERNMENTS[lv])), key=len, default=None)
        if level is not None:
            full.setdefault(level, []).append(key)
    for short, level in shorts.items():
        key = ("org", short)
        if len(full.get(level, ())) == 1 and key in entities and entities[key].type == "government":
            entities[full[level][0]].aliases.append(short)
            del entities[key]
    # "经开区管委会" on a page that names one park's administration in full ("某某经济技术开发区管理委员会"): that one
    parks = [k for k, e in entities.items() if e.type == "government" and k[1].endswith(_PARK_BODY_ENDS)]
    bare = [k for k in parks if _PARK_ITSELF.fullmatch(k[1])]
    named = [k for k in parks if k not in bare]
    if len(named) == 1:
        for key in bare:
            entities[named[0]].aliases.append(key[1])
            del entities[key]


def _place_entity(text: str, gaz, hits: list[_PlaceHit], free: list[_PlaceHit]) -> Entity:
    place = hits[0].place
    forms: dict[str, int] = {}
    for h in free:
        forms[text[h.start : h.end]] = forms.get(text[h.start : h.end], 0) + 1
    name = max(forms, key=lambda f: (forms[f], -min(h.start for h in free if text[h.start : h.end] == f)))
    aliases = [place.name] + [f for f in dict.fromkeys([text[h.start : h.end] for h in hits]) if f != name]
    attributes = {"level": place.level, "name_en": place.name}
    parent = gaz.get(place.parent) if place.parent else None
    if parent is not None and parent.level != "country":
        attributes["located_in"] = parent.zh_variants[0] if parent.zh_variants else parent.zh
    return Entity("place", name, sorted((h.start, h.end) for h in hits), attributes, aliases, place.key)


def _group(entity_type: str) -> str:
    return "org" if entity_type in _ORG_TYPES else entity_type
