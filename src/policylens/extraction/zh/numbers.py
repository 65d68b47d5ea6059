"""Amounts in Chinese text: numeral, scale word and unit, written without spaces.

"300亿元" is 3e10 CNY, "1.2万亿" after 产值 is 1.2e12 CNY, "十五家" is 15
enterprises, "百分之三十" is 30 %, "1580.70万千瓦" is 15.807 GW, "3至5家" is a
range.  Ranks ("居全国第二", "全省首位", "排在全球前3") come out as amounts
with unit ``rank``.  The vocabulary lives in data/zh_units.yaml; the amounts
are the same :class:`~policylens.extraction.numbers.Amount` the English reader
produces, so the quantity layer shares one contract object.

What is not an amount is decided here by shape: years and dates (2025年,
10月13日, 1-12月), plan periods, ordinals (第二条), numbers glued to Latin
letters or "+" (5G, 4W型, “10+1”), and a lone 一 ("一批", "一企一技术").

Chinese numerals are read by cn2an ("三万五" is 35000, "一千零十" 1010,
"一点五七" 1.57, "负三" -3, "壹佰" 100, "一亿零五百万" 105 million, and with
Arabic digits between the place words "1亿5000万" 150 million), which handles
the abbreviated, financial and mixed forms that a hand-written reader gets
wrong.  Pages converted from PDF put spaces inside amounts ("1.34 万亿元",
"1819 家"), and some write the thousands separator full-width ("82，225.00元");
both are read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import cn2an

from policylens.extraction.anycase import opening
from policylens.extraction.numbers import CURRENCIES, Amount, _load, parse_number
from policylens.model import Alternative

_DATA = _load("zh_units.yaml")
DIGITS: dict[str, int] = _DATA["digits"]
SMALL_SCALES: dict[str, int] = _DATA["small_scales"]
SCALES: dict[str, float] = {k: float(v) for k, v in _DATA["scales"].items()}
UNITS: dict[str, tuple[str, float]] = {
    w: (code, 1.0) for code, forms in CURRENCIES.items() for w in forms.get("zh", ())
} | {k: (v[0], float(v[1])) for k, v in _DATA["units"].items()}
COUNT_WORDS = frozenset(_DATA["count_words"])
WEAK_COUNT_WORDS = frozenset(_DATA["weak_count_words"])
_YEAR_COUNT_WORDS = frozenset(_DATA["year_count_words"])
_COMPOUNDS = re.compile("|".join(re.escape(w) for w in _DATA["count_word_compounds"]))
MONEY_WORDS = tuple(_DATA["money_words"])
FINANCIAL_DIGITS = "".join(_DATA["financial_digits"])

CN_DIGIT_CHARS = "".join(DIGITS) + "".join(SMALL_SCALES)
_CN_CHARS = CN_DIGIT_CHARS + FINANCIAL_DIGITS  # one class: the reader tells plain from financial
# Thousands separated by "," or, on some pages, a full-width "，" (then followed by exactly three digits);
# the decimal point may be full-width too ("５．２％").
# Statistical releases and pages converted from PDF group the thousands with a space instead ("4 216.37亿元",
# "1 986家", the national standard's way): a group of one to three digits, then groups of exactly three.
_ARABIC = (
    r"(?:\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+(?![,，]\d)|\d+(?:(?:,|，(?=\d{3}(?!\d)))\d{3})*)"
    r"(?:[.．]\d+)?"
)
_CN_DECIMAL = rf"(?:点[{''.join(DIGITS)}]+)?"
_CN = rf"[{_CN_CHARS}]+(?:[万亿萬億][{_CN_CHARS}]+)*{_CN_DECIMAL}"
# Arabic digits with Chinese place words inside ("1亿5000万元" is 150 million, "3千5百万" 35 million, "1万2千家"):
# one numeral, not "1亿" and "5000万" apart
_MIXED = r"\d{1,4}[千仟百佰万萬亿億](?:零?\d{1,4}[千仟百佰]?)+"
_NUM = rf"(?:{_MIXED}|{_ARABIC}|{_CN})"
_SP = r"[ \u00a0\u3000]?"  # one space inside an amount, as pages converted from PDF write it
# a line wrap between a figure and its unit, as text taken from a PDF breaks it ("提高 0.8\n个百分点");
# taken only after Arabic digits written inside a line (see _read)
_WRAP = r"(?:(?<=\d)[ \u00a0\u3000]?\n[ \u00a0\u3000]?(?=\S))"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SCALE = _alt(SCALES)
_UNIT = _alt(list(UNITS) + list(COUNT_WORDS))
_RANGE_SEP = r"\s*(?:[-—–~～]{1,2}|至|到)\s*"

# The characters an amount can begin with, looked at first: sre then passes every other character of a page
# at the cost of one test instead of entering the alternation there (its look behind comes first).
_AMOUNT_OPENING = opening(["百", "千", *(w[0] for w in SCALES), r"\d", *_CN_CHARS], ignoring_case=False)
AMOUNT = re.compile(
    rf"{_AMOUNT_OPENING}(?:(?P<pct>百分之(?P<pnum>{_NUM}))"
    rf"|(?<=[过超逾破近约达到])(?P<bscale>{_SCALE}|[千百])(?P<bunit>{_UNIT})"
    rf"|(?P<num>{_NUM})(?:(?P<sep>{_RANGE_SEP})(?P<num2>{_NUM}))?"
    rf"(?:(?:{_WRAP}|{_SP})(?:个(?=亿))?(?P<scale>{_SCALE}))?(?P<approx>余|多)?(?:(?:{_WRAP}|{_SP})(?P<unit>{_UNIT}))?)"
)
# The jiao and fen after yuan ("123元1角1分", "一百三十五块六角七分钱"): part of the amount.
_DIGIT_CLASS = "".join(DIGITS)
_CENTS = re.compile(rf"(?:(?P<jiao>[{_DIGIT_CLASS}\d])[角毛])?(?:(?P<fen>[{_DIGIT_CLASS}\d])分)?(?:钱)?")
# The lower end of a range written with its own scale ("1万-5万元"), just before the upper end.
# A bound marked as included ("1万(含)-5万元", "1万元（含）至5万元", a subsidy's tiers) is still the range's end.
_INCLUDED = r"(?:\s*[(（]含[)）])?"
_RANGE_HEAD = re.compile(
    rf"(?P<num>{_ARABIC}|[{_CN_CHARS}]+)(?P<scale>{_SCALE}){_INCLUDED}\s*(?:[-—–~～]{{1,2}}|至|到)\s*$"
)
_FRACTION = re.compile(r"(?<![\d/.])(?P<a>\d{1,3})/(?P<b>\d{1,4})(?![\d/])")
_RANK = re.compile(
    r"(?P<lead>位居|位列|名列|排名|排在|排|居|列|并列|全(?:国|省|市|球|区|县))"
    r"(?P<gap>[^，,。；;！？\n]{0,12}?)"
    # (not an edition, a batch or a count, "第3批", "第十届", nor a sector of the economy, "全市第三产业")
    r"(?:第\s?(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s?(?P<pos>位|名)?(?!\s?[\d一二三四五六七八九十条个项家批次层级期号届场轮产])"
    r"|(?P<first>首位|榜首)|前(?P<top>\d{1,3}|[一二三四五六七八九十]{1,3})(?:位|名)?(?![\d一二三四五六七八九十]))"
)
_RANK_CHAIN = re.compile(r"、第(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})(?P<pos>位|名)?")
_SHARE_DATA = _DATA["share_tenths"]
# "四成五" is 45 %: a digit after 成 is the hundredths, unless it counts something ("三成五家" is no share)
_TENTHS = re.compile(
    rf"(?<=[{''.join(_SHARE_DATA['after'])}])(?P<n>[一二两兩三四五六七八九])成"
    rf"(?:(?P<h>[一二三四五六七八九])(?![\d{CN_DIGIT_CHARS}年{''.join(COUNT_WORDS)}]))?"
    rf"(?![{''.join(_SHARE_DATA['not_before'])}])"
)
_DOUBLING = re.compile(_alt(_DATA["doublings"]))
_RANGE_BETWEEN = re.compile(rf"{_INCLUDED}\s*(?:{_alt(_DATA['range_words'])})\s*$")
_RANGE_NOT_AFTER = re.compile(rf"(?:{_alt(_DATA['range_not_after'])})[^，,。；;！？\n]{{0,12}}$")
_QUOTED = re.compile(r"[“\"‘「『]([^”\"’」』\n]{1,12})[”\"’」』]")


_INNER_PLACE = re.compile(r"[千仟百佰万萬亿億]")
_SIMPLE_PLACES = str.maketrans("仟佰萬億", "千百万亿")


def parse_cn(token: str) -> float | None:
    """The value of a numeral written in Chinese or Arabic digits: "一百二十" -> 120, "两" -> 2, "1,500" -> 1500.

    ``None`` for what is not one numeral: "十四五" (a plan's name), "三五" ("three
    or five"), a bare scale character.
    """
    token = token.strip()
    if not token:
        return None
    if token[0].isdigit() and _INNER_PLACE.search(token):
        try:  # "1亿5000万", "3千5百": cn2an's smart mode reads digits and place words together
            return float(cn2an.cn2an(token.translate(_SIMPLE_PLACES), "smart"))
        except (ValueError, KeyError, IndexError, OverflowError):
            return None
    if token[0].isdigit():
        return parse_number(token.replace("，", ",").replace("．", "."))
    return _parse_chinese(token)


@lru_cache(maxsize=4096)
def _parse_chinese(token: str) -> float | None:
    positional = all(c in DIGITS for c in token.partition("点")[0])
    if positional and len(token.partition("点")[0]) == 2 and not any(c in "〇零" for c in token):
        return None  # "三五家", "一两个": an approximate pair, not 35 or 12
    try:
        return float(cn2an.cn2an(token, "normal"))
    except (ValueError, KeyError, IndexError, OverflowError):  # not a numeral, or too large for a float
        return None


def _unit(word: str | None) -> tuple[str, float] | None:
    if not word:
        return None
    if word in UNITS:
        return UNITS[word]
    if word in COUNT_WORDS:
        return ("count", 1.0)
    return None


def _glued(text: str, start: int, end: int) -> bool:
    """Numbers inside names or other numbers: next to Latin letters, "+", "/", "第", a decimal point or a spaced digit."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    # "A股", "H7车型" are names; "GDP5.2万亿元" is an acronym and then a figure
    single_letter = (
        before.isascii()
        and before.isalpha()
        and not (start > 1 and text[start - 2].isascii() and text[start - 2].isalpha())
    )
    ordinal = before == "第" or (before.isspace() and start > 1 and text[start - 2] == "第")  # "第 7 家"
    if before.isspace() and start > 1 and text[start - 2].isdigit():
        return True  # "1 819家": a space inside a number, or two numbers; either way not this one alone
    if before == "兆" and start > 1 and (text[start - 2] in _CN_CHARS or text[start - 2].isdigit()):
        return True  # "四十九兆九千五百九十二億": the tail of a number in trillions (兆), not a number
    return (
        single_letter
        or ordinal
        or (before != "" and before in "+＋/.·")
        or (after.isascii() and after.isalpha())
        or (after != "" and after in "+＋/")
    )


@lru_cache(maxsize=64)
def _quoted_spans(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the quoted words, in order (they never overlap)."""
    spans = [m.span() for m in _QUOTED.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def _in_quote(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies strictly inside quotation marks. Quotes never overlap, so only the last one
    opening before ``start`` can hold it: bisected, not every quote of the page tested for every figure."""
    starts, ends = _quoted_spans(text)
    i = bisect_left(starts, start) - 1
    return i >= 0 and end < ends[i]


def money_before(text: str, pos: int) -> bool:
    """Whether a money word stands in the few characters before ``pos`` in the same clause."""
    window = text[max(0, pos - 14) : pos]
    window = re.split(r"[，,。；;：:！？\n]", window)[-1]
    return any(w in window for w in MONEY_WORDS)


def find_amounts(text: str) -> list[Amount]:
    """Every amount in ``text``, in order, ranks included."""
    out: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for a in _ranks(text):
        out.append(a)
        taken.append((a.start, a.end))
    for m in AMOUNT.finditer(text):
        amount = _read(text, m)
        if amount is None or any(s < amount.end and amount.start < e for s, e in taken):
            continue
        out.append(_with_lower_end(text, amount, m))
    for m in _FRACTION.finditer(text):
        num, den = int(m.group("a")), int(m.group("b"))
        if (
            0 < num < den
            and not _glued(text, m.start(), m.end())
            and not any(s < m.end() and m.start() < e for s, e in taken)
            and not any(x.start < m.end() and m.start() < x.end for x in out)
        ):
            out.append(Amount(m.start(), m.end(), round(100 * num / den, 4), "%"))
    for m in _TENTHS.finditer(text):
        if not any(x.start < m.end() and m.start() < x.end for x in out):
            hundredths = DIGITS[m.group("h")] if m.group("h") else 0
            out.append(Amount(m.start(), m.end(), 10.0 * DIGITS[m.group("n")] + hundredths, "%"))
    for m in _DOUBLING.finditer(text):
        if not any(x.start < m.end() and m.start() < x.end for x in out):
            times = parse_cn(m.group()[1])
            out.append(Amount(m.start(), m.end(), 2.0 ** (times or 1), "times"))
    out.sort(key=lambda x: x.start)
    return _restatements(text, _ranges(text, out))


def _with_lower_end(text: str, amount: Amount, m: re.Match) -> Amount:
    """ "1万-5万元" is the range 10,000 to 50,000 yuan, not 50,000: its lower end has its own scale and no unit."""
    scale_word = m.group("scale")
    if not scale_word or m.group("num2") or amount.value_max is not None or amount.value < 0:
        return amount
    head = _RANGE_HEAD.search(text, max(0, amount.start - 24), amount.start)
    if (
        head is None
        or _glued(text, head.start(), head.start())
        or _RANGE_NOT_AFTER.search(text, max(0, head.start() - 12), head.start())  # "从1万至5万": a change
    ):
        return amount
    low, high = parse_cn(head.group("num")), parse_cn(m.group("num"))
    if low is None or not high:
        return amount
    # each end at its own scale ("5000万到1亿元" is 50 to 100 million yuan)
    low *= SCALES[head.group("scale")] / SCALES[scale_word]
    if not 0 <= low < high:
        return amount
    amount.value_max, amount.value, amount.start = amount.value, amount.value * low / high, head.start()
    return amount


def _ranges(text: str, amounts: list[Amount]) -> list[Amount]:
    """ "30家至40家", "500亿元至600亿元": two amounts of one unit joined by 至 (or a dash) are one range."""
    out: list[Amount] = []
    for b in amounts:
        a = out[-1] if out else None
        if (
            a is not None
            and a.unit == b.unit
            and a.unit != "rank"
            and a.value_max is None
            and b.value_max is None
            and 0 <= a.value < b.value
            and b.start - a.end <= 6
            and _RANGE_BETWEEN.match(text, a.end, b.start)
            and not _RANGE_NOT_AFTER.search(text, max(0, a.start - 12), a.start)
        ):
            a.value_max, a.end = b.value, b.end
            continue
        out.append(b)
    return out


_MONEY = frozenset(code for code, _ in UNITS.values() if len(code) == 3 and code.isupper())  # ISO 4217
_ALT_OPEN = re.compile(r"\s*[(（]\s*(?:约合|約合|折合|约|約|合|相当于|相當於)?\s*(?:人民币|人民幣)?\s*")
_ALT_CLOSE = re.compile(r"\s*[)）]")


def _restatements(text: str, amounts: list[Amount]) -> list[Amount]:
    """ "300亿元（约合42亿美元）" is one amount with an alternative, not two; so is "1.9亿美元（约合人民币13.6亿元）",
    the yuan named before the figure (and "約合人民幣" in traditional script)."""
    out: list[Amount] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        b = amounts[i + 1] if i + 1 < len(amounts) else None
        if b is not None and a.unit in _MONEY and b.unit in _MONEY and a.unit != b.unit:
            opened = _ALT_OPEN.match(text, a.end)
            close = _ALT_CLOSE.match(text, b.end)
            if opened and opened.end() == b.start and close:
                a.alternatives.append(Alternative(b.value, b.unit))
                a.end = close.end()
                out.append(a)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _read(text: str, m: re.Match) -> Amount | None:
    if m.group("pct"):
        pnum = m.group("pnum")
        value = parse_cn("一" + pnum if pnum[0] in "百千" else pnum)  # "百分之百"
        if value is None:
            return None
        if _negative(text, m.start()):
            return Amount(m.start() - 1, m.end(), -value, "%")
        return Amount(m.start(), m.end(), value, "%")
    if m.group("bscale"):
        scale = SCALES.get(m.group("bscale")) or float(SMALL_SCALES[m.group("bscale")])
        unit = _unit(m.group("bunit"))
        if unit is None:
            return None
        return Amount(m.start(), m.end(), scale * unit[1], unit[0], scale=scale)
    num, num2, scale_word, unit_word = m.group("num"), m.group("num2"), m.group("scale"), m.group("unit")
    start, end = m.start(), m.end()
    if _glued(text, start, end) or _in_quote(text, start, end):
        return None
    if "\n" in m.group() and not text[text.rfind("\n", 0, start) + 1 : start].strip():
        return None  # a figure alone on its line (a PDF's page number) is not wrapped onto the next
    value = parse_cn(num)
    arabic = num[0].isdigit()
    if (arabic or value is not None) and scale_word in ("万", "萬") and ("亿" in num or "億" in num):
        # "一亿零五百万元" is 105 million, "1亿5000万元" 150 million: one numeral through 亿 and on to 万, read
        # whole, never 一亿零五百 (100,000,500) times 万, nor 1亿 and 5000万 apart.  (Characters whose part
        # before 万 is no numeral by itself, "三亿二千八百万元", are still left unread: a miss, never a wrong value.)
        value, scale_word = parse_cn(num + scale_word), None
    if value is None:
        return None
    if not arabic and num == "一" and not scale_word:
        return None  # "一批", "一个", "进一步": an article, not a count
    if not arabic and start > 0 and text[start - 1] in "数几":
        return None  # "数十亿元", "几十家": tens of, not ten
    if len(num) == 1 and num in FINANCIAL_DIGITS and not scale_word:
        return None  # "陆家嘴", "伍家岗": a character of a name, not a financial numeral
    unit = _unit(unit_word)
    scale = SCALES.get(scale_word, 1.0) if scale_word else 1.0
    if unit is None:
        # A scaled figure with no unit: yuan when it stands after a money word ("营收超过1.2万亿").
        if scale >= 1e8 and money_before(text, start):
            unit = ("CNY", 1.0)
        else:
            return None
    if unit[0] == "count" and unit_word in WEAK_COUNT_WORDS and not arabic and len(num) == 1 and not scale_word:
        return None
    if unit_word == "个" and text[end : end + 1] == "月":
        return None  # "3个月" is a duration
    cents = _CENTS.match(text, end) if unit_word in ("元", "块") else None
    if cents and (cents.group("jiao") or cents.group("fen")):
        # "123元1角1分", "一百三十五块六角七分钱": yuan with its jiao and fen
        unit = ("CNY", 1.0)
        for group, per_yuan in (("jiao", 10), ("fen", 100)):
            value += (parse_cn(cents.group(group)) or 0) / per_yuan if cents.group(group) else 0
        end = cents.end()
    elif unit[0] == "count" and _COMPOUNDS.match(text, end - len(unit_word)):
        return None  # "新台阶", "两块钱": a word that begins with the measure word
    value_max = None
    if num2 is not None and not arabic and len(num) == 1 and len(num2) == 2 and num2[1] in "十百千拾佰仟":
        value = parse_cn(num + num2[1]) or value  # "两到三仟", "三至五百": the lower end shares the magnitude
    if num2 is not None:
        v2 = parse_cn(num2)
        if v2 is None or v2 <= value or _year_like(num):
            return None
        value_max = v2 * scale * unit[1]
    if _year_like(num) and scale_word is None and unit[0] == "count" and unit_word in _YEAR_COUNT_WORDS:
        return None  # "2024款", "2023次": a year or a number naming something, not a count
    if _negative(text, start):
        if value_max is not None:
            return None
        value, start = -value, start - 1
    amount = Amount(start, end, value * scale * unit[1], unit[0], value_max=value_max, scale=scale)
    if m.group("approx"):
        amount.comparator = ">"
    return amount


def _negative(text: str, start: int) -> bool:
    """ "负3.5%", "负百分之三": 负 written just before the number (checked here, not in the pattern, which it would slow)."""
    return start > 0 and text[start - 1] == "负"


def _year_like(num: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", num))


def _ranks(text: str) -> list[Amount]:
    out: list[Amount] = []
    for m in _RANK.finditer(text):
        if m.group("first"):
            out.append(Amount(m.start(), m.end(), 1.0, "rank"))
        elif m.group("top"):
            n = parse_cn(m.group("top"))
            if n:
                out.append(Amount(m.start(), m.end(), n, "rank", comparator="<="))
        else:
            n = parse_cn(m.group("n"))
            if n is None:
                continue
            out.append(Amount(m.start(), m.end(), n, "rank"))
            pos = m.end()
            while (c := _RANK_CHAIN.match(text, pos)) is not None:
                v = parse_cn(c.group("n"))
                if v is None:
                    break
                out.append(Amount(c.start() + 1, c.end(), v, "rank"))
                pos = c.end()
    return out
