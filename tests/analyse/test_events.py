"""Events: one test per event type, with sentences that are and are not that event.

Texts are written for the tests (fictional people, works and companies), in the shapes
news uses. Each is ingested into a real SQLite store, so the events come from the whole
pipeline: annotation, resolution, extraction.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

import pytest

from storyline.connect.fusion import fused_events
from storyline.models import Event
from storyline.pipeline import ingest
from storyline.store import SQLiteStore

PUBLISHED = "2024-05-20"  # a Monday


def events_of(store: SQLiteStore, folder: Path, text: str) -> list[Event]:
    path = folder / "article.jsonl"
    record = {"title": "News", "published": PUBLISHED, "text": text}

    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert ingest(store, [str(path)]).failed == 0
    return fused_events(store)


def found(events: list[Event]) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    return {(e.type, tuple((p.role, p.name) for p in e.participants)) for e in events}


def one(events: list[Event], type_: str) -> Event:
    matching = [e for e in events if e.type == type_]
    assert matching, f"no {type_} in {found(events)}"
    return matching[0]


def said_on(
    events: list[Event], types: Collection[str] = ("speech.statement",)
) -> dict[str, str | None]:
    """Each speaker's statement day."""
    return {e.participants[0].name: e.time.value for e in events if e.type in types}


def events_apart(folder: Path, name: str, text: str) -> list[Event]:
    """The events of a text in a store of its own."""
    (folder / name).mkdir()
    with SQLiteStore(folder / name / "s.db") as other:
        return events_of(other, folder / name, text)


POSITIVE = [
    (
        "Actress Moon Ha-rin liked Baek Ji-hoon's Instagram post on Sunday.",
        "social.like",
        [("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")],
    ),
    (
        "Moon Ha-rin left a comment on Baek Ji-hoon's photo, writing “So proud of you.”",
        "social.comment",
        [("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")],
    ),
    (
        "Moon Ha-rin tagged Baek Ji-hoon in the video.",
        "social.tag",
        [("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")],
    ),
    (
        "Moon Ha-rin posted a photo of Baek Ji-hoon on her Instagram.",
        "social.post",
        [("agent", "Moon Ha-rin"), ("about", "Baek Ji-hoon")],
    ),
    (
        "Actress Moon Ha-rin lost thousands of followers after the scandal.",
        "social.followers_lost",
        [("agent", "Moon Ha-rin")],
    ),
    (
        "Baek Ji-hoon visited Moon Ha-rin's house on Friday.",
        "personal.visit",
        [("agent", "Baek Ji-hoon"), ("host", "Moon Ha-rin")],
    ),
    (
        "Baek Ji-hoon sent a coffee truck to the set where Moon Ha-rin was filming.",
        "personal.gift",
        [("agent", "Baek Ji-hoon"), ("recipient", "Moon Ha-rin")],
    ),
    (
        "Moon Ha-rin congratulated Baek Ji-hoon on social media.",
        "personal.congratulate",
        [("agent", "Moon Ha-rin"), ("target", "Baek Ji-hoon")],
    ),
    (
        "Actors Baek Ji-hoon and Moon Ha-rin are dating, their agencies confirmed.",
        "personal.dating",
        [("partner", "Baek Ji-hoon"), ("partner", "Moon Ha-rin")],
    ),
    (
        "Singer Baek Ji-hoon broke up with actress Moon Ha-rin last year.",
        "personal.breakup",
        [("partner", "Baek Ji-hoon"), ("partner", "Moon Ha-rin")],
    ),
    (
        "Baek Ji-hoon and Moon Ha-rin were slated to star in the drama “Winter Lantern.”",
        "career.cast",
        [("person", "Baek Ji-hoon"), ("work", "Winter Lantern")],
    ),
    (
        "Moon Ha-rin won Best Actress at the 2023 Blue Crane Film Awards.",
        "career.award",
        [("person", "Moon Ha-rin"), ("award", "Blue Crane Film Awards")],
    ),
    (
        "Moon Ha-rin attended the 2024 Harbor Film Festival on Friday.",
        "career.attend",
        [("person", "Moon Ha-rin"), ("event", "Harbor Film Festival")],
    ),
    (
        "“We are close colleagues,” Moon Ha-rin said in an interview with Daily Seoul Pop.",
        "speech.statement",
        [("speaker", "Moon Ha-rin")],
    ),
    (
        "Tidewater Entertainment denied the rumors about Moon Ha-rin on Friday.",
        "speech.denial",
        [("speaker", "Tidewater Entertainment"), ("about", "Moon Ha-rin")],
    ),
    (
        "The drama “Winter Lantern,” starring Baek Ji-hoon and Moon Ha-rin, airs in May.",
        "career.cast",
        [("person", "Moon Ha-rin"), ("work", "Winter Lantern")],
    ),
    (
        "Tidewater Entertainment strongly rejected the dating claims about Moon Ha-rin.",
        "speech.denial",
        [("speaker", "Tidewater Entertainment")],
    ),
    (
        "Singer Moon Ha-rin donated masks to the Harbor Relief Association on Friday.",
        "personal.support",
        [("agent", "Moon Ha-rin"), ("target", "Harbor Relief Association")],
    ),
    (
        "Baek Ji-hoon filed a complaint against Clara Vance on Thursday.",
        "legal.complaint",
        [("agent", "Baek Ji-hoon"), ("target", "Clara Vance")],
    ),
    (
        "Actress Moon Ha-rin passed away on Feb. 16.",
        "bio.died",
        [("person", "Moon Ha-rin")],
    ),
]


