"""Capitalised names read from their heads: "... Industrial Park", "Ministry of ...", "... Co., Ltd."."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policylens.extraction.entities.patterns import Patterns, patterns
from policylens.extraction.entities.places import is_place
from policylens.extraction.entities.tokens import (
    WS,
    Found,
    Tokens,
    acronym_after,
    clean,
    in_spans,
)

_CONNECTORS = frozenset({"of", "for", "on", "and", "the", "de", "&"})
_COMPLEMENT_CONNECTORS = _CONNECTORS | {"a", "an", "in", "with", "to", "at"}
_ATTACHING = frozenset({"of", "for", "on"})
# Capitalised adjectives a zone's name coordinates: "Economic", "Technological", "High", "New".
_ADJECTIVE = re.compile(r"(?:ic|al|ive|ary|^High|^New)$")
# A plan known by its ordinal ("15th Five-Year Plan"), whose period the ordinal already names.
_ORDINAL_PLAN = re.compile(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+Five-Year\s+Plan", re.I)
_PERIOD = re.compile(r"[ \t]*\(\s*((?:19|20)\d\d\s*[-–—~至]\s*(?:(?:19|20)\d\d|\d\d))\s*\)")
# A year or span written bare after a title's head ("Policy 2025", "Strategy 2026–2030"), not a count after it.
_YEAR_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d(?:[ \t]*[-–—][ \t]*(?:(?:19|20)\d\d|\d\d))?(?![\w%.,]*\d)(?![\w-])")
_ACRONYM_PAREN = re.compile(r"\(([A-Z][A-Z0-9&-]{1,9})\)")
_BRACKET = re.compile(r"[ \t]*\([^()\n]{1,30}\)")
_DEFINED_AS = re.compile(r"\s*\(\s*[\"“]([^\"”]{2,40})[\"”]")
# A phase's or a sibling's number inside a park's name: "Yen Lu 2 Industrial Park", "VSIP II Industrial Park".
_NAME_NUMERAL = re.compile(r"(?:\d{1,2}|I{2,3}|IV|VI{0,3}|IX|X)")
_NUMERAL_FIRSTS = frozenset("0123456789IVX")


@dataclass(slots=True)
class Chunk:
    """A run of capitalised words with the small words and brackets inside names."""

    first: int
    last: int
    start: int
    end: int
    connectors: dict[int, str]  # token index -> connector word at that index
    period: str | None = None
    legal: bool = False


def _numbered_park(tokens: Tokens, k: int, p: Patterns) -> bool:
    """Whether token k is a number inside a park's or cluster's name: a short numeral between capitalised
    words whose run ends on a park's or cluster's head ("Nhon Trach 3 Industrial Park"), not a count between
    two names ("Hanoi 12 Companies")."""
    n = len(tokens)
    if k + 1 >= n or tokens.words[k][:1] not in _NUMERAL_FIRSTS:
        return False  # most words are no numeral: one look at the first character
    if tokens.joins(k) != " " or not tokens.cap[k + 1] or not _NAME_NUMERAL.fullmatch(tokens.words[k]):
        return False
    m = k + 1
    while m + 1 < n and m < k + 4 and tokens.joins(m) == " " and tokens.cap[m + 1]:
        m += 1
    return p.heads.get(tokens.lower[m]) in ("park", "cluster")


def chunk_at(tokens: Tokens, i: int, p: Patterns) -> Chunk | None:
    """The capitalised name that starts at token i, or None."""
    n = len(tokens)
    opened = i
    while i < n and tokens.cap[i] and tokens.lower[i] in p.not_starts and tokens.joins(i) == " ":
        i += 1
    if i > opened and i + 1 < n and tokens.lower[i] in p.time_words and tokens.joins(i) == " ":
        i += 1  # "On Monday Aurenic also signed": the day after the sentence's preposition is no part of a name
    if i >= n or not tokens.cap[i]:
        return None
    if tokens.lower[i] in p.not_starts and not (tokens.joins(i) == "-" and i + 1 < n and tokens.cap[i + 1]):
        return None  # "Next-Generation Automotive Roadmap": a compound's first part is no sentence word
    connectors: dict[int, str] = {}
    j = i
    while j + 1 < n:
        if _legal_after(tokens.text, tokens.ends[j], p):
            break
        how = tokens.joins(j)
        if how is not None and tokens.cap[j + 1]:
            j += 1
            continue
        if (
            how == "-"
            and j + 2 < n
            and tokens.joins(j + 1) in ("-", " ")
            and tokens.cap[j + 2]
            and tokens.words[j + 1].isalpha()
            and tokens.lower[j + 1] not in p.describing_participles
        ):
            j += 2  # "High-and-New-Tech", "Moganshan High-tech Zone": a lower-case part of a compound
            continue
        if how == " " and _numbered_park(tokens, j + 1, p):
            j += 2  # "Yen Lu 2 Industrial Park": the number names which park, it does not end the name
            continue
        if how == " ":
            k = j + 1
            words: list[int] = []
            while (
                k < n
                and not tokens.cap[k]
                and (tokens.lower[k] in _COMPLEMENT_CONNECTORS or tokens.lower[k] in p.name_particles)
                and len(words) < 2
                and tokens.joins(k) == " "
            ):
                words.append(k)
                k += 1
            allowed = _COMPLEMENT_CONNECTORS if any(c in _ATTACHING for c in connectors.values()) else _CONNECTORS
            allowed |= p.name_particles  # "Acerías del Ebro"
            # "and the" starts another noun phrase: "the Treasury and the Revenue Service" are two.
            if (
                words
                and k < n
                and tokens.cap[k]
                and all(tokens.lower[w] in allowed for w in words)
                and [tokens.lower[w] for w in words] != ["and", "the"]
                and tokens.lower[k] not in p.time_words
            ):
                for w in words:
                    connectors[w] = tokens.lower[w]
                j = k
                continue
        if connectors and _comma_list(tokens, i, j, connectors, p):
            j += 1
            continue
        gap = tokens.gap(j)
        if gap.strip() == "(" and j + 2 < n and tokens.gap(j + 1).startswith(")"):
            acronym = tokens.words[j + 1]
            if acronym.isupper() or tokens.cap[j + 1]:
                after = tokens.gap(j + 1)
                if after in (") ",) and j + 2 < n and tokens.cap[j + 2]:
                    j += 2
                    continue
        break
    chunk = Chunk(i, j, tokens.starts[i], tokens.ends[j], connectors)
    text = tokens.text
    m = _PERIOD.match(text, chunk.end)
    if m:
        chunk.period, chunk.end = m.group(1), m.end()
    else:
        m = _legal_after(text, chunk.end, p)
        if m:
            chunk.legal, chunk.end = True, m.end()
            chunk.last = max(chunk.last, tokens.at(m.end()) - 1)
    return chunk


def _legal_after(text: str, pos: int, p: Patterns) -> re.Match | None:
    """The legal form right after pos, also after a bracketed region: "... Corporation (Anhui) Co., Ltd."."""
    m = p.legal_suffix.match(text, pos)
    if m is None and text.find("(", pos, pos + 3) >= 0:
        b = _BRACKET.match(text, pos)
        m = p.legal_suffix.match(text, b.end()) if b else None
    return m


def _comma_list(tokens: Tokens, i: int, j: int, connectors: dict[int, str], p: Patterns) -> bool:
    """Whether the comma after token j lists what a body is "of" or "for": "Ministry of Economy, Trade and
    Industry".

    Only after a government or institution head and "of" or "for", and only when the
    list closes with "and" and a capitalised word; no item is a place, so that
    "the Ministry of Commerce, Beijing and Shanghai" stays three things.
    """
    if tokens.gap(j) != ", ":
        return False
    of = next((k for k, c in connectors.items() if c in ("of", "for")), None)
    head = _head_of(tokens, i, of - 1, p) if of is not None and of > i else None
    if head is None or head[0] not in ("government", "institution"):
        return False
    n = len(tokens)
    k = j + 1
    while k < n and tokens.cap[k] and tokens.lower[k] not in p.not_starts:
        item = k
        while k + 1 < n and tokens.gap(k) == " " and tokens.cap[k + 1] and k - item < 2:
            k += 1
        if is_place(tokens.text[tokens.starts[item] : tokens.ends[k]]):
            return False
        gap = tokens.gap(k)
        if gap == ", ":
            k += 1
            continue
        return (
            gap == " "
            and k + 2 < n
            and tokens.lower[k + 1] == "and"
            and tokens.gap(k + 1) == " "
            and tokens.cap[k + 2]
            and not is_place(tokens.words[k + 2])
        )
    return False


def find_named(tokens: Tokens, titles: list[tuple[int, int]], chunks: list[Chunk]) -> tuple[list[Found], set[int]]:
    """Names read from their heads, and the chunks (by first token) that gave any, which
    find_by_context then need not read again."""
    p = patterns()
    out: list[Found] = []
    named: set[int] = set()
    for chunk in chunks:
        if not in_spans(titles, chunk.start):
            entities = chunk_entities(tokens, chunk, p)
        elif _masthead(tokens.text, chunk):
            entities = [e for e in chunk_entities(tokens, chunk, p) if e.type in _MASTHEAD_TYPES]
        else:
            continue
        if entities:
            named.add(chunk.first)
        out += entities
    return out, named


# What a page's masthead names: the body that publishes it.
_MASTHEAD_TYPES = frozenset(("government", "institution"))
_MASTHEAD_SMALL_WORDS = frozenset(("of", "and", "for", "the", "on"))


def _masthead(text: str, chunk: Chunk) -> bool:
    """A body's name that is the whole of its short line, as a page's masthead writes it ("Philippine Statistics
    Authority" above the release), not a headline ("Qingdao Backs Provincial Machine Tool Cluster" names a cluster;
    "Department of Commerce Awards CHIPS Incentives to …" runs on) nor a byline ("Thu Hang - Investment Promotion
    Center")."""
    line_start = text.rfind("\n", 0, chunk.start) + 1
    line_end = text.find("\n", chunk.end)
    if text[line_start : chunk.start].strip() or text[chunk.end : line_end if line_end >= 0 else None].strip():
        return False
    words = text[chunk.start : chunk.end].split()
    return len(words) <= 6 and all(w[0].isupper() or w in _MASTHEAD_SMALL_WORDS for w in words)


def all_chunks(tokens: Tokens, p) -> Iterator[Chunk]:
    """Each run of capitalised words that may be a name, left to right, never overlapping."""
    i = 0
    n = len(tokens)
    while i < n:
        if not tokens.cap[i]:
            i += 1
            continue
        chunk = chunk_at(tokens, i, p)
        if chunk is None:
            i += 1
            continue
        yield chunk
        i = max(chunk.last + 1, i + 1)


def _head_of(tokens: Tokens, first: int, last: int, p: Patterns) -> tuple[str, str] | None:
    """(type, head word) when tokens first..last end in a head, else None."""
    if last > first:
        two = tokens.text[tokens.starts[last - 1] : tokens.ends[last]].lower().replace("’", "'")
        two = WS.sub(" ", two)
        if two in p.heads:
            return p.heads[two], two
    word = tokens.lower[last]
    if word in p.heads:
        return p.heads[word], word
    if word in p.weak_company_heads and last - first >= 2:
        return "company", word  # "Huarui Ocean Equipment", not "Construction Machinery"
    if word in p.plural_heads:
        singular = p.plural_heads[word]
        return p.heads.get(singular, "programme"), word
    return None


def _leading_head(tokens: Tokens, chunk: Chunk, p: Patterns) -> str | None:
    """The type the first words of a chunk name ("Parque Industrial …", "PT …"), when a name follows them."""
    for count in (3, 2, 1):
        last = chunk.first + count - 1
        if last >= chunk.last:
            continue  # the words alone name nothing
        opening = WS.sub(" ", tokens.text[chunk.start : tokens.ends[last]].lower())
        if opening in p.leading_heads:
            return p.leading_heads[opening]
    return None


def _segments(chunk: Chunk) -> list[tuple[int, int, str | None]]:
    """(first, last, connector before it) for each run of capitalised words."""
    out = []
    start = chunk.first
    before = None
    k = chunk.first
    prev_last = None  # the last capitalised word seen, where a segment ends
    while k <= chunk.last:
        if k in chunk.connectors:
            words = []
            while k in chunk.connectors:
                words.append(chunk.connectors[k])
                k += 1
            if prev_last is not None and prev_last >= start:
                out.append((start, prev_last, before))
            before = " ".join(words)
            start = k
            continue
        prev_last = k
        k += 1
    out.append((start, chunk.last, before))
    return out


def chunk_entities(tokens: Tokens, chunk: Chunk, p: Patterns) -> list[Found]:
    segments = _segments(chunk)
    heads = [_head_of(tokens, a, b, p) for a, b, _ in segments]
    if chunk.legal:
        heads[-1] = ("company", "legal")
    if not any(heads) and (leading := _leading_head(tokens, chunk, p)):
        # "Parque Industrial Frontera Sur", "Zona Franca de Bogotá": the noun first, the name runs on through
        # particles of its language, and stops at any other word ("PT X and Hong Kong's Y")
        last = 0
        while last + 1 < len(segments) and segments[last + 1][2] in p.name_particles:
            last += 1
        end = tokens.ends[segments[last][1]]
        return [Found(leading, clean(tokens.text[chunk.start : end]), chunk.start, end, "leading head")]
    out: list[Found] = []
    s = 0
    while s < len(segments):
        hit = next(((k, head) for k in range(s, len(segments)) if (head := heads[k])), None)
        if hit is None:
            break
        h, (htype, hword) = hit
        start_seg = s
        for k in range(s + 1, h + 1):
            if segments[k][2] in p.name_particles:
                continue  # "Acerías del Ebro S.A.": one name across the particle
            if segments[k][2] != "and" or _ends_in_place(tokens, segments[k - 1]):
                start_seg = k
            elif (
                htype == "company"
                and segments[k - 1][1] > segments[k - 1][0]
                and not _only_field_words(tokens, segments[k][0], segments[h][1], p)
            ):
                # "Reliance Industries and Adani Group" are two companies; "Johnson and Johnson Group" one.
                a, b = segments[start_seg][0], segments[k - 1][1]
                before = clean(tokens.text[tokens.starts[a] : tokens.ends[b]])
                if not is_place(before):
                    out.append(Found("company", before, tokens.starts[a], tokens.ends[b], "list"))
                start_seg = k
        end_seg = h
        if (
            start_seg == h > s
            and segments[h][2] == "of"
            and heads[h - 1] is None
            and segments[h][1] - segments[h][0] < 2
            and htype in ("cluster", "park")
        ):
            start_seg = h - 1  # "Wuxi Internet of Things Cluster": "Things Cluster" alone is no name
        if (
            h + 1 < len(segments)
            and (segments[h + 1][2] or "").split()[0] in _ATTACHING
            and not _title_after(tokens, htype, segments[h + 1])
        ):
            end_seg = h + 1
            while end_seg + 1 < len(segments):
                nxt = segments[end_seg + 1]
                if _title_after(tokens, htype, nxt):
                    break
                # "... and B Park" is another name, but "Ministry for A and Climate Action" is one; of two
                # "and"s before the other name's head, the last opens it ("Ministry of Economy and Finance
                # and B Park").
                other = next(
                    (
                        k
                        for k in range(end_seg + 1, len(segments))
                        if (hd := heads[k]) and not (htype in ("government", "institution") and hd[0] == "programme")
                    ),
                    None,
                )
                if (
                    nxt[2]
                    and nxt[2].startswith("and")
                    and not _adjectives_joined(tokens, segments[end_seg][1], nxt[0])
                    and other is not None
                    and not any((segments[k][2] or "").startswith("and") for k in range(end_seg + 2, other + 1))
                ):
                    break
                end_seg += 1
        first, last = segments[start_seg][0], segments[end_seg][1]
        start, end = tokens.starts[first], tokens.ends[last]
        if end_seg == len(segments) - 1:
            end = chunk.end
        if chunk.period and htype != "programme" and end == chunk.end:
            end = tokens.ends[last]
        name = clean(tokens.text[start:end])
        nwords = last - first + 1
        if hword in p.plural_heads:
            if start_seg < h:
                out += _split_coordination(tokens, segments, start_seg, h, htype, hword, start, end, p)
        elif (nwords >= 2 or chunk.legal) and not (htype == "programme" and _only_kind_words(name, p)):
            over = p.programme_over_heads.match(tokens.text, end) if end == chunk.end and not chunk.legal else None
            if over:  # "the Regional Innovation Cluster program": a programme named for what it builds
                htype, end = "programme", over.end()
                name = clean(tokens.text[start:end])
            during = p.programme_period.match(tokens.text, end) if htype == "programme" and end == chunk.end else None
            if during:  # "… Plan for the Bearing Industry during the 14th Five-Year Plan Period": one title
                end = during.end()
                name = clean(tokens.text[start:end])
            short = None
            if (
                htype == "programme"
                and end == chunk.end
                and not chunk.period
                and (year := _YEAR_AFTER.match(tokens.text, end))
            ):
                # "Clean Energy Policy 2025", "Nickel Roadmap 2026–2035": the year is part of the title
                short, end = name, year.end()
                name = clean(tokens.text[start:end])
            found = Found(htype, name, start, end, "legal" if chunk.legal else "head")
            if short is not None:
                found.aliases.append(short)
            if chunk.period and htype == "programme":
                found.attributes["period"] = chunk.period
                if end == chunk.end and _ORDINAL_PLAN.fullmatch(_PERIOD.sub("", name)):
                    # "15th Five-Year Plan (2026-2030)": the ordinal names the period, which is an attribute;
                    # the full form an alias
                    found.name = clean(_PERIOD.sub("", name))
                    found.aliases.append(name)
                elif end == chunk.end:
                    # "Action Plan for … (2022–2025)": the period is part of the title as issued; the form without
                    # it, as a later mention often writes it, an alias
                    found.aliases.append(clean(_PERIOD.sub("", name)))
            acronym = _ACRONYM_PAREN.search(name)
            if acronym:
                short = clean(acronym.group(1) + name[acronym.end() :])
                found.aliases.append(short if short != acronym.group(1) else acronym.group(1))
            defined = acronym_after(tokens.text, end) if end == chunk.end else None
            if defined and not is_place(defined[0]):
                found.aliases.append(defined[0])
            m = _DEFINED_AS.match(tokens.text, end)
            if m and m.group(1)[0].isupper():
                found.aliases.append(m.group(1))
            out.append(found)
            if htype == "programme" and end_seg > h:
                out += _nested(tokens, segments[h + 1 : end_seg + 1], p)
            elif htype in ("government", "institution") and end_seg > h:
                out += _governed_area(tokens, segments[h + 1 : end_seg + 1], heads[end_seg], p)
        s = end_seg + 1
    if (
        s == len(segments) - 1
        and segments[s][2] == "and"
        and heads[s] is None
        and out
        and out[-1].type == "company"
        and out[-1].end == tokens.ends[segments[s - 1][1]]
    ):
        # "Samsung Electronics and SK Hynix sent delegates": the name after "and" is a company too
        a, b = segments[s][0], segments[s][1]
        name = clean(tokens.text[tokens.starts[a] : tokens.ends[b]])
        if not is_place(name) and tokens.name_like(a, b):
            out.append(Found("company", name, tokens.starts[a], tokens.ends[b], "list"))
    return out


def _only_field_words(tokens: Tokens, first: int, last: int, p: Patterns) -> bool:
    """Whether the words first..last only say what a company does ("Science and Technology Co., Ltd.", "Steel"
    of "Iron and Steel Group", after "and"): no name of their own."""
    end = _legal_start(tokens, first, last, p)
    if end - 1 > first and p.heads.get(tokens.lower[end - 1]) == "company":
        end -= 1  # "Steel Group Co., Ltd.": the head word ends the name, it names nothing of its own
    return end > first and all(tokens.lower[i] in p.field_words for i in range(first, end))


def _legal_start(tokens: Tokens, first: int, last: int, p: Patterns) -> int:
    """The first token of the legal form that ends the tokens first..last ("Co., Ltd."), else last + 1."""
    for i in range(first, last + 1):
        if p.legal_suffix.match(tokens.text, tokens.ends[i - 1] if i > 0 else 0) and i > first:
            return i
    return last + 1


def _only_kind_words(name: str, p: Patterns) -> bool:
    """A programme "named" only by what kind of thing it is ("the Action Plan", "the Development
    Plan"): a reference back to a plan named elsewhere, not a name."""
    return all(w in p.heads or w in p.generic for w in name.lower().split())


def _title_after(tokens: Tokens, htype: str, segment: tuple[int, int, str | None]) -> bool:
    """Whether "on <Gerund> ..." after a body starts a document's title: "the People's Government of
    X Province on Printing and Distributing ..." (but "Leading Group for Building ..." is its remit)."""
    a, _, before = segment
    return htype != "programme" and before == "on" and tokens.lower[a].endswith("ing")


def _ends_in_place(tokens: Tokens, segment: tuple[int, int, str | None]) -> bool:
    """Whether a name of two words or more ends in a place ("VSIP Bac Ninh"): what follows its "and" is
    another name ("... and Que Vo Industrial Park"), not a second subject of the same head."""
    a, b, _ = segment
    return b > a and (is_place(tokens.words[b]) or is_place(tokens.text[tokens.starts[b - 1] : tokens.ends[b]]))


def _nested(tokens: Tokens, segments, p: Patterns) -> list[Found]:
    """Parks, clusters and bodies named inside a programme's title ("Policies on X Park Development")."""
    out = []
    for a, b, _ in segments:
        for k in range(b, a, -1):
            head = _head_of(tokens, a, k, p)
            if head and head[0] in ("park", "cluster", "institution", "government") and head[1] not in p.plural_heads:
                start, end = tokens.starts[a], tokens.ends[k]
                out.append(Found(head[0], clean(tokens.text[start:end]), start, end, "head"))
                break
    return out


def _adjectives_joined(tokens: Tokens, before: int, after: int) -> bool:
    """Whether "and" joins two adjectives of one name ("Zhuzhou Economic and Technological Development Zone",
    "High and New Technology Zone") rather than two names."""
    return _ADJECTIVE.search(tokens.words[before]) is not None and _ADJECTIVE.search(tokens.words[after]) is not None


def _governed_area(tokens: Tokens, segments, head: tuple[str, str] | None, p: Patterns) -> list[Found]:
    """The park or cluster a body is "of" ("Administrative Committee of X Economic and Technological
    Development Zone"): named too, as the place the body governs."""
    if head is None or head[0] not in ("park", "cluster") or head[1] in p.plural_heads:
        return []
    start, end = tokens.starts[segments[0][0]], tokens.ends[segments[-1][1]]
    return [Found(head[0], clean(tokens.text[start:end]), start, end, "head")]


def _split_coordination(tokens, segments, start_seg, h, htype, hword, start, end, p) -> list[Found]:
    """ "A and B National SME Specialty Industrial Clusters" -> one cluster for A, one for B."""
    a, b, _ = segments[h]
    tail_from = next(
        (
            k
            for k in range(a, b + 1)
            if tokens.lower[k] in p.levels or tokens.lower[k] in p.generic or tokens.words[k].isupper() and k > a
        ),
        b,
    )
    tail = clean(tokens.text[tokens.starts[tail_from] : tokens.ends[b]])
    singular = p.plural_heads[hword]
    tail = tail[: len(tail) - len(hword)] + (singular.capitalize() if tokens.words[b][0].isupper() else singular)
    parts = [(segments[k][0], segments[k][1]) for k in range(start_seg, h)] + [(a, tail_from - 1)]
    out = []
    for first, last in parts:
        if last < first:
            continue
        lead = clean(tokens.text[tokens.starts[first] : tokens.ends[last]])
        out.append(Found(htype, f"{lead} {tail}", start, end, "head"))
    return out
