"""Numbers written the ways documents write them parse back to the value they were written from.

Each test formats a known value — thousands grouped by commas or spaces, decimals,
scale words and letters, currency marks before or after, signs — puts it in a
sentence, and checks that exactly that span is read, with exactly that value and
unit. The last tests write things that only look like amounts (reference
markers, list numbers, years) and check that none is read.
"""

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from num2words import num2words

from policylens.extraction.numbers import find_amounts

GROUPINGS = [",", " ", "\u00a0", "\u202f", "\u2009"]


def grouped(n: int, sep: str) -> str:
    """``n`` with its thousands separated by ``sep`` ("1 250 000")."""
    digits = str(n)
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


def digits(value_cents: int, sep: str | None) -> str:
    """A non-negative amount in hundredths, written with ``sep`` grouping (or none) and its decimals."""
    whole, cents = divmod(value_cents, 100)
    body = grouped(whole, sep) if sep else str(whole)
    return body + (f".{cents:02d}" if cents else "")


def read_one(sentence: str, written: str):
    found = find_amounts(sentence)
    assert len(found) == 1, (sentence, [(sentence[a.start : a.end], a.value, a.unit) for a in found])
    (amount,) = found
    start = sentence.index(written)
    assert (amount.start, amount.end) == (start, start + len(written)), (sentence, amount)
    return amount


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


CURRENCY_BEFORE = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "RMB ": "CNY",
    "RMB": "CNY",
    "¥": "CNY",
    "₹": "INR",
    "USD ": "USD",
    "EUR ": "EUR",
}
CURRENCY_AFTER = {
    " dollars": "USD",
    " euros": "EUR",
    " yuan": "CNY",
    " rupees": "INR",
    " US dollars": "USD",
    " pesos": "MXN",
}
SCALE_WORDS = {
    "": 1,
    " million": 1e6,
    " billion": 1e9,
    " trillion": 1e12,
    " thousand": 1e3,
    "bn": 1e9,
    " bn": 1e9,
    " mln": 1e6,
}
LETTER_SCALES = {"k": 1e3, "K": 1e3, "M": 1e6, "m": 1e6, "bn": 1e9, "B": 1e9, "T": 1e12}
UNITS_AFTER = {
    "%": "%",
    " percent": "%",
    " per cent": "%",
    " percentage points": "pp",
    " tonnes": "t",
    " MW": "MW",
    " GW": "GW",
    " square kilometers": "km2",
    " mg": "mg",
    " °C": "°C",
    " miles": "mi",
    " watts": "W",
    " inches": "in",
    " hectares": "ha",
    " TEU": "TEU",
    " km": "km",
}

VALUES = st.integers(min_value=1, max_value=10**11)  # in hundredths: 0.01 .. 1,000,000,000.00
SEPARATORS = st.sampled_from([None] + GROUPINGS)


@settings(max_examples=400, deadline=None)
@given(
    cents=VALUES,
    sep=SEPARATORS,
    mark=st.sampled_from(sorted(CURRENCY_BEFORE)),
    scale=st.sampled_from(sorted(SCALE_WORDS)),
    negative=st.sampled_from(["", "−", "-"]),
)
def test_currency_before_the_number(cents, sep, mark, scale, negative):
    written = f"{mark}{negative}{digits(cents, sep)}{scale}"
    amount = read_one(f"The fund stood at {written} at the end of the quarter.", written)
    expected = cents / 100 * SCALE_WORDS[scale] * (-1 if negative else 1)
    assert close(amount.value, expected) and amount.unit == CURRENCY_BEFORE[mark]


def european(value_cents: int, sep: str) -> str:
    """An amount as much of Europe writes it: thousands grouped by ``sep``, a comma before the cents."""
    whole, cents = divmod(value_cents, 100)
    return grouped(whole, sep) + f",{cents:02d}"


