"""How often policylens reads a date in running text right, on Microsoft Recognizers-Text's own English specs.

    git clone https://github.com/microsoft/Recognizers-Text /tmp/recognizers
    git clone https://github.com/akoumjian/datefinder /tmp/datefinder
    PYTHONPATH=src .venv/bin/python benchmarks/bench_text_dates.py --recognizers /tmp/recognizers/Specs \
        --datefinder /tmp/datefinder/tests/test_find_dates.py [--wrong] [--none]

(Only the three files below are read; from a partial mirror, ``git show
HEAD:Specs/DateTime/English/DateParser.json > /tmp/specs/DateTime/English/DateParser.json``
and so on, then ``--recognizers /tmp/specs``.)

Recognizers-Text tests its English date reader on sentences ("I'll go back
Oct. 2", "I'll be out from 4 to 22 this month"), each with the date's span,
the reference date the sentence is read against and the date it resolves to
(a TIMEX string such as ``2016-11-15``, ``XXXX-10-02`` for a date whose year
the text leaves open, ``(2016-11-04,2016-11-22,P18D)`` for a span of days,
plus the dates it stands for before and after the reference).  Three files are
read: ``DateTime/English/DateParser.json``, ``DatePeriodParser.json`` and
``DateTimeModel.json``.  Every sentence goes through ``find_dates`` with the
case's reference date as ``reference``; each annotated date or span is then

- right: a mention read over its span (any mention of the sentence that
  overlaps it) names the annotated date at the precision policylens gives.
  A year, month or day read is right when it contains the annotated date or
  span ("2016" for "Q3 2016", "2016-11" for "from 4 to 22 this month").  A
  span may also be dated by a mention that holds its first day and ends
  inside it, when the span's other end is written after the mention
  (policylens dates "April 21-25" by its first day; "from 2014" in "from 2014
  to 2018" and "from the end of March" in "from the end of March to the
  middle of September" are right), but "1990" is no start of "the 1990s".
  A date whose year (or month) the text leaves open may be either of the two
  Recognizers-Text gives, the latest before the reference or the first after
  it: the words do not say which, the document does.  Modifiers are compared
  by the TIMEX they qualify: "early 2016" is 2016, "before 2018" is 2018
  (policylens keeps the "before" as the mention's relation).
- **wrong**: a date was read over the span, none of them as above ("1990" for
  "the 1990s", the wrong year for "on Jan. 22").  A wrong date is worse than
  none: a brief then dates a plan or a figure falsely.
- none: nothing was read over the span, or only words with no date (iso None).

Left out, as outside what policylens reads: times of day and date-times
(every type but ``date`` and ``daterange``), weeks and weekends (``W`` in the
TIMEX, except a weekday such as ``XXXX-WXX-5`` or "the first Friday of July",
which are days), seasons, school and fiscal years named without a number,
"now" and "that same week" (``PRESENT_REF``, ``ref_undef``), spans counted
from the reference date (durations: "next 3 days", "within 10 months",
"between now and November 15th": the span starts or ends on the reference day
or the day after), days the calendar does not have ("2/29-3/1/2019"), and
dates relative to the reference in a case with no reference date.  Holidays ("before independence day") are not told apart:
policylens reads no holiday names, so they can only fall under none.

datefinder's ``tests/test_find_dates.py`` (its one list of English strings
with the dates they hold; parsed as Python, not imported) is scored the same
way, each expected date compared at the precision both give, with no
reference date (the list has none).  Its cases that tell the reader which
number comes first in "01/02/03" are left out, as a document never says.

The specs are other people's test cases, many of them chat phrasing ("I'll
be out 2 weeks from monday", all in lower case) that policy text does not
use; the figure to watch is the wrong column.  They are read from the folder
given, never copied into this project.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from policylens.extraction.dates import DateMention, find_dates

SPECS = (
    "DateTime/English/DateParser.json",
    "DateTime/English/DatePeriodParser.json",
    "DateTime/English/DateTimeModel.json",
)
TYPES = frozenset(("date", "daterange", "datetimeV2.date", "datetimeV2.daterange"))

Interval = tuple[date, date]  # [first day, day after the last)

_DATE_TIMEX = re.compile(r"(\d{4}|XXXX)(?:-(\d\d|XX)(?:-(\d\d|XX))?)?")
_DAY_TIMEX = re.compile(r"XXXX-WXX-\d|XXXX-\d\d-WXX-\d-#\d")  # a weekday; the nth weekday of a month
_RANGE_TIMEX = re.compile(r"\(([^,()]+),([^,()]+),P[^()]*\)")


def _day(text: str) -> date:
    return date.fromisoformat(text[:10])


def _day_or_none(text: str | None) -> date | None:
    """The day an ISO date or date-time names; None for anything else ("not resolved")."""
    try:
        return _day(text) if text else None
    except ValueError:
        return None


def _span(y: int, m: int | None = None, d: int | None = None) -> Interval:
    """The days a year, month or day covers."""
    if m is None:
        return date(y, 1, 1), date(y + 1, 1, 1)
    if d is None:
        return date(y, m, 1), date(y + m // 12, m % 12 + 1, 1)
    first = date(y, m, d)
    return first, first + timedelta(days=1)


def _iso_span(iso: str) -> Interval:
    return _span(*(int(p) for p in iso.split("-")))


def annotated(timex: str, resolved: list[str], reference: date | None) -> tuple[str, list[Interval]] | None:
    """("date" or "range", the intervals the annotation may stand for), or None when it is left out.

    ``resolved`` holds the ISO days Recognizers-Text resolves the annotation to (before and after
    the reference); they fill what the TIMEX leaves open (XXXX, XX)."""
    if (m := _RANGE_TIMEX.fullmatch(timex)) is not None:
        first, last = m.groups()
        if "X" not in first + last:
            a, b = _day_or_none(first), _day_or_none(last)
            if a is None or b is None:
                return None  # "2/29-3/1/2019": a day the calendar does not have
            pairs = [(a, b)]
        else:
            days = [_day(r) for r in resolved]
            pairs = list(zip(days[0::2], days[1::2], strict=False))
        if not pairs or reference is None and "X" in timex:
            return None
        near = (reference, reference + timedelta(days=1)) if reference else ()
        if any(a in near or b in near for a, b in pairs):
            return None  # a duration counted from the reference: "next 3 days", "between now and …"
        return "range", pairs
    if _DAY_TIMEX.fullmatch(timex):
        if reference is None or not resolved:
            return None
        return "date", [_span(d.year, d.month, d.day) for d in map(_day, resolved)]
    if (m := _DATE_TIMEX.fullmatch(timex)) is None:
        return None  # weeks, seasons, fiscal and school years, PRESENT_REF
    y, mo, d = m.groups()
    if "X" not in timex:
        try:
            return "date", [_span(int(y), mo and int(mo), d and int(d))]
        except ValueError:
            return None  # a day the calendar does not have
    if reference is None or not resolved:
        return None
    out = []
    for day in map(_day, resolved):
        year = day.year if y == "XXXX" else int(y)
        month = None if mo is None else day.month if mo == "XX" else int(mo)
        try:
            out.append(_span(year, month, d and int(d)))
        except ValueError:  # "XXXX-02-29" in a year that has none
            continue
    return ("date", sorted(set(out))) if out else None


# The other end of a span, written after a mention: a number, a month, or a word for a day or period.
_END_WRITTEN = re.compile(
    r"\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|yesterday|tomorrow|now|week|month|year|quarter)"
)


def _right(text: str, end: int, read: list[DateMention], kind: str, intervals: list[Interval]) -> bool:
    """Whether one of the mentions read over an annotation names it (see the module's docstring)."""
    dated = [(d, _iso_span(d.iso)) for d in read if d.iso]
    for a0, a1 in intervals:
        for d, (p0, p1) in dated:
            if p0 <= a0 and a1 <= p1:
                return True  # as precise as the text, or less
            # A span dated by its start, the other end written after it ("April 21-25" by its
            # first day, "from 2014 to 2018" by 2014); "1990" for "the 1990s" is no start.
            ends = d.end >= end or _END_WRITTEN.search(text, d.end, end) is not None
            if kind == "range" and p0 <= a0 < p1 <= a1 and ends:
                return True
    return False


def cases(spec: Path) -> list[tuple[str, str | None, int, int, str, str, list[Interval]]]:
    """(sentence, reference, start, end, annotated text, "date"/"range", intervals) per annotation kept."""
    out = []
    for case in json.loads(spec.read_text(encoding="utf-8-sig")):
        ref_time = (case.get("Context") or {}).get("ReferenceDateTime")
        reference = _day(ref_time) if ref_time else None
        for result in case.get("Results") or []:
            if (result.get("Type") or result.get("TypeName")) not in TYPES:
                continue
            if "Value" in result:  # the parser specs: one TIMEX, its resolution before and after
                value = result["Value"]
                timex, mods = value.get("Timex") or "", [value.get("Mod")]
                resolutions = [value.get("PastResolution") or {}, value.get("FutureResolution") or {}]
                resolved = [
                    r[k] for r in resolutions for k in ("date", "startDate", "endDate") if _day_or_none(r.get(k))
                ]
                start, end = result["Start"], result["Start"] + result["Length"]
            else:  # the model spec: one value per reading (before and after the reference)
                values = result["Resolution"]["values"]
                timex, mods = values[0].get("timex") or "", [v.get("Mod") for v in values]
                resolved = [v[k] for v in values for k in ("value", "start", "end") if _day_or_none(v.get(k))]
                start, end = result["Start"], result["End"] + 1
            if "ref_undef" in mods:
                continue  # "the same week that it happened"
            timex = timex.split("|", 1)[0]
            reading = annotated(timex, resolved, reference)
            if reading is None:
                continue
            out.append((case["Input"], reference and reference.isoformat(), start, end, result["Text"], *reading))
    return out


def outcomes(spec: Path) -> list[tuple[str, str, str | None, list[tuple[str, str | None]]]]:
    """(outcome, sentence, reference, mentions read over the span) per annotated date of one spec."""
    out = []
    for text, reference, start, end, _, kind, intervals in cases(spec):
        read = [d for d in find_dates(text, reference=reference) if d.start < end and d.end > start]
        if not any(d.iso for d in read):
            result = "none"
        else:
            result = "right" if _right(text, end, read, kind, intervals) else "wrong"
        out.append((result, f"{text[start:end]!r} in {text!r}", reference, [(d.text, d.iso) for d in read]))
    return out


def datefinder_outcomes(test_file: Path) -> list[tuple[str, str, str | None, list[tuple[str, str | None]]]]:
    """(outcome, text, None, mentions read) for every date of datefinder's parametrized test list."""
    out = []
    for node in ast.walk(ast.parse(test_file.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize"):
            continue
        for case in node.args[1].elts if isinstance(node.args[1], ast.List) else ():
            text, expected, *rest = case.elts
            if rest and ast.literal_eval(rest[0]) != "month":
                continue  # the case tells the reader which number comes first
            calls = expected.elts if isinstance(expected, ast.List) else [expected]
            written = ast.literal_eval(text)
            read = [(d.text, d.iso) for d in find_dates(written)]
            for call in calls:
                iso = _written_date(call)
                dated = [got for _, got in read if got]
                if not dated:
                    result = "none"
                else:
                    same = any(got[: len(iso)] == iso[: len(got)] for got in dated)
                    result = "right" if same else "wrong"
                out.append((result, f"{iso} in {written!r}", None, read))
    return out


def _written_date(call: ast.expr) -> str:
    """``datetime(2014, 7, 22, ...)`` as "2014-07-22"; fields given by the day the test runs are left off."""
    fields = []
    for arg in call.args[:3] if isinstance(call, ast.Call) else ():
        if not isinstance(arg, ast.Constant):
            break
        fields.append(int(arg.value))
    return "-".join(f"{v:04d}" if i == 0 else f"{v:02d}" for i, v in enumerate(fields))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--recognizers", type=Path, help="Recognizers-Text's Specs folder")
    ap.add_argument("--datefinder", type=Path, help="datefinder's tests/test_find_dates.py")
    ap.add_argument("--wrong", action="store_true", help="list every date read wrong")
    ap.add_argument("--none", action="store_true", help="list every date not read")
    args = ap.parse_args(argv)
    for given in (args.recognizers, args.datefinder):
        if given is not None and not given.exists():
            print(f"error: {given}: no such file or folder", file=sys.stderr)
            return 2
    if not (args.recognizers or args.datefinder):
        ap.error("give --recognizers, --datefinder or both")
    sets: list[tuple[str, Callable[[], list]]] = []
    for spec in SPECS if args.recognizers else ():
        if (args.recognizers / spec).is_file():
            sets.append((f"Recognizers {spec.split('/', 2)[2]}", partial(outcomes, args.recognizers / spec)))
        else:
            print(f"{spec}: missing", file=sys.stderr)
    if args.datefinder:
        sets.append(("datefinder test_find_dates.py", partial(datefinder_outcomes, args.datefinder)))
    print(f"{'test cases':48} {'right':>6} {'wrong':>6} {'none':>6}")
    for name, run in sets:
        results = run()
        for result, where, reference, found in results:
            if args.wrong and result == "wrong" or args.none and result == "none":
                print(f"  {result}: {where} (reference {reference}); read {found}")
        tally = Counter(r for r, _, _, _ in results)
        print(f"{name:48} {tally['right']:6} {tally['wrong']:6} {tally['none']:6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
