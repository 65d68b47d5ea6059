"""Who said what, when: title, date, publisher, source type and language of a cleaned page.

Everything here reads what the page states about itself (its header lines,
its URL, its dateline, its "Source:" line) and never the clock: a page that
gives no date gets none.  Domain lists and textual signs are in
data/sources.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlsplit

from policylens import vocab
from policylens.ingestion import dates
from policylens.ingestion._data import any_of, load
from policylens.ingestion.clean import Page, cut_at_furniture, is_furniture, is_signature_date, words

_DATA = load("sources")
_GOVERNMENT_HOST = any_of(_DATA["government_hosts"])
_GOVERNMENT_SITE_NAME = any_of(_DATA["government_site_names"])
_SIGNS = {
    kind: {
        where: any_of(
            patterns + (_DATA["document_numbers"] if (kind, where) == ("government", "head") else []),
            re.IGNORECASE | re.MULTILINE,
        )
        for where, patterns in places.items()
    }
    for kind, places in _DATA["text_signs"].items()
}
_OFFSHORE_TLDS = frozenset(_DATA["offshore_tlds"])
_ACCOUNT_PLATFORMS = frozenset(vocab.load("policylens", "account_platforms.yaml")["hosts"])
_ACCOUNT_KINDS = {kind: any_of(patterns) for kind, patterns in _DATA["account_kinds"].items()}
_ACCOUNT_LINES = 4  # the account's name and its stamp line stand at the very top
# an account's name alone ("綦南经开区"), or opening its stamp line before the date ("原创 某区融媒 某区融媒 2025年…")
_ACCOUNT_NAME = re.compile(
    r"^(?:原创\s+)?(?P<name>[\u3400-\u9fff]{2,12})(?:\s+[\u3400-\u9fff]{2,12})?(?:\s+(?:19|20)\d\d[-/.年].*)?$"
)
_ANALYSIS_SECTION = re.compile(
    r"/(?:" + "|".join(re.escape(w) for w in _DATA["analysis_url_sections"]) + r")(?:/|$)", re.IGNORECASE
)
_NEWSWIRE = any_of([re.escape(name) for name in _DATA["newswire_names"]])
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_BYLINE = re.compile(r"^(by|author|source|editor|reporter|作者|来源|供稿|记者|编辑|通讯员)\b\s*[:：]?", re.IGNORECASE)
# Headlines may end in ! or ? but not like a sentence; an abbreviation's dot ("…Outside the U.S.") is no end.
_NOT_HEADLINE_END = re.compile(r"(?<!\b[A-Z])(?<!\bInc)(?<!\bCo)(?<!\bLtd)(?<!\bCorp)[.:;。：；,，]$")
# "…on Tuesday. By 2028, …": prose, not a headline ("…a plant! Firm X…" can be one, as can "Gov. Reynolds …")
_INNER_SENTENCE_END = re.compile(
    r"(?<![\w.])(?!(?:" + "|".join(_DATA["abbreviations"]) + r")\.)[A-Za-z0-9]*[a-z0-9]{2}\.\s+[A-Z]"
)
_MASTHEAD = any_of(_DATA["masthead_lines"], flags=0)
_DOCUMENT_TITLE_END = re.compile(
    r"(?:" + "|".join(map(re.escape, _DATA["document_title_ends"])) + r")(?:[(（][^()（）]{4,20}[)）])?$"
)
# A site's menu or breadcrumb trail ("Home | News | Contact", "Home » Articles", "Current location: …").
_SITE_NAVIGATION = any_of(
    [f"^{re.escape(w)}" + (r"\b" if w.isascii() else "") for w in _DATA["site_navigation_openers"]]
)
# The subtitle of a report or speech: the day and the occasion it was delivered at.
_DELIVERED_ON = re.compile(r"^\s*(?:——|—|--)\s*((?:19|20)\d\d\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)\s*在")
_BYLINE_SEPARATOR = re.compile(r"\s*\|\s*|\s{3,}")  # between the fields of a byline or date stamp line
# "2026-02-27  Source: …  [Print]": a date stamp line; "2024年1-2月全市工业经济运行情况" is a headline
_STAMP_FIRST = re.compile(r"^\(?\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")
_SUBTITLE = re.compile(r"^(——|--|—|–)")  # "——市政府召开新闻发布会": a subtitle, which may be longer than the title
_LIST_ITEM = re.compile(r"^[-•*·▪◦]\s")  # "- Nickel Slumps as …": an item of a "Most Read" list, no headline
# "Tags: gigafactory, state aid, Czechia": a page's labels, kept in the text but never its headline
_LABELS = re.compile(r"^(tags?|topics?|keywords?|filed under|categories|category)\s*:", re.IGNORECASE)
# " | Site", "_Site", " - Site", and "标题-新华网" (Chinese titles set the dash without spaces)
_SITE_SUFFIX = re.compile(r"\s*(?:\||_|\s[-–—]\s|(?<=[\u3400-\u9fff])[-–](?=[\u3400-\u9fff]))\s*([^|_]{1,60})$")
# "标题--人民网", "标题——某市人民政府": a doubled dash sets off a site's name only when that name is all the rest
# ("…——访某市政府负责人" is a subtitle)
_DASHED_SITE_SUFFIX = re.compile(r"\s*(?:--|——|－－)\s*([^-—－]{2,30})$")
# "标题_政务动态_某市人民政府", "标题--经济·科技--人民网": the site's section, between the headline and the site's name
_SECTION_SUFFIX = re.compile(r"\s*(?:_|--|——|\s\|\s)\s*([\u3400-\u9fff·]{2,8})$")
_SITE_WORD = re.compile(
    r"\.[a-z]{2,}\b|"
    + "|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in _DATA["site_name_words"]),
    re.IGNORECASE,
)
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
# "**Headline**", "*Headline*", "__Headline__": Markdown emphasis around a whole line
_MARKDOWN_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1$")
# the name runs to a wide gap, the next labelled field ("来源：某网 作者：某某"), a date or the end of the line
_SOURCE_NAME = re.compile(
    r"(?:^|\s)(?:source|来源|來源|信息来源|信息來源|文章来源|文章來源|稿源|转自|轉自)\s*[:：]\s*"
    r"(.+?)(?:\s{2,}|\s+[\u3400-\u9fff]{1,4}\s*[:：]|\s+(?-i:[A-Z][a-z]+(?:\s[a-z]+)?)\s?:|\s+(?:19|20)\d\d[-/.年]|$)",
    re.IGNORECASE,
)
_ISSUER_LABEL = re.compile(r"^(?:发布机构|发文机关|发文单位|制发机关|issued by)\s*[:：]?\s*", re.IGNORECASE)
_PAREN_SITE = re.compile(r"^\(\s*([\w.-]+\.[a-z]{2,})\s*\)")
_NAMED_DOCUMENT_EN = re.compile(
    r"\b(?:issued|released|published|unveiled|promulgated|adopted|printed and distributed)\s+(?:the\s+)?"
    r"(?P<t>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|on|and|in|the|to|a|an|with|by))*"
    r"(?:\s*\(\d{4}\s*[–-]\s*\d{2,4}\))?)"
)
_DOCUMENT_WORDS = re.compile(
    r"\b(Plan|Opinions?|Measures|Notice|Guidelines?|Programme|Program|Scheme|Regulations?|Rules|Strategy|"
    r"Outline|Polic(?:y|ies)|Law|Catalog(?:ue)?|Circular|Roadmap)\b"
)
_NAMED_DOCUMENT_ZH = re.compile(r"(?:印发|发布|出台|公布|制定)(?:了)?《(?P<t>[^》]{4,80})》")
# The cover notice of a distributed document: "《X》已经市政府同意，现印发给你们" names the document below it.
_COVER_NOTICE_ZH = re.compile(r"《(?P<t>[^》]{4,80})》[^。《]{0,30}(?:印发|转发)给你们")


def _spaced(label: str) -> str:
    """A Chinese label as a disclosure table may space it out to the width of the others ("标　　题：", "标 题：");
    a label in Latin letters as written."""
    if label.isascii():
        return re.escape(label)
    return r"[ \u3000]*".join(map(re.escape, label))


_WRITTEN_ON = re.compile(r"^\s*(?:" + "|".join(map(_spaced, _DATA["written_date_labels"])) + r")\s*[:：]")
# the page's own title field ("标题：…"), not a reposted story's former headline ("原标题：…")
_OWN_TITLE_LABEL = re.compile(
    r"^(?:" + "|".join(map(_spaced, _DATA["own_title_labels"])) + r")\s*[:：]\s*\S", re.IGNORECASE
)
# the same labels alone on a line, their value on the next (a disclosure table saved cell by cell)
_OWN_TITLE_CELL = re.compile(r"^\s*(?:" + "|".join(map(_spaced, _DATA["own_title_labels"])) + r")\s*[:：]?\s*$")
_FIELD_CELL = re.compile(r"^\s*(?:" + "|".join(map(re.escape, _DATA["table_labels"])) + r")\s*[:：]?\s*$")
# a field of a government portal's disclosure table, one to a line ("发布机构：省经信厅", "主题分类：工业")
# "索引号：" or, spaced out as some portals set it, "索 引 号："
_TABLE_FIELD = re.compile(
    r"^(?:" + "|".join(r"\s*".join(map(re.escape, label)) for label in _DATA["table_labels"]) + r")\s*[:：]"
)
_TITLE_LABEL = re.compile(
    r"^(?:" + "|".join(map(_spaced, _DATA["title_labels"] + _DATA["own_title_labels"])) + r")\s*[:：]\s*", re.IGNORECASE
)
# A short unpunctuated Chinese line ending in a site word ("某某新闻网", "某市人民政府") is the site's name.
_SITE_NAME_LINE = re.compile(
    r"^[\u3400-\u9fff\w]{2,14}(?:" + "|".join(re.escape(w) for w in _DATA["site_name_words"] if not w.isascii()) + ")$"
)
_TITLE_TAIL_WORDS = re.compile(r"(?:\s+(?:of|for|on|and|in|the|to|a|an|with|by))+$")


@dataclass(slots=True)
class Metadata:
    title: str | None
    title_line: str | None  # the head line the title was read from, kept at the top of the text
    published: str | None
    publisher: str | None
    source_type: str
    language: str


def describe(
    page: Page,
    url: str | None,
    *,
    title: str | None = None,
    fallback_title: str | None = None,
    published: str | None = None,
    wider_date: Callable[[], str | None] | None = None,
    publisher: str | None = None,
) -> Metadata:
    """Metadata of a page, given what its format already said.

    ``title`` comes from markup or a feed and beats the page's lines;
    ``fallback_title`` (a PDF's info dictionary, often "Microsoft Word -
    ...") only fills in when the lines give none.  ``published`` comes from
    structured fields and is preferred; ``wider_date`` (a search of the whole
    page) is asked only when nothing gives an exact day; ``publisher`` only fills in.  A title
    taken from the head goes on top of the text as the source wrote it.
    """
    # a line naming who issued the page (a bureau, or the office holder who delivers a report) is no headline
    head_title, title_line = _title_from_head([line for line in page.head if line not in page.issuer])
    if title:
        title = _title_text(title)
        if head_title != title:
            title_line = title
    else:
        title = head_title or fallback_title or _title_from_body(page.body)
    return Metadata(
        title=title,
        title_line=title_line,
        published=_published(page, url, published, wider_date),
        publisher=_publisher(page, url) or publisher or _bare_host(url),
        source_type=source_type(page, url, title_line),
        language=language("\n".join(page.body) or "\n".join(page.head)),
    )


def language(text: str) -> str:
    """ "zh" when Chinese characters make up a fair share of the letters, else "en"."""
    cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
    return "zh" if cjk and cjk >= 0.3 * (cjk + latin) else "en"


def source_type(page: Page, url: str | None, title_line: str | None = None) -> str:
    """The domain decides when it is known; otherwise the text's own signs; otherwise media for a web page.
    ``title_line`` is the head line the headline was read from: a masthead-shaped line is a body's masthead
    only when it is not the headline itself."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower()
    if host:
        if _GOVERNMENT_HOST.search(host):
            # a county media centre's news site, hosted on its government's domain ("来安新闻网" on laian.gov.cn)
            return "state_media" if _outlet_site(page.head, title_line) else "government"
        if _in_domains(host, _DATA["state_media_domains"]):
            return "state_media"
        if _in_domains(host, _DATA["newswire_domains"]):
            return "press_release"
        if _in_domains(host, _DATA["analysis_domains"]) or _ANALYSIS_SECTION.search(parts.path):
            return "analysis"
    if host in _ACCOUNT_PLATFORMS and (kind := _account_kind(page.head, title_line)):
        return kind
    if any(
        _GOVERNMENT_SITE_NAME.match(line) or line != title_line and _MASTHEAD.match(line.strip()) for line in page.head
    ):
        return "government"  # a portal's name, or a body's masthead above its release ("Office of the Governor")
    head = "\n".join(page.top)
    everything = "\n".join(page.head + page.body + page.dropped)
    offshore = host.rsplit(".", 1)[-1] in _OFFSHORE_TLDS
    for kind, places in _SIGNS.items():
        if kind == "state_media" and offshore:
            continue  # a Hong Kong or Macao site reposting a mainland daily is an outlet of its own
        if "head" in places and places["head"].search(head):
            return kind
        if "anywhere" in places and places["anywhere"].search(everything):
            return kind
    return "media" if host else "unknown"


def _outlet_site(head: list[str], title_line: str | None) -> bool:
    """Whether the page's site names itself a state news outlet on its top line ("来安新闻网", "某某融媒")."""
    top = next((line.strip() for line in head if line.strip()), "")
    return (
        top != (title_line or "").strip()
        and bool(_ACCOUNT_NAME.match(top))
        and bool(_ACCOUNT_KINDS["state_media"].search(top))
    )


def _account_kind(head: list[str], title_line: str | None) -> str | None:
    """The kind of body whose account wrote a platform's page: its name alone on the top line, or before the date
    of the stamp line ("原创 某区融媒 某区融媒 2025年07月21日 19:05 浙江")."""
    for line in head[:_ACCOUNT_LINES]:
        stripped = line.strip()
        if not stripped or line == title_line:
            continue
        name = _ACCOUNT_NAME.match(stripped)
        if name is None:
            continue
        for kind, pattern in _ACCOUNT_KINDS.items():
            if pattern.search(name.group("name")):
                return kind
    return None


def _in_domains(host: str, domains: list[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _title_text(line: str) -> str:
    """The headline a title line holds, without Markdown marks or a trailing site name."""
    title = _TITLE_LABEL.sub("", _MARKDOWN_HEADING.sub("", line).strip())
    title = _MARKDOWN_EMPHASIS.sub(r"\2", title)
    site = _SITE_SUFFIX.search(title)
    if not (site and _SITE_WORD.search(site.group(1))):
        site = _DASHED_SITE_SUFFIX.search(title)
        if site and not (_SITE_NAME_LINE.match(site.group(1)) or _GOVERNMENT_SITE_NAME.match(site.group(1))):
            site = None
    if site is None or words(title[: site.start()]) < 3:
        return title
    title = title[: site.start()].rstrip()
    if (section := _SECTION_SUFFIX.search(title)) and words(title[: section.start()]) >= 3:
        title = title[: section.start()].rstrip()
    return title


def _title_from_head(head: list[str]) -> tuple[str | None, str | None]:
    """The headline among the lines above the article: the longest line that reads like one.

    A Markdown heading wins outright.  Otherwise menus, bylines and date
    stamps are set aside and the longest remaining line is taken, because
    section labels and site names sit next to headlines but are shorter.
    """
    for label, line in pairwise(head):  # a disclosure table saved cell by cell: "标题：" then its value
        if _OWN_TITLE_CELL.match(label) and _is_title_like(line):
            return _title_text(line), line
    # the value of another field of such a table ("发布机构：" then "某省人民政府办公厅") is no headline
    values = {i + 1 for i, label in enumerate(head[:-1]) if _FIELD_CELL.match(label)}
    candidates = [line for i, line in enumerate(head) if i not in values and _is_title_like(line)]
    for line in candidates:
        if _MARKDOWN_HEADING.match(line) or _OWN_TITLE_LABEL.match(line.strip()):
            return _title_text(line), line  # "# …", or a portal's "标题：…" field
    if not candidates:
        return None, None
    # A headline of five words or more comes before its deck (the longer standfirst below it);
    # only among short lines — site names, section labels — does the longest win.
    full = [line for line in candidates if _headline_length(line)]
    menus = [i for i, line in enumerate(head) if _SITE_NAVIGATION.match(line.strip()) and is_furniture(line.strip())]
    if menus:
        below = [line for i, line in enumerate(head) if i > menus[-1] and line in full]
        full = below or full  # the site's name and masthead stand above its menu; the headline below it
    while len(full) > 1 and _MASTHEAD.match(full[0].strip()):
        full = full[1:]  # "Ministry of Trade, Industry and Energy" (or its minister) above its release's headline
    best = full[0] if full else max(candidates, key=lambda line: len(line.strip()))
    if (rest := _title_rest(head, best)) is not None:
        best = best.rstrip() + rest
    return _title_text(best), best


def _title_rest(head: list[str], first: str) -> str | None:
    """The end of a Chinese document's title broken onto the next line ("某市2025年国民经济和" / "社会发展统计公报")."""
    stripped = first.strip()
    if not _CJK.search(stripped[-1:]) or _DOCUMENT_TITLE_END.search(stripped):
        return None
    after = [line.strip() for line in head[head.index(first) + 1 :] if line.strip()]
    if not after:
        return None
    rest = after[0]
    if (
        len(rest) > 30
        or not _DOCUMENT_TITLE_END.search(rest)
        or _INNER_SENTENCE_END.search(rest)
        or is_furniture(rest)
        or dates.states_date(rest)
        or _TABLE_FIELD.match(rest)
    ):
        return None
    return rest


def _headline_length(line: str) -> bool:
    stripped = line.strip()
    cjk = len(_CJK.findall(stripped))
    return cjk >= 8 if cjk else words(stripped) >= 5


def _is_title_like(line: str) -> bool:
    stripped = line.strip()
    if (
        not stripped
        or len(stripped) > 300
        or _NOT_HEADLINE_END.search(stripped)
        or _SUBTITLE.match(stripped)
        or _LIST_ITEM.match(stripped)
        or _LABELS.match(stripped)
        or _INNER_SENTENCE_END.search(stripped)
    ):
        return False
    if (
        is_furniture(stripped)
        or _BYLINE.match(stripped)
        or _TABLE_FIELD.match(stripped)
        or dates.states_date(stripped)
        or _STAMP_FIRST.match(stripped)
        or _SOURCE_NAME.search(stripped)
        or _SITE_NAME_LINE.match(stripped)
        or _GOVERNMENT_SITE_NAME.match(stripped)
    ):
        return False
    cjk = len(_CJK.findall(stripped))
    return cjk >= 6 if cjk else words(stripped) >= 3


def _title_from_body(body: list[str]) -> str | None:
    """A page that opens straight into prose may name the document it reports: "issued the X Plan (2022–2025)"."""
    first = next((line for line in body if line.strip()), "")
    if _is_title_like(first) and _headline_length(first):
        return _title_text(first)  # the article opens with its own headline line
    for m in _NAMED_DOCUMENT_EN.finditer(first):
        name = _TITLE_TAIL_WORDS.sub("", m.group("t"))
        if _DOCUMENT_WORDS.search(name) and words(name) >= 3:
            return name
    named = _NAMED_DOCUMENT_ZH.search(first) or _COVER_NOTICE_ZH.search(first)
    return named.group("t") if named else None


def _published(
    page: Page, url: str | None, given: str | None = None, wider_date: Callable[[], str | None] | None = None
) -> str | None:
    """The page's own date: one its format gave (``given``), else a labelled publication date (a page may
    also show when the document was written), then a date stamp or dateline, then the URL's date.  A
    month-only answer is refined by a later exact day in that month, never the other way round.

    Only when none of these gives an exact day is ``wider_date`` asked (htmldate's extensive search over
    the whole page: on htmldate's own evaluation set it dates about 60 % of the pages the fast search
    leaves undated, at a lower precision).  A year alone ("2020-01-01") is not taken from it, and it
    refines a month only with a day other than the 1st, which is what a month alone is filled with."""
    if given and len(given) == 10:
        return given
    order = dates.numeric_order(page.top, url)
    first = given
    for iso in _date_candidates(page, url, order):
        if first is None:
            first = iso
        if len(iso) == 10 and iso.startswith(first):
            return iso
    if first is not None and len(first) == 7 and (day := dates.day_of_dateline(page.top, first)):
        return day
    guess = wider_date() if wider_date is not None else None
    if guess is None or len(guess) != 10 or guess.endswith("-01-01"):
        return first
    if first is None or (guess.startswith(first) and not guess.endswith("-01")):
        return guess
    return first


def _date_candidates(page: Page, url: str | None, order: str | None) -> Iterator[str]:
    # the day a document was written ("成文日期：2026年03月16日") is not the day the page put it up, which a stamp
    # or the URL gives; it dates the page only when nothing else does
    for line in page.top:
        if iso := dates.labelled_date(line, order):
            yield iso
    for label, line in pairwise(page.top):  # "发布日期：" then "2024年03月05日", cell by cell
        if iso := dates.labelled_on_next_line(label, line, order):
            yield iso
    signed = {line for line in page.body if is_signature_date(line)}  # a notice's day, signed under its text
    for line in page.top:
        if not _WRITTEN_ON.match(line) and line not in signed and (iso := dates.date_of_line(line, order)):
            yield iso
    for line in page.top:  # "Staff Reporter | Chennai | August 5, 2026 | 4 min read", "2026-02-27   Source: …"
        parts = _BYLINE_SEPARATOR.split(line.strip())
        for part in parts if len(parts) > 1 else ():
            if iso := dates.date_of_line(part, order):
                yield iso
    for line in page.top:  # "——2026年1月14日在某市人民代表大会上": the day a report or speech was delivered
        if (delivered := _DELIVERED_ON.match(line)) and (iso := dates.parse_date(delivered.group(1), order)):
            yield iso
    if iso := dates.date_in_url(url):
        yield iso
    for line in page.top:
        if (_WRITTEN_ON.match(line) or line in signed) and (iso := dates.date_of_line(line, order)):
            yield iso
    for line in page.top:
        if year := dates.document_number_year(line):
            yield year


def _publisher(page: Page, url: str | None) -> str | None:
    for line in page.top + page.dropped:
        if m := _SOURCE_NAME.search(line.strip()):
            name = cut_at_furniture(m.group(1)).strip(" .|")
            if name and not dates.contains_date(name):
                return name
    head = "\n".join(page.top)
    if m := _NEWSWIRE.search(head):
        return m.group(0)
    for line in page.issuer:  # "发布机构：某省工业和信息化厅", "某市统计局  国家统计局某市调查队": the first body named
        names = _ISSUER_LABEL.sub("", line.strip()).split()
        if names:
            return names[0]
    for line in page.head:
        if m := _PAREN_SITE.match(line.strip()):
            return _known_publisher(m.group(1).lower()) or m.group(1)
    host = (urlsplit(url).hostname or "").lower() if url else ""
    return _known_publisher(host) if host else None


def _bare_host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _known_publisher(host: str) -> str | None:
    for domain, name in _DATA["publishers"].items():
        if host == domain or host.endswith("." + domain):
            return name
    return None
