"""The one loader of the YAML vocabularies the stages ship in their ``data/`` folders, and of a user's own.

Cue lists, unit tables, entity patterns, resolution rules and the like live
in data files so they can be read and extended without touching code.
``load(package, name)`` reads ``<package>/data/<name>`` through
importlib.resources (so an installed wheel works as well as the source tree)
and caches it: every stage asks here, none opens YAML itself.

A user's data folder (``POLICYLENS_DATA``, or the CLI's global ``--data
DIR``, which sets it) may hold a file of the same name; it *extends* the
shipped vocabulary the way ``--rules`` extends the brief rules: mappings key
by key, lists by appending the items not there already, and a plain value
replaces the shipped one.  So ``legal_forms: ['AG']`` in a user's
``entity_patterns.yaml`` adds one legal form and keeps every shipped one.
The folder is process-wide and read when a vocabulary is first used (the
extraction patterns are compiled once), so it is set before the first
document is read; worker processes inherit it through the environment.

Like ``periods``, this module imports nothing of the package but its errors, so any stage may use it.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from policylens.errors import ConfigError

ENV = "POLICYLENS_DATA"


def _loader() -> Any:
    """libyaml's parser when PyYAML was built with it: the same documents (every shipped file compared) in about an
    eighth of the time, which a command pays at its first use of each vocabulary (0.8 s for all 27 files).

    PyYAML is imported by the first vocabulary read, not with this module: ``targets`` and ``search`` read
    none, and importing it cost them about 10 ms.
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def use_folder(folder: str | Path | None) -> None:
    """Make ``folder`` the user's data folder for this process and the workers it starts."""
    if folder is None:
        os.environ.pop(ENV, None)
    else:
        os.environ[ENV] = str(folder)
    load.cache_clear()


def user_folder() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


@cache
def load(package: str, name: str) -> Any:
    """``<package>/data/<name>`` (a YAML file), extended by the user's file of that name if there is one."""
    import yaml

    shipped = yaml.load(resources.files(package).joinpath("data", name).read_text(encoding="utf-8"), _loader())
    folder = user_folder()
    if folder is not None and (own := folder / name).is_file():
        try:
            return extend(shipped, yaml.load(own.read_text(encoding="utf-8"), _loader()))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ConfigError(f"data file {own}: cannot read: {' '.join(str(exc).split())}") from None
    return shipped


def extend(base: Any, extra: Any) -> Any:
    """``base`` with ``extra`` added: mappings merged key by key, lists appended to, anything else replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **{k: extend(base[k], v) if k in base else v for k, v in extra.items()}}
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return base if extra is None else extra
