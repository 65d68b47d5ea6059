"""Bytes to text: a wrong guess here silently corrupts every later offset, so guessing comes last.

Order of trust: a byte-order mark, then the charset the server or the page
declares, then strict UTF-8, then charset-normalizer's detection.  Mostly-valid
UTF-8 with a few broken bytes is decoded with replacement characters rather
than handed to detection, which would turn the whole text into mojibake.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from policylens.errors import InputError
from policylens.ingestion._data import load

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared names that real pages use for a narrower charset than they contain.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def binary_kind(data: bytes) -> str | None:
    """What binary format the bytes are, or None for something that may be text."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for sig in load("formats")["binary_signatures"]:
        if head.startswith(bytes.fromhex(sig["magic"])):
            return sig["name"]
    if b"\x00" in head or len(_CONTROL.findall(head)) > len(head) * 0.05:
        return "unknown binary data"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page or XML file states about itself in its first bytes."""
    m = _DECLARED.search(data[:4096])
    return (m.group(1) or m.group(2)).decode("ascii").lower() if m else None


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Text of ``data`` with newlines normalised; InputError when no encoding fits."""
    if kind := binary_kind(data):
        raise InputError(source, f"binary file ({kind}), not text, HTML or PDF")
    return _normalise_newlines(_decode(data, source, declared))


def _decode(data: bytes, source: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for name in (declared, declared_charset(data)):
        if text := _strict(data, name):
            return text
    if (text := _strict(data, "utf-8")) is not None:
        return text
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd")
    valid_non_ascii = sum(1 for ch in replaced if ord(ch) > 127) - broken
    if valid_non_ascii >= 2 * broken:
        return replaced
    if detected := _detect(data):
        return data.decode(_SUPERSETS.get(detected, detected), errors="replace")
    raise InputError(source, "cannot decode: the bytes are not text in any known encoding")


def _detect(data: bytes) -> str | None:
    """charset-normalizer's pick, with ties among near-equal fits broken towards common charsets."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    fitting = [m for m in matches if m.chaos <= least + 0.1]
    for preferred in load("formats")["preferred_encodings"]:
        for m in fitting:
            if preferred in m.could_be_from_charset:
                return preferred
    return fitting[0].encoding


def _strict(data: bytes, name: str | None) -> str | None:
    if not name:
        return None
    name = _SUPERSETS.get(name.lower(), name.lower())
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
