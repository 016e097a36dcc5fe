"""Rules before the statistical NER: they preset the entities rules are sure of
(romanised Korean names by their shape, stage names after cue words, titles after
cues, named events, organisations by suffix, known outlets and platforms, @accounts),
and the NER keeps them and labels the rest."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from storyline.analyse.annotate.cues import (
    ACCOUNT_PATTERN,
    ARTICLES,
    AWARD_CATEGORY,
    BY_PERSON_VERBS,
    CLOSE_QUOTES,
    EVENT_HEADS,
    EVENT_NAMES,
    GROUP_CUES,
    KNOWN_ORGS,
    LIST_OPENERS,
    LISTING_ENTRY,
    NATIONALITIES,
    NOT_NAME_WORDS,
    NOT_NAMES,
    NOT_WORK_CUES,
    OPEN_QUOTES,
    ORG_CUES,
    ORG_HEADS,
    ORG_PREFIXES,
    PERSON_CUES,
    RULE_SPANS,
    TITLE_CONNECTORS,
    WORK_CUES,
    WORK_FOLLOWERS,
    WORK_VERBS_IN,
)
from storyline.analyse.annotate.repairs import glued_hyphen
from storyline.analyse.names import (
    ENGLISH_SYLLABLES,
    KOREAN_SURNAMES,
    is_syllable,
    is_two_syllables,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def preset_rule_entities(doc: Doc) -> Doc:
    """Preset the entities rules are sure of; the statistical NER keeps them and
    labels the rest. Earlier finders win where spans overlap."""
    from spacy.util import filter_spans

    found: list[Span] = []
    finders = (
        _listing_titles,
        _accounts,
        _works,  # before names: the drama "Jeong Do-jeon" is a title
        _korean_names,
        _events,  # before _orgs: the "Music" of "Mnet Asian Music Awards" is no company
        _orgs,
        _known_names,
        _cued,
        _member_of_group,
    )
    for finder in finders:
        taken = {t.i for span in found for t in span}
        found.extend(s for s in finder(doc) if not taken.intersection(range(s.start, s.end)))
    preset = filter_spans(found)
    doc.set_ents(preset, default="unmodified")
    # a list, not a set: documents travel between processes as msgpack
    doc.user_data[RULE_SPANS] = [[span.start, span.end] for span in preset]
    return doc


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _listing_titles(doc: Doc) -> Iterator[Span]:
    """'The Grand Heist (Korea)\nOpened Aug. 8': the title of a listing's entry."""
    for match in LISTING_ENTRY.finditer(doc.text):
        group = "title" if match.group("title") else "runon"
        span = doc.char_span(match.start(group), match.end(group), label="WORK_OF_ART")
        if span is not None:
            yield span


def _is_title(token: Token) -> bool:
    text = token.text
    return len(text) > 1 and text[0].isupper() and text[1:].islower() and text.isalpha()


def _is_name_token(token: Token) -> bool:
    """'Hyeri', 'IU', 'BTS', 'aespa' is not (lower case), 'The' is not."""
    text = token.text
    if text in NOT_NAMES or not text[:1].isupper() or not text.replace("-", "").isalnum():
        return False
    return (text.isupper() and len(text) <= 6) or _is_title(token) or token.tag_ in {"NNP", "NNPS"}


def _accounts(doc: Doc) -> Iterator[Span]:
    for token in doc:
        if ACCOUNT_PATTERN.fullmatch(token.text):
            yield _span(doc, token.i, token.i + 1, "ACCOUNT")


def _korean_names(doc: Doc) -> Iterator[Span]:
    """Surname + given name: 'Han So-hee', 'Song Hye Kyo', 'Shim Nayeon'."""
    n = len(doc)
    for token in doc:
        i = token.i
        if token.text not in KOREAN_SURNAMES or i + 1 >= n or token.whitespace_ != " ":
            continue
        first = doc[i + 1]
        if not (_is_title(first) and is_syllable(first.text)):
            # not when a hyphen follows: the NER's 'Young-woong' mends whole, later
            if _is_joined_given_name(first) and not (i + 3 < n and glued_hyphen(doc, i + 2)):
                yield _span(doc, i, i + 2, "PERSON")
            continue
        # hyphenated: So - hee
        if i + 3 < n and doc[i + 2].text in {"-", "‐", "‑"} and not first.whitespace_:
            second = doc[i + 3]
            if not doc[i + 2].whitespace_ and second.text.isalpha() and is_syllable(second.text):
                yield _span(doc, i, i + 4, "PERSON")
            continue
        # spaced: So Hee
        if i + 2 < n and first.whitespace_ == " ":
            second = doc[i + 2]
            both_english = {first.lower_, second.lower_} <= ENGLISH_SYLLABLES
            hyphen_follows = i + 3 < n and doc[i + 3].text == "-" and not second.whitespace_
            if (
                _is_title(second)
                and is_syllable(second.text)
                and not both_english
                and not hyphen_follows
            ):
                yield _span(doc, i, i + 3, "PERSON")


