"""Near-duplicates: MinHash signatures of a text's word shingles, and the LSH bands that
find an earlier copy without comparing against every stored document.

Syndicated copies differ in a headline, a byline or a footer; what they share is the
run of the article's words. A signature is 128 MinHash values (datasketch, with its
hashing scheme named: datasketch 2 changed the default, and stored signatures must stay
comparable) over 5-word shingles. Its 20 bands of 6 values are the index: two texts
sharing 80% of their shingles share a band with probability 0.998, texts sharing 30%
with probability 0.014. A candidate is a near-duplicate when the signatures estimate a
Jaccard similarity of at least NEAR_DUPLICATE.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import Protocol

import numpy as np

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # do not change without recomputing stored signatures
SHINGLE = 5
BANDS = 20
ROWS = 6
NEAR_DUPLICATE = 0.8

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The distinct runs of SHINGLE words (lower case, punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {
        " ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)
    }


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes for the store."""
    from datasketch import MinHash  # imports numpy machinery: only when needed

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(shingles(text))
    return bytes(np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes())


def band_keys(sig: bytes) -> Iterator[tuple[int, int]]:
    """(band, key) for each LSH band: equal keys mean equal values in that band."""
    values = np.frombuffer(sig, dtype=np.uint32)
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        key = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True)
        yield band, key


def similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity two signatures estimate."""
    first, second = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    return float(np.mean(first == second))


class CopyIndex(Protocol):
    """Where signatures and their bands are kept (the store)."""

    def add_signature(
        self, document_id: str, signature: bytes, bands: Iterable[tuple[int, int]]
    ) -> None: ...

    def copy_candidates(self, bands: Iterable[tuple[int, int]]) -> list[tuple[str, bytes, int]]: ...


def index_signature(index: CopyIndex, document_id: str, sig: bytes) -> None:
    index.add_signature(document_id, sig, band_keys(sig))


def nearest_copy(
    index: CopyIndex, sig: bytes, exclude: Iterable[str] = ()
) -> tuple[str, float] | None:
    """The stored document `sig` is a near-copy of (at least NEAR_DUPLICATE alike),
    with the similarity the signatures give: the most alike; of equals, the first
    stored."""
    skip = set(exclude)
    scored = [
        (similarity(sig, stored), -order, document)
        for document, stored, order in index.copy_candidates(band_keys(sig))
        if document not in skip
    ]
    best = max(scored, default=None)
    return (best[2], best[0]) if best and best[0] >= NEAR_DUPLICATE else None