@settings(max_examples=300, deadline=None)
@given(
    cents=st.integers(min_value=100_000, max_value=10**11),
    sep=st.sampled_from([" ", "\u00a0", "\u202f", "'", "’", "."]),
    unit=st.sampled_from([("€", "", "EUR"), ("CHF ", "", "CHF"), ("", " euros", "EUR"), ("", " CHF", "CHF")]),
)
def test_thousands_grouped_with_a_decimal_comma(cents, sep, unit):
    # "1 298,00 €", "CHF 1'049,95", "1.234.567,89 euros": never the head alone ("1") as the amount
    before, after, code = unit
    assume(sep != "." or cents >= 100_000_000)  # one dot group alone ("1.298,00") is left unread
    written = f"{before}{european(cents, sep)}{after}"
    amount = read_one(f"The contract is worth {written} in total.", written)
    assert close(amount.value, cents / 100) and amount.unit == code


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1_000, max_value=999_999),
    written_as=st.sampled_from([("Rp ", "", "IDR"), ("Rp", "", "IDR"), ("", " rupiah", "IDR"), ("", " dong", "VND")]),
)
def test_a_dot_groups_thousands_in_a_currency_without_fractions(n, written_as):
    before, after, code = written_as
    written = f"{before}{grouped(n, '.')}{after}"
    amount = read_one(f"The minimum wage rose to {written} a month.", written)
    assert close(amount.value, n) and amount.unit == code


def test_a_dot_is_a_decimal_point_before_a_scale_word_and_in_other_currencies():
    assert read_one("Exports reached Rp 31.500 trillion.", "Rp 31.500 trillion").value == 31.5e12
    assert read_one("The index rose to $31.500 today.", "$31.500").value == 31.5


@settings(max_examples=400, deadline=None)
@given(n=st.integers(min_value=2, max_value=10**12), capital=st.booleans())
def test_numbers_spelt_out_read_whole(n, capital):
    # num2words writes them as English does: "two hundred and fifty", "one million, two hundred and
    # thirty-four thousand, five hundred and sixty-seven"; never the last word alone ("fifty")
    written = num2words(n)
    written = written.title() if capital else written
    amount = read_one(f"The city created {written} jobs last year.", written)
    assert amount.value == n and amount.unit == "count"


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=99), unit=st.sampled_from([(" years", "year"), (" times", "times")]))
def test_and_a_half(n, unit):
    written = f"{num2words(n)} and a half{unit[0]}"
    amount = read_one(f"The plan runs for {written} in all.", written)
    assert amount.value == n + 0.5 and amount.unit == unit[1]


@settings(max_examples=200, deadline=None)
@given(
    number=st.decimals(min_value="0.1", max_value="999.9", places=1),
    scale=st.sampled_from([("M", 1e6), ("m", 1e6), ("k", 1e3), ("K", 1e3)]),
    code=st.sampled_from(["USD", "EUR", "GBP", "SEK", "CHF", "JPY"]),
    spaced=st.booleans(),
)
def test_a_currency_code_scaled_by_a_letter(number, scale, code, spaced):
    # "30 MUSD", "450 kEUR": the letter scales the code it is written on to
    written = f"{number}{' ' if spaced else ''}{scale[0]}{code}"
    amount = read_one(f"The fund raised {written} last year.", written)
    assert close(amount.value, float(number) * scale[1]) and amount.unit == code


DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(min_value=0, max_value=999), decimals=st.from_regex(r"\A[0-9]{0,2}[1-9]\Z"))
def test_a_decimal_said_in_words_reads_whole(whole, decimals):
    # "two hundred and five point zero three percent": a transcript's figure, never "three percent"
    written = f"{num2words(whole)} point {' '.join(DIGIT_WORDS[int(d)] for d in decimals)} percent"
    amount = read_one(f"Output grew {written} last year.", written)
    assert close(amount.value, float(f"{whole}.{decimals}")) and amount.unit == "%"


def test_scientific_notation_and_powers_are_no_amounts():
    assert find_amounts("a factor of 2.48×10−5 was seen") == []
    assert find_amounts("exposed to 20 J/m^2 per year") == []


