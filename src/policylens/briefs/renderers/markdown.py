"""Markdown, with every character Markdown would read as markup escaped (many viewers render Markdown as HTML)."""

from __future__ import annotations

import re

from policylens.briefs.model import Brief, Point

from . import Renderer, register

# Characters Markdown would read as markup (CommonMark lets any ASCII punctuation be backslash-escaped).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&!~])")


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


register(Renderer("md", order=10, render=markdown))
