"""Words that point back: pronouns, described nouns and epithets resolve to the most
salient entity that fits, and to nobody when two fit about equally."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.store import SQLiteStore

from .test_events import events_of, found, one


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        # "she" skips the man named last: the text called Moon an actress
        (
            "Actress Moon Ha-rin starred in the film with Baek Ji-hoon. She apologized on Friday.",
            "personal.apology",
            "Moon Ha-rin",
        ),
        # the article's subject, not a person named once in passing
        (
            "Moon Ha-rin won the Grand Prize. Moon Ha-rin thanked her fans. Moon Ha-rin then "
            "met director Clara Vance, who praised the film. She apologized to fans.",
            "personal.apology",
            "Moon Ha-rin",
        ),
        # a described noun means whom the text described so
        (
            "Baek Ji-hoon visited the clinic of his doctor, Clara Vance, on Friday. The doctor "
            "apologized on Saturday.",
            "personal.apology",
            "Clara Vance",
        ),
        # "the singer" is the singer, not the last person named
        (
            "Singer Moon Ha-rin was seen with actor Baek Ji-hoon in Jeju. The singer apologized "
            "on Friday.",
            "personal.apology",
            "Moon Ha-rin",
        ),
        # she is the actress, so "he" is the other one
        (
            "Actress Moon Ha-rin and Baek Ji-hoon met in 2015. The actress thanked fans, and "
            "he apologized on Friday.",
            "personal.apology",
            "Baek Ji-hoon",
        ),
    ],
)
def test_a_word_that_points_back_means_the_most_salient_fitting_entity(
    store: SQLiteStore, tmp_path: Path, text: str, type_: str, actor: str
) -> None:
    assert one(events_of(store, tmp_path, text), type_).participants[0].name == actor


@pytest.mark.parametrize(
    "text",
    [
        # two people named in the same way just before: "he" could be either
        "Baek Ji-hoon and Kang Do-yun met in Seoul on Friday. He apologized on Saturday.",
        # "the judge" is nobody the text called a judge
        "Singer Moon Ha-rin was seen with Baek Ji-hoon. The judge apologized on Friday.",
    ],
)
def test_a_word_that_could_mean_several_or_nobody_is_left_unresolved(
    store: SQLiteStore, tmp_path: Path, text: str
) -> None:
    assert not [e for e in events_of(store, tmp_path, text) if e.type == "personal.apology"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "he" never means a name his own clause goes on to use
        (
            "Singer Baek Ji-hoon died in 2023. His doctor, Kang Do-yun, was charged. "
            "In court, he said Baek Ji-hoon asked for the drug.",
            "Kang Do-yun",
        ),
        # the dead say nothing today: "he" is the other man
        (
            "Singer Baek Ji-hoon died in 2023. Kang Do-yun sang at the tribute. Baek Ji-hoon "
            "was a legend, he said.",
            "Kang Do-yun",
        ),
        # "he added" is who spoke just before, not the man the article is about
        (
            "Singer Peter Vance was arrested on Saturday. Peter Vance denied the charge. “Fans "
            "are divided,” said Kang Do-yun, a critic. Peter Vance's label did not answer. The "
            "case hurts Peter Vance, he added.",
            "Kang Do-yun",
        ),
        # a woman's title takes the woman among those who share the surname
        (
            "Peter Vance and his sister Clara Vance spoke in court on Monday. Ms Vance said "
            "the concert would go ahead.",
            "Clara Vance",
        ),
        # who the quote "he said" closes talks about is not who says it
        (
            "Host Kang Do-yun opened the gala. “No need to be sad. We will sing all of Peter "
            "Vance's songs tonight,” he said.",
            "Kang Do-yun",
        ),
        # a name the parser hangs on another as an apposition still says it
        (
            "Dr Peter Vance is accused of killing the singer. In a court session to discuss "
            "evidence in the case against Dr Peter Vance, Deputy District Attorney Tom Walsh "
            'said he believed defense lawyers were looking into the theory. " It is not true, '
            '" he said.',
            "Tom Walsh",
        ),
        # the name a sentence opens with says it, however the parser took the clause after
        (
            "Moon Ha-rin, who starred in the 2021 Netflix hit “Glass Road,” said she was drawn "
            "to the period setting.",
            "Moon Ha-rin",
        ),
        # not whom the words name: the agency says it, not the singer
        (
            "Baek Ji-hoon is a singer. On Oct. 12, Lumina Entertainment announced that Baek "
            "Ji-hoon will be suspending his activities, claiming the young singer is seeking "
            "treatment.",
            "Lumina Entertainment",
        ),
        # nor is anyone listed in a phrase of 'by' before the subject the parse missed
        (
            "The tribute concert will go ahead. But the event is opposed by brothers Oren and "
            "Tomas and some fans say the timing is wrong. Kang Do-yun said it was fine.",
            "Kang Do-yun",
        ),
        # "the star" of the gender her own clause gives her
        (
            "Singer Clara Vance and singer Peter Vance will host the gala. The singer said she "
            "was thrilled to be part of the show.",
            "Clara Vance",
        ),
        # a paper quoting a source is not the one speaking
        (
            "The Daily Harbor quoted a source as saying the deal was off. Yonhap quoted Kang "
            "Do-yun as saying the talks had failed.",
            "Kang Do-yun",
        ),
        # "he said" after a quote of several sentences: who spoke before it opened,
        # named in apposition to his description
        (
            "Dr Peter Vance arrived in court. Speaking before the hearing, the doctor's "
            'lawyer, Kang Do-yun, said the doctor was ready. " We will make bail. We will '
            'plead not guilty. And we will fight, " he said.',
            "Kang Do-yun",
        ),
        # quotes spaced on both sides, closed by a reporting clause
        (
            "Peter Vance faces a retrial. Dr Vance is looking forward to telling his side of "
            'the story, " defence lawyer Kang Do-yun said outside court.',
            "Kang Do-yun",
        ),
    ],
)
def test_a_speaker_is_who_the_words_allow(
    store: SQLiteStore, tmp_path: Path, text: str, speaker: str
) -> None:
    events = events_of(store, tmp_path, text)
    statements = [e for e in events if e.type == "speech.statement"]
    assert {e.participants[0].name for e in statements} == set(speaker.split("|"))


def test_a_pronoun_object_never_means_its_own_subject(store: SQLiteStore, tmp_path: Path) -> None:
    text = "Moon Ha-rin was seen with Baek Ji-hoon on Friday. Baek Ji-hoon later congratulated her."
    event = one(events_of(store, tmp_path, text), "personal.congratulate")
    assert [(p.role, p.name) for p in event.participants] == [
        ("agent", "Baek Ji-hoon"),
        ("target", "Moon Ha-rin"),
    ]


def test_a_noun_before_a_name_describes_it_and_points_nowhere(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = "Baek Ji-hoon met the late actress Moon Ha-rin in 2015, his agency said."
    events = events_of(store, tmp_path, text)
    meet = one(events, "personal.meet")
    assert [p.name for p in meet.participants] == ["Baek Ji-hoon", "Moon Ha-rin"], found(events)


def test_a_doctor_by_title_is_not_the_singer(store: SQLiteStore, tmp_path: Path) -> None:
    text = (
        "Dr Peter Vance treated Baek Ji-hoon. Dr Peter Vance was charged on Monday. "
        "Dr Peter Vance denied it. The coroner ruled the singer died from an overdose."
    )
    died = [e for e in events_of(store, tmp_path, text) if e.type == "bio.died"]
    assert [p.name for e in died for p in e.participants] in ([], ["Baek Ji-hoon"])


def test_a_death_by_a_shared_surname_is_the_article_s_subject(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Two of Peter Vance's brothers criticised a tribute concert to the singer in Cardiff. "
        "Tom and Ray Vance said it clashed with the trial. Vance died in June 2009 aged 50."
    )
    died = one(events_of(store, tmp_path, text), "bio.died")
    assert [p.name for p in died.participants] == ["Peter Vance"]


def test_a_word_that_is_one_surname_and_another_s_first_name_is_either(
    store: SQLiteStore, tmp_path: Path
) -> None:
    text = (
        "Edward Thomas farmed in Powys. Iris Abbott wants to trace her relatives in Tregaron. "
        "She will visit the area in late 2007. Her great-grandmother was Winifred Rees, born "
        "1838 in Tregaron. She married Thomas Bell from Leicestershire. They were married in "
        "1865. Thomas died in 1873 in Swansea."
    )
    died = one(events_of(store, tmp_path, text), "bio.died")
    assert [p.name for p in died.participants] == ["Thomas Bell"]
