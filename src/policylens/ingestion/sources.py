"""What a user points at (paths, folders, globs, URLs, feeds, stdin) expanded into inputs to read.

A RawInput already in hand (a file uploaded to the web server) is passed
through as it is, or expanded into its entries when it is a feed.

Expansion is lazy and never stops a batch: each input that cannot be had
(missing file, file over the size limit, a feed entry whose link is dead)
becomes an InputError in the stream, and the next input is tried.
"""

from __future__ import annotations

import glob
import hashlib
import io
import itertools
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import httpx

from policylens.config import Settings
from policylens.errors import InputError
from policylens.ingestion.fetch import fetch, is_url
from policylens.ingestion.raw import RawInput

STDIN = "-"
_FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]", re.DOTALL
)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_GLOB_CHARS = re.compile(r"[*?\[]")


def expand_sources(sources: Sequence[str | RawInput], settings: Settings) -> Iterator[RawInput | InputError]:
    for source in sources:
        yield from _expand_quietly(source, settings)


def read_file(path: Path, settings: Settings) -> RawInput:
    """A file's bytes, refused before reading when it is over the size limit or not a regular file.

    A FIFO, socket or device would block the batch or never end, so only regular files are read.
    """
    source = display_name(str(path))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            raise InputError(source, "not a regular file (a pipe, socket or device is not read)")
        size = info.st_size
        if size > settings.max_bytes:
            raise InputError(source, f"too large: {size} bytes, above the limit of {settings.max_bytes}")
        return RawInput(source=source, data=path.read_bytes())
    except FileNotFoundError:
        raise InputError(source, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}") from None


def display_name(name: str) -> str:
    """A path as text that can be stored and shown: bytes that are not UTF-8 (kept by the file system as
    surrogates) are written as \\x escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_feed(raw: RawInput) -> bool:
    return raw.media_type in _FEED_TYPES or bool(_FEED_ROOT.match(raw.data[:4096]))


def _expand(source: str | RawInput, settings: Settings) -> Iterator[RawInput | InputError]:
    if isinstance(source, RawInput):
        yield from _with_feeds(source, settings)
    elif source == STDIN:
        yield from _with_feeds(_stdin(settings), settings)
    elif is_url(source):
        yield from _with_feeds(fetch(source, settings), settings)
    elif (path := Path(source)).is_dir():
        yield from _directory(path, settings)
    elif path.exists():
        yield from _with_feeds(read_file(path, settings), settings)
    elif _GLOB_CHARS.search(source):
        matches = _inside(glob.glob(source, recursive=True), Path(_glob_root(source)))
        if not matches:
            raise InputError(source, "no files match this pattern")
        for match in matches:
            yield from _expand_quietly(str(match), settings)
    else:
        raise InputError(display_name(source), "no such file or directory")


def _expand_quietly(source: str | RawInput, settings: Settings) -> Iterator[RawInput | InputError]:
    """Expand one source, turning its failure into an item of the stream so the batch goes on."""
    try:
        yield from _expand(source, settings)
    except InputError as exc:
        yield exc
    except Exception as exc:  # noqa: BLE001 - a surprise in one input (a broken feed, an odd file) is its line, not the batch's
        name = source.source if isinstance(source, RawInput) else str(source)
        yield InputError(name, f"cannot read: unexpected {type(exc).__name__}: {exc}"[:500])


def _directory(root: Path, settings: Settings) -> Iterator[RawInput | InputError]:
    """Every visible file below ``root``, in a stable order; hidden files and folders are skipped.

    Links are not followed out of the tree (a link to /etc/passwd is not read) nor round a loop.
    """
    found = []
    for folder, dirs, files in os.walk(root):  # os.walk does not descend into linked folders
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder) / f for f in files if not f.startswith(".")]
    for path in _inside(found, root):
        if path.is_file():
            yield from _expand_quietly(str(path), settings)


def _inside(paths: list[str] | list[Path], root: Path) -> list[Path]:
    """``paths`` that really lie inside ``root`` once links are resolved, each real file once, sorted."""
    top = root.resolve()
    seen: set[Path] = set()
    out = []
    for path in sorted(Path(p) for p in paths):
        real = path.resolve()
        if real.is_relative_to(top) and real not in seen:
            seen.add(real)
            out.append(path)
    return out


def _glob_root(pattern: str) -> str:
    """The folder a glob pattern searches: its path up to the first part with a wildcard."""
    parts = Path(pattern).parts
    fixed = [p for p in itertools.takewhile(lambda p: not _GLOB_CHARS.search(p), parts[:-1])]
    return str(Path(*fixed)) if fixed else "."


def _stdin(settings: Settings) -> RawInput:
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise InputError("<stdin>", f"too large: more than the limit of {settings.max_bytes} bytes")
    return RawInput(source="<stdin>", data=data)


def _with_feeds(raw: RawInput, settings: Settings) -> Iterator[RawInput | InputError]:
    if is_feed(raw):
        yield from _feed_entries(raw, settings)
    else:
        yield raw


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed as the feed describes it, before anything it links to is fetched.

    ``key`` identifies the entry across reads of the feed (its id or guid,
    else its link, else its title and date), so a poller can skip the
    entries it has already stored without fetching their pages again.
    """

    feed: str  # the feed's source, for messages
    number: int
    key: str
    title: str | None
    published: str | None
    link: str | None
    content: tuple[str, str] | None  # (text, media type): the whole article, else the summary
    full: bool  # ``content`` is the whole article, so the link need not be followed