@pytest.mark.parametrize(("text", "type_", "participants"), POSITIVE)
def test_each_event_type_with_its_roles(
    store: SQLiteStore, tmp_path: Path, text: str, type_: str, participants: list[tuple[str, str]]
) -> None:
    events = [e for e in events_of(store, tmp_path, text) if e.type == type_]
    matching = [
        e for e in events if [(p.role, p.name) for p in e.participants][: len(participants)]
        == participants
    ]  # fmt: skip
    assert matching, f"{type_} {participants} not in {found(events)}"
    assert matching[0].evidence[0].text in text and matching[0].summary


NEGATIVE = [
    ("Fans like Moon Ha-rin's new hairstyle.", "social.like"),  # no one liked a post
    ("Moon Ha-rin would like more information about the role.", "social.like"),  # a wish
    ("Tidewater Entertainment posted record earnings in May.", "social.post"),
    ("Moon Ha-rin received support from Baek Ji-hoon's fans.", "personal.support"),
    ("Moon Ha-rin wore a coffee-colored dress.", "personal.gift"),
    ("The drama stars a cat.", "career.cast"),  # nobody named
    ("Reporters asked about rumors of an affair.", "personal.affair"),  # no partners
    ("Moon Ha-rin did not attend the 2024 Harbor Film Festival.", "career.attend"),
    ("A law firm representing the family said it was reviewing the case.", "speech.statement"),
    ("Moon Ha-rin's agency apologized on Friday.", "personal.apology"),  # the agency did
    ("Moon Ha-rin declined to comment on Baek Ji-hoon's post.", "social.comment"),
    ("The first episode of “Winter Lantern” posted 6.3 percent in ratings.", "social.post"),
    ("The festival opens with Clara Vance's film “Born to be Blue” (2015).", "bio.born"),
    ("Moon Ha-rin claimed the 15th spot on the chart.", "speech.statement"),  # a win
    ("Baek Ji-hoon wrote the songs to share his personal story.", "social.post"),  # offline
    ("Clara Vance has published in the Harbor History Journal.", "social.post"),
    # a death told in passing, as the time of something else
    ("Doctor Kang Do-yun was at Baek Ji-hoon's side on the day he died.", "bio.died"),
    ("Police asked what was in Baek Ji-hoon's body when he died.", "bio.died"),
    ("Kang Do-yun was denied bail on Monday.", "speech.denial"),  # refused, no denial
    # a plot: the character and who plays her meet no one
    (
        "Baek Ji-hoon plays a fisherman. Then he meets Yeong-ja (Moon Ha-rin) and everything "
        "changes.",
        "personal.meet",
    ),
    # a guest on a show is not cast in it; one attends an event, visiting no one
    ("Baek Ji-hoon appeared on the radio program “Night Letters” on Friday.", "career.cast"),
    ("Baek Ji-hoon and Moon Ha-rin attended a promotional event in Busan.", "personal.visit"),
    # what is released that is no work
    ("Tidewater Entertainment released teaser images for “Night Letters.”", "career.release"),
    ("Tidewater Entertainment released a statement about “Night Letters.”", "career.release"),
    # a first time in one field is not the debut
    ("Moon Ha-rin and Baek Ji-hoon made their Hollywood debuts this year.", "career.debut"),
    ("Moon Ha-rin made her acting debut in “Salt Road.”", "career.debut"),
    # the possessor of another person is not that person
    ("Baek Ji-hoon's former doctor has denied a charge of manslaughter.", "speech.denial"),
    # a comment off line is no comment on a post
    ("Kang Do-yun added he would comment on the coroner's report.", "social.comment"),
    # who speaks for someone is not them
    ("Baek Ji-hoon's legal team says it expects him to be charged.", "speech.statement"),
    # the press's own analysis is no one's statement in the news
    ("The BBC's Clara Vance in Seoul said that the move was a surprise.", "speech.statement"),
    ("Ticket sales soared, says entertainment reporter Clara Vance.", "speech.statement"),
    # a date set for a hearing is no romance
    (
        "Baek Ji-hoon is due in court on Monday, when Judge Moon Ha-rin is expected to set a "
        "date for the trial.",
        "personal.dating",
    ),
]


@pytest.mark.parametrize(("text", "type_"), NEGATIVE)
def test_sentences_that_are_not_that_event(
    store: SQLiteStore, tmp_path: Path, text: str, type_: str
) -> None:
    assert type_ not in {e.type for e in events_of(store, tmp_path, text)}


def test_a_negated_like_is_a_silence(store: SQLiteStore, tmp_path: Path) -> None:
    text = "For several months, Moon Ha-rin hadn't interacted or liked any of Baek Ji-hoon's posts."
    events = events_of(store, tmp_path, text)
    assert "social.like" not in {e.type for e in events}
    silence = one(events, "social.silence")
    assert [p.name for p in silence.participants] == ["Moon Ha-rin", "Baek Ji-hoon"]


def test_the_cancelled_work_is_the_one_named_before(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Baek Ji-hoon was cast in the drama “Winter Lantern.” "
        "However, the drama fell through in May last year."
    )
    cancelled = one(events_of(store, tmp_path, text), "career.cancelled")
    assert [p.name for p in cancelled.participants] == ["Winter Lantern"]
    assert (cancelled.time.value, cancelled.time.precision) == ("2023-05", "month")
    assert cancelled.modality == "asserted"


def test_births_pair_each_person_with_a_year(store: SQLiteStore, tmp_path: Path) -> None:
    text = "The duo, with Moon Ha-rin born in 1981 and Baek Ji-hoon in 1994, are friends."
    born = {e.participants[0].name: e.time.value for e in events_of(store, tmp_path, text)
            if e.type == "bio.born"}  # fmt: skip
    assert born == {"Moon Ha-rin": "1981", "Baek Ji-hoon": "1994"}


