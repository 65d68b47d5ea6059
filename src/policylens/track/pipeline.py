"""The track stage in one call: link, find restatements, judge every target on one day.

The knowledge base, the CLI and the brief all need every target's status
on the day the user asks about; doing it in one place keeps them agreeing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .linking import as_goals, link, restatements
from .status import Observation, Status, TargetFact, target_status


def track_targets(targets: Sequence[TargetFact], statistics: Sequence[Observation], as_of: date) -> dict[int, Status]:
    """Target id -> its status on ``as_of``, from the statistics that link to it (a restatement's from its goal's start)."""
    progress = link(as_goals(targets, restatements(targets)), statistics)
    superseded = restatements(targets, as_of)
    return {t.id: target_status(t, progress.get(t.id, ()), as_of, superseded.get(t.id)) for t in targets}
