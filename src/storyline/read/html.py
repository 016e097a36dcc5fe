"""HTML pages: main text and metadata with trafilatura, htmldate for a missing date."""

from __future__ import annotations

from htmldate import find_date
from trafilatura import bare_extraction
from trafilatura.settings import Document as Extracted

from storyline.errors import InputError
from storyline.models import RawDocument

# Dates only from the page's metadata, URL and bylines: an extensive search would
# pick any date printed in the article and present it as the publication day.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def parse_html(html: str, source: str, *, url: str | None = None) -> RawDocument:
    """Extract the article of one page; raise InputError when the page has none."""
    extracted = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = extracted.text if isinstance(extracted, Extracted) else None
    if not isinstance(extracted, Extracted) or not text or not text.strip():
        raise InputError(source, "no article text found in the page")
    date = extracted.date or _fallback_date(html, url)
    return RawDocument(
        source=source,
        kind="html",
        text=_paragraphs(text),
        title=extracted.title or None,
        url=extracted.url or url,
        outlet=extracted.sitename or None,
        author=extracted.author or None,
        published=date,
        published_basis="metadata" if date else "unknown",
    )


def _fallback_date(html: str, url: str | None) -> str | None:
    try:
        found = find_date(html, url=url, extensive_search=False, original_date=True)
    except ValueError:  # htmldate rejects some malformed trees
        return None
    return str(found) if found else None


def _paragraphs(text: str) -> str:
    """trafilatura separates blocks by one newline; storyline by a blank line."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
