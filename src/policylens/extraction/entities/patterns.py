"""The word lists of data/entity_patterns.yaml, compiled once into the patterns every strategy reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policylens import vocab
from policylens.extraction.anycase import any_case, opening

SMALL_WORDS = frozenset(
    ["of", "and", "the", "for", "in", "on", "a", "an", "to", "with", "at", "by", "or", "from", "as", "into", "its"]
)


@dataclass(slots=True)
class Patterns:
    heads: dict[str, str]
    leading_heads: dict[str, str]
    plural_heads: dict[str, str]
    legal_suffix: re.Pattern
    short_name_end: re.Pattern
    park_short_name_end: re.Pattern
    common_first_words: frozenset[str]
    demonyms: frozenset[str]  # "Italian", "Spanish": a country's adjective, never a name alone
    descriptive: re.Pattern
    descriptive_types: dict[str, str]
    levels: dict[str, str]
    generic: frozenset[str]
    stops: frozenset[str]
    list_trigger: re.Pattern
    list_types: dict[str, str]
    possessed: re.Pattern
    company_verb: re.Pattern
    company_relative: re.Pattern
    attribution: re.Pattern
    legal_prefix: re.Pattern
    company_self: re.Pattern
    person_titled: re.Pattern  # a title right before a name ("Gov. ", "Chief executive ")
    programme_after: re.Pattern
    portfolio_before: re.Pattern  # "in charge of" before an official's portfolio ("… Transition policy")
    programme_before: re.Pattern
    programme_nouns: frozenset[str]
    programme_over_heads: re.Pattern
    programme_period: re.Pattern
    state_bodies: frozenset[str]
    plan_for: re.Pattern
    plan_for_core: re.Pattern  # what every plan_for match holds
    government: re.Pattern
    not_starts: frozenset[str]
    name_particles: frozenset[str]
    describing_participles: frozenset[str]
    time_words: frozenset[str]
    company_before: re.Pattern
    weak_company_heads: frozenset[str]
    field_words: frozenset[str]
    modified_after: re.Pattern  # a noun a name before it only modifies, alone or joined by "and"
    company_after: re.Pattern
    body_decision: re.Pattern  # a decision only a public body takes, right after a name
    platform_nouns: frozenset[str]
    government_nouns_after: frozenset[str]


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    raw = vocab.load("policylens.extraction", "entity_patterns.yaml")
    heads = {w: t for t, words in raw["heads"].items() for w in words}
    descriptive_types = {w: t for t, words in raw["descriptive_heads"].items() for w in words}
    list_types = {w: t for t, words in raw["list_triggers"].items() for w in words}
    # "successfully developed", "plans to build": what a company does, up to two adverbs before it
    corporate_verb = (
        r"(?:(?:"
        + _alternation(raw["company_verb_adverbs"])
        + r")\s+){0,2}(?:"
        + _alternation(raw["company_verbs"])
        + r")\b"
    )
    return Patterns(
        heads=heads,
        leading_heads={w: t for t, words in raw["leading_heads"].items() for w in words},
        plural_heads=dict(raw["plural_heads"]),
        legal_suffix=re.compile(r"(?:,?\s*(?:" + "|".join(raw["legal_forms"]) + "))"),
        common_first_words=frozenset(w.lower() for w in raw["common_first_words"]),
        demonyms=frozenset(vocab.load("policylens.extraction", "demonyms.yaml")["demonyms"]),
        short_name_end=re.compile(
            r"\s*(?:\((?:[^)]*)\)\s*)?(?:"
            + "|".join(raw["short_name_drops"])
            + r")(?:\s+(?:"
            + "|".join(raw["short_name_drops_after"])
            + r"))?\s*$"
        ),
        park_short_name_end=re.compile(
            r"(?:\s+(?i:"
            + _alternation(raw["park_short_name_qualifiers"])
            + r"))*\s+(?i:"
            + _alternation(raw["park_short_name_heads"])
            + r")$"
        ),
        descriptive=re.compile(
            opening(w[0] for w in descriptive_types) + r"\b(" + _alternation(descriptive_types) + r")(?![\w-])"
        ),
        descriptive_types={k.replace(" ", ""): v for k, v in descriptive_types.items()} | descriptive_types,
        levels={w: level for level, words in raw["levels"].items() for w in words},
        generic=frozenset(raw["generic_descriptors"]),
        stops=frozenset(raw["descriptor_stops"]),
        list_trigger=re.compile(
            r"\b("
            + any_case(list_types, _alternation)
            + r")\b[\s,—–-]*(?:"
            + _alternation(raw["list_markers"])
            + r")\s+|\bled\s+by\s+",
            re.IGNORECASE,
        ),
        list_types=list_types,
        possessed=re.compile(
            # "CATL's €7.3 billion cell plant": a sum may size the facility
            r"['’]s\s+(?:[\w&$€£¥.,%-]+\s+){0,6}?(?:" + _alternation(raw["possessed_by_companies"]) + r")\b",
            re.IGNORECASE,
        ),
        company_verb=re.compile(r"\s+" + corporate_verb),
        # "X, which will build a plant to …": a relative clause says what the name does, wherever it stands.
        company_relative=re.compile(r",\s+which\s+" + corporate_verb),
        # ", the ministry said": an appositive's words that attribute a statement
        attribution=re.compile(r"\s+(?:" + _alternation(raw["company_saying_verbs"]) + r")\b"),
        # "PT Borneo Alumina Prima" is "Borneo Alumina …" when names are compared
        legal_prefix=re.compile(r"^(?:" + _alternation(w.lower() for w in raw["leading_heads"]["company"]) + r")\s+"),
        # "X will expand its Georgia factory", "X …, the company said": the sentence refers to X as a company.
        person_titled=re.compile(rf"(?i:\b(?:{_alternation(raw['person_titles'])}))\.?\s+$"),
        company_self=re.compile(
            r"\s+(?:[a-z][\w-]*\s+){1,3}its\s+(?:[\w&-]+\s+){0,3}?(?:"
            + _alternation(raw["possessed_by_companies"])
            + r")\b|\s+[a-z][^.!?\n]{0,160}?,\s+(?:"
            + _alternation(raw["company_self_references"])
            + r")\s+(?:"
            + _alternation(raw["company_saying_verbs"])
            + r")\b",
            re.IGNORECASE,
        ),
        programme_after=re.compile(
            r"\s*((?:[a-z][\w-]*\s+){0,2}?)(" + _alternation(raw["programme_nouns"]) + r")\b", re.IGNORECASE
        ),
        portfolio_before=re.compile(
            r"\b(?:" + _alternation(raw["portfolio_intros"]) + r")\s+(?:[A-Z][\w’'-]*,?\s+(?:and\s+)?){0,4}$"
        ),
        programme_before=re.compile(r"(?:" + _alternation(raw["programme_intros"]) + r")[\s,]*$", re.IGNORECASE),
        programme_nouns=frozenset(raw["programme_nouns"]),
        programme_over_heads=re.compile(r"[ \t]+(" + _alternation(raw["programme_nouns_over_heads"]) + r")\b"),
        programme_period=re.compile(
            r"[ \t]+during[ \t]+the[ \t]+\d{1,2}(?:st|nd|rd|th)[ \t]+(?:"
            + _alternation(raw["programme_period_words"])
            + r")\b"
        ),
        state_bodies=frozenset(raw["state_bodies"]),
        plan_for=re.compile(
            r"\b((?:[a-z][\w-]*+\s+){0,2}?)("
            + _alternation(raw["plan_for_nouns"])
            + r")\s+(?:for|on|of)\s+(?:the\s+)?(?=[A-Z])"
        ),
        plan_for_core=re.compile(r"(?:" + _alternation(raw["plan_for_nouns"]) + r")\s+(?:for|on|of)\s+"),
        # "Wuxi municipal government", "Bac Ninh provincial People's Committee": the noun in either case.
        government=re.compile(
            r"\s+((?:"
            + _alternation(raw["government_descriptors"])
            + r")\s+)?((?i:"
            + _alternation(raw["government_nouns"])
            + r"))\b"
        ),
        not_starts=frozenset(raw["not_name_starts"]),
        name_particles=frozenset(raw["name_particles"]),
        describing_participles=frozenset(raw["describing_participles"]),
        weak_company_heads=frozenset(raw["weak_company_heads"]),
        field_words=frozenset(raw["field_words"]),
        time_words=frozenset(raw["time_words"]),
        # Searched before every name: written by any_case and opened by a look at the words' first letters.
        # "Vellore-based X": a name placed by where it is based is a company's.
        company_before=re.compile(
            r"(?:"
            + opening(w[0] for w in [*raw["company_appositives"], *raw["company_contexts_before"]])
            + r"(?<![\w-])(?:"
            + any_case([*raw["company_appositives"], *raw["company_contexts_before"]], _alternation)
            + r")|(?<![\w-])(?-i:[A-Z])[\w.]*-based),?\s+$",
            re.IGNORECASE,
        ),
        modified_after=re.compile(
            r"\s+(?:(?:and|or)\s+)?(?:[a-z][\w-]*\s+){0,2}(?:" + _alternation(raw["modified_nouns"]) + r")\b"
        ),
        # "X (SZSE: 000425)", "X shares (NSE: X)" or "X, a Busan-based battery maker,": a ticker or an
        # appositive after the name.
        body_decision=re.compile(r"\s+(?:" + _alternation(raw["body_decisions"]) + r")\b"),
        company_after=re.compile(
            r"(?:\s+(?:shares|stock))?\s*\(\s*(?:"
            + _alternation(raw["stock_exchanges"])
            + r")\s*:\s*[\w.]{1,12}(?:\s\w{1,4})?\s*\)|"
            r",\s+(?:a|an|the|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,5}?("
            + _alternation([*raw["company_appositives"], *raw["platform_appositives"], *raw["government_appositives"]])
            + r")\b"
        ),
        platform_nouns=frozenset(raw["platform_appositives"]),
        government_nouns_after=frozenset(raw["government_appositives"]),
    )