def feed_entries(feed: RawInput) -> list[FeedEntry]:
    """The entries of a feed, in the feed's order; InputError when it has none (or is no feed at all)."""
    parsed = feedparser.parse(io.BytesIO(feed.data))  # a stream: feedparser would open a path or URL it is given
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputError(feed.source, f"feed has no entries{f' ({problem})' if problem else ''}")
    out = []
    for number, entry in enumerate(parsed.entries, 1):
        link = _entry_link(entry, feed.url)
        full = _entry_content(entry, full_only=True)
        content = full or _entry_content(entry)
        title, published = entry.get("title") or None, _entry_date(entry)
        key = entry.get("id") or link or (f"{title}|{published}" if title else None)
        key = key or hashlib.sha256((content or ("", ""))[0].encode("utf-8")).hexdigest()
        out.append(FeedEntry(feed.source, number, key, title, published, link, content, full is not None))
    return out


def entry_input(entry: FeedEntry, settings: Settings, client: httpx.Client | None = None) -> RawInput:
    """The entry's article: carried in full by the feed, else its linked page, else its summary.

    A feed that ships whole articles (content:encoded, Atom content) needs no
    fetch; one that ships summaries only is followed to each page.
    """
    where = f"entry {entry.number} of feed {entry.feed}"
    if entry.link and not entry.full:
        try:
            raw = fetch(entry.link, settings, client=client)
        except InputError as exc:
            raise InputError(entry.link, f"{exc.reason} ({where})") from None
        raw.title, raw.published = entry.title, entry.published
        return raw
    if entry.content:
        text, media_type = entry.content
        return RawInput(
            source=entry.link or f"{entry.feed}#entry-{entry.number}",
            data=text.encode("utf-8"),
            url=entry.link,
            media_type=media_type,
            charset="utf-8",
            title=entry.title,
            published=entry.published,
        )
    raise InputError(f"{entry.feed}#entry-{entry.number}", f"{where}: no http(s) link and no content")


def _feed_entries(feed: RawInput, settings: Settings) -> Iterator[RawInput | InputError]:
    """One input per entry; an entry that cannot be had is an error in the stream and the next is tried."""
    for entry in feed_entries(feed):
        try:
            yield entry_input(entry, settings)
        except InputError as exc:
            yield exc


def _entry_link(entry, base: str | None) -> str | None:
    """The entry's web page; Atom ids and RSS guids that are not web addresses do not count."""
    hrefs = [link.get("href") for link in entry.get("links") or [] if link.get("rel", "alternate") == "alternate"]
    for href in hrefs + [entry.get("link")]:
        if href and is_url(url := urljoin(base, href) if base else href):
            return url
    return None


def _entry_content(entry, full_only: bool = False) -> tuple[str, str] | None:
    for item in entry.get("content") or []:
        if item.get("value", "").strip():
            return item["value"], item.get("type") or "text/html"
    if full_only:
        return None
    if (summary := entry.get("summary", "")).strip():
        detail = entry.get("summary_detail") or {}
        return summary, detail.get("type") or "text/html"
    return None


def _entry_date(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
