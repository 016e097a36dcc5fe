"""Plain-text articles: the first non-empty line is the title when it looks like one."""

from __future__ import annotations

from storyline.models import RawDocument

_MAX_TITLE_CHARS = 250
_MAX_TITLE_WORDS = 35


def looks_like_title(line: str) -> bool:
    """A headline is short and does not end like a sentence or a lead-in."""
    line = line.strip()
    if not line or len(line) > _MAX_TITLE_CHARS or len(line.split()) > _MAX_TITLE_WORDS:
        return False
    return not line.endswith((".", ",", ":", ";"))


def split_title(text: str) -> tuple[str | None, str]:
    """Split `text` into (title, body); title is None when the first line is body text."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    if rest.strip() and looks_like_title(first):
        return first.strip(), rest
    return None, stripped


def parse_text(text: str, source: str) -> RawDocument:
    title, body = split_title(text)
    return RawDocument(source=source, kind="txt", text=body, title=title)
