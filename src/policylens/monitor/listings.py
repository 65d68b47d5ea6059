"""A listing page (a portal's 通知公告, a ministry's notice list, a trade body's news page) read as entries.

Such pages print their articles as the largest run of sibling items — ``<li>``
of a ``<ul>``, rows of a table, repeated ``<div>`` — each with a title link and
usually a date beside it.  Menus, headers, footers and "related" boxes are
link groups too, so the main list is told apart by how it is written, never by
site: boilerplate containers (``nav``, ``footer``, ARIA roles, class words in
``data/listings.yaml``) are dropped, and of the remaining groups the one with
the most title-like links (menu words are short) and dated items wins.

Dates are read beside the link, not in its title: full dates through
``ingestion.dates`` (2024-10-30, 2024年10月30日, 30 October 2024) and the
month-day stamps of Chinese lists ([10-30], 10月30日), whose year is the
latest that does not put them in the future.  A "next page" link (下一页,
Next, rel=next) is returned for backfill.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urldefrag, urljoin

import courlan
import lxml.html
from lxml.etree import ParserError

from policylens import vocab
from policylens.ingestion.dates import parse_date

# The tags whose repetition makes a list; a link's item is its nearest such ancestor.
_ITEM_TAGS = frozenset({"li", "tr", "dt", "dd", "p", "div", "article", "section"})
_DROP_TAGS = ("nav", "header", "footer", "aside", "script", "style", "noscript", "form", "select", "template")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[^\W\d_]{2,}")
_MONTH_DAY = re.compile(r"\A[\s\[(【（〔]*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?[\s\])】）〕]*\Z")
_TRIM = " \t\r\n\xa0[]()【】（）<>〈〉«»"
_NEXT_TRIM = " \t\r\n\xa0[]()【】（）"


@dataclass(frozen=True, slots=True)
class ListedLink:
    url: str  # absolute, normalised: the entry's key
    title: str | None
    published: str | None  # ISO date printed beside the link


@dataclass(frozen=True, slots=True)
class Listing:
    links: list[ListedLink]
    next_page: str | None


@cache
def rules() -> dict[str, Any]:
    """The data of ``data/listings.yaml``, word lists as sets."""
    data = dict(vocab.load("policylens.monitor", "listings.yaml"))
    data["boilerplate_tokens"] = frozenset(data["boilerplate_tokens"])
    data["boilerplate_roles"] = frozenset(data["boilerplate_roles"])
    data["next_page_words"] = frozenset(w.lower() for w in data["next_page_words"])
    return data


def normalise(url: str) -> str:
    """The form a link is stored and compared in: no fragment, tracking parameters and case noise removed."""
    url = urldefrag(url)[0]
    try:
        return courlan.normalize_url(url)
    except ValueError:
        return url


def parse_listing(html: str, url: str, today: dt.date) -> Listing:
    """The main list's links (in page order) and the next page's URL; an empty list when there is none."""
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ParserError, ValueError):
        return Listing([], None)
    base = urljoin(url, tree.xpath("string(//base/@href)") or "")
    next_page = _next_page(tree, base, url)
    _drop_boilerplate(tree)
    groups: dict[Any, list[tuple[Any, Any]]] = {}
    for item, link in _items(tree):
        groups.setdefault(item.getparent(), []).append((item, link))
    best: list[ListedLink] = []
    best_score = 0
    for members in groups.values():
        links = _group_links(members, base, url, today)
        titled = sum(_title_like(link.title) for link in links)
        if titled < 2:
            continue
        score = titled + sum(link.published is not None for link in links)
        if score > best_score:
            best, best_score = links, score
    return Listing(best, next_page)


def _drop_boilerplate(tree: Any) -> None:
    data = rules()
    doomed = list(tree.iter(*_DROP_TAGS))
    for el in tree.iter("*"):
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        if el.get("role", "").lower() in data["boilerplate_roles"]:
            doomed.append(el)
            continue
        words = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if words.strip() and not data["boilerplate_tokens"].isdisjoint(_TOKEN_SPLIT.split(words)):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _items(tree: Any) -> Iterable[tuple[Any, Any]]:
    """(item, link) for each item holding links: the item's longest-titled link stands for it."""
    chosen: dict[Any, Any] = {}
    for link in tree.iter("a"):
        if not link.get("href"):
            continue
        item = _item_of(link)
        if item is None:
            continue
        held = chosen.get(item)
        if held is None or len(_link_title(link) or "") > len(_link_title(held) or ""):
            chosen[item] = link
    return chosen.items()


def _item_of(link: Any) -> Any:
    """The link's nearest item-like ancestor that repeats among its siblings, else its nearest item-like one.

    In ``<li><div class="title"><a>`` the repeated item is the ``li``, not the ``div``.
    """
    nearest = None
    for el in link.iterancestors():
        if el.tag not in _ITEM_TAGS or (parent := el.getparent()) is None:
            continue
        if len(parent.findall(el.tag)) > 1:
            return el
        nearest = nearest if nearest is not None else el
    return nearest


def _group_links(members: list[tuple[Any, Any]], base: str, page: str, today: dt.date) -> list[ListedLink]:
    out, seen = [], set()
    page_key = normalise(page)
    for item, link in members:
        target = _article_url(link.get("href", ""), base)
        if target is None or target == page_key or target in seen:
            continue
        seen.add(target)
        title = _link_title(link)
        beside = " ".join(item.text_content().split())
        if title and (text := " ".join(link.text_content().split())):
            beside = beside.replace(text, " ", 1)
        out.append(ListedLink(target, title, _date_beside(beside, today)))
    return out


def _article_url(href: str, base: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    url = urljoin(base, href)
    if not url.lower().startswith(("http://", "https://")):
        return None
    url = normalise(url)
    if courlan.is_navigation_page(url) or courlan.is_not_crawlable(url):
        return None
    return url


def _link_title(link: Any) -> str | None:
    """The link's text, or its title attribute when that is longer (portals cut long titles with "...")."""
    text = " ".join(link.text_content().split())
    attr = " ".join((link.get("title") or "").split())
    return (attr if len(attr) > len(text.rstrip(".…")) else text) or None


def _title_like(title: str | None) -> bool:
    if not title:
        return False
    data = rules()
    return (
        len(_CJK.findall(title)) >= data["title_min_cjk"] or len(_LATIN_WORD.findall(title)) >= data["title_min_words"]
    )


def _date_beside(text: str, today: dt.date) -> str | None:
    text = text.strip(_TRIM + " ")
    if not text:
        return None
    iso = parse_date(text)
    if iso and len(iso) == 10:
        return iso
    m = _MONTH_DAY.match(text)
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    for year in (today.year, today.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        if date <= today + dt.timedelta(days=1):
            return date.isoformat()
    return None


def _next_page(tree: Any, base: str, page: str) -> str | None:
    words = rules()["next_page_words"]
    candidates = tree.xpath("//link[@rel='next']/@href | //a[@rel='next']/@href")
    candidates += [
        a.get("href")
        for a in tree.iter("a")
        if a.get("href")
        and (
            " ".join(a.text_content().split()).strip(_NEXT_TRIM).lower() in words
            or (a.get("title") or "").strip().lower() in words
        )
    ]
    for href in candidates:
        href = href.strip()
        if href.startswith(("#", "javascript:")):
            continue
        url = urldefrag(urljoin(base, href))[0]
        if url.lower().startswith(("http://", "https://")) and normalise(url) != normalise(page):
            return url
    return None
