"""Errors a user can cause and fix; the CLI prints them as one line, never a traceback."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class for errors caused by input or configuration, not by a bug."""


class InputError(StorylineError):
    """One input (a file, a record, a URL) could not be read; the batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(StorylineError):
    """The database cannot be opened or is not a storyline database."""


class NotFoundError(StorylineError):
    """A document (or later an entity, a story) named by the user does not exist."""
