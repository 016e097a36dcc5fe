"""Recognition: the rules before spaCy's NER, and the clean-up after it.

Texts are written for the tests (fictional people), in the shapes news uses.
"""

from __future__ import annotations

import pytest

from storyline.analyse.annotate import Annotation, Annotator, default_annotator, text_pieces


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return default_annotator()


def found(annotation: Annotation) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in annotation.mentions}


@pytest.mark.parametrize(
    "name",
    [
        "Baek Ji-hoon",
        "Baek Ji Hoon",
        "Moon Seul-gi",
        "Kwon Nayeon",
        "Yoo Joon-yeol",
        "Lim Young-dal",  # 'Young' is a syllable, not the start of a joined 'Yo|ung'
        "Lee Byoung-hun",
    ],
)
def test_romanised_korean_names(annotator: Annotator, name: str) -> None:
    annotation = annotator.annotate(f"Actor {name} met reporters in Busan on Monday.")
    assert (name, "person") in found(annotation)


def test_headline_words_and_possessives_stay_out_of_names(annotator: Annotator) -> None:
    text = "Moon Ha Rin Teases Fans\nFans loved Moon Ha Rin’s new photo of Baek Ji-hoon's dog."
    names = found(annotator.annotate(text))
    assert ("Moon Ha Rin", "person") in names and ("Baek Ji-hoon", "person") in names
    assert not any("Teases" in n or "’s" in n for n, _ in names)


def test_english_words_after_a_surname_are_no_name(annotator: Annotator) -> None:
    names = found(annotator.annotate("Park To Be Released on Friday, said the label."))
    assert not any(n.startswith("Park") for n, _ in names)


def test_stage_names_from_the_word_before_them(annotator: Annotator) -> None:
    text = "The drama also stars singer-turned-actor Dalbit. Kang's ex-girlfriend, Sorami, posted."
    names = found(annotator.annotate(text))
    assert ("Dalbit", "person") in names and ("Sorami", "person") in names


def test_titles_after_cues_quotes_and_lists(annotator: Annotator) -> None:
    text = (
        'She starred in the tvN drama "Winter Lantern." The "Salt Road" actress also sang '
        "songs such as “Paper Moon” and “Blue Hour.” The series titled The Long Harbor "
        'was cancelled. "We are sad," she said.'
    )
    works = {n for n, t in found(annotator.annotate(text)) if t == "work"}
    assert works >= {"Winter Lantern", "Salt Road", "Paper Moon", "Blue Hour", "The Long Harbor"}
    assert "We are sad" not in works


def test_events_orgs_platforms_and_accounts(annotator: Annotator) -> None:
    text = (
        "Baek Ji-hoon won at the 2025 Blue Crane Film Awards and thanked Tidewater Pictures "
        "on Instagram (@jihoon.baek) and YouTube. Studio Maru released the film."
    )
    names = found(annotator.annotate(text))
    assert {
        ("2025 Blue Crane Film Awards", "event"),
        ("Tidewater Pictures", "org"),
        ("Instagram", "org"),
        ("YouTube", "org"),
        ("@jihoon.baek", "account"),
        ("Studio Maru", "org"),
    } <= names


def test_award_categories_and_nationalities_are_no_entities(annotator: Annotator) -> None:
    text = (
        "When Moon Ha-rin won Best Actress at the 2024 Harbor Asian Music Awards, the Korean "
        "press cheered. Best Music went to Dalbit and Artist of the Year to the Best Male Group. "
        "The Male Solo award went to Baek Ji-hoon."
    )
    names = found(annotator.annotate(text))
    assert ("2024 Harbor Asian Music Awards", "event") in names
    assert not {n for n, _ in names} & {
        "Best Actress",
        "Korean",
        "Harbor Asian Music",
        "Best Music",
        "Artist of the Year",
        "Best Male Group",
        "The Male Solo award",
        "Male Solo",
    }


def test_a_listing_genre_is_no_work_but_an_album_of_its_name_is(annotator: Annotator) -> None:
    listing = "Harbor Lights Opened May 16. Thriller. Drama. Directed by Kang Do-yun."
    assert not {n for n, _ in found(annotator.annotate(listing))} & {"Thriller", "Drama"}
    album = "Moon Ha-rin sang songs from her album Thriller at the concert."
    assert ("Thriller", "work") in found(annotator.annotate(album))


