"""Event types: everything one type of event means, in one place.

Each type says who takes part (its roles, and the kinds of entity that fill them), the
words and phrases that trigger it (or, for the two no single word triggers, what reads
it), its one-sentence summary, how sure the press can be of it, what it implies (a
relation, a friendship), and a sentence that is it and one that is not: the
extraction, the summaries, fusion, stories and relations all read this table, and
`tests/analyse/test_eventtypes.py` checks every entry against the extractor.

The types are those of DESIGN.md that storyline reads; `social.follow` is not read yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from storyline.models import EntityType, EventTypeName

PEOPLE: frozenset[EntityType] = frozenset({"person", "account"})
ACTORS: frozenset[EntityType] = frozenset({"person", "org", "account"})

# How sure the press can be of an event of a type:
#   reported  any cue counts: denied, rumoured, hoped, planned, else asserted
#   factual   never rumoured or denied (a filing, a penalty: it was done or planned)
#   settled   factual and never planned (a birth, a death)
#   said      asserted (the words were said) unless hoped
#   fixed     always asserted: its own words already say what happened ("denied")
ModalityPolicy = Literal["reported", "factual", "settled", "said", "fixed"]


@dataclass(frozen=True, slots=True)
class EventType:
    """One type of event. The trigger fields are empty for a type that a reader of its
    own produces (`producer` says which)."""

    type: EventTypeName
    # a format string over the roles, a part in brackets left out when a role in it is
    # missing: "{agent} liked {target}'s post.", "{speaker} made a statement[ about {about}]."
    summary: str
    example: str  # a sentence that is this event …
    example_roles: tuple[tuple[str, str], ...]  # … with these participants (role, name)
    counterexample: str  # a sentence that is not
    roles: tuple[str, ...] = ("agent", "target")
    # triggers: lemmas of words, and regular expressions over the lower-cased sentence
    lemmas: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    producer: str | None = None
    # the kinds of entity that fill the first and the second role
    first: frozenset[EntityType] = PEOPLE
    second: frozenset[EntityType] = PEOPLE
    needs_second: bool = True
    # the second role may be an entity the document named in an earlier sentence
    second_from_before: bool = False
    symmetric: bool = False  # partners: several subjects, or subject and object
    verbs_only: bool = False  # "liked the post": the noun is no posting
    # how far (in characters) from the trigger a second participant the parse does not
    # give may be: a cast's work is near its verb
    reach: int | None = None
    modality: ModalityPolicy = "reported"
    # a later denial by one of the partners turns a rumour of it denied
    denied_by_partner: bool = False
    # what a negated trigger reads as: this type (a like not given is a silence), else
    # nothing happened
    if_negated: EventTypeName | None = None
    quoted: bool = False  # the quote of its sentence is kept with it
    # said, so dated when it was said: by a time of its own clause, else by the occasion
    # a sentence before names, else by the report (news tells what was said that day),
    # never by a time inside what was said
    dated_by_report: bool = False
    # an organisation speaking or suing for its artist: the artist is `about`
    for_artist: bool = False
    planned_with_work: bool = False  # planned when its work is upcoming
    relation: str | None = None  # the relation it implies between its participants
    friendly: bool = False  # a warm interaction: two of them between people make friends
    in_titles: bool = True  # named in a story's title when it happens most
    # another reading of the same type, with triggers and roles of its own: a donation
    # is support, its recipient the target
    variant: str = ""
    # the second role only from a "to" or "for" phrase: "donated 50 million won to X",
    # never the subject of a clause beside it ("while Kim Hee-sun donated …")
    recipient_only: bool = False
    # the maker the document names (the director of a film, the artist of an album)
    # is the person of an event read from its work ("“Dream” hits theaters on …")
    made_by: bool = False
    # the person is `person` and the organisation `org`, whichever the sentence names
    # first ("Fantagio renewed its contract with Moonbin")
    person_and_org: bool = False
    # when the sentence names no work and the trigger names a role ("Park plays Yoon
    # Hong-dae"), the work the discourse has most in mind
    work_in_mind: bool = False
    # who won is after "to", not the subject: "the best actor award went to Kim"
    winners_after_to: bool = False

    @property
    def group(self) -> str:
        """'social', 'personal', 'career', 'speech', 'legal' or 'bio'."""
        return self.type.split(".", 1)[0]

    @property
    def label(self) -> str:
        """'cast', 'followers lost': how a title names it."""
        return self.type.split(".", 1)[1].replace("_", " ")

    @property
    def triggered(self) -> bool:
        return bool(self.lemmas or self.phrases)


def _type(
    type_: EventTypeName, lemmas: str = "", phrases: Iterable[str] = (), **kw: Any
) -> EventType:
    return EventType(type=type_, lemmas=frozenset(lemmas.split()), phrases=tuple(phrases), **kw)


_AWARD = r"\b(?:prize|award|honou?r|trophy|trophie|title|accolade)s?"
_GIVEN = "(?:given|gave|presented|handed|conferred|bestowed|awarded)"
_TYPES: tuple[EventType, ...] = (
    _type(
        "social.like",
        "like",
        [r"\bleft a like\b", r"\bhit (?:the )?like\b"],
        summary="{agent} liked {target}'s post.",
        second_from_before=True,
        if_negated="social.silence",
        friendly=True,
        example="Actress Moon Ha-rin liked Baek Ji-hoon's Instagram post on Sunday.",
        example_roles=(("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")),
        counterexample="Fans like Moon Ha-rin's new hairstyle.",  # no one liked a post
    ),
    _type(
        "social.comment",
        "comment reply remark",
        [
            r"\b(?:left|leaves|leave|dropped|drops|posted|wrote|added) (?:a |an |her |his |their )?"
            r"(?:[\w-]+ )?comments?\b"
        ],
        summary="{agent} commented on {target}'s post.",
        second_from_before=True,
        verbs_only=True,  # "malicious comments" are none; "dropped flirty comments" a phrase
        if_negated="social.silence",
        quoted=True,
        friendly=True,
        example="Moon Ha-rin left a comment on Baek Ji-hoon's photo, writing “So proud of you.”",
        example_roles=(("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")),
        counterexample="Moon Ha-rin declined to comment on Baek Ji-hoon's post.",
    ),
    _type(
        "social.tag",
        "tag",
        summary="{agent} tagged {target}.",
        friendly=True,
        example="Moon Ha-rin tagged Baek Ji-hoon in the video.",
        example_roles=(("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")),
        counterexample="The video carried the tag of a fan club.",
    ),
    _type(
        "social.unfollow",
        "unfollow",
        [r"\bunfollow(?:ed|s|ing)?\b"],  # spaCy lemmatises "unfollowed" to itself
        summary="{agent} unfollowed {target}.",
        example="Fans noticed that Moon Ha-rin has unfollowed Baek Ji-hoon.",
        example_roles=(("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")),
        counterexample="Moon Ha-rin still follows Baek Ji-hoon on Instagram.",
    ),
    _type(
        "social.post",
        "post upload publish share",
        [
            r"\breleased? (?:a |an |the )?(?:\w+ )?"
            r"(?:screenshots?|photos?|videos?|pictures?|images?|messages?|footage|letters?)\b"
        ],
        summary="{agent} posted on social media[ about {about}].",
        roles=("agent", "about"),
        first=ACTORS,
        second=frozenset({"person", "work"}),
        needs_second=False,
        verbs_only=True,
        example="Moon Ha-rin posted a photo of Baek Ji-hoon on her Instagram.",
        example_roles=(("agent", "Moon Ha-rin"), ("about", "Baek Ji-hoon")),
        counterexample="The first episode of “Winter Lantern” posted 6.3 percent in ratings.",
    ),
    _type(
        "social.followers_lost",
        phrases=[r"\blost [\w ]{0,30}followers\b", r"\bfollowers? (?:dropped|plummeted|fell)\b"],
        summary="{agent} lost followers.",
        roles=("agent",),
        needs_second=False,
        example="Actress Moon Ha-rin lost thousands of followers after the scandal.",
        example_roles=(("agent", "Moon Ha-rin"),),
        counterexample="Actress Moon Ha-rin gained thousands of followers after the show.",
    ),
    _type(
        "personal.meet",
        "meet",
        [r"\bget-together\b", r"\bmet up\b"],
        summary="{agent} met {host}.",
        roles=("agent", "host"),
        friendly=True,
        example="Baek Ji-hoon met Moon Ha-rin for dinner in Seoul on Friday.",
        example_roles=(("agent", "Baek Ji-hoon"), ("host", "Moon Ha-rin")),
        counterexample="The meeting room was empty on Friday.",
    ),
    _type(
        "personal.visit",
        "visit attend",
        summary="{agent} visited {host}.",
        roles=("agent", "host"),
        second=PEOPLE,
        friendly=True,
        example="Baek Ji-hoon visited Moon Ha-rin's house on Friday.",
        example_roles=(("agent", "Baek Ji-hoon"), ("host", "Moon Ha-rin")),
        counterexample="The house was built by Moon Ha-rin's grandfather.",
    ),
    _type(
        "personal.gift",
        "gift",
        [
            r"\bsent (?:a |an |her |his )?(?:coffee|food|snack|dessert) truck",
            r"\bsent (?:a |an )?gifts?\b",
        ],
        summary="{agent} sent a gift to {recipient}.",
        roles=("agent", "recipient"),
        friendly=True,
        example="Baek Ji-hoon sent a coffee truck to the set where Moon Ha-rin was filming.",
        example_roles=(("agent", "Baek Ji-hoon"), ("recipient", "Moon Ha-rin")),
        counterexample="Moon Ha-rin wore a coffee-colored dress.",
    ),
    _type(
        "personal.congratulate",
        "congratulate congratulation",
        summary="{agent} congratulated {target}.",
        second_from_before=True,
        friendly=True,
        example="Moon Ha-rin congratulated Baek Ji-hoon on social media.",
        example_roles=(("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")),
        counterexample="The ceremony ended with fireworks on Friday.",
    ),
    _type(
        "personal.support",
        "support encourage encouragement cheer",
        summary="{agent} supported[ {target}].",
        second_from_before=True,
        friendly=True,
        example="Moon Ha-rin cheered for Baek Ji-hoon at the premiere.",
        example_roles=(("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")),
        counterexample="The premiere drew a large crowd on Friday.",
    ),
    _type(
        "personal.dating",
        "date",
        [
            r"\bin a (?:romantic )?relationship\b",
            r"\bromantic(?:ally)? (?:relationship|involve)",
            r"\bseeing each other\b",
            r"\bdating\b|\bon (?:a )?dates?\b",
        ],
        summary="{partner} and {partner2} are dating.",
        roles=("partner", "partner"),
        symmetric=True,
        verbs_only=True,  # "set a date for a hearing" is none; "went on a date" a phrase
        denied_by_partner=True,
        relation="dating",
        example="Actors Baek Ji-hoon and Moon Ha-rin are dating, their agencies confirmed.",
        example_roles=(("partner", "Baek Ji-hoon"), ("partner", "Moon Ha-rin")),
        counterexample="Baek Ji-hoon and Moon Ha-rin are not dating, their agencies said.",
    ),
    _type(
        "personal.breakup",
        "breakup",
        [r"\bbr(?:oke|eak|eaking) up\b", r"\bsplit up\b", r"\bparted ways\b", r"\bsplit\b"],
        summary="{partner} and {partner2} broke up.",
        roles=("partner", "partner"),
        symmetric=True,
        relation="former_partners",
        example="Singer Baek Ji-hoon broke up with actress Moon Ha-rin last year.",
        example_roles=(("partner", "Baek Ji-hoon"), ("partner", "Moon Ha-rin")),
        counterexample="The band played a split set at the festival.",
    ),
    _type(
        "personal.affair",
        "affair cheat",
        [r"\btwo-tim(?:e|ed|ing)\b"],
        summary="{partner} and {partner2} had an affair.",
        roles=("partner", "partner"),
        symmetric=True,
        denied_by_partner=True,
        example="Moon Ha-rin was suspected of having an affair with Baek Ji-hoon.",
        example_roles=(("partner", "Moon Ha-rin"), ("partner", "Baek Ji-hoon")),
        counterexample="Reporters asked about rumors of an affair.",  # no partners
    ),
    _type(
        "personal.support",
        "donate donation",
        variant="donation",
        summary="{agent} supported[ {target}].",
        first=ACTORS,
        second=ACTORS,
        needs_second=False,
        recipient_only=True,
        example="Singer Moon Ha-rin donated masks to the Harbor Relief Association on Friday.",
        example_roles=(("agent", "Moon Ha-rin"), ("target", "Harbor Relief Association")),
        counterexample="The Harbor Relief Association thanked volunteers on Friday.",
    ),
    _type(
        "personal.apology",
        "apologize apologise apology",
        summary="{agent} apologised[ to {target}].",
        needs_second=False,
        example="Baek Ji-hoon apologized to Moon Ha-rin on Friday.",
        example_roles=(("agent", "Baek Ji-hoon"),),
        counterexample="Moon Ha-rin's agency apologized on Friday.",  # the agency did
    ),
    _type(
        "career.cast",
        "cast star play appear portray role",
        [
            r"\bshare (?:the )?screen\b",
            r"\bwork together on\b",
            r"\blead role\b",
            r"\bstarring\b",
            r"\b(?:led|headlined|fronted) by\b",
        ],
        summary="{person} was cast in {work}.",
        roles=("person", "work"),
        second=frozenset({"work"}),
        reach=60,
        work_in_mind=True,
        planned_with_work=True,
        relation="cast_in",
        example="Baek Ji-hoon and Moon Ha-rin were slated to star in the drama “Winter Lantern.”",
        example_roles=(("person", "Baek Ji-hoon"), ("work", "Winter Lantern")),
        counterexample="The drama stars a cat.",  # nobody named
    ),
    _type(
        "career.cancelled",
        "cancel scrap shelve",
        [
            r"\bfell through\b",
            r"\bfall(?:s|en)? through\b",
            r"\bd(?:id|oes)n[’']t see the light of day\b",
            r"\bdid not (?:see the light of day|materiali[sz]e)\b",
            r"\bcalled off\b",
        ],
        summary="{work} was cancelled.",
        roles=("work",),
        first=frozenset({"work"}),
        needs_second=False,
        modality="fixed",
        example="The drama “Winter Lantern” was cancelled in May.",
        example_roles=(("work", "Winter Lantern"),),
        counterexample="The drama “Winter Lantern” aired its finale in May.",
    ),
    _type(
        "career.award",
        "win award",
        [
            r"\btook home\b",
            r"\b(?:was |were )?named (?:the )?(?:best|winners?)\b",
            r"\bgrand prize\b",
            r"\b(?:receive[ds]?|receiving|bag(?:s|ged)|grab(?:s|bed)|snag(?:s|ged)|clinch(?:es|ed)|"
            r"pick(?:s|ed) up|sweep|swept)\b[\w ,'’-]{0,40}\b(?:prizes?|awards?|honou?rs?|"
            r"trophy|trophies|daesang|bonsang)\b",
        ],
        summary="[{person}][{work}] won an award[ at {award}].",
        roles=("person", "award"),
        first=ACTORS | frozenset({"work"}),  # a winning drama is `work`
        second=frozenset({"event"}),
        second_from_before=True,
        example="Moon Ha-rin won Best Actress at the 2023 Blue Crane Film Awards.",
        example_roles=(("person", "Moon Ha-rin"), ("award", "Blue Crane Film Awards")),
        counterexample="Moon Ha-rin hosted the 2023 Blue Crane Film Awards.",
    ),
    _type(
        "career.award",
        phrases=[
            _AWARD + r"\b(?: for [\w ]{1,40}?)? (?:went|(?:was|were) " + _GIVEN + r") to\b",
            r"\b" + _GIVEN + r"\b[\w ,'’-]{0,40}" + _AWARD + r"\s+to\b",
        ],
        variant="went to",
        summary="[{person}][{work}] won an award[ at {award}].",
        roles=("person", "award"),
        first=ACTORS | frozenset({"work"}),
        second=frozenset({"event"}),
        second_from_before=True,
        winners_after_to=True,
        example="At the Blue Crane Film Awards, the best actress award went to Moon Ha-rin.",
        example_roles=(("person", "Moon Ha-rin"), ("award", "Blue Crane Film Awards")),
        counterexample="The best actress award went unclaimed at the Blue Crane Film Awards.",
    ),
    _type(
        "career.attend",
        "attend host emcee",
        [r"\bheaded to [\w ]{0,20}for\b", r"\bwalked the red carpet\b", r"\bred carpet\b"],
        summary="{person} attended {event}.",
        roles=("person", "event"),
        second=frozenset({"event"}),
        example="Moon Ha-rin attended the 2024 Harbor Film Festival on Friday.",
        example_roles=(("person", "Moon Ha-rin"), ("event", "Harbor Film Festival")),
        counterexample="Moon Ha-rin did not attend the 2024 Harbor Film Festival.",
    ),
    _type(
        "career.endorsement_ended",
        phrases=[
            r"\bdid not renew\b",
            r"\bnot to renew\b",
            r"\bend(?:ed)? (?:its|their|the) (?:marketing |advertising )?"
            r"(?:partnership|endorsement)",
            r"\bdropped [\w ]{0,20}as (?:its |their )?(?:model|ambassador)\b",
            r"\b(?:modell?ing|endorsement|advertising|ambassador) (?:contract|deal)s? "
            r"(?:will |would )?(?:end|ends|ended|expire[sd]?|terminate[sd]?)\b",
        ],
        summary="{org} ended its endorsement deal with {person}.",
        roles=("person", "org"),
        first=frozenset({"org", "person"}),
        second=frozenset({"person", "org"}),
        person_and_org=True,
        example="Blue Pine Cosmetics did not renew its endorsement deal with Moon Ha-rin.",
        example_roles=(("person", "Moon Ha-rin"), ("org", "Blue Pine Cosmetics")),
        counterexample="Blue Pine Cosmetics praised Moon Ha-rin's work on Friday.",
    ),
    _type(
        "career.contract_ended",
        phrases=[r"\bcontract (?:ended|expired)\b", r"\bleft (?:the|her|his) agency\b"],
        summary="{person}'s contract[ with {org}] ended.",
        roles=("person", "org"),
        second=frozenset({"org"}),
        needs_second=False,
        example="Moon Ha-rin left her agency Tidewater Entertainment in March.",
        example_roles=(("person", "Moon Ha-rin"),),
        counterexample="Moon Ha-rin renewed her contract with Tidewater Entertainment.",
    ),
    _type(
        "career.release",
        "release",
        summary="[{person}'s ]{work} was released.",
        roles=("person", "work"),
        first=ACTORS,
        second=frozenset({"work"}),
        example="Moon Ha-rin released her new album “Blue Hour” on Friday.",
        example_roles=(("person", "Moon Ha-rin"), ("work", "Blue Hour")),
        counterexample="Fans waited for news of the album “Blue Hour” on Friday.",
    ),
    _type(
        "career.release",
        "release premiere air",
        [
            r"\bhits? (?:local |the |domestic )?(?:theaters|theatres|screens|cinemas)\b",
            r"\bopen(?:s|ed)? (?:in|at) (?:local )?(?:theaters|theatres|cinemas)\b",
            r"\b(?:comes?|came) out\b",
        ],
        variant="of its work",
        summary="[{person}'s ]{work} was released.",
        roles=("work",),
        first=frozenset({"work"}),
        needs_second=False,
        made_by=True,
        planned_with_work=True,
        example="Director Clara Vance's film “Winter Lantern” hits local theaters on April 26.",
        example_roles=(("person", "Clara Vance"), ("work", "Winter Lantern")),
        counterexample="Critics praised director Clara Vance's film “Winter Lantern” on Friday.",
    ),
    _type(
        "career.debut",
        "debut",
        summary="{person} debuted[ in {work}].",
        roles=("person", "work"),
        second=frozenset({"work"}),
        needs_second=False,
        reach=40,  # "debuted in “Prosecutor Princess”", not a work named later on
        example="Moon Ha-rin debuted in the 2010 drama “Winter Lantern.”",
        example_roles=(("person", "Moon Ha-rin"), ("work", "Winter Lantern")),
        counterexample="“Winter Lantern” debuted at No. 1 at the box office.",  # nobody did
    ),
    _type(
        "career.concert",
        "concert",
        [
            r"\bperform(?:s|ed|ing)? (?:live )?(?:at|on|during|in front of)\b",
            r"\bperformance at\b",
            r"\b(?:sang|sing|sings|singing) [\w ,'’“”\"-]{0,60}\bat the\b",
        ],
        summary="{person} performed[ at {event}].",
        roles=("person", "event"),
        second=frozenset({"event", "place"}),
        needs_second=False,
        example="Moon Ha-rin performed at the opening ceremony of the Harbor Games on Saturday.",
        example_roles=(("person", "Moon Ha-rin"),),
        counterexample="Critics praised Moon Ha-rin's performance in the film.",
    ),
    _type(
        "career.contract",
        phrases=[
            r"\bsign(?:s|ed|ing)? (?:a |an |the )?(?:new |exclusive |renewed |multi-year )?"
            r"(?:\w+ )?(?:contract|deal)s?\b",
            # "signed with the agency", but not "were signed with the same agency": a state
            r"(?<!were )(?<!was )(?<!are )(?<!is )(?<!been )\bsign(?:s|ed|ing)? (?:on )?with\b",
            r"\brenew(?:s|ed|ing)? (?:(?:its|their|her|his|the) )?(?:\w+ )?contracts?\b",
            r"\bcontract renewals?\b",
            r"\bjoin(?:s|ed)? (?:the )?(?:agency|label)\b",
        ],
        summary="{person} signed a contract[ with {org}].",
        roles=("person", "org"),
        first=frozenset({"person", "org"}),
        second=frozenset({"person", "org"}),
        needs_second=False,
        person_and_org=True,
        example="Moon Ha-rin signed an exclusive contract with Tidewater Entertainment.",
        example_roles=(("person", "Moon Ha-rin"), ("org", "Tidewater Entertainment")),
        counterexample="Moon Ha-rin's contract with Tidewater Entertainment expired in May.",
    ),
    _type(
        "career.endorsement",
        phrases=[
            r"\b(?:named|chosen|selected|picked|tapped|appointed|hired|rehired|rehires|hires|"
            r"signed on|chose|selects|named) [\w\s,'’-]{0,40}?\bas (?:its |the |their )?(?:new )?"
            r"(?:[\w-]+ )?(?:model|ambassador|spokesmodel|muse|face)\b",
            r"\b(?:became|becomes|become) (?:the )?(?:new )?(?:[\w-]+ )?"
            r"(?:model|ambassador|spokesmodel|muse|face) (?:of|for)\b",
        ],
        summary="{person} became a model[ for {org}].",
        roles=("person", "org"),
        first=frozenset({"person", "org"}),
        second=frozenset({"person", "org"}),
        needs_second=False,
        person_and_org=True,
        example="Blue Pine Cosmetics named Moon Ha-rin as its new global ambassador.",
        example_roles=(("person", "Moon Ha-rin"), ("org", "Blue Pine Cosmetics")),
        counterexample="Moon Ha-rin wore a dress by Blue Pine Cosmetics.",
    ),
    _type(
        "career.military_enlist",
        "enlist enlistment",
        [
            r"\bjoin(?:s|ed|ing)? the (?:military|army|navy|marines|air force)\b",
            r"\bbeg[ia]n (?:his|her|their) (?:mandatory )?military service\b",
            r"\benter(?:s|ed|ing)? the (?:military|army)\b",
        ],
        summary="{person} enlisted in the military.",
        roles=("person",),
        needs_second=False,
        example="Baek Ji-hoon enlisted in the military on Monday.",
        example_roles=(("person", "Baek Ji-hoon"),),
        counterexample="Baek Ji-hoon played a soldier in the film.",
    ),
    _type(
        "career.military_discharge",
        phrases=[
            r"\bdischarged from (?:the |his |her )?(?:military|army|navy|marines|mandatory|"
            r"military service|service)\b",
            r"\b(?:complet|finish)(?:e|es|ed|ing) (?:his|her|their) (?:mandatory )?"
            r"(?:military|army) (?:service|duty)\b",
            r"\bmilitary discharge\b",
        ],
        summary="{person} was discharged from the military.",
        roles=("person",),
        needs_second=False,
        example="Baek Ji-hoon was discharged from the military on Monday.",
        example_roles=(("person", "Baek Ji-hoon"),),
        counterexample="Baek Ji-hoon was discharged from the hospital on Monday.",
    ),
    _type(
        "speech.denial",
        "deny refute dismiss",
        [
            r"\bgroundless\b",
            r"\bnot true\b",
            r"\bfalse (?:rumou?rs|claims|reports)\b",
            r"\breject(?:ed|s|ing)? (?:the |these |those |all |such )?(?:\w+ )?"
            r"(?:claims|allegations|reports|rumou?rs|accusations)\b",
        ],
        summary="{speaker} issued a denial[ about {about}].",
        roles=("speaker", "about"),
        first=ACTORS,
        needs_second=False,
        modality="fixed",
        quoted=True,
        dated_by_report=True,
        for_artist=True,
        example="Tidewater Entertainment denied the rumors about Moon Ha-rin on Friday.",
        example_roles=(("speaker", "Tidewater Entertainment"), ("about", "Moon Ha-rin")),
        counterexample="Tidewater Entertainment confirmed the news about Moon Ha-rin on Friday.",
    ),
    _type(
        "speech.legal_action",
        "sue",
        [
            r"\blegal action\b",
            r"\blegal (?:measures|response)\b",
            r"\bthrough (?:its|our|their) legal representative\b",
        ],
        summary="{agent} threatened legal action[ against {target}].",
        first=ACTORS,
        second=ACTORS,
        needs_second=False,
        modality="factual",
        quoted=True,
        dated_by_report=True,
        for_artist=True,
        example="Tidewater Entertainment said it will take legal action against Clara Vance.",
        example_roles=(("agent", "Tidewater Entertainment"), ("target", "Clara Vance")),
        counterexample="Tidewater Entertainment said it will take a break in August.",
    ),
    _type(
        "legal.complaint",
        phrases=[r"\bfiled (?:a |an )?(?:criminal )?(?:complaint|lawsuit|suit)\b"],
        summary="{agent} filed a complaint[ against {target}].",
        first=ACTORS,
        second=ACTORS,
        needs_second=False,
        modality="factual",
        for_artist=True,
        example="Baek Ji-hoon filed a complaint against Clara Vance on Thursday.",
        example_roles=(("agent", "Baek Ji-hoon"), ("target", "Clara Vance")),
        counterexample="Baek Ji-hoon filed his taxes on Thursday.",
    ),
    _type(
        "legal.penalty",
        "fine sentence",
        summary="{person} was penalised.",
        roles=("person",),
        needs_second=False,
        modality="factual",
        for_artist=True,
        example="Baek Ji-hoon was sentenced to two years in prison on Thursday.",
        example_roles=(("person", "Baek Ji-hoon"),),
        counterexample="Baek Ji-hoon said the weather was fine on Thursday.",
    ),
    _type(
        "bio.died",
        "die",
        [r"\bpassed away\b", r"\bfound dead\b"],
        summary="{person} died.",
        roles=("person",),
        needs_second=False,
        modality="settled",
        example="Actress Moon Ha-rin passed away on Feb. 16.",
        example_roles=(("person", "Moon Ha-rin"),),
        counterexample="Actress Moon Ha-rin passed the audition on Feb. 16.",
    ),
    # Reported speech comes last: a sentence is read for every other type first.
    _type(
        "speech.statement",
        "say tell state write add explain share express reveal announce confirm claim speak "
        "testify argue insist contend",
        [r"\baccording to\b", r"\bin an interview\b", r"\bread the statement\b", r"\bstatement\b"],
        summary="{speaker} made a statement[ about {about}].",
        roles=("speaker", "about"),
        first=ACTORS,
        # not the outlet told, nor the speaker's employer: "Park told The Korea Herald"
        second=frozenset({"person", "work"}),
        needs_second=False,
        modality="said",
        if_negated="speech.statement",
        quoted=True,
        dated_by_report=True,
        for_artist=True,
        in_titles=False,
        example="“We are close colleagues,” Moon Ha-rin said in an interview with Daily Seoul Pop.",
        example_roles=(("speaker", "Moon Ha-rin"),),
        counterexample="A law firm representing the family said it was reviewing the case.",
    ),
    # Types no single word triggers.
    _type(
        "social.silence",
        producer="a negated like or comment ('has not liked any of her posts')",
        summary="{agent} stopped interacting with {target} on social media.",
        example="For several months, Moon Ha-rin hadn't interacted or liked any of "
        "Baek Ji-hoon's posts.",
        example_roles=(("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")),
        counterexample="Moon Ha-rin liked Baek Ji-hoon's post on Sunday.",
    ),
    _type(
        "bio.born",
        producer="'born' and the year after a person's name ('Song born in 1981')",
        summary="{person} was born.",
        roles=("person",),
        needs_second=False,
        modality="settled",
        in_titles=False,
        example="The duo, with Moon Ha-rin born in 1981 and Baek Ji-hoon in 1994, are friends.",
        example_roles=(("person", "Moon Ha-rin"),),
        counterexample="The festival opens with Clara Vance's film “Born to be Blue” (2015).",
    ),
)

EVENT_TYPES: dict[EventTypeName, EventType] = {t.type: t for t in _TYPES if not t.variant}
# Every entry, variants too: what extraction reads.
READINGS: tuple[EventType, ...] = _TYPES
# The relations events imply, and the types they come from.
RELATION_TYPES: tuple[EventTypeName, ...] = tuple(
    t.type for t in _TYPES if t.relation or t.friendly
)
FRIENDLY: frozenset[EventTypeName] = frozenset(t.type for t in _TYPES if t.friendly)


def event_type(name: str) -> EventType:
    """The registry's entry for a type name (KeyError for a name it does not know)."""
    return EVENT_TYPES[name]  # type: ignore[index]