@pytest.mark.parametrize(
    ("text", "born"),
    [
        # the name just before "born", not the one the sentence opens with
        ("Baek Ji-hoon's mother was Moon Ha-rin born 1958 in Busan.", {"Moon Ha-rin": "1958"}),
        ("Clara Vance (nee Kang) born 1831 married Peter Vance.", {"Clara Vance": "1831"}),
        # nothing when the text is unsure
        ("Peter Vance was born in 1840 or 1841 in Cardiff.", {}),
        ("Peter Vance might have been born in 1770.", {}),
    ],
)
def test_a_birth_is_the_name_before_born_and_the_year_after(
    store: SQLiteStore, tmp_path: Path, text: str, born: dict[str, str]
) -> None:
    events = events_of(store, tmp_path, text)
    assert {e.participants[0].name: e.time.value for e in events if e.type == "bio.born"} == born


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("Baek Ji-hoon and Moon Ha-rin are reportedly dating.", "personal.dating", "rumoured"),
        (
            "Moon Ha-rin was suspected of having an affair with Baek Ji-hoon. "
            "Moon Ha-rin has since refuted such rumors.",
            "personal.affair",
            "denied",
        ),
        ("Moon Ha-rin is slated to star in “Winter Lantern.”", "career.cast", "planned"),
        (
            "Moon Ha-rin said of Baek Ji-hoon, “It would be great if we could film together.”",
            "speech.statement",
            "asserted",
        ),
        (
            "Moon Ha-rin expressed her hope to work with Baek Ji-hoon, saying, “He is lovely.”",
            "speech.statement",
            "hoped",
        ),
        ("Moon Ha-rin liked Baek Ji-hoon's post on Sunday.", "social.like", "asserted"),
        ("Moon Ha-rin has been lined up to perform at the gig.", "career.concert", "planned"),
        (
            "Moon Ha-rin was due to stage a series of concerts in Busan.",
            "career.concert",
            "planned",
        ),
        (
            "Tidewater Entertainment said it will take legal action against Clara Vance.",
            "speech.legal_action",
            "planned",
        ),
    ],
)
def test_modality(store: SQLiteStore, tmp_path: Path, text: str, type_: str, modality: str) -> None:
    assert one(events_of(store, tmp_path, text), type_).modality == modality


def test_a_planned_weekday_is_the_next_one(store: SQLiteStore, tmp_path: Path) -> None:
    text = "Moon Ha-rin is slated to perform her comeback concert on Saturday."
    concert = one(events_of(store, tmp_path, text), "career.concert")
    assert (concert.modality, concert.time.value) == ("planned", "2024-05-25")


def test_time_comes_from_the_sentence_or_the_one_it_follows(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "On the morning of May 19, Baek Ji-hoon posted a video on Instagram. "
        "Shortly after this post, Moon Ha-rin left a like. "
        "Moon Ha-rin congratulated Clara Vance."
    )
    events = events_of(store, tmp_path, text)
    assert one(events, "social.post").time.value == "2024-05-19"
    like = one(events, "social.like")
    assert like.time.value == "2024-05-19"
    assert [p.name for p in like.participants] == ["Moon Ha-rin", "Baek Ji-hoon"]
    assert one(events, "personal.congratulate").time.value is None


def test_when_words_were_said_and_when_not(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "In a recent interview, Moon Ha-rin said she had moved to Busan. Baek Ji-hoon told "
        "reporters earlier in the day that he will support the campaign. Clara Vance told "
        "her lawyer she would quit, a court has heard. Judge Oh Tae-rim said the matter had "
        "already been ruled on. Last month, when Seo Yu-na announced that she would leave the "
        "band, fans praised her. "
        "“The photos were taken in the past, when they were with the same agency,” "
        "Lumina Entertainment said in a statement."
    )
    events = events_of(store, tmp_path, text)
    said = {e.participants[0].name: e.time.value for e in events if e.type == "speech.statement"}
    assert said == {
        "Moon Ha-rin": None,
        "Baek Ji-hoon": "2024-05-20",
        "Clara Vance": None,
        "Oh Tae-rim": "2024-05-20",
        "Seo Yu-na": "2024-04",
        "Lumina Entertainment": "2024-05-20",
    }


def test_a_cast_a_work_is_described_by_is_no_plan_of_its_clause(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "“Winter Lantern,” starring Moon Ha-rin, became a hit across Asia in 2014. "
        "“Glass Road,” led by Lee Ji-eun (singer Haneul), premieres March 7."
    )
    casts = {
        (e.participants[0].name, e.time.value, e.modality)
        for e in events_of(store, tmp_path, text)
        if e.type == "career.cast"
    }
    assert casts == {
        ("Moon Ha-rin", None, "asserted"),
        ("Lee Ji-eun", None, "asserted"),  # and no one else: her stage name is hers
    }


def test_what_the_future_reaches(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Many fans will be back on May 29, when Baek Ji-hoon is sentenced. Singer Moon Ha-rin "
        "will hold a concert in Seoul on June 7. She will be the first female singer to hold a "
        "concert at the dome, the agency added. Hip-hop trio Lumina released its new album "
        "“Glass Road” on Monday. Following the release of “Glass Road,” Lumina will hold solo "
        "concerts on June 3."
    )
    events = events_of(store, tmp_path, text)
    assert one(events, "legal.penalty").modality == "planned"
    assert {e.modality for e in events if e.type == "career.concert"} == {"planned"}
    release = one(events, "career.release")
    assert (release.modality, release.time.value) == ("asserted", "2024-05-20")


def test_each_of_a_list_at_its_time_respectively(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        'Moon Ha-rin released two albums, "Glass Road" and "Winter Lantern," in November '
        "2022 and April 2023, respectively."
    )
    releases = {
        (e.participants[-1].name, e.time.value)
        for e in events_of(store, tmp_path, text)
        if e.type == "career.release"
    }
    assert releases == {("Glass Road", "2022-11"), ("Winter Lantern", "2023-04")}


