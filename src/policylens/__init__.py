"""policylens: industrial-policy documents in, cited facts, tracked targets and briefs out.

The pipeline's stages are subpackages (ingestion → extraction → store →
track → …); the functions most callers need are here:

    import policylens
    report = policylens.ingest(["plan.txt", "https://example.org/feed.xml"], db="sqlite:///kb.db")
    for document in report.documents: ...
    facts = policylens.extract(document)
"""
__version__ = "0.1.0"

from policylens.api import IngestReport, Outcome, extract_path, extract_sources, ingest  # noqa: E402
from policylens.extraction import extract  # noqa: E402

__all__ = ["IngestReport", "Outcome", "__version__", "extract", "extract_path", "extract_sources", "ingest"]
