"""Tables that read at 80 columns and in pipes.

Rich narrows a table that is too wide by cutting whatever columns are widest,
mid-word if need be.  Here the layout is decided before Rich sees it: short
columns (ids, status, values, dates) keep their full width and never wrap;
columns of prose (titles, subjects, metrics, snippets) share what is left,
each at least as wide as its longest word, and wrap at word boundaries.
Long prose is shortened at a word boundary first (``shorten``).  Cells are
plain text: a "[b]" in a document's title is printed as written.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import cache

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from policylens.figures import amount

GAP = 2  # what the table's style puts between two columns (checked by tests/cli/test_tables.py)


@cache
def _cjk() -> re.Pattern[str]:
    """CJK characters, compiled at the first table: a class this wide takes 5-10 ms to compile, which
    ``--help`` and ``--version`` (this module is imported with the commands) need not pay."""
    return re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def figure(comparator: str, value: float, unit: str, value_max: float | None = None) -> str:
    """A quantity as a cell: comparator (none for "="), value and unit, e.g. ">= CNY 20 billion"."""
    return f"{'' if comparator == '=' else comparator} {amount(value, unit, value_max)}".strip()


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary and marked with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    cut = text.rfind(" ", 0, limit)  # the last word that ends within the limit, "…" included
    if cut > limit // 2 and not _cjk().search(text[cut:limit]):
        head = text[:cut]  # Chinese breaks between any two characters; other text between words
    return head.rstrip(" ,;:") + "…"


Cell = str | Text  # a Text carries styles (the marked words of a search snippet)


def marked(passage: str, marks: Iterable[tuple[int, int]], styled: bool) -> Text:
    """A passage with the given spans in bold on a terminal, or between asterisks in a pipe or file."""
    if styled:
        text = Text(passage)
        for start, end in marks:
            text.stylize("bold", start, end)
        return text
    pieces, last = [], 0
    for start, end in marks:
        pieces += [passage[last:start], "*", passage[start:end], "*"]
        last = end
    return Text("".join([*pieces, passage[last:]]))


def _longest_word(cell: str) -> int:
    """The narrowest a column can be without cutting a word of ``cell`` (a CJK character is a word)."""
    return max((2 if _cjk().search(word) else cell_len(word) for word in cell.split()), default=1)


def _widest_line(cell: str) -> int:
    return max((cell_len(line) for line in cell.splitlines()), default=0)


def table(
    title: str, columns: Sequence[str], rows: Iterable[Sequence[Cell]], *, width: int, prose: Collection[str] = ()
) -> Table:
    """A table of ``columns`` fitted into ``width``; the columns named in ``prose`` wrap at word boundaries."""
    texts = [[cell if isinstance(cell, Text) else Text(str(cell)) for cell in row] for row in rows]
    cells = [[header, *(row[i].plain for row in texts)] for i, header in enumerate(columns)]
    widest = [max(map(_widest_line, column)) for column in cells]
    flexible = [header in prose for header in columns]
    room = width - GAP * (len(columns) - 1) - sum(w for w, flex in zip(widest, flexible, strict=True) if not flex)
    widths: list[int | None] = list(widest)
    wanted = sum(w for w, flex in zip(widest, flexible, strict=True) if flex)
    if wanted > room:
        least = [max(map(_longest_word, column)) if flex else 0 for column, flex in zip(cells, flexible, strict=True)]
        spare = room - sum(least)
        if spare >= 0:  # every word fits whole: share what is left in proportion to what each column lacks
            lack = [w - low if flex else 0 for w, low, flex in zip(widest, least, flexible, strict=True)]
            total = sum(lack) or 1
            widths = [
                low + spare * gap // total if flex else w
                for w, low, gap, flex in zip(widest, least, lack, flexible, strict=True)
            ]
        else:  # not even the words fit: let Rich do what it can rather than print past the edge
            widths = [None] * len(columns)
    grid = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    for header, w, flex in zip(columns, widths, flexible, strict=True):
        grid.add_column(header, width=w, no_wrap=not flex, overflow="fold")
    for row in texts:
        grid.add_row(*row)
    return grid