def test_a_caption_run_into_the_text_ends_at_its_pronoun(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "But Dr Peter Vance's lawyers argued that he needed to continue working to pay for his "
        "defense. Dr Peter Vance faces up to four years in jail if convicted They said he had "
        "no intention of practising in California, but argued that a ban would affect him."
    )
    assert "speech.statement" not in {e.type for e in events_of(store, tmp_path, text)}


def test_a_caption_run_into_the_text_is_done_by_the_name_it_ends_with(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Lucy Brandt was among those who came for Dr Peter Vance's sentencing Henry Cole "
        'died on 3 May 2019. A witness spoke of the skills of Dr Peter Vance Cole " died so '
        'suddenly ", the lawyer added.'
    )
    deaths = [e for e in events_of(store, tmp_path, text) if e.type == "bio.died"]
    assert [[p.name for p in e.participants] for e in deaths] == [["Henry Cole"]]


def test_what_is_told_of_the_news_day_is_of_it(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Dr Peter Vance was granted bail on Sunday at a hearing in Los Angeles. When asked "
        "by a reporter what he thought, Henry Cole said simply: “It is not enough.” Dr "
        "Vance says he is innocent."
    )
    said = said_on(events_of(store, tmp_path, text))
    assert said == {"Henry Cole": "2024-05-19", "Peter Vance": PUBLISHED}


def test_the_dead_did_not_speak_on_the_day_of_the_report(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Henry Cole died in June 2009. His promoter Ann Hale spoke to reporters. Henry "
        "Cole said he had a rapport with Dr Peter Vance, she recalled. Ann Hale said the "
        "tour would go on."
    )
    said = said_on(events_of(store, tmp_path, text))
    assert said == {"Henry Cole": None, "Ann Hale": PUBLISHED}


def test_a_chronology_s_entries_date_what_they_tell(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "How the case unfolded. 25 June 2009 Henry Cole dies at his home. 8 February 2010 "
        "Dr Peter Vance pleads not guilty. His lawyer Ann Hale said he would be cleared. 12 "
        "October 2011 The defense backs out of its claims. Prosecution witness Dr Mark Reed "
        "said Vance was to blame."
    )
    said = said_on(events_of(store, tmp_path, text))
    assert said == {"Ann Hale": "2010-02-08", "Mark Reed": "2011-10-12"}
    # one sentence that opens with a date is no chronology
    single = "8 February 2010 was cold. His lawyer Ann Hale said he would be cleared."
    assert [e.time.value for e in events_apart(tmp_path, "two", single)] == [PUBLISHED]


def test_at_the_time_is_the_time_its_sentence_named(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Baek Ji-hoon said he dated Moon Ha-rin, who was born in July 2000, for a year. Asked "
        "why he had denied it in March 2024, the actor explained that with the drama "
        "“Winter Lantern” airing at the time, he wanted to protect the cast."
    )
    release = one(events_of(store, tmp_path, text), "career.release")
    assert release.time.value == "2024-03"


def test_words_said_at_their_own_occasion_or_before_a_planned_one(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Producer Baek Ji-hoon spoke at a press conference on Thursday. “The twist comes "
        "early on purpose,” critic Moon Ha-rin told The Korea Herald. Kang Do-jin will hold "
        "a press conference on Saturday. The agency Northwind has strongly denied the claims."
    )
    said = said_on(events_of(store, tmp_path, text), {"speech.statement", "speech.denial"})
    assert said["Moon Ha-rin"] == PUBLISHED  # not at the producer's press conference
    assert said["Northwind"] != "2024-05-25"  # not at a press conference yet to come


def test_what_happens_at_a_gathering_dated_before_is_of_its_day(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "The tribute gig takes place at Harbor Stadium on 8 June. Singers Moon Ha-rin and "
        "Baek Ji-hoon have been lined up to perform at the gig."
    )
    concerts = [e for e in events_of(store, tmp_path, text) if e.type == "career.concert"]
    assert concerts and {e.time.value for e in concerts} == {"2024-06-08"}
    # a weekday read as gone is no day of a performance to come
    weekday = text.replace("on 8 June", "on Saturday")
    planned = [e for e in events_apart(tmp_path, "weekday", weekday) if e.type == "career.concert"]
    assert all(e.time.value is None or e.time.value > PUBLISHED for e in planned)


def test_a_suit_filed_is_a_complaint_and_one_threatened_is_not(
    store: SQLiteStore, tmp_path: Path
) -> None:
    filed = events_of(store, tmp_path, "Ann Hale sued the YouTuber Kang Do-yun on Friday.")
    assert one(filed, "legal.complaint").time.value == "2024-05-17"
    threatened = events_apart(tmp_path, "threat", "Ann Hale threatened to sue Kang Do-yun.")
    assert {e.type for e in threatened} == {"speech.legal_action"}
    sued = events_apart(tmp_path, "passive", "Kang Do-yun was recently sued over the songs.")
    assert not [e for e in sued if e.type.startswith(("legal", "speech"))]  # not Kang's suit


def test_child_support_is_no_backing(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Dr Peter Vance was sued by Ann Hale over unpaid child support. Vance is on life support."
    )
    assert "personal.support" not in {e.type for e in events_of(store, tmp_path, text)}


def test_a_release_day_is_no_day_of_words_said(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Released on May 2, 2023, the song “Snowfall” was written by Moon Ha-rin herself. "
        "Introducing the song, Moon Ha-rin explained, “I wanted winter without clichés.”"
    )
    assert one(events_of(store, tmp_path, text), "speech.statement").time.value == PUBLISHED


def test_a_death_of_someone_s_kin_is_not_theirs(store: SQLiteStore, tmp_path: Path) -> None:
    text = "Henry Cole’s grandfather died in 1950. Mary Hale’s doctor said she is well."
    assert "bio.died" not in {e.type for e in events_of(store, tmp_path, text)}


