"""Standalone HTML (its stylesheet inline), everything from the brief escaped: a ``<script>`` in a source stays text."""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

from policylens.briefs.model import Brief, Point

from . import Renderer, register


@cache
def _css() -> str:
    return resources.files("policylens.briefs").joinpath("data", "brief.css").read_text("utf-8")


def to_html(brief: Brief) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(brief.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(brief.title)}</title>",
        f"<style>{_css()}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(brief.title)}</h1>",
        f'<p class="byline">{e(brief.byline)}</p>',
    ]
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
        parts += [
            f'<li id="c{c.number}">“{e(c.text)}” <span class="doc">— {e(c.title or c.source)}</span></li>'
            for c in brief.citations
        ]
        parts.append("</ol></section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _html_point(point: Point) -> str:
    heading = point.data.get("heading")
    text = (f"<strong>{html.escape(heading)}</strong>: " if heading else "") + html.escape(point.text)
    return text + "".join(f'<sup><a href="#c{n}">[{n}]</a></sup>' for n in point.citations)


register(Renderer("html", order=20, render=to_html))
