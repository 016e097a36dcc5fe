"""Language of a document, with lingua restricted to the languages news comes in here.

Loading every language lingua knows costs over 1 GB; this short list costs little.
"""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    Language.ENGLISH,
    Language.KOREAN,
    Language.JAPANESE,
    Language.CHINESE,
    Language.FRENCH,
    Language.GERMAN,
    Language.SPANISH,
    Language.PORTUGUESE,
    Language.ITALIAN,
    Language.RUSSIAN,
    Language.VIETNAMESE,
    Language.INDONESIAN,
)
# The lead decides: enough text to be sure, and bilingual pages (an English article
# followed by its Korean original) are named by the language they open with.
_SAMPLE_CHARS = 1000


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code ('en', 'ko') of the text's main language, None when unsure."""
    sample = text[:_SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None