def test_an_agency_speaks_about_its_artist(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Moon Ha-rin’s agency, Tidewater Entertainment, said Friday in a press release that "
        "the actress would take a break."
    )
    statement = one(events_of(store, tmp_path, text), "speech.statement")
    roles = [(p.role, p.name) for p in statement.participants]
    assert roles == [("speaker", "Tidewater Entertainment"), ("about", "Moon Ha-rin")]
    assert statement.time.value == "2024-05-17"


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # what was said names its subject; a name outside the words said is not it
        (
            "Five years after Baek Ji-hoon left the band, the Daily Seoul Pop says nothing "
            "has changed.",
            [],
        ),
        ("Kang Do-yun said that Moon Ha-rin would take a break.", ["Moon Ha-rin"]),
        # where it was said is not what of
        (
            "Moon Ha-rin quit college because of her grades, she said Monday on the program "
            "“Glass Road.”",
            [],
        ),
        # the one told is the listener, not what was said
        ("Kang Do-yun told Moon Ha-rin that the plan had failed.", []),
        # an agency speaks for its artist even when its words name nobody
        (
            "Moon Ha-rin’s agency Tidewater Entertainment confirmed, “The two have been close "
            "for a long time.”",
            ["Moon Ha-rin"],
        ),
        # a court, a party or a company is nobody's agency
        (
            "Moon Ha-rin won the case. Moon Ha-rin thanked fans. The Seoul Central District "
            "Court said the law was clear.",
            [],
        ),
    ],
)
def test_a_statement_is_about_whom_its_words_name(
    store: SQLiteStore, tmp_path: Path, text: str, about: list[str]
) -> None:
    statement = one(events_of(store, tmp_path, text), "speech.statement")
    assert [p.name for p in statement.participants if p.role == "about"] == about


def test_a_listing_casts_each_synopsis_in_its_own_entry(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Harbor Lights (Korea)\nOpened May 16\nDrama. Directed by Kang Do-yun. A fisherman, "
        "Yeong-su (Baek Ji-hoon), loses his boat.\n"
        "Glass Garden (U.S.)\nOpening May 23\nThriller. Directed by Peter Vance. A detective, "
        "Mira (Moon Ha-rin), hunts a thief.  Salt Road Opened May 9. Comedy. A grocer, "
        "Jun (Clara Vance), runs a shop."
    )
    casts = {
        (p[0].name, p[1].name)
        for e in events_of(store, tmp_path, text)
        if e.type == "career.cast" and len(p := e.participants) == 2
    }
    assert casts == {
        ("Baek Ji-hoon", "Harbor Lights"),
        ("Moon Ha-rin", "Glass Garden"),
        ("Clara Vance", "Salt Road"),
    }


def test_a_listing_entry_is_its_title_s_release_by_its_director(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "The quiet life of a fisherman ends.  Harbor Lights  (Korea)   Opened May 16  Drama. "
        "Directed by Kang Do-yun.  Glass Garden Opening May 30. Thriller. Directed by Peter "
        "Vance."
    )
    releases = {
        tuple(p.name for p in e.participants): (e.time.value, e.modality)
        for e in events_of(store, tmp_path, text)
        if e.type == "career.release"
    }
    assert releases == {
        ("Kang Do-yun", "Harbor Lights"): ("2024-05-16", "asserted"),
        ("Peter Vance", "Glass Garden"): ("2024-05-30", "planned"),
    }


def test_events_follow_merged_entities(store: SQLiteStore, tmp_path: Path) -> None:
    events_of(store, tmp_path, "Moon Ha Rin liked Baek Ji-hoon's post.")
    (tmp_path / "b.txt").write_text("News\n\nMoon Ha-rin, also Moon Ha Rin, smiled.", "utf-8")
    ingest(store, [str(tmp_path / "b.txt")])
    [like] = [e for e in fused_events(store) if e.type == "social.like"]
    assert like.participants[0].name == "Moon Ha-rin"
    assert like.summary == "Moon Ha-rin liked Baek Ji-hoon's post."


def test_a_year_that_names_a_work_is_not_the_event_time(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Baek Ji-hoon, who rose to fame with the 2009 drama “Salt Road,” starred in "
        "“Winter Lantern” this spring."
    )
    cast = [e for e in events_of(store, tmp_path, text) if e.type == "career.cast"]
    assert cast and all(e.time.value != "2009" for e in cast)


def test_pronouns_and_the_agency_find_who_they_mean(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Actor Baek Ji-hoon met the late actress Moon Ha-rin in 2015, said Bluebird "
        "Entertainment, the agency representing him. Moon Ha-rin's family said he filed a "
        "complaint against Clara Vance on Thursday. The agency will take legal action."
    )
    events = events_of(store, tmp_path, text)
    complaint = one(events, "legal.complaint")
    assert [p.name for p in complaint.participants][:1] == ["Baek Ji-hoon"]
    action = one(events, "speech.legal_action")
    assert action.participants[0].name == "Bluebird Entertainment"


def test_a_time_in_an_aside_is_not_the_event_time(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Baek Ji-hoon, who was discharged from the military in July last year, will star "
        "in the drama “Winter Lantern” this summer."
    )
    cast = one(events_of(store, tmp_path, text), "career.cast")
    assert (cast.time.value, cast.time.precision) == ("2024", "year")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # the sinking's day, in a clause with its own subject, is not the donation's
        (
            "Baek Ji-hoon donated 50 million won to Harbor High School, which lost students "
            "after the ferry sank on April 16.",
            None,
        ),
        # a clause of the same moment, or a bare participle, shares the event's time
        ("After Moon Ha-rin arrived in Seoul on Friday, she met Baek Ji-hoon.", None),
        ("When Moon Ha-rin arrived in Seoul on Friday, she met Baek Ji-hoon.", "2024-05-17"),
        ("Moon Ha-rin met Baek Ji-hoon in Seoul, visiting a cafe on Friday.", "2024-05-17"),
    ],
)
def test_a_time_of_another_clause_is_not_the_event_time(
    store: SQLiteStore, tmp_path: Path, text: str, when: str | None
) -> None:
    events = events_of(store, tmp_path, text)
    assert events
    assert {e.time.value for e in events} == {when}


