"""How often policylens reads an amount of money right, on price-parser's own test cases.

    git clone https://github.com/scrapinghub/price-parser /tmp/price-parser   # or any copy of its test file
    .venv/bin/python benchmarks/bench_prices.py --eval /tmp/price-parser/tests/test_price_parsing.py [--wrong]

price-parser (Scrapinghub) tests its parser on about a thousand price strings
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
import math
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

from policylens.extraction import extract
from policylens.model import Document

SENTENCE = "The company said the contract is worth {} in total."


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, required=True, help="price-parser's tests/test_price_parsing.py")
    ap.add_argument("--wrong", action="store_true", help="list every string read as a wrong value")
    args = ap.parse_args(argv)
    if not args.eval.is_file():
        print(f"error: {args.eval}: no such file (price-parser's tests/test_price_parsing.py)", file=sys.stderr)
        return 2
    total: Counter[str] = Counter()
    print(f"{'list':42} {'right':>6} {'wrong':>6} {'none':>6}")
    for name, rows in cases(args.eval).items():
        tally: Counter[str] = Counter()
        for written, amount in rows:
            result, found = outcome(written, amount)
            tally[result] += 1
            if args.wrong and result == "wrong":
                print(f"  wrong: {written!r} should be {amount:g}; read {found}")
        print(f"{name:42} {tally['right']:6} {tally['wrong']:6} {tally['none']:6}")
        total += tally
    print(f"{'all':42} {total['right']:6} {total['wrong']:6} {total['none']:6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
