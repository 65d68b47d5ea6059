"""The track stage: where each target stands, which statistics show its progress, which figures disagree.

Pure functions of facts and a caller-given day; the knowledge base fills the
dataclasses from its rows and stores what comes back.
"""

from .conflicts import Conflict, cross_document_conflicts, currency_conflicts
from .linking import (
    as_goals,
    deciding_links,
    first_restatements,
    link,
    link_score,
    metric_similarity,
    metrics_match,
    normalise_subject,
    restatements,
)
from .pipeline import track_targets
from .rates import convert, convertible
from .status import (
    STATUSES,
    Observation,
    Status,
    TargetFact,
    status_periods,
    target_status,
)

__all__ = [
    "STATUSES",
    "Conflict",
    "Observation",
    "Status",
    "TargetFact",
    "as_goals",
    "convert",
    "convertible",
    "cross_document_conflicts",
    "currency_conflicts",
    "deciding_links",
    "first_restatements",
    "link",
    "link_score",
    "metric_similarity",
    "metrics_match",
    "normalise_subject",
    "restatements",
    "status_periods",
    "target_status",
    "track_targets",
]