@pytest.mark.parametrize(
    "text",
    [
        # the parser leaves the first name out of the subject; the text does not
        "It was revealed that Moon Ha Rin and Baek Ji Hoon had been planning to work "
        "together on the drama series “Salt Road,” but the plan fell through.",
        "When Moon Ha-rin & Baek Ji-hoon’s upcoming collaboration drama, “Salt Road”, fell "
        "through in May last year, fans were disappointed.",
    ],
)
def test_both_of_two_joined_names_are_cast(store: SQLiteStore, tmp_path: Path, text: str) -> None:
    cast = {
        (e.participants[0].name.replace(" ", "-").lower(), e.modality)
        for e in events_of(store, tmp_path, text)
        if e.type == "career.cast"
    }
    assert cast == {("moon-ha-rin", "planned"), ("baek-ji-hoon", "planned")}


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        # the cue governs the clause it heads, not a clause before it
        (
            "Photos of Moon Ha-rin attending Baek Ji-hoon's exhibition went viral, though "
            "Moon Ha-rin has since refuted such rumors.",
            "personal.visit",
            "asserted",
        ),
        # "suspected" scopes over the affair, not over the loss of followers
        (
            "Moon Ha-rin lost many followers after being suspected of having an affair "
            "with Baek Ji-hoon.",
            "social.followers_lost",
            "asserted",
        ),
        (
            "Moon Ha-rin lost many followers after being suspected of having an affair "
            "with Baek Ji-hoon.",
            "personal.affair",
            "rumoured",
        ),
        (
            "Tidewater Entertainment denied reports that Moon Ha-rin and Baek Ji-hoon are dating.",
            "personal.dating",
            "denied",
        ),
        (
            "Moon Ha-rin and Baek Ji-hoon have been caught up in dating rumours since Sunday.",
            "personal.dating",
            "rumoured",
        ),
    ],
)
def test_a_cue_governs_only_its_scope(
    store: SQLiteStore, tmp_path: Path, text: str, type_: str, modality: str
) -> None:
    assert one(events_of(store, tmp_path, text), type_).modality == modality


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        (
            "Moon Ha-rin sent a coffee truck to the set to encourage Baek Ji-hoon.",
            "personal.support",
            "Moon Ha-rin",
        ),
        (
            "Tidewater Entertainment rejected the claims about Baek Ji-hoon, stating, "
            "“These stories are simply not true.”",
            "speech.statement",
            "Tidewater Entertainment",
        ),
    ],
)
def test_a_participle_or_infinitive_clause_is_done_by_its_main_subject(
    store: SQLiteStore, tmp_path: Path, text: str, type_: str, actor: str
) -> None:
    assert one(events_of(store, tmp_path, text), type_).participants[0].name == actor


def test_what_was_said_is_dated_by_its_own_clause_else_by_the_report(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Tidewater Entertainment said on Friday that Moon Ha-rin signed in 2019. "
        "Baek Ji-hoon told reporters the two met in 2015."
    )
    events = [e for e in events_of(store, tmp_path, text) if e.type == "speech.statement"]
    assert {e.participants[0].name: e.time.value for e in events} == {
        "Tidewater Entertainment": "2024-05-17",  # the Friday before publication
        "Baek Ji-hoon": PUBLISHED,  # not 2015, a time of what was said
    }
    text = "On Friday, Kang Min-ho appeared on a talk show and said he was happy."
    events = [e for e in events_of(store, tmp_path, text) if e.type == "speech.statement"]
    assert {e.participants[0].name: e.time.value for e in events}["Kang Min-ho"] == "2024-05-17"
    text = "In a 2019 interview, Moon Ha-rin told Daily Seoul Pop that she was happy."
    events = [e for e in events_of(store, tmp_path, text) if e.type == "speech.statement"]
    assert {e.participants[0].name: e.time.value for e in events}["Moon Ha-rin"] == "2019"


def test_quotes_after_the_one_day_the_article_gives_its_speakers_are_of_that_day(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Moon Ha-rin will star in “Winter Lantern.” At a press conference Thursday, the cast "
        "spoke about the drama. “It was a joy,” Baek Ji-hoon said. “I cried,” Moon Ha-rin "
        "said. The drama airs in June."
    )
    events = [e for e in events_of(store, tmp_path, text) if e.type == "speech.statement"]
    assert {e.participants[0].name: e.time.value for e in events} == {
        "Baek Ji-hoon": "2024-05-16",
        "Moon Ha-rin": "2024-05-16",
    }


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # a day right after the verb of saying, however the parser hangs it
        (
            "Tidewater Entertainment said Thursday the upcoming album will have 10 tracks.",
            "2024-05-16",
        ),
        # the day of what it was said in
        (
            "In a press statement issued Monday, Tidewater Entertainment said the album was "
            "delayed.",
            "2024-05-20",
        ),
        # a participle of saying, in a dated clause
        ("In March, Moon Ha-rin came under fire for saying that she read the novel.", "2024-03"),
        # said for long, not on the day
        ("Moon Ha-rin has continuously denied the rumors.", None),
    ],
)
def test_what_was_said_is_dated_by_when_it_was_said(
    store: SQLiteStore, tmp_path: Path, text: str, when: str | None
) -> None:
    said = [e for e in events_of(store, tmp_path, text) if e.type.startswith("speech.")]
    assert said
    assert {e.time.value for e in said} == {when}


