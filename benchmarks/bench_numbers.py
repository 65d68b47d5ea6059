"""How often policylens reads a number right, on other projects' own test cases.

    git clone https://github.com/scrapinghub/price-parser /tmp/price-parser
    git clone https://github.com/nielstron/quantulum3 /tmp/quantulum3
    git clone https://github.com/dongrixinyu/JioNLP /tmp/jionlp
    git clone https://github.com/microsoft/Recognizers-Text /tmp/recognizers
    .venv/bin/python benchmarks/bench_numbers.py --prices /tmp/price-parser/tests/test_price_parsing.py \
        --quantulum /tmp/quantulum3/quantulum3/_lang/en_US/tests/quantities.json \
        --jionlp /tmp/jionlp/test/test_money_parser.py --recognizers /tmp/recognizers/Specs [--wrong]

Any of the files may be given alone.  price-parser (Scrapinghub) tests its parser on about a thousand price strings
collected from shop pages in many countries ("1 298,00 €", "CHF 1'049,95",
"Rp 350.000", "$1,199.99"), each with the amount it should read.  Each string is
put in a sentence ("The company said the contract is worth … in total.") and
read by policylens's amount reader; the outcome is right (some amount read has
the annotated value), wrong (amounts were read, none with that value) or none.
A wrong value is worse than none: a brief then cites a false figure.

Cases whose test names the decimal separator (the parser is told it; a
document never is) and the lists price-parser marks as expected failures are
left out.  The strings come from shops, not policy documents, so many are
shapes policy text never uses ("35€ 99", "$119. 95"); the figure to watch is
the wrong column.  The test file is parsed as Python (``ast``), not
imported, so price-parser need not be installed; the strings are read from the
file given, never copied into this project.
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import sys
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path

from policylens.extraction import extract
from policylens.model import Document

SENTENCE = "The company said the contract is worth {} in total."
SENTENCE_ZH = "该项目总投资{}，已开工建设。"


def cases(test_file: Path) -> dict[str, list[tuple[str, float]]]:
    """(price string as written, annotated amount) per list of examples, from price-parser's test file."""
    out: dict[str, list[tuple[str, float]]] = {}
    for node in ast.parse(test_file.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if not name.startswith("PRICE_PARSING") or "XFAIL" in name or not isinstance(node.value, ast.List):
            continue
        rows = []
        for call in node.value.elts:
            if not (isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Example"):
                continue
            if any(k.arg == "decimal_separator" for k in call.keywords) or len(call.args) > 5:
                continue
            currency_raw, price_raw, _, _, amount = (_literal(a) for a in call.args[:5])
            if price_raw is None or amount is None:
                continue
            written = f"{currency_raw} {price_raw}" if currency_raw and currency_raw not in price_raw else price_raw
            rows.append((str(written).strip(), float(amount)))
        out[name] = rows
    return out


def _literal(node: ast.expr):
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Decimal":  # Decimal("1.10")
        return Decimal(ast.literal_eval(node.args[0]))
    return ast.literal_eval(node)


def outcome(written: str, amount: float) -> tuple[str, list[tuple[str, float, str]]]:
    read = extract(Document(source="price", text=SENTENCE.format(written))).quantities
    found = [(q.text, q.value, q.unit) for q in read]
    if not read:
        return "none", found
    right = any(math.isclose(q.value, amount, rel_tol=1e-6, abs_tol=1e-6) for q in read)
    return ("right" if right else "wrong"), found


def quantulum_outcomes(path: Path) -> list[tuple[str, str, list[tuple[str, float, str]]]]:
    """(outcome, surface, amounts read over it) for every quantity of quantulum3's test sentences."""
    out = []
    for case in json.loads(path.read_text(encoding="utf-8")):
        text = case["req"]
        read = extract(Document(source="quantulum", text=text)).quantities
        for expected in case["res"]:
            start = text.find(expected["surface"])
            if start < 0:
                continue
            end = start + len(expected["surface"])
            over = [q for q in read if q.start < end and q.end > start]
            value = float(expected["value"])
            right = any(_same(q.value, value) or _same(_midpoint(q), value) for q in over)
            result = "none" if not over else "right" if right else "wrong"
            out.append((result, expected["surface"], [(q.text, q.value, q.unit) for q in over]))
    return out


def jionlp_outcomes(test_file: Path) -> list[tuple[str, str, list[tuple[str, float, str]]]]:
    """(outcome, money string, amounts read) for every case of JioNLP's money-parser test."""
    listed: list = []
    for node in ast.walk(ast.parse(test_file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "money_string_list":
            listed = ast.literal_eval(node.value)
    out = []
    for written, expected in listed:
        low = float(expected["num"][0] if isinstance(expected["num"], list) else expected["num"])
        read = extract(Document(source="jionlp", text=SENTENCE_ZH.format(written), language="zh")).quantities
        result = "none" if not read else "right" if any(_same(q.value, low) for q in read) else "wrong"
        out.append((result, written, [(q.text, q.value, q.unit) for q in read]))
    return out


RECOGNIZER_SPECS = (
    ("Number/English/NumberModel.json", "en"),
    ("NumberWithUnit/English/CurrencyModel.json", "en"),
    ("NumberWithUnit/English/DimensionModel.json", "en"),
    ("Number/Chinese/NumberModel.json", "zh"),
    ("NumberWithUnit/Chinese/CurrencyModel.json", "zh"),
)


def recognizer_outcomes(spec: Path, language: str) -> list[tuple[str, str, list[tuple[str, float, str]]]]:
    """(outcome, span text, amounts read over it) for every resolved number of one Recognizers-Text spec."""
    out = []
    for case in json.loads(spec.read_text(encoding="utf-8-sig")):
        text = case["Input"]
        read = extract(Document(source="recognizers", text=text, language=language)).quantities
        for result in case.get("Results") or []:
            resolution = result.get("Resolution") or {}
            try:
                value = float(resolution.get("value"))
            except (TypeError, ValueError):
                continue  # a range or a unit-less resolution
            if result.get("Start") is None:
                continue
            start, end = result["Start"], result["End"] + 1
            over = [q for q in read if q.start < end and q.end > start]
            scale = 100 if resolution.get("unit") == "Cent" else 1
            right = any(_same(q.value, value) or _same(q.value * scale, value) for q in over)
            outcome = "none" if not over else "right" if right else "wrong"
            out.append((outcome, result["Text"], [(q.text, q.value, q.unit) for q in over]))
    return out


def _midpoint(q) -> float | None:
    return (q.value + q.value_max) / 2 if q.value_max is not None else None


def _same(x: float | None, value: float) -> bool:
    return x is not None and math.isclose(x, value, rel_tol=1e-6, abs_tol=1e-9)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prices", type=Path, help="price-parser's tests/test_price_parsing.py")
    ap.add_argument("--quantulum", type=Path, help="quantulum3's quantulum3/_lang/en_US/tests/quantities.json")
    ap.add_argument("--jionlp", type=Path, help="JioNLP's test/test_money_parser.py")
    ap.add_argument("--recognizers", type=Path, help="Recognizers-Text's Specs folder")
    ap.add_argument("--wrong", action="store_true", help="list every number read as a wrong value")
    args = ap.parse_args(argv)
    for given in (args.prices, args.quantulum, args.jionlp, args.recognizers):
        if given is not None and not given.exists():
            print(f"error: {given}: no such file", file=sys.stderr)
            return 2
    if not any((args.prices, args.quantulum, args.jionlp, args.recognizers)):
        ap.error("give --prices, --quantulum, --jionlp or --recognizers")
    print(f"{'test cases':48} {'right':>6} {'wrong':>6} {'none':>6}")
    if args.prices:
        total: Counter[str] = Counter()
        for name, rows in cases(args.prices).items():
            tally: Counter[str] = Counter()
            for written, amount in rows:
                result, found = outcome(written, amount)
                tally[result] += 1
                if args.wrong and result == "wrong":
                    print(f"  wrong: {written!r} should be {amount:g}; read {found}")
            print(f"{name:48} {tally['right']:6} {tally['wrong']:6} {tally['none']:6}")
            total += tally
        print(f"{'price-parser, all':48} {total['right']:6} {total['wrong']:6} {total['none']:6}")
    sets: list[tuple[str, Callable[[], list]]] = []
    if args.quantulum:
        sets.append(("quantulum3 quantities.json", lambda: quantulum_outcomes(args.quantulum)))
    if args.jionlp:
        sets.append(("JioNLP test_money_parser.py", lambda: jionlp_outcomes(args.jionlp)))
    for spec, language in RECOGNIZER_SPECS if args.recognizers else ():
        path = args.recognizers / spec
        if path.is_file():
            sets.append((f"Recognizers {spec.split('/', 1)[1]}", partial(recognizer_outcomes, path, language)))
    for name, outcomes in sets:
        results = outcomes()
        if args.wrong:
            for result, surface, found in results:
                if result == "wrong":
                    print(f"  wrong: {surface!r}; read {found}")
        tally = Counter(r for r, _, _ in results)
        print(f"{name:48} {tally['right']:6} {tally['wrong']:6} {tally['none']:6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