def test_a_member_of_a_group_with_a_name_of_words(annotator: Annotator) -> None:
    text = (
        "Dalbit of Silver Tide and Yeon of 2NE9 spoke at the rally. The Mayor of Seoul and "
        "the Bank of Korea did not. Silver Tide members cheered."
    )
    names = found(annotator.annotate(text))
    assert {("Dalbit", "person"), ("Silver Tide", "org"), ("Yeon", "person")} <= names
    assert ("Mayor", "person") not in names


def test_a_title_ends_where_its_quote_does(annotator: Annotator) -> None:
    text = (
        "The two met later in 2011, when Lee made an appearance in Dalbit’s music video, “You "
        "and I.” Dalbit made her debut in 2008 with single “Lost Child,” and rose to stardom "
        "after releasing her first studio album “Growing Up” in 2009."
    )
    names = {n for n, t in found(annotator.annotate(text)) if t == "work"}
    assert not any("”" in n for n in names)


def test_a_quoted_word_with_its_year_is_a_title(annotator: Annotator) -> None:
    text = "The prize went to Kang Do-yun for “Lanterns (2013).” He only said “Thanks.”"
    works = {n for n, t in found(annotator.annotate(text)) if t == "work"}
    assert works == {"Lanterns"}


def test_a_title_alone_is_no_name(annotator: Annotator) -> None:
    text = (
        "And Otto Vance, Director General of the Harbor Insurers, spoke. The General "
        "Secretary of the Unite union, Ann Hale, agreed."
    )
    names = {n for n, _ in found(annotator.annotate(text))}
    assert "Ann Hale" in names and not names & {"General", "General Secretary", "Secretary"}


def test_a_quote_closed_without_a_full_stop_ends_its_sentence(annotator: Annotator) -> None:
    text = (
        'Henry Cole said he is ready for a media " circus " Instead, Judge Ann Hale told '
        'them to " keep an open mind ". The song " He Is " came out.'
    )
    annotation = annotator.annotate(text)
    sentences = [text[s.start : s.end] for s in annotation.sentences]
    assert sentences[0].endswith('circus "') and sentences[1].startswith("Instead")
    assert 'The song " He Is " came out.' in sentences


def test_two_names_a_caption_runs_together_are_two(annotator: Annotator) -> None:
    text = (
        "Henry Cole died in May. Peter Vance was his doctor. The family trusted the skills "
        'of Peter Vance Cole " died so suddenly ", the lawyer said. Mary Anne Cole spoke.'
    )
    names = [m.text for m in annotator.annotate(text).mentions if m.type == "person"]
    assert "Peter Vance Cole" not in names and names.count("Peter Vance") == 2
    assert "Mary Anne Cole" in names  # no full name of the document ends it


def test_a_straight_quote_after_a_word_closes(annotator: Annotator) -> None:
    text = 'Dalbit smiled. "We did it," she said." According to Dalbit, "Lost Child" sold well.'
    works = {n for n, t in found(annotator.annotate(text)) if t == "work"}
    assert not any("According" in n for n in works)


def test_a_single_name_where_only_a_place_can_stand_is_a_place(annotator: Annotator) -> None:
    text = (
        "Peter Vance, born Llanwyddan in 1890, lived near Tonypandy. His wife was born in "
        "Cwmbrenin and grew up in Co. Dunmore. He wrote to Kang near Kang's house."
    )
    names = found(annotator.annotate(text))
    assert {n for n, t in names if t == "place"} >= {"Llanwyddan", "Tonypandy", "Cwmbrenin"}
    assert ("Kang", "place") not in names


def test_adjectives_made_from_names_keep_only_the_name(annotator: Annotator) -> None:
    text = "The Seoul-based label signed the Oscar-winning director Baek Ji-hoon."
    names = {n for n, _ in found(annotator.annotate(text))}
    assert "Seoul" in names and not any(n.endswith(("-based", "-winning")) for n in names)


