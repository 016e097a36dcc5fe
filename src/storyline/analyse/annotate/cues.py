"""The words and patterns recognition goes by: cue words before and after names and
titles, name and organisation heads, known outlets and platforms (the long lists are
package data in `storyline.lexicons`)."""

from __future__ import annotations

import re

from storyline.lexicons import entries, words
from storyline.models import EntityType

# spaCy's labels, as entity types; the others (dates, numbers, nationalities) are not
# entities here.
LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "WORK_OF_ART": "work",
    "EVENT": "event",
    "ACCOUNT": "account",
}
# English given names: "Michael Jackson" is a person, whatever the NER says.
GIVEN_NAMES = words("male_given_names") | words("female_given_names")
# Words before a stage name or a person's single name: "singer IU", "ex-lover, Hyeri".
PERSON_CUES = words("person_cues")
GROUP_CUES = frozenset({"group", "band", "duo", "trio", "unit", "quartet", "supergroup"})
# Words before a title: tvN drama "Queen of Tears", the film "Parasite".
WORK_CUES = words("work_cues")
ARTICLES = frozenset({"a", "an", "the"})
# "directed by Charlotte Vandermeersch": after these, 'by' introduces a person.
BY_PERSON_VERBS = frozenset(
    "directed written produced composed helmed penned created sung performed choreographed "
    "co-written co-directed hosted".split()
)
# Words that put a quoted phrase in front of a list: songs such as "A" and "B".
LIST_OPENERS = frozenset({"such", "as", "like", "including", "include", "includes", ","})
# Words before quotes that are never titles: the nickname "Saero-naero".
NOT_WORK_CUES = frozenset(
    "nickname nicknamed called dubbed caption captioned hashtag phrase word words slogan "
    "message comment comments term wrote".split()
)
# Verbs whose "in" introduces a title: starred in "Reply 1988".
WORK_VERBS_IN = frozenset(
    "starred starring star stars appeared appearing cast role roles appearance debuted".split()
)
# Words after a quoted title: the "The Glory" actress.
WORK_FOLLOWERS = words("work_followers")
EVENT_HEADS = words("event_heads")


def _type_cues() -> dict[str, frozenset[str]]:
    by_kind: dict[str, set[str]] = {}
    for line in entries("type_cues"):
        kind, *cue_words = line.split()
        by_kind.setdefault(kind, set()).update(cue_words)
    return {kind: frozenset(found) for kind, found in by_kind.items()}


_TYPE_CUES = _type_cues()
# The spaCy label a describing noun gives the name beside it.
DESCRIBED_LABELS: dict[str, str] = {
    **dict.fromkeys(_TYPE_CUES["place"], "GPE"),
    **dict.fromkeys(_TYPE_CUES["org"] | GROUP_CUES, "ORG"),
    **dict.fromkeys(
        WORK_CUES
        - {
            "titled",
            "hit",
            "hits",
            "filming",
            "shooting",
            "directing",
            "directed",
            "watching",
            "watched",
        },
        "WORK_OF_ART",
    ),
    **dict.fromkeys(PERSON_CUES - {"featuring"}, "PERSON"),
}
PLACE_HEADS = _TYPE_CUES["heads"]
# Nouns that describe organisations, some of them people too ("broadcaster").
ORG_CUES = _TYPE_CUES["org"]
# "Yongsan-gu", "Cheongdam-dong", "Yongnidan-gil": Korean place names by their suffix.
KOREAN_PLACE_SUFFIX = re.compile(r"-(?:gu|dong|gil|ro|si|do|gun|myeon|eup|ri)$")
ORG_HEADS = words("org_heads")
ORG_PREFIXES = frozenset({"Studio", "Studios"})
# Where people post: the medium of a social media event, never its agent or subject.
PLATFORMS = words("platforms")
# Platforms, broadcasters and outlets that news about Korean entertainment names.
KNOWN_ORGS = entries("known_orgs")
EVENT_NAMES = entries("event_names")
# Words that are never a name by themselves, whatever the NER thinks.
NOT_NAMES = words("not_names")
# Capitalised words a role word is often followed by that are not names: official English title.
NATIONALITIES = frozenset(
    "English Japanese Chinese French American British German Korean K-pop K-drama Hallyu "
    "Official Korea Asian European International National".split()
)
TITLE_CONNECTORS = frozenset("of the a an in on and to for with at from by my your our".split())
OPEN_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "「": "」", "《": "》", "<": ">"}
CLOSE_QUOTES = frozenset(OPEN_QUOTES.values())
ACCOUNT_PATTERN = re.compile(r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
RULE_SPANS = "storyline_rule_spans"
# "Best Music", "Most Popular Actor", "Artist of the Year", "Male Solo": award
# categories, not names.
AWARD_CATEGORY = re.compile(
    r"^(?:[Tt]he )?(?:Best|Most|Outstanding|Excellence|Top)\b|\bof the (?:Year|Month|Decade)$"
    r"|^(?:[Tt]he )?(?:Male|Female) (?:Solo|Group|Vocal|Artist|Dance|Rookie)"
)
# Capitalised words the NER takes for names, and that never are a name's short form.
NOT_NAME_WORDS = (
    NOT_NAMES
    | ORG_HEADS
    | EVENT_HEADS
    | {w.title() for w in PERSON_CUES}
    | NATIONALITIES
    | frozenset(
        "English Korean Asian European Western Girls Boys Women Men Kids Card Financial "
        "Stadium Arena Hall Center Centre Theater Theatre Award Prize Actor Actress K-pop "
        "Opened New Best Top".split()
    )
)


# A box-office or TV listing's entry: "The Grand Heist (Korea)\nOpened Aug. 8\nAction.
# Comedy. Directed by …", or run into one line, "… too late.  Montage Opened May 16.",
# "The Day After  (Korea)   Opened July 6".
# Its title is a work, and what its synopsis casts ("Miri (Min Hyo-rin)") is cast in it.
_OPENED = r"\s*Open(?:ed|ing|s)\s+(?:on\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b"
_COUNTRY = r"\s*\([A-Z][\w.,/ -]{1,40}\)"
LISTING_ENTRY = re.compile(
    r"(?m)^(?P<title>[A-Z0-9][^\n()]{0,60}?)"
    + _COUNTRY
    + r"\s*\n"
    + _OPENED
    + r"|(?:(?<=[.!?”\"] )|(?<=[.!?”\"]  )|(?<=[.!?”\"]   )|^)(?P<runon>[A-Z0-9][\w'’:!?&-]*"
    r"(?: (?:[a-z]{1,4} ){0,2}[A-Z0-9][\w'’:!?&-]*){0,5})(?:" + _COUNTRY + r")?" + _OPENED
)
