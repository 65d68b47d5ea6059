"""policylens: industrial-policy documents in, cited facts, tracked targets and briefs out.

The pipeline's stages are subpackages (ingestion → extraction → store →
track → …); the functions most callers need are here:

    import policylens
    report = policylens.ingest(["plan.txt", "https://example.org/feed.xml"], db="sqlite:///kb.db")
    for document in report.documents: ...
    facts = policylens.extract(document)
    print(policylens.render_brief(policylens.brief(document_id, db="sqlite:///kb.db"), "md"))
"""
__version__ = "0.1.0"

from policylens.api import IngestReport, Outcome, extract_path, extract_sources, ingest  # noqa: E402
from policylens.briefs import Brief, brief, brief_from_summary, digest  # noqa: E402
from policylens.briefs import render as render_brief  # noqa: E402
from policylens.extraction import extract  # noqa: E402

__all__ = ["Brief", "IngestReport", "Outcome", "__version__", "brief", "brief_from_summary", "digest", "extract",
           "extract_path", "extract_sources", "ingest", "render_brief"]
