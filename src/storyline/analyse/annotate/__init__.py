"""Annotate: sentences and entity mentions of a document's cleaned text.

spaCy's small English pipeline does tokens, sentences and the statistical NER. Alone it
reads our kind of text badly (it calls "Han" a nationality and "Sports Chosun" a
person), so rules (`recognise`) run before its NER and preset what rules know better,
and a last pass (`repairs`) cleans up what it gets wrong; `runtime` runs the pipeline
and `cues` holds the words the rules go by.

Build one `Annotator` per process (loading spaCy takes a second) and give it documents
in batches.
"""

from storyline.analyse.annotate.cues import ACCOUNT_PATTERN, NOT_NAME_WORDS, PLATFORMS
from storyline.analyse.annotate.runtime import (
    MODELS,
    PIECE_CHARS,
    Annotation,
    Annotator,
    annotation_of,
    default_annotator,
    load_pipeline,
    text_pieces,
)

__all__ = [
    "ACCOUNT_PATTERN",
    "MODELS",
    "NOT_NAME_WORDS",
    "PIECE_CHARS",
    "PLATFORMS",
    "Annotation",
    "Annotator",
    "annotation_of",
    "default_annotator",
    "load_pipeline",
    "text_pieces",
]