def _is_joined_given_name(token: Token) -> bool:
    text = token.text
    return (
        _is_title(token)
        and is_two_syllables(text)
        and not text.endswith("ing")
        and token.tag_ in {"NNP", "NNPS"}
    )


# One phrase matcher per vocabulary (that is, per loaded pipeline).
_MATCHERS: dict[int, Any] = {}


def _phrase_matcher(doc: Doc) -> Any:
    import spacy
    from spacy.matcher import PhraseMatcher

    matcher = _MATCHERS.get(id(doc.vocab))
    if matcher is None:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        tokenizer = spacy.blank("en", vocab=doc.vocab).tokenizer
        matcher.add("ORG", [tokenizer(name) for name in KNOWN_ORGS])
        matcher.add("EVENT", [tokenizer(name) for name in EVENT_NAMES])
        _MATCHERS[id(doc.vocab)] = matcher
    return matcher


def _known_names(doc: Doc) -> Iterator[Span]:
    matcher = _phrase_matcher(doc)
    for match_id, start, end in matcher(doc):
        yield _span(doc, start, _with_letter(doc, end), doc.vocab.strings[match_id])


def _with_letter(doc: Doc, end: int) -> int:
    """'Kakao M', 'Studio S': a known name goes on with a capital letter of its own."""
    letter = end < len(doc) and re.fullmatch(r"[B-HJ-Z]", doc[end].text) is not None
    if not letter or not doc[end - 1].whitespace_:
        return end
    # not the first letter of another name: "Naver V Live" is Naver's V Live
    starts_another = end + 1 < len(doc) and doc[end + 1].text[:1].isupper()
    return end if starts_another else end + 1


def _name_run_start(doc: Doc, end: int, limit: int = 4) -> int:
    """Start of the name-like tokens that end at `end` (exclusive): 'Baeksang Arts' of
    'Baeksang Arts Awards', 'C-JeS' and '9ato' of 'C-JeS Studio', '9ato Entertainment'."""
    start = end
    while start > 0 and end - start < limit:
        token = doc[start - 1]
        alnum_with_digit = token.text[:1].isdigit() and token.text.isalnum() and not token.like_num
        glued = token.text in {"-", "&", "."} and start >= 2 and not token.whitespace_
        # "Korean" alone is no name, but the "Korean Film Council" is one
        nationality = token.text in NATIONALITIES and start < end
        if not (_is_name_token(token) or alnum_with_digit or glued or nationality):
            break
        start -= 1
    while start < end and not doc[start].text[:1].isalnum():
        start += 1
    return start


_YEAR_OR_ORDINAL = re.compile(r"(?:19|20)\d\d|\d+(?:st|nd|rd|th)")


def _events(doc: Doc) -> Iterator[Span]:
    """'2023 Baeksang Arts Awards', 'the 77th Cannes Film Festival'."""
    for token in doc:
        if token.text not in EVENT_HEADS:
            continue
        start = _name_run_start(doc, token.i)
        if start == token.i:
            continue
        if start > 0 and _YEAR_OR_ORDINAL.fullmatch(doc[start - 1].text):
            start -= 1
            # "the Nanjing 2014 Summer Youth Olympic Games": a name before the year too
            before = _name_run_start(doc, start, limit=2)
            while before < start and (doc[before].is_stop or doc[before].text in NOT_NAMES):
                before += 1
            start = before
        if not AWARD_CATEGORY.search(doc[start : token.i + 1].text):
            yield _span(doc, start, token.i + 1, "EVENT")


def _orgs(doc: Doc) -> Iterator[Span]:
    """'C-JeS Studio', '9ato Entertainment', 'Studio Dragon'; 'Gold Medalist' is left
    to the NER."""
    for token in doc:
        if token.text in ORG_HEADS:
            start = _name_run_start(doc, token.i)
            if start < token.i:
                if not AWARD_CATEGORY.search(doc[start : token.i + 1].text):
                    yield _span(doc, start, _of_where(doc, token), "ORG")
            elif token.text in ORG_PREFIXES:
                end = _name_run_end(doc, token.i + 1, limit=2)
                if end > token.i + 1:
                    yield _span(doc, token.i, end, "ORG")


