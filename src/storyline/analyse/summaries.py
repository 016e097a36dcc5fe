"""Summaries: one short sentence per event, from its type's template (`eventtypes`), its
participants and its modality."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.analyse.eventtypes import EVENT_TYPES
from storyline.models import EventTypeName, Modality, Participant

_OPTIONAL = re.compile(r"\[([^\]]*)\]")
_ROLE = re.compile(r"\{(\w+)\}")
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
    template = EVENT_TYPES[type_].summary
    # "[ about {about}]" is left out when there is no about
    template = _OPTIONAL.sub(
        lambda m: m.group(1) if set(_ROLE.findall(m.group(1))) <= names.keys() else "", template
    )
    try:
        sentence = template.format(**names)
    except KeyError:
        sentence = f"{type_}: " + ", ".join(p.name or p.entity for p in participants) + "."
    return _MODAL_PREFIX[modality] + sentence
