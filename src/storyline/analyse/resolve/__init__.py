"""Resolve: mentions become entities, one per real thing, first within the document
(`local`), then across the store (`linking`)."""

from storyline.analyse.resolve.linking import EntityStore, refresh_entity, resolve_document
from storyline.analyse.resolve.local import LocalEntity, resolve_in_document, short_forms_of

__all__ = [
    "EntityStore",
    "LocalEntity",
    "refresh_entity",
    "resolve_document",
    "resolve_in_document",
    "short_forms_of",
]