def test_quotes_listed_beside_a_title_are_titles(annotator: Annotator) -> None:
    text = (
        "He produced songs like “Paper Moon” by Dalbit, as well as several numbers for "
        "the band such as “Blue Hour” and “Kite.”"
    )
    works = {n for n, t in found(annotator.annotate(text)) if t == "work"}
    assert works >= {"Paper Moon", "Blue Hour", "Kite"}


def test_one_type_per_spelling_and_every_occurrence(annotator: Annotator) -> None:
    text = (
        "Ryu's ex-lover, Sorami, posted a photo. Later Sorami deleted it. Sorami declined "
        "to comment."
    )
    sorami = [m for m in annotator.annotate(text).mentions if m.text == "Sorami"]
    assert len(sorami) == 3 and {m.type for m in sorami} == {"person"}


def test_sentences_break_at_lines_and_never_inside_a_name(annotator: Annotator) -> None:
    text = "A heading without a stop\nShe tagged Han So Hee’s account. Then she left."
    annotation = annotator.annotate(text)
    sentences = [text[s.start : s.end] for s in annotation.sentences]
    assert sentences[0] == "A heading without a stop"
    assert any("Han So Hee’s account" in s for s in sentences)
    for mention in annotation.mentions:
        sentence = annotation.sentences[mention.sentence]
        assert sentence.start <= mention.start and mention.end <= sentence.end


def test_offsets_index_the_text(annotator: Annotator) -> None:
    text = "Moon Ha-rin and Baek Ji-hoon met at the 2024 Cannes Film Festival."
    for mention in annotator.annotate(text).mentions:
        assert text[mention.start : mention.end] == mention.text


def test_a_long_text_is_parsed_in_pieces_with_its_offsets_kept(annotator: Annotator) -> None:
    paragraphs = [
        f"Actress Baek Ji-hoon met director Moon Seul-gi in Seoul on day {n}. "
        f"Singer Kwon Nayeon joined them later, her agency Blue Pine Entertainment said."
        for n in range(12)
    ]
    text = "\n\n".join(paragraphs)
    whole = annotator.annotate(text)
    pieces = Annotator(piece_chars=400).annotate(text)
    assert pieces.doc is not None and pieces.doc.text == text
    assert pieces.sentences == whole.sentences
    assert pieces.mentions == whole.mentions
    assert {m.text for m in pieces.mentions} >= {"Baek Ji-hoon", "Kwon Nayeon"}


def test_text_pieces_join_back_and_prefer_paragraph_breaks() -> None:
    text = "One two three.\n\nFour five six. Seven eight nine ten.\nEleven " + "x" * 30
    pieces = text_pieces(text, 20)
    assert "".join(pieces) == text and all(len(p) <= 20 for p in pieces)
    assert pieces[0] == "One two three.\n\n"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Kim sang well, according to his agency Tidemark.", "Tidemark", "org"),
        ("The members of K-pop band Lumivale donated masks.", "Lumivale", "org"),
        ("Singer Hanbyeol and rapper Doyun performed.", "Doyun", "person"),
        ("They walked from Hwaseo Station to Bongmyeong-dong.", "Hwaseo Station", "place"),
        ("They walked from Hwaseo Station to Bongmyeong-dong.", "Bongmyeong-dong", "place"),
        # names of people that end like places stay people
        ("Actor Sol Kyung-gu and Jay Park met the press.", "Sol Kyung-gu", "person"),
        ("Actor Sol Kyung-gu and Jay Park met the press.", "Jay Park", "person"),
        ("The Korean Film Council said attendance rose.", "Korean Film Council", "org"),
    ],
)
def test_the_words_beside_a_name_say_what_it_is(
    annotator: Annotator, text: str, name: str, type_: str
) -> None:
    assert (name, type_) in found(annotator.annotate(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "K-pop boy group Tidal Nine’s Haneul, Seojun and Doha spoke out on social media.",
            {("Tidal Nine", "org"), ("Haneul", "person"), ("Seojun", "person"), ("Doha", "person")},
        ),
        (
            "Stars including CL of 4TUNE and Rami of GLOWA voiced support.",
            {("CL", "person"), ("4TUNE", "org"), ("GLOWA", "org")},
        ),
        # a name ends on a name, and closes what it opens
        ("Fans gathered at Hwaseo Station and the plaza.", {("Hwaseo Station", "place")}),
    ],
)
def test_groups_their_members_and_where_names_end(
    annotator: Annotator, text: str, names: set[tuple[str, str]]
) -> None:
    assert names <= found(annotator.annotate(text))


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("“Weekend Farm,” released on May 9, drew 2 million viewers.", "Weekend Farm"),
        ("Baek Ji-hoon starred in the drama “Kang Min-jae” last year.", "Kang Min-jae"),
        ("Moon Ha-rin starred in “Salt Road (2021).”", "Salt Road"),
        ("The best actress award went to Seo Yu-na of “Geneva.”", "Geneva"),
    ],
)
def test_what_a_quote_holds_alone_is_a_title(annotator: Annotator, text: str, work: str) -> None:
    assert (work, "work") in found(annotator.annotate(text))