# Heads of bodies whose name goes on to say where: "Democratic Party of Korea",
# "Record Label Industry Association of Korea" (but "SM Entertainment of Korea" is SM).
_BODIES = frozenset(
    "Association Federation Party Council Committee Commission Institute University Union "
    "Foundation Bureau Ministry Academy Society League Chamber Corporation".split()
)


def _of_where(doc: Doc, head: Token) -> int:
    """Where the name of the body `head` ends: after an 'of' and up to two capitalised
    words ('of Korea', 'of South Korea'), else at the head."""
    end = head.i + 1
    if head.text not in _BODIES or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return end
    place = end + 1
    while place < min(len(doc), end + 3) and _is_title(doc[place]):
        place += 1
    return place if place > end + 1 else end


def _works(doc: Doc) -> Iterator[Span]:
    """Titles in quotes after a cue word (tvN drama "Queen of Tears."), quoted titles
    followed by a role or a year (the "The Glory" actress, "Thirst" (2009)), the rest
    of a list the first title opens (songs such as "A" and "B"), and 'drama titled
    The Price of …'. A second pass takes quoted titles found once as titles everywhere,
    and quotes a sentence that names works lists after 'such as' or 'like'."""
    found = list(_works_pass(doc, frozenset(), frozenset()))
    known = frozenset(span.text for span in found)
    yield from found
    if known:
        seen = {(span.start, span.end) for span in found}
        sentences = frozenset(span.sent.start for span in found)
        again = _works_pass(doc, known, sentences)
        yield from (s for s in again if (s.start, s.end) not in seen)


def _works_pass(doc: Doc, known: frozenset[str], work_sentences: frozenset[int]) -> Iterator[Span]:
    previous_end = -1
    for token in doc:
        if token.i < previous_end:
            continue
        if token.text in OPEN_QUOTES and not _closes(doc, token.i):
            listed = _continues_list(doc, previous_end, token.i) or (
                token.sent.start in work_sentences and _follows_list_opener(doc, token.i)
            )
            found = _quoted_title(doc, token.i, listed=listed, known=known)
            if found is not None:
                span, previous_end = found
                yield span
        elif token.lower_ == "titled" and token.i + 1 < len(doc):
            end = _title_run_after(doc, token.i + 1)
            if end > token.i + 1:
                yield _span(doc, token.i + 1, end, "WORK_OF_ART")


def _closes(doc: Doc, i: int) -> bool:
    """A straight quote right after a word closes a quote ('… he said." According to'),
    whatever the quote before it was."""
    return (
        doc[i].text in {'"', "'"}
        and i > 0
        and not doc[i - 1].whitespace_
        and doc[i - 1].text not in "([{"
    )


def _follows_list_opener(doc: Doc, open_i: int) -> bool:
    """'… such as “', '… like “', '… including “'."""
    before = [t.lower_ for t in doc[max(open_i - 2, 0) : open_i]]
    return bool(before) and (before[-1] in {"like", "including"} or before == ["such", "as"])


def _continues_list(doc: Doc, previous_end: int, open_i: int) -> bool:
    """Only commas, 'and'/'or' and a (year) between the last title and this quote."""
    if previous_end < 0 or open_i - previous_end > 6:
        return False
    between = [t.text for t in doc[previous_end:open_i]]
    return all(
        t in {",", "and", "or", "(", ")", "’", "”", '"', "'"} or re.fullmatch(r"\d{4}", t)
        for t in between
    )


