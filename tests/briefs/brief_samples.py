"""Documents written for these tests (invented places, companies and figures), shared by the brief tests."""

from __future__ import annotations

from pathlib import Path

from policylens.model import Document, Entity, Extraction, Quantity

CLUSTER_APPROVAL = """Lakeshore Approves Provincial Valve Cluster

May 12, 2026

The Lakeshore Provincial Government approved the Lakeshore-Harbor provincial advanced manufacturing cluster for industrial valves in May 2026. The cluster is focused on cryogenic ball valves, nuclear-grade gate valves, and smart valve actuators. The cluster aims to exceed RMB 12 billion in exports by 2028, with faster export certification and new rail freight channels for manufacturers. Harbor City has gathered leading enterprises including Tideway Valves and Ridgeback Controls, and buyers and suppliers expect shorter procurement cycles.
"""

SUBSIDY_RULES = """Harbor City Issues Detailed Rules for Valve Export Subsidies

June 2, 2026

The Harbor City Commerce Bureau issued detailed rules for valve export subsidies on June 2, 2026. Eligible enterprises shall submit applications before August 31, 2026. A subsidy of up to 500,000 yuan is granted to each exporter that obtains an international certificate. The rules take effect on July 1, 2026.
"""

HEDGED_PLAN = """Harbor City Plans a Pump Park

April 9, 2026

Harbor City announced a plan to build the Harbor Pump Industrial Park for pump manufacturers. It is not yet clear whether detailed rules for land and subsidies will follow.
"""

CLUSTER_PROGRESS = """Lakeshore Valve Cluster Reports Export Growth

March 3, 2029

In 2028, exports of the Lakeshore-Harbor provincial advanced manufacturing cluster for industrial valves reached RMB 9 billion. Its manufacturers added new certification capacity.
"""

HOSTILE = """Valve Park <script>alert('x')</script> Opens

May 20, 2026

The Harbor Valve Park <script>alert("pwned")</script> opened in May 2026 with 40 manufacturers & <b>12</b> exporters.
"""


def document(text: str, source: str = "sample.txt", **meta) -> Document:
    """A Document as ingestion would make it from ``text``, without reading a file."""
    lines = text.strip().splitlines()
    return Document(source=source, text=text, title=lines[0], **meta)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def extraction(
    text: str,
    source: str,
    *,
    published: str | None = None,
    source_type: str = "media",
    facts: tuple[dict, ...] = (),
    entities: tuple[tuple[str, str], ...] = (),
    industries: tuple[str, ...] = (),
) -> Extraction:
    """An Extraction with exactly the facts given, each located in ``text`` by its span.

    For tests of what the brief does with facts, independent of how well
    the extractors read invented prose.  ``facts`` are Quantity fields with
    ``text`` the span to find; ``entities`` are (type, name) pairs.
    """
    quantities = []
    for fact in facts:
        start = text.index(fact["text"])
        quantities.append(Quantity(start=start, end=start + len(fact["text"]), **fact))
    named = []
    for kind, name in entities:
        at = text.index(name)
        named.append(Entity(type=kind, name=name, mentions=[(at, at + len(name))]))
    return Extraction(
        document(text, source, published=published, source_type=source_type),
        quantities=quantities,
        entities=named,
        industries=list(industries),
    )