@settings(max_examples=300, deadline=None)
@given(
    cents=VALUES,
    sep=SEPARATORS,
    word=st.sampled_from(sorted(CURRENCY_AFTER)),
    scale=st.sampled_from([" million", " billion", ""]),
)
def test_currency_word_after_the_number(cents, sep, word, scale):
    written = f"{digits(cents, sep)}{scale}{word}"
    amount = read_one(f"Investment of {written} was signed.", written)
    assert close(amount.value, cents / 100 * SCALE_WORDS[scale]) and amount.unit == CURRENCY_AFTER[word]


@settings(max_examples=300, deadline=None)
@given(
    number=st.decimals(min_value="0.1", max_value="999.9", places=1),
    letter=st.sampled_from(sorted(LETTER_SCALES)),
    mark=st.sampled_from(["$", "€", "£", "US$"]),
)
def test_a_scale_letter_after_a_currency_mark(number, letter, mark):
    written = f"{mark}{number}{letter}"
    amount = read_one(f"The round raised {written} from investors.", written)
    assert close(amount.value, float(number) * LETTER_SCALES[letter])


@settings(max_examples=200, deadline=None)
@given(number=st.decimals(min_value="0.1", max_value="999.9", places=1), letter=st.sampled_from(["k", "K", "M"]))
def test_thousands_and_millions_letters_on_a_count(number, letter):
    written = f"{number}{letter}"
    amount = read_one(f"The platform serves {written} users across the region.", written)
    assert close(amount.value, float(number) * LETTER_SCALES[letter]) and amount.unit == "count"


@settings(max_examples=400, deadline=None)
@given(cents=VALUES, sep=SEPARATORS, unit=st.sampled_from(sorted(UNITS_AFTER)), negative=st.sampled_from(["", "−"]))
def test_units_after_the_number(cents, sep, unit, negative):
    written = f"{negative}{digits(cents, sep)}{unit}"
    amount = read_one(f"The reading was {written} after the upgrade.", written)
    assert close(amount.value, cents / 100 * (-1 if negative else 1)) and amount.unit == UNITS_AFTER[unit]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**9), sep=SEPARATORS)
def test_counts_of_things(n, sep):
    written = digits(n * 100, sep)
    assume(not (sep is None and 1800 <= n <= 2199))  # four bare digits in that range read as a year
    assume(not (sep is None and n >= 10**6))  # seven ungrouped digits with no unit read as an identifier
    amount = read_one(f"The province now has {written} enterprises above designated size.", written)
    assert amount.value == n and amount.unit == "count"


@settings(max_examples=200, deadline=None)
@given(
    low=st.integers(min_value=1, max_value=500),
    span=st.integers(min_value=1, max_value=500),
    unit=st.sampled_from([" mg", " MW", "%", " tonnes", " km"]),
    dash=st.sampled_from([" to ", "–", "-"]),
)
def test_ranges_with_the_unit_written_twice_or_once(low, span, unit, dash):
    high = low + span
    for written in (f"{low}{unit} to {high}{unit}", f"{low}{dash}{high}{unit}"):
        amount = read_one(f"Each batch holds {written} of material.", written)
        assert (amount.value, amount.value_max, amount.unit) == (low, high, UNITS_AFTER[unit])


@settings(max_examples=200, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=99),
    frac=st.sampled_from([(1, 2), (1, 4), (3, 4), (1, 3), (2, 3)]),
    unit=st.sampled_from([" years", " inches", " miles", " hours", "%"]),
)
def test_mixed_numbers(whole, frac, unit):
    written = f"{whole} {frac[0]}/{frac[1]}{unit}"
    amount = read_one(f"The work took {written} on average.", written)
    assert close(amount.value, whole + frac[0] / frac[1])


