"""Cosine similarity of sparse vectors (word or entity weights), for stories and
summary timelines."""

from __future__ import annotations

import math
from collections.abc import Mapping


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of the angle between two weight vectors; 0 when they share nothing.
    Summed in `a`'s order, so the same vectors always give the same number."""
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if not dot:
        return 0.0
    return dot / (
        math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    )
