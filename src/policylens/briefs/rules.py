"""The brief's rules, read from YAML and checked before use.

Who is affected by a policy, which instruments matter and what to monitor are
judgements that analysts will want to change without touching code, so they
live in ``data/rules.yaml`` and any file of the same shape can replace it
(``--rules FILE``).  A wrong file must fail at once with its name and the
offending key, not halfway through a brief, so everything is validated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from policylens.errors import PolicylensError

HORIZONS = ("short", "medium", "long")
# The brief's own wording in each language (``wording`` in the rules), with the placeholders each may use.
_WORDING = {
    "figure": {"subject", "metric", "amount", "when"},
    "subject": {"subject"},
    "by": {"year"},
    "in": {"year"},
    "range": {"value", "value_max"},
    "scale": {"value", "word"},
    "unit_other": {"amount", "unit"},
    "horizon_span": {"low", "high"},
    "event": {"type", "when", "what"},
    "event_date": {"date"},
}
READINGS = ("direction", "executable", "report")
_CONDITIONS = {"signal": READINGS, "has": ("product_categories", "targets", "events"), "instrument": None}
_REQUIRED_BASIS = (
    "source_types",
    "official_domains",
    "official_cues",
    "missing_cues",
    "official_yes",
    "official_cited",
    "official_missing",
    "official_unknown",
    "user_summary",
    "confirm_with",
    "validate_direction",
    "validate_report",
    "validate_target",
    "validate_conflict",
    "conflicts_none",
    "conflicts_currency",
)
_REQUIRED_LABELS = (
    "byline",
    "summary",
    "confirmed",
    "confirmed_note",
    "impact",
    "impact_none",
    "monitor",
    "signal",
    "basis",
    "related",
    "sources",
    "watch",
    "confirm_with",
    "validate",
    "conflicts",
    "source_type",
    "official",
    "event",
    "target",
    "statistic",
    "named",
    "no_kb",
    "kb_truncated",
    "no_related",
    "related_doc",
    "related_target",
    "cross_conflict",
    "lead_none",
    "summary_text",
    "none",
    "undated",
)
# Goal statuses (policylens.track.status), then the roles of numbers that are not goals (policylens.track.roles).
_STATUSES = ("open", "due", "met", "missed", "past_due_unverified", "superseded", "term", "threshold")
# The digest's wording, with the placeholders each template may use.
_DIGEST_LABELS = {
    "title": {"since", "until"},
    "title_region": {"region"},
    "title_industry": {"industry"},
    "title_separator": set(),
    "byline": {"as_of", "since", "until"},
    "summary": set(),
    "summary_documents": {"groups"},
    "summary_no_documents": set(),
    "summary_targets": set(),
    "summary_no_targets": set(),
    "summary_conflicts": set(),
    "summary_no_conflicts": set(),
    "summary_truncated": set(),
    "nothing": {"since", "until", "filters"},
    "filter_region": {"region"},
    "filter_industry": {"industry"},
    "changed": {"group"},
    "changed_note": set(),
    "group_other": set(),
    "document": {"title", "published", "source_type"},
    "undated": set(),
    "republished": {"titles"},
    "targets": set(),
    "targets_note": {"as_of"},
    "target_due": {"target", "title", "status"},
    "target_changed": {"target", "title", "before", "after", "status"},
    "latest": {"figure", "title"},
    "conflicts": set(),
    "conflicts_note": set(),
    "currency": {"text", "title"},
    "monitor": set(),
    "monitor_target": {"target", "title", "status"},
    "monitor_none": set(),
    "basis": set(),
    "basis_window": {"since", "until"},
    "basis_region": {"region"},
    "basis_industry": {"industry"},
    "basis_grounding": set(),
}


class RulesError(PolicylensError):
    """The rules file is unreadable or not in the expected shape; the message names the file and key."""


class Cues:
    """Case-insensitive matching of a list of phrases, all in one compiled pattern.

    Latin phrases match whole words (a plural "s"/"es" allowed); Chinese
    phrases match anywhere, since Chinese writes no spaces between words.
    """

    def __init__(self, phrases: list[str]):
        self.phrases = tuple(phrases)
        latin = sorted({_phrase_pattern(p) for p in phrases if not _CJK.search(p)}, key=len, reverse=True)
        cjk = sorted({re.escape(p) for p in phrases if _CJK.search(p)}, key=len, reverse=True)
        words = "|".join(latin)
        parts = ([rf"(?<![\w-])(?:{words})(?![\w-])"] if latin else []) + cjk
        self.pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        if self.pattern is None:
            return iter(())
        return self.pattern.finditer(text, start, len(text) if end is None else end)

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if self.pattern is not None else None


_CJK = re.compile(r"[\u3400-\u9fff]")


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.split()]
    plural = "" if phrase.endswith("s") or not phrase[-1:].isalpha() else "(?:s|es)?"
    return r"\s+".join(words) + plural


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    label: str
    cues: Cues
    horizon: str
    validate: str
    confirm_with: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    label: str
    aliases: tuple[str, ...]
    industries: tuple[str, ...] | None  # None: any industry counts
    instruments: tuple[str, ...]
    cues: Cues
    min_evidence: int
    why: str
    watch: str


@dataclass(frozen=True, slots=True)
class MonitorRule:
    id: str
    condition: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class Rules:
    source: str
    instruments: dict[str, Instrument]
    groups: dict[str, Group]
    product_intros: Cues
    product_sub_intros: tuple[str, ...]
    product_lead_ins: Cues
    product_stop_words: frozenset[str]
    product_clause_words: frozenset[str]
    product_allow_numbers: bool
    product_max_items: int
    product_max_words: int
    quote_max_words: int
    quote_trailing: frozenset[str]
    executable: Cues
    direction_cues: Cues
    hedges: Cues
    signal: dict[str, Any]
    monitoring: tuple[MonitorRule, ...]
    statuses: dict[str, str]
    basis: dict[str, Any]
    labels: dict[str, str]
    official_cues: Cues
    missing_cues: Cues
    digest: dict[str, Any]  # the digest's wording (labels) and status names
    wording: dict[str, Any]  # how figures, horizon spans and entity types are worded
    language: str = "en"  # the language the wording is written in

    def audience(self, names: list[str] | None) -> list[str] | None:
        """Group ids for the names given to --audience (ids or aliases); None means every group."""
        if not names:
            return None
        by_name = {}
        for group in self.groups.values():
            for name in (group.id, *group.aliases):
                by_name[name.casefold()] = group.id
        unknown = [n for n in names if n.casefold() not in by_name]
        if unknown:
            known = ", ".join(sorted(by_name))
            raise RulesError(f"unknown audience {', '.join(unknown)} (rules {self.source} know: {known})")
        return list(dict.fromkeys(by_name[n.casefold()] for n in names))


def default_rules_path() -> str:
    return str(resources.files("policylens.briefs").joinpath("data", "rules.yaml"))


def load_rules(path: str | Path | None = None, language: str = "en") -> Rules:
    """The rules in ``path`` (default: the shipped rules) worded in ``language``, validated.

    Another language than English lays a wording file over the rules
    (:func:`wording_path`), so cue words and thresholds are kept once for
    every language.  RulesError names the file on failure.
    """
    target = Path(path) if path is not None else Path(default_rules_path())
    overlay = wording_path(target, language)
    return _load(
        str(target), _stamp(target), str(overlay) if overlay else None, _stamp(overlay) if overlay else 0, language
    )


def wording_path(rules_path: Path, language: str) -> Path | None:
    """The wording file for ``language``: ``NAME.LANG.yaml`` beside the rules, else the shipped one; None for English."""
    if language == "en":
        return None
    for candidate in (
        rules_path.with_name(f"{rules_path.stem}.{language}{rules_path.suffix}"),
        Path(default_rules_path()).with_name(f"rules.{language}.yaml"),
    ):
        if candidate.is_file():
            return candidate
    shipped = sorted(p.name.split(".")[1] for p in Path(default_rules_path()).parent.glob("rules.*.yaml"))
    raise RulesError(f"no brief wording for language {language!r} (known: {', '.join(['en', *shipped])})")


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError as exc:
        raise RulesError(f"rules file {path}: cannot read: {exc.strerror or exc}") from None


def _read(path: str) -> Any:
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"rules file {path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise RulesError(f"rules file {path}: not valid YAML: {' '.join(str(exc).split())}") from None


@lru_cache(maxsize=8)  # a brief per document in a batch must not re-read and re-compile the rules
def _load(path: str, _mtime: int, overlay: str | None, _overlay_mtime: int, language: str) -> Rules:
    raw = _read(path)
    if overlay is not None:
        raw = _lay_over(raw, _read(overlay), _Checker(overlay), "top level")
    return _build(raw, _Checker(path if overlay is None else f"{path} + {overlay}"), language)


def _lay_over(base: Any, over: Any, c: _Checker, where: str) -> Any:
    """``base`` with the wording of ``over``: mappings key by key, a list of items with ids by id."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = _lay_over(base[key], value, c, f"{where}.{key}") if key in base else value
        return out
    if isinstance(base, list) and isinstance(over, dict):
        ids = {str(item.get("id")) for item in base if isinstance(item, dict)}
        unknown = sorted(set(map(str, over)) - ids)
        if unknown:
            raise c.fail(where, f"no item with id {unknown[0]!r} to reword")
        return [{**item, "text": over[str(item["id"])]} if str(item.get("id")) in over else item for item in base]
    return over


