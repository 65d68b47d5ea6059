"""Exact and near-duplicate detection of document texts.

The same press release reaches the knowledge base from several sites, with the
spacing, capitalisation or a few words changed.  Exact copies are recognised by
``content_hash`` of a normalised text; near copies by MinHash signatures whose
LSH bands are stored in the ``minhash_bands`` table, so finding candidates is one
indexed SQL lookup however large the knowledge base grows, and the full
signatures then confirm them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

# Changing any of the parameters below makes stored signatures and bands
# incomparable with new ones: ship a migration that recomputes them from documents.text.

# 256 permutations estimate a Jaccard near 0.85 within about +-0.02 (one standard
# deviation); with 128 a lightly edited 300-word story fell below THRESHOLD too often.
NUM_PERM = 256
# 32 bands of 8 rows: a pair with Jaccard 0.8 shares a band with probability ~0.997,
# a pair at 0.5 with ~0.12, at 0.3 with ~0.002; candidates are confirmed against THRESHOLD.
BANDS = 32
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.8
SHINGLE = 3  # tokens per shingle: words, or characters of CJK text
_SEED = 1
# affine32 mixes its input with a MurmurHash3 finaliser, so CRC-32 (ten times
# faster than datasketch's default SHA-1 here) is hash enough for shingles.
_SCHEME = "affine32"

_WHITESPACE = re.compile(r"\s+")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK is written without spaces, so each CJK character is a token of its own.
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


@cache
def _minhash() -> tuple[type, object]:
    """datasketch's MinHash and the permutations it would draw from the seed each time, drawn once.

    Imported on first use: datasketch loads SciPy, which a command that only
    reads the knowledge base (``policylens targets``) should not wait for.
    """
    from datasketch import MinHash

    return MinHash, MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def normalise(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: what two copies of one text still share."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[bytes]:
    tokens = _TOKEN.findall(normalise(text))
    if len(tokens) <= SHINGLE:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of the text's shingles, or None for a text with no words."""
    grams = shingles(text)
    if not grams:
        return None
    minhash, permutations = _minhash()
    mh = minhash(num_perm=NUM_PERM, seed=_SEED, permutations=permutations, scheme=_SCHEME, hashfunc=zlib.crc32)
    mh.update_batch(list(grams))
    return mh.hashvalues.astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 64-bit hash per band (fits BIGINT), with the band number mixed in."""
    raw = sig.astype("<u4")
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(
            raw[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8, salt=band.to_bytes(16, "little")
        ).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What deduplication needs of a text: its hash, MinHash signature (None without words) and LSH bands.

    A pure function of the text, so ingest workers compute it beside the
    extraction and the one writer only looks it up (about a millisecond a
    document less in the stage every document waits for).
    """

    digest: str
    signature: np.ndarray | None
    bands: list[int]


def fingerprint(text: str) -> Fingerprint:
    sig = signature(text)
    return Fingerprint(content_hash(text), sig, band_hashes(sig) if sig is not None else [])


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity of two texts' shingle sets, as their signatures estimate it."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def best_match(sig: np.ndarray, candidates: Iterable[tuple[int, bytes]]) -> int | None:
    """The candidate most similar to ``sig`` (the oldest on a tie), if it reaches THRESHOLD."""
    scored = [(jaccard(sig, from_bytes(data)), -doc_id) for doc_id, data in candidates]
    best = max(scored, default=None)
    return -best[1] if best is not None and best[0] >= THRESHOLD else None
