"""Named things in a document: places, organisations, clusters, parks and programmes.

Nothing here knows any company or programme by name.  Places come from the
gazetteer; everything else is recognised from how names are written in
English policy and business text (the word lists are in
``data/entity_patterns.yaml``):

- a capitalised name ends in a head that gives its type ("... Administrative
  Committee", "... Industrial Park", "... Action Plan") or a legal form
  ("Co., Ltd."), and may carry a complement ("Ministry of Science and
  Technology", "Action Plan for ... (2022–2025)");
- a descriptive lower-case name is specific when it states a level or a
  definite reference and, for several at once, what they are for ("two
  provincial advanced manufacturing clusters focusing on A and B" is two);
- names in a list after "enterprises such as", "leaders like", "led by" are
  companies; so is a name before "'s factory" or before "announced";
- a quoted name is a programme when a programme noun follows or introduces it.

Each entity appears once with every mention; later short forms (an acronym
given in parentheses, a company's name without its legal form) are aliases.

Modules, one per strategy: ``named`` (heads and legal forms), ``descriptive``,
``quoted``, ``lists``, ``context``, ``places``; ``assemble`` makes one entity
per thing.
"""

from __future__ import annotations

from policylens.extraction.entities.assemble import assemble
from policylens.extraction.entities.context import find_by_context
from policylens.extraction.entities.descriptive import find_descriptive
from policylens.extraction.entities.lists import find_lists
from policylens.extraction.entities.named import all_chunks, find_named
from policylens.extraction.entities.patterns import patterns
from policylens.extraction.entities.places import (
    find_places,
    governments_of_places,
    national_bodies,
    sites_of_works,
    unlisted_places,
)
from policylens.extraction.entities.quoted import find_quoted
from policylens.extraction.entities.tokens import Tokens, title_lines
from policylens.extraction.text import TextIndex
from policylens.model import Document, Entity

__all__ = ["find_entities"]


def find_entities(document: Document, index: TextIndex) -> list[Entity]:
    text = document.text
    if not text:
        return []
    tokens = Tokens(text)
    titles = title_lines(text, index)
    chunks = list(all_chunks(tokens, patterns()))
    found, named = find_named(tokens, titles, chunks)
    found += find_descriptive(tokens)
    found += find_quoted(text)
    found += find_lists(tokens, titles)
    found += find_by_context(tokens, titles, found, chunks, named)
    places = find_places(tokens, index, titles)
    found += governments_of_places(text, places)
    found += national_bodies(text, places, found)
    found += unlisted_places(text, places)
    found += sites_of_works(text, places, found)
    return assemble(text, found, places)
