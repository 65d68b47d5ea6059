"""Names known only by what is said of them: a possessive facility, a corporate verb, an appositive,
a programme noun after the name, a plan named by what it is for."""

from __future__ import annotations

import re
from functools import lru_cache

from policylens.extraction.entities.lists import and_parts
from policylens.extraction.entities.named import Chunk, chunk_at
from policylens.extraction.entities.patterns import Patterns, patterns
from policylens.extraction.entities.places import LEVEL_WORDS, is_place
from policylens.extraction.entities.tokens import (
    Found,
    Tokens,
    acronym_after,
    clean,
    in_spans,
)

# A preposition of place right before a name: "in X", "near X" names where, not who.
_PLACED = re.compile(r"\b(?:in|at|near|across|around|from|into|of)\s+(?:the\s+)?$", re.IGNORECASE)
_HYPHEN_WORD = re.compile(r"-([a-z]+)\b")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# What ends right before a name that opens its sentence or clause.
_FOLLOWED_BY_NAME = re.compile(r"[ \t]+[A-Z]")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]+[ \t]+$")
# a sentence's end, a line's start, a comma, or a dateline's dash ("COLUMBUS, Ohio (AP) — Honda will build …")
_CLAUSE_OPENS = re.compile(r"(?:[.!?]\s+|\n\s*|,\s+|\S[ \t](?:--|[-–—])[ \t]+)$")
# A name that labels a list's line ("- **LG Innotek**: announced …", "- Foxconn: invested …"): the line's start, a
# bullet and Markdown's bold before it, the colon after it; what follows the colon says what the name did.
_LABEL_OPENS = re.compile(r"\n[ \t]*(?:[-•*][ \t]+)?(?:\*\*)?$")
_LABEL_CLOSE = re.compile(r"(?:\*\*)?:(?=[ \t])")


def _headline_only(text: str, chunk: Chunk, name: str) -> bool:
    """Whether a name stands in the page's first line (its headline) and nowhere in the story below it."""
    first_line_end = text.find("\n")
    if first_line_end < 0 or chunk.start > first_line_end:
        return False
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[first_line_end:]) is None


def _describes_next(rest: str, p: Patterns) -> bool:
    """A name joined by a hyphen to a describing participle ("Taiwanese-invested", "Vellore-based")."""
    m = _HYPHEN_WORD.match(rest)
    return m is not None and m.group(1).lower() in p.describing_participles


def find_by_context(tokens: Tokens, titles, found: list[Found], chunks: list[Chunk], named: set[int]) -> list[Found]:
    """Companies known only by what is said of them: a possessive facility, a corporate verb,
    or a programme noun after the name ("FAME initiative", "A and B programmes").

    ``chunks`` are the document's chunks and ``named`` those that find_named read a name from."""
    p = patterns()
    text = tokens.text
    known = {(f.start, f.end) for f in found}
    out: list[Found] = []
    for chunk in chunks:
        if in_spans(titles, chunk.start) or (chunk.start, chunk.end) in known:
            continue
        name = clean(text[chunk.start : chunk.end])
        if name in p.state_bodies and text[max(0, chunk.start - 4) : chunk.start].lower() == "the ":
            out.append(Found("government", name, chunk.start, chunk.end, "state body"))  # "the Treasury said"
            continue
        if is_place(name) or chunk.first in named or not tokens.name_like(chunk.first, chunk.last):
            continue
        if tokens.lower[chunk.last] in LEVEL_WORDS:
            continue  # "Jeonbuk Special Self-Governing Province announced": a place, whatever it does
        rest = text[chunk.end : chunk.end + 80]
        if _describes_next(rest, p):
            continue  # "a plant of Taiwanese-invested X Co., Ltd.": the word before the hyphen describes X
        reading = _company_reading(text, chunk, rest, p)
        if reading and reading[0] == "verb" and _headline_only(text, chunk, name):
            continue  # "CS launches Kedong Valley zone": a headline's clipped subject, never named in the story
        if reading:
            how, etype = reading
            # "A and B announced ...": each part that is no place is a company; in
            # "Shares of A (SZSE: ...)" the company is what follows "of".
            after_of = max((k + 1 for k, c in chunk.connectors.items() if c == "of"), default=chunk.first)
            for a, b, _ in and_parts(chunk):
                a = max(a, after_of)
                start, end = tokens.starts[a], tokens.ends[b]
                if a <= b and not is_place(text[start:end]):
                    out.append(Found(etype, clean(text[start:end]), start, end, how))
            continue
        short = acronym_after(text, chunk.end)
        prog = p.programme_after.match(text, short[1]) if short else None
        if short and prog and not prog.group(1) and not prog.group(2).endswith("s") and prog.group(2)[0].islower():
            # "Production Linked Incentive (PLI) scheme": the name with its noun, the acronym an alias.
            scheme = Found("programme", clean(f"{name} {prog.group(2)}"), chunk.start, prog.end(), "descriptive")
            scheme.aliases.append(short[0])
            out.append(scheme)
            continue
        prog = p.programme_after.match(rest)
        if (
            prog
            and not p.portfolio_before.search(text, max(0, chunk.start - 80), chunk.start)
            and not prog.group(1)
            and prog.group(2).lower() in p.programme_nouns
            and prog.group(2)[0].islower()
            and not _opens_sentence(tokens, chunk)
            and not (chunk.first == chunk.last and tokens.words[chunk.first] in p.demonyms)  # "an Italian scheme"
        ):
            noun = prog.group(2)
            if noun.endswith("s"):
                names = [
                    (clean(text[tokens.starts[a] : tokens.ends[b]]), tokens.starts[a], tokens.ends[b])
                    for a, b, _ in and_parts(chunk)
                ]
                names += _coordinated_before(tokens, chunk, p)
                # One name before a plural names a kind ("FDI projects"); several name one each.
                if len(names) >= 2:
                    out += [Found("programme", nm, s, e, "descriptive") for nm, s, e in names]
            else:
                end = chunk.end + prog.end()
                out.append(Found("programme", clean(text[chunk.start : end]), chunk.start, end, "descriptive"))
    return out + _plans_for_named(tokens) + _slogan_programmes(tokens, known)


