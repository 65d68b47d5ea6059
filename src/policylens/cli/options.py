"""What the command line adds to the library's arguments: the flag a parameter is written as, and the
one parser of date and time options.

The library takes ``date`` objects and names its own parameters in errors
(``ParameterError("as_of", …)``); this is the one place that knows the flag
a user typed for each, so ``guard`` can print ``--as-of: …``.  A parameter
not listed is its own name as a flag (``digest_every`` -> ``--digest-every``).
"""

from __future__ import annotations

import datetime as dt

from policylens.errors import InputError

FLAGS = {"deliver_to": "--deliver", "fmt": "--format"}


def flag(parameter: str) -> str:
    """The option a user writes for the library's ``parameter``."""
    return FLAGS.get(parameter) or "--" + parameter.replace("_", "-")


def day(value: str | None, option: str) -> dt.date | None:
    """A date option's day, None when not given (the library then asks the clock); InputError naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(option, f"{value!r} is not a date (YYYY-MM-DD)") from None


def moment(value: str | None, option: str) -> dt.datetime | None:
    """A time option (a day, or a day and a time of day), aware UTC; InputError naming the option."""
    if value is None:
        return None
    try:
        found = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(option, f"{value!r} is not a time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
    return found if found.tzinfo else found.replace(tzinfo=dt.UTC)
