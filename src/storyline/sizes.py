"""Byte sizes for people: parse "20MB", print "20 MB"."""

from __future__ import annotations

import re

_UNITS = {
    "": 1,
    "b": 1,
    "k": 10**3,
    "kb": 10**3,
    "m": 10**6,
    "mb": 10**6,
    "g": 10**9,
    "gb": 10**9,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.I)


def parse_size(text: str) -> int:
    """'20MB' → 20_000_000; raise ValueError for anything else."""
    match = _SIZE.match(text)
    if not match or match.group(2).lower() not in _UNITS:
        raise ValueError(f"not a size: {text!r} (try 500KB, 20MB or 1GB)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def format_size(n: int) -> str:
    if n >= 10**9:
        return f"{n / 10**9:.3g} GB"
    if n >= 10**6:
        return f"{n / 10**6:.3g} MB"
    if n >= 10**3:
        return f"{n / 10**3:.3g} KB"
    return f"{n} bytes"
