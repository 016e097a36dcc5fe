"""Summaries: one short sentence per event, from its type's template (`eventtypes`), its
participants and its modality."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.analyse.eventtypes import EVENT_TYPES
from storyline.models import EventTypeName, Modality, Participant

_MODAL_PREFIX: dict[Modality, str] = {
    "asserted": "",
    "rumoured": "Rumoured: ",
    "denied": "Denied: ",
    "planned": "Planned: ",
    "hoped": "Hoped: ",
}


def summarise(type_: EventTypeName, participants: Sequence[Participant], modality: Modality) -> str:
    """'Song Hye-kyo liked Han So-hee's post.'"""
    names: dict[str, str] = {}
    for p in participants:
        key = p.role if p.role not in names else f"{p.role}2"
        names[key] = p.name or p.entity
    names["recipient_part"] = f" to {names['recipient']}" if "recipient" in names else ""
    for role in ("about", "target", "org"):
        names[f"{role}_part"] = (
            f" about {names[role]}"
            if role == "about" and role in names
            else f" against {names[role]}"
            if role == "target" and role in names
            else f" with {names[role]}"
            if role == "org" and role in names
            else ""
        )
    template = EVENT_TYPES[type_].summary
    try:
        sentence = template.format(**names)
    except KeyError:
        sentence = f"{type_}: " + ", ".join(p.name or p.entity for p in participants) + "."
    return _MODAL_PREFIX[modality] + sentence