@settings(max_examples=200, deadline=None)
@given(
    refs=st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=4),
    style=st.sampled_from(["[{}]", "[{}] ", "[{}, 3]", "[{}–9]"]),
)
def test_reference_markers_are_not_amounts(refs, style):
    markers = "".join(style.format(r) for r in refs)
    assert find_amounts(f"The ministry published its rules{markers} and later revised them.{markers}") == []


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=5),
    style=st.sampled_from(["{}. ", "{}) ", "({}) ", "- {}. "]),
)
def test_list_numbers_are_not_amounts(items, style):
    text = "\n".join(style.format(i) + "Improve the approval process for new projects" for i in items)
    assert find_amounts(text) == []


@settings(max_examples=100, deadline=None)
@given(
    year=st.integers(min_value=1990, max_value=2060),
    month=st.sampled_from(["March", "Sept.", "December"]),
    day=st.integers(min_value=1, max_value=28),
)
def test_years_and_dates_alone_are_not_amounts(year, month, day):
    for text in (
        f"The rules took effect in {year}.",
        f"It was signed on {month} {day}, {year}.",
        f"The plan ({year}-{year + 5}) was issued on {day} {month} {year}.",
    ):
        assert find_amounts(text) == []


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=9), d=st.integers(min_value=2, max_value=20), words=st.booleans())
def test_one_in_five_is_a_share_not_two_counts(n, d, words):
    assume(n < d)
    written = f"{num2words(n) if words else n} in {num2words(d) if words else d}"
    amount = read_one(f"Nearly {written} companies plan to invest abroad.", written)
    assert amount.unit == "%" and close(amount.value, round(100 * n / d, 2))


def test_a_numerator_is_no_count_and_said_signs_are_kept():
    assert find_amounts("Two thirds were exporters.") == []  # not "two" companies
    assert find_amounts("Output rose by three quarters.") == []
    [growth] = find_amounts("GDP growth was minus 2.1 percent.")
    assert (growth.value, growth.unit) == (-2.1, "%")
    [tolerance] = find_amounts("a tolerance of plus or minus 5%")
    assert tolerance.value == 5.0
    [people] = find_amounts("about two and a quarter million people")
    assert people.value == 2_250_000
    assert find_amounts("12.32e+14 bytes and 1.1^23") == []


def test_a_suspended_hyphen_makes_one_range_or_nothing():
    [cut] = find_amounts("a 20- to 30-percent cut")
    assert (cut.value, cut.value_max, cut.unit) == (20.0, 30.0, "%")
    assert find_amounts("over a 5- to 10-year period") == []  # a compound adjective, not "5" things


def test_grid_voltages_feet_and_an_abbreviated_restatement():
    [line] = find_amounts("the 500 kV lines were built")
    assert (line.value, line.unit) == (500.0, "kV")
    [tower] = find_amounts("a tower 12 ft high")
    assert (tower.value, tower.unit) == (12.0, "ft")
    [land] = find_amounts("The park covers 1,000 mu (66.7 ha.) of land.")
    assert (land.value, land.unit, [(a.value, a.unit) for a in land.alternatives]) == (1000.0, "mu", [(66.7, "ha")])


def test_the_yen_sign_is_yen_where_the_text_speaks_of_japan_and_yuan_otherwise():
    [japan] = find_amounts("Toyota will invest ¥1.2 trillion in Aichi, the Japanese carmaker said.")
    assert japan.unit == "JPY"
    [named] = find_amounts("Sales in China rose to ¥300 billion, or 6 trillion yen.")[:1]
    assert named.unit == "JPY"  # the text names yen, and no yuan
    [china] = find_amounts("The city invested ¥5 billion in the park.")
    assert china.unit == "CNY"
    [both] = find_amounts("¥5 billion (yuan), while Japan spent 3 trillion yen.")[:1]
    assert both.unit == "CNY"  # both currencies named: the mark keeps its usual reading


def test_a_currency_word_after_a_generic_mark_says_which_currency():
    assert [a.unit for a in find_amounts("Investment reached $5 billion pesos in the state.")] == ["MXN"]
    assert [a.unit for a in find_amounts("It cost $10 million Canadian dollars.")] == ["CAD"]
    assert [a.unit for a in find_amounts("Sales reached $5 billion dollars.")] == ["USD"]