def test_an_acceptance_speech_is_of_the_ceremony_s_day(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Baek Ji-hoon won the grand prize at the Harbor Drama Awards, which was held on "
        "Friday. In his acceptance speech, he said, “I had a lot of worries.”"
    )
    assert one(events_of(store, tmp_path, text), "speech.statement").time.value == "2024-05-17"


def test_words_said_at_an_occasion_dated_before_are_of_its_day(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Baek Ji-hoon wrote a column on Friday. Moon Ha-rin joined a rally in Busan on "
        "Saturday. “We belong here,” Moon Ha-rin said during her speech at the rally."
    )
    statement = one(events_of(store, tmp_path, text), "speech.statement")
    assert statement.time.value == "2024-05-18"


def test_a_character_beside_its_actor_casts_the_actor_and_does_nothing_itself(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Tidewater's drama “Winter Lantern” topped the ratings on Sunday. The story follows "
        "Seo Ha-eun (Moon Ha-rin), a baker who hires Kang Tae-o (Baek Ji-hoon) and sends him a "
        "gift on his birthday."
    )
    events = events_of(store, tmp_path, text)
    cast = {tuple(p.name for p in e.participants) for e in events if e.type == "career.cast"}
    assert cast == {("Moon Ha-rin", "Winter Lantern"), ("Baek Ji-hoon", "Winter Lantern")}
    assert not [e for e in events if e.type == "personal.gift"], found(events)


@pytest.mark.parametrize(
    ("text", "participants", "time", "modality"),
    [
        # the film's release, with its director as the person
        (
            "Director Clara Vance's film “Winter Lantern” hits local theaters on June 26.",
            ["Clara Vance", "Winter Lantern"],
            "2024-06-26",
            "planned",  # after the report's day
        ),
        # a month without its year, of something still to come, is the next one
        (
            "Clara Vance's latest work “Winter Lantern” is set to be released in March.",
            ["Clara Vance", "Winter Lantern"],
            "2025-03",
            "planned",
        ),
        (
            "“Winter Lantern” (2019) was released on Netflix in March.",
            ["Winter Lantern"],
            "2024-03",
            "asserted",
        ),
    ],
)
def test_a_work_comes_out_by_its_maker_in_the_tense_of_the_text(
    store: SQLiteStore,
    tmp_path: Path,
    text: str,
    participants: list[str],
    time: str,
    modality: str,
) -> None:
    release = one(events_of(store, tmp_path, text), "career.release")
    assert [p.name for p in release.participants] == participants
    assert (release.time.value, release.modality) == (time, modality)


def test_a_winning_work_and_an_undated_prize_at_a_dated_ceremony(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "The drama “Winter Lantern” received the top prize at the 9th Harbor Drama Awards held "
        "in Seoul on Thursday. Actor Baek Ji-hoon was named best actor."
    )
    awards = [e for e in events_of(store, tmp_path, text) if e.type == "career.award"]
    assert {(tuple((p.role, p.name) for p in e.participants), e.time.value) for e in awards} == {
        ((("work", "Winter Lantern"), ("award", "Harbor Drama Awards")), "2024-05-16"),
        ((("person", "Baek Ji-hoon"), ("award", "Harbor Drama Awards")), "2024-05-16"),
    }


@pytest.mark.parametrize(
    "opening",
    [
        "The 9th Harbor Drama Awards on Thursday were a quiet affair.",
        "After winning fans abroad, Moon Ha-rin picked up a prize at the Harbor Drama Awards, "
        "the biggest awards show of the year, held on Thursday.",
    ],
)
def test_a_ceremony_dated_where_it_is_named_dates_its_prizes(
    store: SQLiteStore, tmp_path: Path, opening: str
) -> None:
    text = f"{opening} Actor Baek Ji-hoon was named best actor at the Harbor Drama Awards."
    awards = [e for e in events_of(store, tmp_path, text) if e.type == "career.award"]
    assert awards
    assert {e.time.value for e in awards} == {"2024-05-16"}


def test_a_work_named_with_its_year_dates_a_casting(store: SQLiteStore, tmp_path: Path) -> None:
    text = "Moon Ha-rin rose to fame after starring in the drama “Winter Lantern” (2018)."
    assert one(events_of(store, tmp_path, text), "career.cast").time.value == "2018"


def test_contracts_and_endorsements_name_the_person_whoever_signs(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Tidewater Entertainment renewed its contract with Moon Ha-rin on Friday. Blue Pine "
        "Cosmetics named Baek Ji-hoon as its new global ambassador."
    )
    events = events_of(store, tmp_path, text)
    assert [(p.role, p.name) for p in one(events, "career.contract").participants] == [
        ("person", "Moon Ha-rin"),
        ("org", "Tidewater Entertainment"),
    ]
    assert [(p.role, p.name) for p in one(events, "career.endorsement").participants] == [
        ("person", "Baek Ji-hoon"),
        ("org", "Blue Pine Cosmetics"),
    ]


def test_a_programme_listing_gives_no_events(store: SQLiteStore, tmp_path: Path) -> None:
    items = [
        f"{hour}.00-{hour + 1}.00 pm Radio Harbor Moon Ha-rin meets Baek Ji-hoon and takes calls."
        for hour in range(1, 7)
    ]
    assert events_of(store, tmp_path, " ".join(items)) == []
    assert events_of(store, tmp_path, items[0]) != []  # one such line is a sentence like any


