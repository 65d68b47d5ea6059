"""A Brief as Markdown, standalone HTML or JSON.

Brief texts quote documents, and documents are other people's text, so
everything taken from a Brief is escaped for the target format: a
``<script>`` in a source stays visible text in HTML and inert in Markdown
(which many viewers render as HTML).  The three formats share one
structure and the same citation numbers.
"""
from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib import resources

from .model import Brief, Point

FORMATS = ("md", "html", "json")

# Characters Markdown would read as markup (CommonMark lets any ASCII punctuation be backslash-escaped).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&!~])")


def render(brief: Brief, fmt: str = "md") -> str:
    """The brief as text in ``fmt`` (md, html or json)."""
    if fmt == "md":
        return markdown(brief)
    if fmt == "html":
        return to_html(brief)
    if fmt == "json":
        return to_json(brief)
    raise ValueError(f"unknown brief format {fmt!r}: use one of {', '.join(FORMATS)}")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def markdown(brief: Brief) -> str:
    lines = [f"# {md_escape(brief.title)}", "", f"*{md_escape(brief.byline)}*", ""]
    for section in brief.sections:
        lines += [f"## {md_escape(section.title)}", ""]
        if section.note:
            lines += [f"*{md_escape(section.note)}*", ""]
        if section.id == "summary":
            lines += [" ".join(_md_point(p) for p in section.points), ""]
            continue
        lines += [f"- {_md_point(p)}" for p in section.points]
        if section.points:
            lines.append("")
    # A digest where nothing matched cites nothing: no empty Sources heading then.
    lines += [f"## {md_escape(brief.sources_title)}", ""] if brief.citations else []
    for c in brief.citations:
        where = md_escape(c.title or c.source)
        lines.append(f"{c.number}. “{md_escape(c.text)}” — {where}")
    return "\n".join(lines).rstrip() + "\n"


def _md_point(point: Point) -> str:
    heading = point.data.get("heading")
    text = (f"**{md_escape(heading)}**: " if heading else "") + md_escape(point.text)
    return text + "".join(f" [{n}]" for n in point.citations)


@cache
def _css() -> str:
    return resources.files("policylens.briefs").joinpath("data", "brief.css").read_text("utf-8")


def to_html(brief: Brief) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", f'<html lang="{e(brief.language)}">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{e(brief.title)}</title>", f"<style>{_css()}</style>", "</head>", "<body>",
             f"<h1>{e(brief.title)}</h1>", f'<p class="byline">{e(brief.byline)}</p>']
    for section in brief.sections:
        parts.append(f'<section id="{e(section.id)}"><h2>{e(section.title)}</h2>')
        if section.note:
            parts.append(f'<p class="note">{e(section.note)}</p>')
        if section.id == "summary":
            parts.append("<p>" + " ".join(_html_point(p) for p in section.points) + "</p>")
        elif section.points:
            parts.append("<ul>" + "".join(f"<li>{_html_point(p)}</li>" for p in section.points) + "</ul>")
        parts.append("</section>")
    if brief.citations:
        parts.append(f'<section id="sources"><h2>{e(brief.sources_title)}</h2><ol class="sources">')
        parts += [f'<li id="c{c.number}">“{e(c.text)}” <span class="doc">— {e(c.title or c.source)}</span></li>'
                  for c in brief.citations]
        parts.append("</ol></section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _html_point(point: Point) -> str:
    heading = point.data.get("heading")
    text = (f"<strong>{html.escape(heading)}</strong>: " if heading else "") + html.escape(point.text)
    return text + "".join(f'<sup><a href="#c{n}">[{n}]</a></sup>' for n in point.citations)


def to_json(brief: Brief) -> str:
    # "<" as \u003c keeps the JSON inert even when a page embeds it in a <script> block.
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=1).replace("<", "\\u003c") + "\n"
