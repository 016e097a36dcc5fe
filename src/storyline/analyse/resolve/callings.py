"""What a person is by calling, as the text says it beside a name ("actor Kim Soo-hyun",
"Kim Soo-hyun, an analyst at …"): the fields of work that tell namesakes apart across
documents. The actor and the analyst of one name are two people."""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.models import Mention

# Nouns of a calling, by field. Left out: "director" (films and institutes have them),
# "model" and "star" (a skater is an advertiser's, and a star), "judge" (of an audition
# show), "representative".
_FIELDS: dict[str, frozenset[str]] = {
    field: frozenset(nouns.split())
    for field, nouns in {
        "arts": "actor actress singer idol rapper comedian comedienne entertainer "
        "musician filmmaker screenwriter scriptwriter vocalist dancer songwriter",
        "business": "analyst economist ceo chairman chairwoman investor banker "
        "entrepreneur businessman businesswoman",
        "research": "professor researcher scholar lecturer scientist",
        "politics": "lawmaker rep. minister mayor governor senator politician legislator",
        "law": "lawyer attorney prosecutor",
        "sports": "footballer striker midfielder goalkeeper pitcher athlete skater swimmer golfer",
    }.items()
}
_FIELD_OF = {noun: field for field, nouns in _FIELDS.items() for noun in nouns}
# "actor Kim", "analyst Kim", "Rep. Kim": the word right before the name
_BEFORE = re.compile(r"([A-Za-z][\w.-]*)\s+$")
# "Kim, a researcher at …", "Kim, a senior analyst at …": an apposition after it, up to
# the word that ends its noun
_AFTER = re.compile(r"^,\s+((?:[\w.-]+\s+){0,3}[\w.-]+)")
_NOUN_ENDS = frozenset({"at", "of", "for", "with", "in", "from", "who", "and"})


def callings(text: str, mentions: Iterable[Mention]) -> frozenset[str]:
    """The fields of work the text gives the person of these mentions."""
    found: set[str] = set()
    for mention in mentions:
        if mention.kind != "name":
            continue
        before = _BEFORE.search(text[max(0, mention.start - 30) : mention.start])
        after = _AFTER.match(text[mention.end : mention.end + 60])
        words = [before.group(1)] if before else []
        for word in after.group(1).split() if after else []:
            if word.lower() in _NOUN_ENDS:
                break
            words.append(word)
        found.update(f for w in words if (f := _FIELD_OF.get(w.lower())) is not None)
    return frozenset(found)


def different_callings(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both known and nothing in common: the actor is not the analyst."""
    return bool(a and b and not a & b)
