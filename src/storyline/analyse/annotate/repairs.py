"""After the NER: its usual slips mended or dropped (leading articles, possessives,
hyphenated names cut in two, run-on sentences, two names joined, award categories,
nationalities), and one type per spelling in a document, every occurrence counted."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.analyse.annotate.cues import (
    ARTICLES,
    AWARD_CATEGORY,
    DESCRIBED_LABELS,
    GIVEN_NAMES,
    KOREAN_PLACE_SUFFIX,
    LABEL_TYPES,
    NOT_NAME_WORDS,
    NOT_WORK_CUES,
    OPEN_QUOTES,
    ORG_HEADS,
    PLACE_HEADS,
    RULE_SPANS,
)
from storyline.analyse.names import KOREAN_SURNAMES, korean_name_parts
from storyline.models import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Words a hyphen turns a name into an adjective with: "Seoul-based", "Oscar-winning".
_ADJECTIVE_TAILS = frozenset(
    "based born bred winning nominated led owned run made themed inspired style related "
    "bound centric era produced backed funded affiliated listed".split()
)


def glued_hyphen(doc: Doc, i: int) -> bool:
    """doc[i] is a hyphen inside a name: the 'Kore-eda' of 'Kore - eda' (not the
    '-based' of 'Seoul-based')."""
    return (
        doc[i].text in {"-", "‐", "‑"}
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].text.isalpha()
        and doc[i + 1].lower_ not in _ADJECTIVE_TAILS
    )


@dataclass(slots=True)
class Candidate:
    start: int  # token indexes
    end: int
    label: str
    from_rule: bool


def cleaned_entities(doc: Doc) -> list[Candidate]:
    """The entities, with the NER's usual slips mended or dropped: leading articles,
    possessives, hyphenated names cut in two ('Tae' of 'Tae-sang'), a sentence run on
    ('Agust D. Through'), two names joined ('Song and Gang')."""
    rule_spans = {(start, end) for start, end in doc.user_data.get(RULE_SPANS, [])}
    kept: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPES:
            continue
        if (ent.start, ent.end) in rule_spans:
            kept.append(Candidate(ent.start, ent.end, ent.label_, from_rule=True))
            continue
        start, end = _mended(doc, ent.start, ent.end)
        if start < end and _plausible(doc[start:end], ent.label_):
            kept.append(Candidate(start, end, ent.label_, from_rule=False))
    return kept


# Titles before a name are not part of it: "Dr Murray" is Murray (and "Dr" tells the
# reader he is a person, as "Ms." tells that she is a woman).
HONORIFICS = frozenset(
    "Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss Prof Prof. Professor Sir Dame Lord Lady Judge Rev "
    "Rev.".split()
)


def _mended(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (
        doc[start].text in ARTICLES or doc[start].is_space or doc[start].text in HONORIFICS
    ):
        start += 1
    if start < end and doc[start].text == "." and doc[start - 1].text in HONORIFICS:
        start += 1
    while start >= 2 and glued_hyphen(doc, start - 1):
        start -= 2
    while end + 1 < len(doc) and glued_hyphen(doc, end):
        end += 2
    for i in range(start + 1, end):
        if doc[i - 1].text.endswith(".") and doc[i].is_title and doc[i].is_stop:
            end = i
            break
        if doc[i].text in {"”", "’"} and i < end - 1:
            end = i  # '“You and I.” IU made her debut': a title ends where its quote does
            break
        if doc[i].text in {"“", "‘"}:
            end = i  # 'John Fullbright “Songs”': a name ends where a quote opens
            break
    while end - 2 > start and doc[end - 1].lower_ in _ADJECTIVE_TAILS and doc[end - 2].text == "-":
        end -= 2
    # "Colony (Korea": a parenthesis the name never closes is not part of it
    opened = next((i for i in range(start, end) if doc[i].text == "("), None)
    if opened is not None and not any(doc[i].text == ")" for i in range(opened, end)):
        end = opened
    while end > start and (
        doc[end - 1].text in {"'s", "’s", "'", "’"}
        or (doc[end - 1].is_punct and doc[end - 1].text not in {"+", "!", "?"})
        # "Samgakji Station and", "Open Hall of", "Jon Watts Under": a name ends on a name
        or (doc[end - 1].is_stop and doc[end - 1].lower_ in _NO_LAST_WORDS)
    ):
        end -= 1
    half = (end - start) // 2
    if (
        half
        and end - start == 2 * half
        and doc[start : start + half].text == doc[start + half : end].text
    ):
        end = start + half  # "John Fullbright John Fullbright": a headline run into its line
    return start, end


_NO_LAST_WORDS = frozenset("of and or the a an in at on for with under by from to".split())


def _plausible(span: Span, label: str) -> bool:
    text = span.text
    first = text[:1]
    before = span.doc[span.start - 2 : span.start]
    return not (
        "\n" in text
        or len(span) > 8
        or not (first.isupper() or first.isdigit())
        or text in NOT_NAME_WORDS
        or all(t.text in NOT_NAME_WORDS or t.is_punct for t in span)
        or AWARD_CATEGORY.search(text)
        or (" and " in text and not _quoted(span))  # 'Park and Kore-eda' ran together
        or (label != "WORK_OF_ART" and (text.isdigit() or ", " in text))
        or (label == "WORK_OF_ART" and any(t.lower_ in NOT_WORK_CUES for t in before))
        or _genre_line(span)
        or (label != "WORK_OF_ART" and span[-1].text in _LAW_HEADS and len(span) > 1)
        or (len(text) == 1 and _glued_to_next(span))  # the "K" of "K-pop"
        or (label != "EVENT" and span[-1].text in _PRIZE_HEADS and len(span) > 1)
        or (span[-1].text in _DEMONYMS and len(span) > 1)  # "Pacific Islander" is people
        or span[-1].text in _PEOPLE_BY_ROLE  # "Cardiff Organisers said", "Grandpa did tell"
    )


# "the Golden Lion Award", "the Teen Star Award": a prize, no entity (its ceremony is one)
_PRIZE_HEADS = frozenset({"Award", "Prize", "Trophy", "Medal"})
_DEMONYMS = frozenset({"Islander", "Islanders", "American", "Americans", "Asians"})
# People named by their part or kin, capitalised at a sentence's start or by a caption
# run on: never a name's last word.
_PEOPLE_BY_ROLE = frozenset(
    "Organisers Organizers Executors Officials Prosecutors Investigators Witnesses "
    "Paramedics Lawyers Doctors Residents Grandpa Grandma "
    "Grandad Granddad Grandfather Grandmother Grandparents Mum Mom Dad".split()
)


def _glued_to_next(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and not span[-1].whitespace_ and doc[span.end].text == "-"


# Last words of a law's name: "the National Health Promotion Act" is no organisation.
_LAW_HEADS = frozenset({"Act", "Law", "Bill", "Code", "Amendment"})


# "Opened May 16. Thriller. Drama. Directed by …": a listing's genres, each a sentence.
_GENRES = frozenset(
    "action adventure animation biography comedy crime documentary drama family fantasy "
    "history horror melodrama musical mystery noir romance sci-fi thriller war western".split()
)


def _genre_line(span: Span) -> bool:
    """A genre word that is a sentence by itself ("… May 16. Thriller. Drama."): a
    listing's genre, no work's name (but "his album Thriller" is one)."""
    if len(span) != 1 or span.text.lower() not in _GENRES:
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    opens = before is None or before.is_space or before.text in {".", "!", "?"}
    return opens and after is not None and after.text == "."


def _quoted(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].text in OPEN_QUOTES


# What the words beside a name say it is outweighs the NER's guess for that name.
DESCRIBED_VOTES = 2


def described_label(doc: Doc, start: int, end: int) -> str | None:
    """The label the text gives the name at doc[start:end]: by its last word ("Yongsan
    Station", "Yongsan-gu" are places), by a describing noun before it ("his agency
    Keyeast", "K-pop band Red Velvet", "rapper Zico") or in apposition ("Tous les
    Jours, a bakery chain"); None when it says nothing."""
    span = doc[start:end]
    if _fills_quote(doc, start, end):
        return "WORK_OF_ART"  # of “Pinocchio.”: what stands alone in quotes is a title
    # not "Jay Park" nor "Sol Kyung-gu": names of people that end like places
    personal = korean_name_parts(span.text) or span[-1].text in KOREAN_SURNAMES
    one_word = " " not in span.text  # "Yongsan-gu"; not the given name of "Sol Kyung-gu"
    quoted = start > 0 and doc[start - 1].text in OPEN_QUOTES  # "Moonlit Harbor" is a title
    if not (personal or quoted) and (
        span[-1].text in PLACE_HEADS or (one_word and KOREAN_PLACE_SUFFIX.search(span.text))
    ):
        return "GPE"
    if one_word and not personal and _where(doc, start, end):
        return "GPE"
    i = start - 1
    while i >= 0 and start - i <= 3:
        token = doc[i]
        if token.lower_ in DESCRIBED_LABELS and token.pos_ in {"NOUN", "PROPN"}:
            return DESCRIBED_LABELS[token.lower_]
        if not (token.pos_ in {"ADJ", "NOUN", "PROPN"} or token.text in {"-", "‐"}):
            break
        i -= 1
    if _given_and_surname(span):
        return "PERSON"  # "a Michael Jackson tribute concert"
    if _owns_a_member(doc, end):
        return "ORG"  # "Sanullim's vocalist Kim Chang-wan": a band
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    for noun in nouns:
        if noun.lower_ in DESCRIBED_LABELS and noun.pos_ == "NOUN":
            return DESCRIBED_LABELS[noun.lower_]
    return None


def _fills_quote(doc: Doc, start: int, end: int) -> bool:
    """The name is all a quote holds, but for a comma or full stop: “Pinocchio.”"""
    if start == 0 or doc[start - 1].text not in OPEN_QUOTES:
        return False
    while end < len(doc) and doc[end].text in {".", ","}:
        end += 1
    return end < len(doc) and doc[end].text == OPEN_QUOTES[doc[start - 1].text]


def _given_and_surname(span: Span) -> bool:
    """'Michael Jackson', 'Katherine Jackson': an English given name and a surname, not
    the name of a company or a place ('Victoria Station', 'Jordan Brand Foods')."""
    words = span.text.split()
    return (
        len(words) == 2
        and words[0] in GIVEN_NAMES
        and words[1][:1].isupper()
        and words[1][1:].islower()
        and words[1] not in _NO_SURNAMES
    )


_NO_SURNAMES = ORG_HEADS | PLACE_HEADS | NOT_NAME_WORDS


_MEMBERS = frozenset(
    "vocalist member members leader frontman frontwoman guitarist drummer bassist rapper "
    "maknae keyboardist".split()
)


def _owns_a_member(doc: Doc, end: int) -> bool:
    """The name is followed by "'s" and a band member's part: "Sanullim's vocalist"."""
    return end + 1 < len(doc) and doc[end].text in {"'s", "’s"} and doc[end + 1].lower_ in _MEMBERS


# Words after which a single name is a place: "born Rhayader 1819", "born in Rhayder",
# "lived near Tonypandy", "Co. Antrim".
_PLACE_BEFORE = frozenset({"born", "near", "co.", "county"})


def _where(doc: Doc, start: int, end: int) -> bool:
    """A one-word name where only a place can stand: after 'born', 'near', 'Co.', or
    'born in', 'lived in' (and not someone's: 'near Kim's house')."""
    if start == 0 or (end < len(doc) and doc[end].text in {"'s", "’s"}):
        return False
    before = doc[start - 1].lower_
    if before in _PLACE_BEFORE:
        return True
    return (
        before in {"in", "at"} and start > 1 and doc[start - 2].lower_ in {"born", "lived", "died"}
    )


def consistent(
    doc: Doc, candidates: list[Candidate], sentence_starts: Sequence[int]
) -> list[Mention]:
    """One type per spelling within a document, and every occurrence of a name rules
    found is a mention, even where the NER missed it."""
    from bisect import bisect_right

    votes: dict[str, Counter[str]] = {}
    rule_label: dict[str, str] = {}  # spellings a rule found, and the rule's label
    candidates = _run_together(doc, candidates)
    listed_with = _listed_labels(doc, candidates)
    for c in candidates:
        text = doc[c.start : c.end].text
        if c.from_rule:
            rule_label.setdefault(text, c.label)
        votes.setdefault(text, Counter())[c.label] += 1
        if not c.from_rule and (described := described_label(doc, c.start, c.end)):
            votes[text][described] += DESCRIBED_VOTES
        elif not c.from_rule and c.label in _PLACE_LABELS and (listed := listed_with.get(c.start)):
            votes[text][listed] += DESCRIBED_VOTES
    label_of = {
        text: rule_label.get(text) or counts.most_common(1)[0][0] for text, counts in votes.items()
    }
    spans = {(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])) for c in candidates}
    text_of_doc = doc.text  # doc.text joins every token: once, not per mention
    spans |= set(_more_occurrences(text_of_doc, [t for t in rule_label if len(t) > 2], spans))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if taken and start < taken[-1][1]:
            continue
        text = text_of_doc[start:end]
        label = label_of.get(text)
        if label is None:
            continue
        taken.append((start, end))
        sentence = bisect_right(sentence_starts, start) - 1
        ruled = text in rule_label
        mentions.append(
            Mention(start, end, text, LABEL_TYPES[label], max(sentence, 0), ruled=ruled)
        )
    return mentions


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _run_together(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'… the medical skills of Conrad Murray Jackson " died so rapidly': a caption that
    ends with a name run into a sentence that opens with one. A person's name made of a
    full name the document uses elsewhere and another's surname is the two of them."""
    people = [c for c in candidates if c.label == "PERSON" and c.end - c.start >= 2]
    full_names = Counter(doc[c.start : c.end].text for c in people)
    surnames = {doc[c.end - 1].text for c in people}
    out: list[Candidate] = []
    for c in candidates:
        head, last = doc[c.start : c.end - 1].text, doc[c.end - 1]
        if c in people and c.end - c.start >= 3 and full_names[head] and last.text in surnames:
            out.append(Candidate(c.start, c.end - 1, c.label, c.from_rule))
            out.append(Candidate(c.end - 1, c.end, c.label, c.from_rule))
        else:
            out.append(c)
    return out


def _listed_labels(doc: Doc, candidates: list[Candidate]) -> dict[int, str]:
    """For a name listed with others ("Jinjin, Cha Eun-woo, Moonbin and Sanha",
    "singers Kang Daniel and Zico"), the one label all the others have, when that is a
    person's or an organisation's: a place is seldom listed among people."""
    label_at = {doc[c.start : c.end].root.i: c.label for c in candidates}
    found: dict[int, str] = {}
    for c in candidates:
        root = doc[c.start : c.end].root
        others = {label_at[t.i] for t in root.conjuncts if t.i in label_at}
        if len(others) == 1 and (label := others.pop()) in {"PERSON", "ORG"}:
            found[c.start] = label
    return found


def _more_occurrences(
    text: str, names: list[str], known: set[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w@])(?:"
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    for match in pattern.finditer(text):
        if match.span() not in known:
            yield match.span()