class _Checker:
    """Type checks that name the file and the key path of what is wrong."""

    def __init__(self, path: str):
        self.path = path

    def fail(self, where: str, message: str) -> RulesError:
        return RulesError(f"rules file {self.path}: {where}: {message}")

    def mapping(self, value: Any, where: str, required: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, "must be a mapping")
        missing = [k for k in required if k not in value]
        if missing:
            raise self.fail(where, f"missing {', '.join(missing)}")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "must be a non-empty string")
        return value.strip()

    def texts(self, value: Any, where: str, allow_empty: bool = False, strip: bool = True) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            # YAML 1.1 reads a bare on/off/yes/no as a boolean: say so, it is the usual cause.
            raise self.fail(where, 'must be a list of non-empty strings (quote words like "on" or "no")')
        if not value and not allow_empty:
            raise self.fail(where, "must not be empty")
        return [v.strip() if strip else v for v in value]

    def integer(self, value: Any, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(where, "must be a whole number >= 0")
        return value

    def choice(self, value: Any, where: str, choices: tuple[str, ...]) -> str:
        if value not in choices:
            raise self.fail(where, f"must be one of {', '.join(choices)}, not {value!r}")
        return value


def _build(raw: Any, c: _Checker, language: str = "en") -> Rules:
    top = c.mapping(
        raw,
        "top level",
        ("instruments", "groups", "product_lists", "quotes", "signal", "monitoring", "statuses", "basis", "labels"),
    )
    instruments = {}
    for key, item in c.mapping(top["instruments"], "instruments").items():
        where = f"instruments.{key}"
        item = c.mapping(item, where, ("label", "cues", "horizon", "validate", "confirm_with"))
        instruments[key] = Instrument(
            key,
            c.text(item["label"], f"{where}.label"),
            Cues(c.texts(item["cues"], f"{where}.cues")),
            c.choice(item["horizon"], f"{where}.horizon", HORIZONS),
            c.text(item["validate"], f"{where}.validate"),
            tuple(c.texts(item["confirm_with"], f"{where}.confirm_with")),
        )
    groups = {}
    for key, item in c.mapping(top["groups"], "groups").items():
        where = f"groups.{key}"
        item = c.mapping(item, where, ("label", "instruments", "cues", "why", "watch"))
        industries = item.get("industries", [])
        industries = None if industries == "any" else tuple(c.texts(industries or [], f"{where}.industries", True))
        wanted = c.texts(item["instruments"], f"{where}.instruments", True)
        for name in wanted:
            if name not in instruments:
                raise c.fail(f"{where}.instruments", f"unknown instrument {name!r}")
        why = c.text(item["why"], f"{where}.why")
        _check_placeholders(c, f"{where}.why", why, {"evidence"})
        groups[key] = Group(
            key,
            c.text(item["label"], f"{where}.label"),
            tuple(c.texts(item.get("aliases", []), f"{where}.aliases", True)),
            industries,
            tuple(wanted),
            Cues(c.texts(item["cues"], f"{where}.cues", True)),
            c.integer(item.get("min_evidence", 2), f"{where}.min_evidence"),
            why,
            c.text(item["watch"], f"{where}.watch"),
        )
    if not groups:
        raise c.fail("groups", "must define at least one group")

    products = c.mapping(top["product_lists"], "product_lists", ("intros",))
    quotes = c.mapping(top["quotes"], "quotes", ("max_words",))
    signal = c.mapping(
        top["signal"],
        "signal",
        (
            "executable_cues",
            "hedges",
            "direction",
            "executable",
            "direction_label",
            "executable_label",
            "horizon_years",
            "event_horizons",
            "direction_floor",
            "horizon_labels",
            "horizon_text",
            "reason_deadline",
            "reason_events",
            "reason_instruments",
            "reason_direction",
            "report_label",
            "policy_events",
            "report",
            "report_horizon",
            "reason_report",
        ),
    )
    years = c.mapping(signal["horizon_years"], "signal.horizon_years", ("short", "medium"))
    for k in ("short", "medium"):
        c.integer(years[k], f"signal.horizon_years.{k}")
    for k, v in c.mapping(signal["event_horizons"], "signal.event_horizons").items():
        c.choice(v, f"signal.event_horizons.{k}", HORIZONS)
    c.choice(signal["direction_floor"], "signal.direction_floor", HORIZONS)
    c.choice(signal["report_horizon"], "signal.report_horizon", HORIZONS)
    c.texts(signal["policy_events"], "signal.policy_events", True)
    c.mapping(signal["horizon_labels"], "signal.horizon_labels", HORIZONS)

    monitoring = []
    if not isinstance(top["monitoring"], list):
        raise c.fail("monitoring", "must be a list")
    for i, item in enumerate(top["monitoring"]):
        where = f"monitoring[{i}]"
        item = c.mapping(item, where, ("id", "when", "text"))
        when = c.mapping(item["when"], f"{where}.when")
        if len(when) != 1:
            raise c.fail(f"{where}.when", "must have exactly one condition")
        [(condition, value)] = when.items()
        c.choice(condition, f"{where}.when", tuple(_CONDITIONS))
        allowed = _CONDITIONS[condition] or tuple(instruments)
        c.choice(value, f"{where}.when.{condition}", allowed)
        monitoring.append(
            MonitorRule(c.text(str(item["id"]), f"{where}.id"), condition, value, c.text(item["text"], f"{where}.text"))
        )

    statuses = c.mapping(top["statuses"], "statuses", _STATUSES)
    basis = c.mapping(top["basis"], "basis", _REQUIRED_BASIS)
    for key, item in c.mapping(basis["source_types"], "basis.source_types").items():
        c.mapping(item, f"basis.source_types.{key}", ("label", "official"))
    labels = c.mapping(top["labels"], "labels", _REQUIRED_LABELS)
    return Rules(
        digest=_digest(top["digest"], c) if "digest" in top else _shipped_digest(c.path, language),
        wording=_wording(top["wording"], c) if "wording" in top else load_rules(language=language).wording,
        language=language,
        source=c.path,
        instruments=instruments,
        groups=groups,
        product_intros=Cues(c.texts(products["intros"], "product_lists.intros")),
        product_sub_intros=tuple(
            c.texts(products.get("sub_intros", []), "product_lists.sub_intros", True, strip=False)
        ),
        product_lead_ins=Cues(c.texts(products.get("lead_ins", []), "product_lists.lead_ins", True)),
        product_stop_words=frozenset(
            w.casefold() for w in c.texts(products.get("stop_words", []), "product_lists.stop_words", True)
        ),
        product_clause_words=frozenset(
            w.casefold() for w in c.texts(products.get("clause_words", []), "product_lists.clause_words", True)
        ),
        product_allow_numbers=bool(products.get("allow_numbers", False)),
        product_max_items=c.integer(products.get("max_items", 6), "product_lists.max_items"),
        product_max_words=c.integer(products.get("max_words", 8), "product_lists.max_words"),
        quote_max_words=c.integer(quotes["max_words"], "quotes.max_words"),
        quote_trailing=frozenset(
            w.casefold() for w in c.texts(quotes.get("trailing_words", []), "quotes.trailing_words", True)
        ),
        executable=Cues(c.texts(signal["executable_cues"], "signal.executable_cues")),
        direction_cues=Cues(c.texts(signal.get("direction_cues", []), "signal.direction_cues", True)),
        hedges=Cues(c.texts(signal["hedges"], "signal.hedges", True)),
        signal=signal,
        monitoring=tuple(monitoring),
        statuses={k: c.text(v, f"statuses.{k}") for k, v in statuses.items()},
        basis=basis,
        labels={k: c.text(v, f"labels.{k}") for k, v in labels.items()},
        official_cues=Cues(c.texts(basis["official_cues"], "basis.official_cues")),
        missing_cues=Cues(c.texts(basis["missing_cues"], "basis.missing_cues")),
    )


def _digest(raw: Any, c: _Checker) -> dict[str, Any]:
    digest = c.mapping(raw, "digest", ("labels", "status_names"))
    labels = c.mapping(digest["labels"], "digest.labels", tuple(_DIGEST_LABELS))
    checked = {}
    for key, allowed in _DIGEST_LABELS.items():
        checked[key] = c.text(labels[key], f"digest.labels.{key}")
        _check_placeholders(c, f"digest.labels.{key}", checked[key], allowed)
    names = c.mapping(digest["status_names"], "digest.status_names", _STATUSES)
    return {"labels": checked, "status_names": {k: c.text(names[k], f"digest.status_names.{k}") for k in _STATUSES}}


def _wording(raw: Any, c: _Checker) -> dict[str, Any]:
    wording = c.mapping(
        raw, "wording", (*_WORDING, "comparators", "changes", "scales", "units", "entity_types", "event_types")
    )
    for key, allowed in _WORDING.items():
        _check_placeholders(c, f"wording.{key}", str(wording[key]), allowed)
    for key in ("comparators", "changes", "units", "entity_types", "event_types"):
        c.mapping(wording[key], f"wording.{key}")
    for i, scale in enumerate(wording["scales"] if isinstance(wording["scales"], list) else [None]):
        item = c.mapping(scale, f"wording.scales[{i}]", ("word", "power"))
        c.integer(item["power"], f"wording.scales[{i}].power")
    return wording


def _shipped_digest(path: str, language: str) -> dict[str, Any]:
    """A rules file written before digests existed gets the shipped digest wording rather than failing."""
    if Path(path) == Path(default_rules_path()):
        raise RulesError(f"rules file {path}: top level: missing digest")
    return load_rules(language=language).digest


def _check_placeholders(c: _Checker, where: str, template: str, allowed: set[str]) -> None:
    used = set(re.findall(r"\{(\w+)\}", template))
    if used - allowed:
        raise c.fail(where, f"unknown placeholder {{{min(used - allowed)}}}; allowed: {', '.join(sorted(allowed))}")