def lakhs(n: int) -> str:
    """``n`` grouped as India writes it: the last three digits, then groups of two ("12,50,000")."""
    digits = str(n)
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(groups + [tail])


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=100_000, max_value=10**11), mark=st.sampled_from(["Rs ", "₹", "INR "]))
def test_indian_grouping_by_lakhs_and_crores(n, mark):
    written = f"{mark}{lakhs(n)}"
    amount = read_one(f"An outlay of {written} was approved.", written)
    assert close(amount.value, n) and amount.unit == "INR"


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1_000, max_value=999_999),
    decimal=st.integers(min_value=1, max_value=99),
    unit=st.sampled_from([(" ha", "ha"), (" tonnes", "t"), (" workers", "count")]),
)
def test_one_dot_group_follows_the_page_s_decimal_comma(n, decimal, unit):
    # A machine translation that writes "23,5%" writes "2.237 ha" for 2,237 hectares; a page that also writes
    # "2.5 GW" cannot be told, and the dot group is left unread rather than read as 2.237.
    words, code = unit
    written = f"{grouped(n, '.')}{words}"
    said = f"Exports rose {decimal // 10},{decimal % 10}% while the parks cover {written} in all."
    [amount] = find_amounts(said)  # the decimal comma itself is not read (yet)
    span = written if code != "count" else grouped(n, ".")  # a count's noun is not part of its span
    assert (amount.start, amount.end) == (said.index(written), said.index(written) + len(span))
    assert close(amount.value, n) and amount.unit == code
    mixed = said + " Capacity reached 2.5 GW."
    assert [a.unit for a in find_amounts(mixed)] == ["GW"]
    english = f"Exports rose 2.5% while the parks cover {written} in all."
    assert close(find_amounts(english)[1].value, n / 1000)


def test_square_and_cubic_units_written_as_one_character():
    [area, land] = find_amounts("a 660,000㎡ cluster on 5㎢ of land")
    assert (area.value, area.unit, land.value, land.unit) == (660000.0, "m2", 5.0, "km2")
    [tank] = find_amounts("a 20 m³ tank")
    assert (tank.value, tank.unit) == (20.0, "m3")
    assert find_amounts("a flow of 5 m³/s") == []  # a rate whose unit is not the one read


@pytest.mark.parametrize(
    "written",
    ["R$ 2 bilhões", "MXN$ 5,000 millones", "Rp 12 triliun", "5 Mio. Euro", "3.2 mt", "300 kt", "50,000 tpa"],
)
def test_a_scale_or_tonnage_left_unread_leaves_its_figure_unread(written):
    # "R$ 2 bilhões" is two billion reais, "3.2 mt" million or metric tonnes: never R$ 2 or a count of 3.2
    assert find_amounts(f"It reached {written} last year.") == []


@pytest.mark.parametrize(
    "written, value, value_max, unit",
    [
        ("20%-30%", 20.0, 30.0, "%"),  # a range written with its sign twice: never 20% and minus 30%
        ("300 mm", 300.0, None, "mm"),
        ("a 300mm wafer", 300.0, None, "mm"),
        ("2 million m3", 2e6, None, "m3"),
    ],
)
def test_ranges_of_percentages_and_millimetres(written, value, value_max, unit):
    [amount] = find_amounts(f"It reached {written} last year.")
    assert (amount.value, amount.value_max, amount.unit) == (value, value_max, unit)


@pytest.mark.parametrize("written", ["200 MW/400 MWh", "$5mm", "$5 mm", "16 GB", "2 TB", "20 tph", "8.5 sq mi"])
def test_a_unit_that_cannot_be_read_leaves_the_figure_unread(written):
    # a storage plant's power and energy; a banker's millions: never a count of 200, never $5
    assert find_amounts(f"It reached {written} last year.") == []
