"""The project's own sample articles for monitoring tests: a cluster approved, its implementation rules, its progress.

Written for these tests (not taken from the corpus), so that each carries
exactly the facts a watchlist or a follow-up should find.
"""

from __future__ import annotations

APPROVAL = """Shandong Approves Qingdao CNC Machine Tool Cluster, Sets Export Goal

March 12, 2025

Shandong approved the Qingdao CNC machine tool cluster in March 2025, the Shandong Provincial Department of \
Industry and Information Technology said on Wednesday.

The cluster, centred on Jiaozhou, brings together more than 300 machine tool makers. The cluster aims for \
exports exceeding RMB 5 billion by 2027, compared with RMB 2.1 billion in 2024.

Makers seeking export certification for European markets will get help from COSMOPlat, the industrial \
internet platform of Haier.
"""

IMPLEMENTATION = """Qingdao Issues Implementation Rules for the Qingdao CNC Machine Tool Cluster

June 5, 2025

The Qingdao Municipal Bureau of Industry and Information Technology issued implementation rules for the \
Qingdao CNC machine tool cluster on June 5, 2025.

The rules set out subsidies for machining centres, a shared testing laboratory in Jiaozhou and a fast track \
for export licences.
"""

PROGRESS = """Qingdao CNC Machine Tool Cluster Exports Rise in 2025

January 20, 2026

Exports of the Qingdao CNC machine tool cluster reached RMB 3.4 billion in 2025, the Qingdao Municipal Bureau \
of Commerce said on Tuesday.

The cluster's makers of lathes and machining centres shipped more units to Southeast Asia than a year earlier.
"""

ELSEWHERE = """Hefei Opens New Energy Vehicle Battery Park

April 2, 2025

Hefei launched a new energy vehicle battery industrial park in Feixi County on April 2, 2025, the city \
government said. The park plans annual output of 40 GWh of battery cells by 2028.
"""


def page(text: str) -> str:
    """An article as a web page: the headline in <h1>, each paragraph in <p>."""
    title, *paras = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{p.strip()}</p>" for p in paras)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
