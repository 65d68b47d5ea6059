"""Word forms shared by the stages that compare words: search and metric matching.

"factories" and "factory" must meet both when a user searches and when a
2025 statistic is matched to a 2023 target; one rule keeps the two in step.
"""

from __future__ import annotations


def singular(word: str) -> str:
    """The singular of a lower-case English word, by the regular endings only ("factories" -> "factory")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