def _quoted_title(
    doc: Doc, open_i: int, *, listed: bool, known: frozenset[str]
) -> tuple[Span, int] | None:
    """The title inside the quote that opens at `open_i`, and where the quote ends."""
    opener = doc[open_i].text
    # a typo'd closing quote ("Shoplifters.“) closes as well
    closers = {OPEN_QUOTES[opener], opener}
    last = min(len(doc), open_i + 14)
    close_i = next((j for j in range(open_i + 1, last) if doc[j].text in closers), None)
    if close_i is None:
        return None
    inner = doc[open_i + 1 : close_i].text.rstrip(".,;:")
    if not (
        listed
        or inner in known
        or _DATED_TITLE.search(inner)  # “Snowpiercer (2013)”
        or _has_work_cue(doc, open_i, close_i)
        or (_title_cased(inner) and not _not_a_title(doc, open_i))
    ):
        return None
    start, end = open_i + 1, close_i
    paren = next((j for j in range(start, end) if doc[j].text == "("), None)
    if paren is not None and (
        ")" not in doc[paren:end].text
        or doc[paren + 1].lower_ in {"feat", "feat.", "ft", "ft.", "with", "prod"}
        or re.fullmatch(r"(?:19|20)\d\d", doc[paren + 1].text)
    ):
        end = paren  # "People Pt. 2 (feat. IU)"; "The Attorney (2013)" is "The Attorney"
    while end > start and doc[end - 1].text in {".", ",", ";", ":"}:
        end -= 1
    if end <= start or not (doc[start].text[:1].isupper() or doc[start].like_num):
        return None
    return _span(doc, start, end, "WORK_OF_ART"), close_i + 1


_DATED_TITLE = re.compile(r"^[A-Z0-9][^()]*\s\((?:19|20)\d\d\)$")


def _title_cased(inner: str) -> bool:
    """'Boomerang Family', 'It's Okay, That's Love', 'I Hear Your Voice': two words or
    more, each capitalised but the small ones; not a sentence someone said."""
    words = inner.split()
    return 2 <= len(words) <= 8 and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_CONNECTORS for w in words
    )


def _not_a_title(doc: Doc, open_i: int) -> bool:
    """The nickname "Nation's Little Sister", the hashtag "Stop Asian Hate"."""
    before = [t.lower_ for t in doc[max(open_i - 3, 0) : open_i]]
    return any(word in NOT_WORK_CUES for word in before)


def _has_work_cue(doc: Doc, open_i: int, close_i: int) -> bool:
    before = [t.lower_ for t in doc[max(open_i - 5, 0) : open_i]][::-1]
    while len(before) > 1 and before[0] in LIST_OPENERS:
        before = before[1:]  # songs such as "…"
    word = before[0] if before else ""
    if word in NOT_WORK_CUES:
        return False
    after = [t.lower_ for t in doc[close_i + 1 : close_i + 6]]
    return bool(
        word in WORK_CUES
        or (word in {"'s", "’s", "'", "’"} and len(before) > 1 and before[1] in WORK_CUES)
        or (word == "in" and len(before) > 1 and before[1] in WORK_VERBS_IN)
        or (after and after[0] in WORK_FOLLOWERS)
        or _described_as_work(after)
        or (len(after) >= 2 and after[0] == "(" and re.fullmatch(r"(?:19|20)\d\d", after[1]))
        or (len(after) >= 2 and after[0] == "by" and doc[close_i + 2].text[:1].isupper())
    )


def _described_as_work(after: list[str]) -> bool:
    """'"Sweet Home," a popular monster horror series': an appositive that says what it is."""
    words = after[1:] if after[:1] == [","] else after
    if not words or words[0] not in ARTICLES:
        return False
    for word in words[1:]:
        if word in WORK_CUES:
            return True
        if not word.isalpha():
            return False
    return False


def _title_run_after(doc: Doc, start: int, limit: int = 8) -> int:
    """End of a Title Case run: 'The Price of Confession'; connectors only inside."""
    end = start
    last_name = start
    while end < len(doc) and end - start < limit:
        token = doc[end]
        if token.text[:1].isupper() or token.like_num:
            end += 1
            last_name = end
        elif token.lower_ in TITLE_CONNECTORS and end > start:
            end += 1
        else:
            break
    return last_name


def _cued(doc: Doc) -> Iterator[Span]:
    """A name right after a role or relation word: 'singer-turned-actor Hyeri', "Ryu
    Jun-yeol's ex-lover, Hyeri", 'French actor Vincent Lindon'; after a title, 'by'
    and its artist ("Wine" by Suran); group names after 'group' or 'band'."""
    n = len(doc)
    for token in doc:
        cue = token.lower_
        before = doc[token.i - 1] if token.i > 0 else None
        by_person = (
            cue == "by"
            and before is not None
            and (before.text in CLOSE_QUOTES or before.lower_ in BY_PERSON_VERBS)
        )
        if by_person or cue in PERSON_CUES:
            label = "PERSON"
            if cue in ORG_CUES and token.i + 1 < n and doc[token.i + 1].text.isupper():
                label = "ORG"  # "broadcaster Song Hae", but "state broadcaster CCTV"
        elif cue in GROUP_CUES:
            label = "ORG"
        else:
            continue
        i = token.i + 1
        if i < n and doc[i].text == "," and label == "PERSON":
            i += 1
        end = _name_run_end(doc, i, limit=3 if label == "PERSON" else 2)
        if i < n and doc[i].text in NOT_NAME_WORDS:
            continue  # 'star Award', 'actor American …'

        if end > i and not (end == i + 1 and doc[i].text in KOREAN_SURNAMES):
            yield _span(doc, i, end, label)  # "actor Kim" alone is a short form: resolved later
            if label == "ORG":
                yield from _members_after(doc, end)