# A slogan or versioned name before a programme noun, which capitalised chunks break at its small word
# or number: "the Make in India initiative", "the Made in China 2025 strategy", "Making Indonesia 4.0 roadmap".
_SLOGAN = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    r"(?:\s+(?:in|for|of|to)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s+\d+(?:\.\d+)?)?"
    r"|\s+\d+\.\d+))\s+$"
)
_DETERMINED = re.compile(r"(?:\b(?:the|its|their|this|under)|['’]s)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _programme_noun() -> re.Pattern:
    """A singular lower-case programme noun right after a name's last word or number."""
    nouns = sorted(
        (n for n in patterns().programme_nouns if not n.endswith("s") and " " not in n), key=len, reverse=True
    )
    # The look behind for the name's last character comes after the first space, so that the pattern opens
    # with a character class and sre passes every other position without trying it.
    return re.compile(r"[ \t](?<=[A-Za-z0-9][ \t])[ \t]*(?:" + "|".join(map(re.escape, nouns)) + r")\b")


def _slogan_programmes(tokens: Tokens, known: set[tuple[int, int]]) -> list[Found]:
    """Programmes named by a slogan or a version ("the Make in India initiative", "Making Indonesia 4.0
    roadmap"): capitalised words joined by a small word, or ending in a version number, before a
    singular programme noun. Only the few programme nouns in a text are looked behind."""
    p = patterns()
    text = tokens.text
    out = []
    for noun in _programme_noun().finditer(text):
        m = _SLOGAN.search(text, max(0, noun.start() - 100), noun.end() - len(noun.group().lstrip()))
        if m is None:
            continue
        words = m.group("name").split()
        start = m.start()
        while words and words[0].lower() in p.not_starts:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words.pop(0)
        # A name is introduced as one: "the …", "its …", "India's …" (not a sentence's first words).
        if len(words) < 2 or (start, noun.end()) in known or not _DETERMINED.search(text, max(0, start - 12), start):
            continue
        out.append(
            Found("programme", clean(f"{' '.join(words)} {noun.group().strip()}"), start, noun.end(), "descriptive")
        )
    return out


def _opens_sentence(tokens: Tokens, chunk: Chunk) -> bool:
    """One ordinary word capitalised only because a sentence starts with it ("Industrial projects ...")."""
    word = tokens.words[chunk.first]
    return chunk.first == chunk.last and tokens.sentence_initial(chunk.first) and word[1:].islower()


def _company_reading(text: str, chunk: Chunk, rest: str, p: Patterns) -> tuple[str, str] | None:
    """(how, type) when the text around a headless name says it is a company (or a company's
    platform, or for an acronym taking a body's decision a government body), else None: a possessive
    facility, an appositive before or after it, a ticker, a corporate verb with the name as subject
    (after a list line's colon for a name labelling the line), or the sentence the name opens
    referring to it as a company ("its factory", ", the company said")."""
    if p.possessed.match(rest):
        return "possessive", "company"
    if p.company_before.search(text, max(0, chunk.start - 30), chunk.start):
        return "appositive", "company"
    after = p.company_after.match(rest)
    if after:
        noun = (after.group(1) or "").lower()
        if noun in p.government_nouns_after:
            # "50 MW, the ministry said": the words that follow attribute a statement, they describe nothing
            return None if p.attribution.match(rest, after.end()) else ("appositive", "government")
        return "appositive", "platform" if noun in p.platform_nouns else "company"
    if p.company_relative.match(rest) and not _PLACED.search(text, max(0, chunk.start - 8), chunk.start):
        return "relative clause", "company"  # not "in X, which exports …": a place not in the gazetteer
    if (
        _ACRONYM.fullmatch(text, chunk.start, chunk.end)
        and text[chunk.start - 1 : chunk.start] not in ("/", "-", ".")
        and p.body_decision.match(rest)
    ):
        return "decision", "government"  # "PEZA approved 30 new projects": who takes such decisions is a body
    label = _LABEL_CLOSE.match(rest)
    if label is not None and _LABEL_OPENS.search(text, max(0, chunk.start - 8), chunk.start):
        rest = rest[label.end() :]
    elif not (chunk.start == 0 or _CLAUSE_OPENS.search(text[max(0, chunk.start - 6) : chunk.start])):
        return None
    if p.company_verb.match(rest):
        reading = "verb"
    elif p.company_self.match(text, chunk.end, chunk.end + 200):
        reading = "self-reference"  # "X will expand its Georgia factory, the company said"
    else:
        return None
    if _person_named(text, chunk, p):
        return None  # "Xu delivered the report" after "governor Xu Kunlin": the governor
    return reading, "company"


def _person_named(text: str, chunk: Chunk, p: Patterns) -> bool:
    """Whether a name is a person's: one after a title ("Gov. Greg Abbott"), or one word of a name given earlier
    after a title ("governor Xu Kunlin", "CEO Mary Barra"), which stories shorten to the surname."""
    if p.person_titled.search(text, max(0, chunk.start - 40), chunk.start):
        return True  # "Gov. Greg Abbott announced …"
    space = text.find(" ", chunk.start, chunk.end)
    if space > 0 and p.person_titled.fullmatch(text, chunk.start, space + 1):
        return True  # "Governor Mike DeWine announced …": the title opens the capitalised run
    if chunk.first != chunk.last:
        return False
    word = text[chunk.start : chunk.end]
    at = text.find(word, 0, chunk.start)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
            if _FOLLOWED_BY_NAME.match(text, end) and p.person_titled.search(text, max(0, at - 40), at):
                return True  # "governor Xu Kunlin"
            first = _NAME_BEFORE.search(text, max(0, at - 40), at)
            if first and p.person_titled.search(text, max(0, first.start() - 40), first.start()):
                return True  # "CEO Mary Barra"
        at = text.find(word, end, chunk.start)
    return False


def _plans_for_named(tokens: Tokens) -> list[Found]:
    """ "the work plan for the X Industrial Park (2020-2025)": a plan named by what it is for and its period."""
    p = patterns()
    text = tokens.text
    out: list[Found] = []
    if p.plan_for_core.search(text) is None:  # most texts hold no plan noun before 'for': unscanned
        return out
    for m in p.plan_for.finditer(text):
        i = tokens.at(m.end())
        chunk = chunk_at(tokens, i, p) if i < len(tokens) else None
        if chunk is None or chunk.start != m.end() or not chunk.period:
            continue
        words = m.group(1).split()
        while words and words[0].lower() in p.stops:
            words.pop(0)
        start = m.start(2) - sum(len(w) + 1 for w in words) if words else m.start(2)
        found = Found("programme", clean(text[start : chunk.end]), start, chunk.end, "descriptive")
        found.attributes["period"] = chunk.period
        out.append(found)
    return out


def _coordinated_before(tokens: Tokens, chunk: Chunk, p: Patterns) -> list[tuple[str, int, int]]:
    """Names joined to this one by "and" or commas before it ("A, B and C programmes")."""
    out = []
    i = chunk.first
    while i > 0:
        gap = tokens.text[tokens.ends[i - 1] : tokens.starts[i]]
        if not re.fullmatch(r"\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+", gap) or gap.isspace():
            if gap.isspace() and i >= 2 and tokens.lower[i - 1] == "and":
                i -= 1
                continue
            break
        j = i - 1
        while j > 0 and tokens.cap[j - 1] and tokens.joins(j - 1) in ("-", " ", ""):
            j -= 1
        if not tokens.cap[j]:
            break
        name = clean(tokens.text[tokens.starts[j] : tokens.ends[i - 1]])
        if name.lower() in p.not_starts:
            break
        out.append((name, tokens.starts[j], tokens.ends[i - 1]))
        i = j
    return out
