"""A user's data folder extends the shipped vocabularies: one loader, and extraction sees the additions.

The extraction patterns are compiled once per process, so the folder is
given to a fresh ``policylens`` process (``--data``), as a user would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from policylens import vocab

TEXT = (
    "Orders from Nordlicht Mekanika Sh.p.k. rose in March. Tk 450 million will be spent on a new plant by "
    "2027. Officials described the Blue Harbour compact as a success.\n"
)


def test_extend_adds_to_mappings_and_lists_and_replaces_plain_values():
    base = {"forms": ["Ltd."], "codes": {"USD": {"before": ["$"]}}, "limit": 3}
    extra = {"forms": ["Ltd.", "AG"], "codes": {"USD": {"before": ["US$"]}, "BDT": {"before": ["Tk"]}}, "limit": 5}
    assert vocab.extend(base, extra) == {
        "forms": ["Ltd.", "AG"],
        "codes": {"USD": {"before": ["$", "US$"]}, "BDT": {"before": ["Tk"]}},
        "limit": 5,
    }
    assert vocab.extend(base, None) == base  # an empty user file changes nothing
    assert base["forms"] == ["Ltd."]  # the shipped data is not modified


def _extract(tmp_path, *options: str) -> dict:
    doc = tmp_path / "note.txt"
    doc.write_text(TEXT, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", "from policylens.cli import main; main()", *options, "--json", "extract", str(doc)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    return (found[0] if isinstance(found, list) else found).get("extraction", found)


@pytest.mark.slow
def test_a_users_folder_adds_a_legal_form_a_programme_noun_and_a_currency(tmp_path):
    data = tmp_path / "mine"
    data.mkdir()
    (data / "entity_patterns.yaml").write_text("legal_forms: ['Sh\\.p\\.k\\.']\nprogramme_nouns: [compact]\n")
    (data / "currencies.yaml").write_text("currencies:\n  BDT:\n    before: [Tk]\n    after: [taka]\n")
    shipped, extended = _extract(tmp_path), _extract(tmp_path, "--data", str(data))

    def entities(ex):
        return {(e["type"], e["name"]) for e in ex["entities"]}

    added = entities(extended) - entities(shipped)
    assert ("company", "Nordlicht Mekanika Sh.p.k.") in added
    assert ("programme", "Blue Harbour compact") in added
    assert not [q for q in shipped["quantities"] if q["unit"] == "BDT"]
    [taka] = [q for q in extended["quantities"] if q["unit"] == "BDT"]
    assert (taka["value"], taka["text"]) == (450_000_000, "Tk 450 million")
    assert TEXT[taka["start"] : taka["end"]] == taka["text"]


def test_a_data_folder_that_is_not_there_is_one_line(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from policylens.cli import main; main()",
            "--data",
            str(tmp_path / "missing"),
            "extract",
            "-",
        ],
        input="x",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "no such folder" in run.stderr and "Traceback" not in run.stderr


def _word_lists_with_booleans(node, path=""):
    """Paths of lists of words in which YAML read a bare word as a boolean ("on", "no", "off", "yes")."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _word_lists_with_booleans(value, f"{path}.{key}")
    elif isinstance(node, list):
        if any(isinstance(item, str) for item in node) and any(isinstance(item, bool) for item in node):
            yield path
        for item in node:
            yield from _word_lists_with_booleans(item, path)


def test_no_word_in_a_shipped_vocabulary_is_read_as_a_boolean():
    import policylens

    root = Path(policylens.__file__).parent
    files = sorted(root.glob("**/data/*.yaml"))
    assert files
    bad = [
        f"{path.relative_to(root)}{where}"
        for path in files
        for where in _word_lists_with_booleans(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    assert bad == [], "quote these words (YAML reads on/no/off/yes as booleans)"


def test_every_shipped_vocabulary_loads_alike_with_the_loader_vocab_uses_and_pyyamls_own():
    """``vocab`` parses with libyaml where PyYAML has it; it must read every shipped file as the pure-Python
    safe loader does (types included: a 1 is not a True, nor 1.0)."""
    import policylens

    def typed(value: object) -> object:
        if isinstance(value, dict):
            return {k: typed(v) for k, v in value.items()}
        if isinstance(value, list):
            return [typed(v) for v in value]
        return (type(value).__name__, value)

    root = Path(policylens.__file__).parent
    files = sorted(root.glob("**/data/*.yaml"))
    assert files
    differ = [
        str(path.relative_to(root))
        for path in files
        if typed(yaml.load(text := path.read_text(encoding="utf-8"), vocab._loader())) != typed(yaml.safe_load(text))
    ]
    assert differ == []
