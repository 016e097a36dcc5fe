"""Summaries: one short sentence per event, from its type, participants and modality."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.models import Modality, Participant

SUMMARIES = {
    "social.post": "{agent} posted on social media{about_part}.",
    "social.like": "{agent} liked {target}'s post.",
    "social.comment": "{agent} commented on {target}'s post.",
    "social.tag": "{agent} tagged {target}.",
    "social.unfollow": "{agent} unfollowed {target}.",
    "social.silence": "{agent} stopped interacting with {target} on social media.",
    "social.followers_lost": "{agent} lost followers.",
    "personal.meet": "{agent} met {host}.",
    "personal.visit": "{agent} visited {host}.",
    "personal.gift": "{agent} sent a gift to {recipient}.",
    "personal.congratulate": "{agent} congratulated {target}.",
    "personal.support": "{agent} supported {target}.",
    "personal.dating": "{partner} and {partner2} are dating.",
    "personal.breakup": "{partner} and {partner2} broke up.",
    "personal.affair": "{partner} and {partner2} had an affair.",
    "personal.donation": "{agent} made a donation{recipient_part}.",
    "personal.apology": "{agent} apologised{target_part}.",
    "career.cast": "{person} was cast in {work}.",
    "career.cancelled": "{work} was cancelled.",
    "career.award": "{person} won an award at {award}.",
    "career.attend": "{person} attended {event}.",
    "career.endorsement_ended": "{org} ended its endorsement deal with {person}.",
    "career.contract_ended": "{person}'s contract{org_part} ended.",
    "career.release": "{person} released {work}.",
    "speech.statement": "{speaker} made a statement{about_part}.",
    "speech.denial": "{speaker} issued a denial{about_part}.",
    "speech.legal_action": "{agent} threatened legal action{target_part}.",
    "legal.complaint": "{agent} filed a complaint{target_part}.",
    "legal.penalty": "{person} was penalised.",
    "bio.born": "{person} was born.",
    "bio.died": "{person} died.",
}
_MODAL_PREFIX: dict[Modality, str] = {
    "asserted": "",
    "rumoured": "Rumoured: ",
    "denied": "Denied: ",
    "planned": "Planned: ",
    "hoped": "Hoped: ",
}


def summarise(type_: str, participants: Sequence[Participant], modality: Modality) -> str:
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
    template = SUMMARIES.get(type_, "{agent}: " + type_ + ".")
    try:
        sentence = template.format(**names)
    except KeyError:
        sentence = f"{type_}: " + ", ".join(p.name or p.entity for p in participants) + "."
    return _MODAL_PREFIX[modality] + sentence
