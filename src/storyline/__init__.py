"""storyline: turn overlapping news coverage into one sourced story."""

from __future__ import annotations

__version__ = "0.1.0"
