"""A sitemap (``<urlset>``) or sitemap index (``<sitemapindex>``) read as entries, newest first.

Sitemaps list every page of a site, so a read keeps the newest by
``<lastmod>`` (the date a poller needs) up to the limit in
``data/listings.yaml``; an index names child sitemaps, which the caller
fetches, newest first, up to its own limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?(urlset|sitemapindex)[\s>]", re.DOTALL
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass(frozen=True, slots=True)
class SitemapItem:
    url: str
    lastmod: str | None  # as written: an ISO date or date-time


@dataclass(frozen=True, slots=True)
class Sitemap:
    index: bool  # the items are child sitemaps, not pages
    items: list[SitemapItem]


def is_sitemap(data: bytes) -> bool:
    return bool(_ROOT.match(data[:4096]))


def parse_sitemap(data: bytes) -> Sitemap:
    """The sitemap's items, newest ``lastmod`` first (items without one keep their order, after)."""
    root = etree.fromstring(data, _PARSER)
    if root is None:
        return Sitemap(False, [])
    index = etree.QName(root).localname == "sitemapindex"
    items = []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        values = {
            etree.QName(child).localname: (child.text or "").strip() for child in node if isinstance(child.tag, str)
        }
        if values.get("loc", "").lower().startswith(("http://", "https://")):
            items.append(SitemapItem(values["loc"], values.get("lastmod") or None))
    dated = sorted((i for i in items if i.lastmod), key=lambda i: i.lastmod or "", reverse=True)
    return Sitemap(index, dated + [i for i in items if not i.lastmod])