def test_a_nickname_in_quotes_is_no_title(annotator: Annotator) -> None:
    text = "Fans gave Moon Ha-rin the nickname “Nation's Little Sister” years ago."
    assert not any(kind == "work" for _, kind in found(annotator.annotate(text)))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The show aired live on state broadcaster HBC on Friday.", "HBC", "org"),
        ("Veteran broadcaster Oh Tae-rim hosted the show.", "Oh Tae-rim", "person"),
        ("Bora Brewery hired Baek Ji-hoon as its model.", "Bora Brewery", "org"),
        (
            "The agency said Jinjin, Cha Min-jun, Moonbin and Sanha renewed their contracts.",
            "Jinjin",
            "person",
        ),
    ],
)
def test_a_name_takes_the_type_its_neighbours_give_it(
    annotator: Annotator, text: str, name: str, kind: str
) -> None:
    assert (name, kind) in found(annotator.annotate(text))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "The Film Critics Association of Korea named its winners.",
            "Film Critics Association of Korea",
            "org",
        ),
        ("Tidewater Entertainment of Korea signed her.", "Tidewater Entertainment", "org"),
        ("As Bluebird’s vocalist Oh Tae-rim put it, the song is old.", "Bluebird", "org"),
    ],
)
def test_a_body_s_name_and_a_band_by_its_member(
    annotator: Annotator, text: str, name: str, kind: str
) -> None:
    assert (name, kind) in found(annotator.annotate(text))


def test_a_law_is_no_organisation(annotator: Annotator) -> None:
    text = "The Harbor Youth Protection Act was revised on Monday."
    assert not any("Act" in name for name, _ in found(annotator.annotate(text)))


def test_a_given_name_and_a_surname_is_a_person(annotator: Annotator) -> None:
    text = "Two of Peter Vance's brothers criticised a Peter Vance tribute concert."
    assert ("Peter Vance", "person") in found(annotator.annotate(text))
    assert ("Two", "person") not in found(annotator.annotate(text))


def test_the_letter_of_a_hyphenated_word_is_no_group(annotator: Annotator) -> None:
    text = "Haneul and Doha of K-pop band Tidal Nine released an EP. Member V of Lumina sang."
    names = found(annotator.annotate(text))
    assert ("K", "org") not in names
    assert ("Tidal Nine", "org") in names


def test_a_known_name_goes_on_with_a_letter_of_its_own(annotator: Annotator) -> None:
    names = found(annotator.annotate("Kakao M said Friday. Fans watched it on Naver V Live."))
    assert ("Kakao M", "org") in names and ("Naver V", "org") not in names


def test_prizes_peoples_and_a_doubled_headline_name(annotator: Annotator) -> None:
    text = (
        "Peter Vance Peter Vance sang in Cardiff. Moon Ha-rin won the Golden Crane Award at "
        "the Harbor Film Festival. Pacific Islander groups rallied. The show opens in Cardiff "
        "Organisers said 40,000 tickets were sold. Grandpa did tell me his name."
    )
    names = found(annotator.annotate(text))
    assert ("Peter Vance", "person") in names
    assert ("Harbor Film Festival", "event") in names
    assert not {n for n, _ in names} & {
        "Peter Vance Peter Vance",
        "Golden Crane Award",
        "Pacific Islander",
        "Cardiff Organisers",
        "Grandpa",
    }