def _members_after(doc: Doc, end: int) -> Iterator[Span]:
    """ "boy group Super Junior's Siwon, Yesung and Donghae": the group's members, each
    a single name after its possessive."""
    if end + 1 >= len(doc) or doc[end].text not in {"'s", "’s"}:
        return
    i = end + 1
    while i < len(doc) and _is_name_token(doc[i]) and doc[i].text not in NOT_NAME_WORDS:
        yield _span(doc, i, i + 1, "PERSON")
        i += 1
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i < len(doc) and doc[i].lower_ == "and":
            i += 1


def _member_of_group(doc: Doc) -> Iterator[Span]:
    """'Suga of BTS', 'CL of 2NE1', 'Tablo of Epik High', 'Kyuhyun of Super Junior': a
    single name, then 'of' and a group's name (in capitals, beginning with a digit, or
    of up to three capitalised words); the group too. Not 'Mayor of Seoul' nor 'Bank of
    Korea': the first word is no title or company."""
    text: str | None = None  # doc.text joins every token: once, when needed
    for token in doc[1:-1]:
        name = doc[token.i - 1]
        first = doc[token.i + 1]
        group = first.text
        if not (
            token.lower_ == "of"
            and _is_name_token(name)
            and (not name.text.isupper() or len(name.text) <= 2)  # "CL of 2NE1"
            and name.text not in ORG_HEADS
            and name.text not in NOT_NAME_WORDS
            and name.lower_ not in _QUANTIFIERS  # "Two of Michael Jackson's brothers"
            and (token.i < 2 or not _is_name_token(doc[token.i - 2]))
        ):
            continue
        if token.i + 2 < len(doc) and glued_hyphen(doc, token.i + 2):
            # "Sanha of K-pop band Astro": the "K" of a word; the group is named after it
            if token.i + 4 < len(doc) and doc[token.i + 4].lower_ in GROUP_CUES:
                yield _span(doc, name.i, name.i + 1, "PERSON")
            continue
        if group.isupper() or (group[:1].isdigit() and group.isalnum()):  # GOT7, 2NE1
            end = token.i + 2
        elif _is_title(first) and first.text not in NOT_NAME_WORDS:
            text = doc.text if text is None else text
            if not _is_group(doc, text, token.i + 1):
                continue
            end = _name_run_end(doc, token.i + 1, 3)
        else:
            continue
        yield _span(doc, name.i, name.i + 1, "PERSON")
        yield _span(doc, token.i + 1, end, "ORG")


_QUANTIFIERS = frozenset(
    "one two three four five six seven eight nine ten both some many most all each several "
    "few none half neither either".split()
)


def _is_group(doc: Doc, text: str, start: int) -> bool:
    """The capitalised words at `start` name a group: the text calls them one ('boy band
    Epik High', 'Epik High members') or lists members of it ('Siwon, Yesung and Donghae
    of Super Junior'), or they are two words ending a clause ('Kyuhyun of Super Junior
    said')."""
    end = _name_run_end(doc, start, 3)
    name = doc[start:end].text
    if re.search(rf"\b(?:group|band|unit|trio|duo)\s+{re.escape(name)}\b", text, re.I):
        return True
    if re.search(rf"\b{re.escape(name)}(?:'s|’s)?\s+members?\b", text):
        return True
    return end - start == 2 and (end >= len(doc) or not _is_name_token(doc[end]))


def _name_run_end(doc: Doc, start: int, limit: int) -> int:
    """End of up to `limit` name words from `start`: 'Vincent Lindon', 'Hirokazu
    Kore-eda' (a hyphen glues two tokens into one word), 'IU'."""
    end, words = start, 0
    while end < len(doc) and words < limit and _is_name_token(doc[end]):
        end += 1
        words += 1
        while end + 1 < len(doc) and glued_hyphen(doc, end):
            end += 2
    return end