def test_what_someone_is_said_to_have_said_is_their_statement_not_a_new_one(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = "Moon Ha-rin contends that Tidewater Entertainment told her the deal was signed."
    speakers = {
        e.participants[0].name
        for e in events_of(store, tmp_path, text)
        if e.type == "speech.statement"
    }
    assert speakers == {"Moon Ha-rin"}


def test_words_that_hope_were_still_said(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Speaking about Baek Ji-hoon, Moon Ha-rin said, “He is a lovely colleague. "
        "It would be great if we could film together.” “We hope to help the whole "
        "scene grow,” Lumina Entertainment said in a statement."
    )
    events = events_of(store, tmp_path, text)
    assert {e.modality for e in events if e.type == "speech.statement"} == {"asserted"}


def _awards(events: list[Event]) -> set[tuple[tuple[str, str], ...]]:
    return {
        tuple((p.role, p.name) for p in e.participants) for e in events if e.type == "career.award"
    }


def test_every_winner_an_award_list_names(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "The 9th Harbor Drama Awards were held in Seoul on Thursday. In the drama category, "
        "the best actor award went to Baek Ji-hoon of “Salt Road” and the best actress award "
        "to Moon Ha-rin of “Winter Lantern.” The best acting awards were given to actor Kang "
        "Min-jae and actress Seo Yu-na. The festival conferred the special award to Oh Tae-rim. "
        "The awards for best supporting actor and actress went to Ryu Jin-ho for “Glass Road” "
        "and Han Bo-ra for “Quiet Tide,” respectively. The best variety show award went to "
        "HBC variety show “Weekend Farm.” The popularity award went to several stars, "
        "including Lumina’s Jo Eun-bi, Yoon Ha-rin and Park Se-jin."
    )
    winners = {names[0] for names in _awards(events_of(store, tmp_path, text))}
    assert winners == {
        ("person", "Baek Ji-hoon"),
        ("person", "Moon Ha-rin"),
        ("person", "Kang Min-jae"),
        ("person", "Seo Yu-na"),
        ("person", "Oh Tae-rim"),
        ("person", "Ryu Jin-ho"),
        ("person", "Han Bo-ra"),
        ("work", "Weekend Farm"),
        ("person", "Jo Eun-bi"),
        ("person", "Yoon Ha-rin"),
        ("person", "Park Se-jin"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Harbor Drama Awards gave various awards to other actors from “Winter Lantern.”",
        "The grand prize of the Harbor Drama Awards was awarded to Baek Ji-hoon.",
    ],
)
def test_who_gives_a_prize_or_the_prize_itself_is_no_winner(
    store: SQLiteStore, tmp_path: Path, text: str
) -> None:
    winners = {names[0][1] for names in _awards(events_of(store, tmp_path, text))}
    assert winners <= {"Baek Ji-hoon"}


def test_the_one_ceremony_a_text_names_is_the_occasion_of_its_prizes(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Moon Ha-rin outshone Baek Ji-hoon at the 9th Harbor Drama Awards held at Coex in "
        "Seoul on Thursday. She thanked her fans. In the short drama section, the best actress "
        "award went to Seo Yu-na. The HDA gave its special award to Kang Min-jae."
    )
    events = events_of(store, tmp_path, text)
    assert _awards(events) == {
        (("person", "Seo Yu-na"), ("award", "Harbor Drama Awards")),
        (("person", "Kang Min-jae"), ("award", "Harbor Drama Awards")),
    }
    assert {e.time.value for e in events if e.type == "career.award"} == {"2024-05-16"}


def test_respectively_pairs_each_person_with_their_title(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Moon Ha-rin and Baek Ji-hoon starred in the drama “Winter Lantern” and the film "
        "“Salt Road (2021),” respectively. Kang Min-jae starred in the drama “Glass Road” "
        "and the film “Quiet Tide.”"
    )
    casts = {
        tuple(p.name for p in e.participants)
        for e in events_of(store, tmp_path, text)
        if e.type == "career.cast"
    }
    assert casts == {
        ("Moon Ha-rin", "Winter Lantern"),
        ("Baek Ji-hoon", "Salt Road"),
        ("Kang Min-jae", "Glass Road"),
        ("Kang Min-jae", "Quiet Tide"),
    }


@pytest.mark.parametrize(
    ("text", "concerts"),
    [
        ("Moon Ha-rin held her year-end concert in Seoul on Saturday.", 1),
        ("Tickets for Moon Ha-rin’s concert next month sold out in a minute.", 0),
        ("Moon Ha-rin cancelled 118 reservations for her concert.", 0),
    ],
)
def test_a_concert_is_reported_when_someone_holds_it(
    store: SQLiteStore, tmp_path: Path, text: str, concerts: int
) -> None:
    events = events_of(store, tmp_path, text)
    assert len([e for e in events if e.type == "career.concert"]) == concerts


def test_a_work_named_with_in_and_its_year_dates_a_casting(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = "Since the drama “Winter Lantern” in 2011, Moon Ha-rin has starred in many hits."
    assert one(events_of(store, tmp_path, text), "career.cast").time.value == "2011"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Actor Baek Ji-hoon held a fan meeting in Tokyo on Sunday. About 3,000 fans came. "
            "“I have never been this nervous,” Baek said.",
            "2024-05-19",
        ),
        (
            "Moon Ha-rin won the top prize at the ceremony on Saturday. “I will keep making "
            "films,” Moon said in Korean.",
            "2024-05-18",
        ),
        # no gathering of hers the article dates: said the day it reports
        ("Moon Ha-rin met Baek Ji-hoon on Saturday. “We are friends,” Moon said.", PUBLISHED),
    ],
)
def test_words_after_a_dated_gathering_of_the_speaker_were_said_there(
    store: SQLiteStore, tmp_path: Path, text: str, day: str
) -> None:
    assert one(events_of(store, tmp_path, text), "speech.statement").time.value == day


def test_a_participle_of_saying_is_the_askers_not_the_one_asked_for(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Dr Peter Vance was jailed on Monday. His lawyers have asked that he is kept on "
        "probation, saying he is serving “a lifetime sentence of self-punishment.”"
    )
    statements = [e for e in events_of(store, tmp_path, text) if e.type == "speech.statement"]
    assert not any(
        p.name == "Peter Vance" and p.role == "speaker" for e in statements for p in e.participants
    )
