"""Name shapes and the keys that make two spellings of one name meet.

Romanised Korean names are the hard case of our corpus: one person is "Song Hye Kyo",
"Song Hye-kyo" and "song hye kyo", another "Ryu Jun-yeol" or "Ryu Joon-yeol". A name
is recognised by its shape (a surname from the list below, then a given name built
from romanised syllables), and compared through keys: `fold` removes case, spacing,
hyphens and diacritics; `romanisation_key` also maps the spelling alternatives of each
syllable to one form; `org_key` drops company suffixes; `event_key` drops the year.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from storyline.lexicons import words

# Korean surnames in the romanisations newspapers use, variants included.
KOREAN_SURNAMES = words("korean_surnames")

# Syllables of romanised Korean: initial + vowel + final, with the alternatives that
# newspapers and agencies actually print (oo for u, ee for i, yo for yeo, ...).
_INITIALS = (
    "", "g", "k", "kk", "gg", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "bb",
    "s", "ss", "sh", "j", "jj", "ch", "h", "c",
)  # fmt: skip
_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
    "we", "wi", "yu", "eu", "ui", "i", "oo", "ee", "ou", "ai", "ay", "ey", "ei", "yoo",
    "woo", "wu", "ie", "eui", "yee", "uh", "ah", "eh", "oh", "aa", "you",
)  # fmt: skip
_FINALS = ("", "k", "g", "n", "t", "l", "r", "m", "p", "b", "ng", "h")


@cache
def _syllables() -> frozenset[str]:
    return frozenset(i + v + f for i in _INITIALS for v in _VOWELS for f in _FINALS)


# English words that are also syllables; in "Song To Be Released" they are headline
# words, not a given name.
ENGLISH_SYLLABLES = words("english_syllables")


def is_syllable(text: str) -> bool:
    return text.lower() in _syllables()


def is_two_syllables(text: str) -> bool:
    """'Nayeon', 'Sohee', 'Jisoo': a given name written as one word."""
    parts = split_syllables(text)
    return parts is not None and len(parts) == 2


def split_syllables(text: str) -> list[str] | None:
    """'hyekyo' -> ['hye', 'kyo'], 'nayeon' -> ['na', 'yeon'] (one or two syllables);
    None when the word is not Korean-shaped.

    Where a word splits two ways ("nay|eon", "na|yeon"), the reading whose second
    syllable opens with a consonant wins, as Korean syllables usually do; then the
    shorter first syllable ("ji|eun", not "jie|un").
    """
    word = text.lower()
    if is_syllable(word):
        return [word]
    splits = [
        (word[:i], word[i:])
        for i in range(1, len(word))
        if is_syllable(word[:i]) and is_syllable(word[i:])
    ]
    if not splits:
        return None
    first, second = min(splits, key=lambda s: (s[1][0] in "aeiou", len(s[0])))
    return [first, second]


def fold(text: str) -> str:
    """'Song Hye-kyo’s' and 'song hye kyo' -> 'songhyekyo': case, accents, spacing,
    hyphens, apostrophes and a possessive 's folded away; @ of handles kept."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’]s\b", "", text)
    return re.sub(r"[^0-9a-z@\u3131-\u318e\uac00-\ud7a3\u4e00-\u9fff]+", "", text)


def strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text) if re.search(r"\w['’]s?$", text) else text


# Spelling alternatives of one syllable, mapped to one form.
_VOWELS_FOLDED = {
    "yoo": "yu", "oo": "u", "woo": "u", "wu": "u", "ee": "i", "ui": "i", "eui": "i", "ie": "i",
    "yee": "i", "ai": "e", "ay": "e", "ey": "e", "ei": "e", "ae": "e", "uh": "eo", "eu": "u",
    "ou": "u", "aa": "a", "ah": "a", "eh": "e", "oh": "o", "you": "yeo",
}  # fmt: skip
# Before a final consonant "eo" is printed "u" as often as not: Seong/Sung, Hyeon/Hyun.
_CLOSED_VOWELS_FOLDED = {"eo": "u", "yeo": "yu"}
_INITIALS_FOLDED = {
    "kk": "g", "gg": "g", "k": "g", "tt": "d", "t": "d", "pp": "b", "bb": "b", "p": "b",
    "ss": "s", "sh": "s", "jj": "j", "ch": "j", "c": "j", "r": "l",
}  # fmt: skip
_FINALS_FOLDED = {"k": "g", "t": "d", "p": "b", "r": "l"}
_SYLLABLE_PARTS = re.compile(r"([^aeiouwy]*)([aeiouwy]+h?)([^aeiouwy]*)")


def canonical_syllable(syllable: str) -> str:
    """One spelling per syllable: 'joon' and 'jun' -> 'jun'; 'yeol' and 'yul' -> 'yul';
    'hee' and 'hui' -> 'hi'; 'eun' and 'un' -> 'un'; 'kyung' and 'gyeong' -> 'gyung'."""
    match = _SYLLABLE_PARTS.fullmatch(syllable.lower())
    if not match:
        return syllable.lower()
    initial, vowel, final = match.groups()
    vowel = _VOWELS_FOLDED.get(vowel, vowel)
    if final:
        vowel = _CLOSED_VOWELS_FOLDED.get(vowel, vowel)
    return _INITIALS_FOLDED.get(initial, initial) + vowel + _FINALS_FOLDED.get(final, final)


def korean_given_syllables(given: str) -> list[str] | None:
    """'Hye-kyo', 'Hye Kyo', 'Hyekyo' -> ['hye', 'kyo']; None when not Korean-shaped."""
    parts = [p for p in re.split(r"[\s\-‐‑]+", given.strip()) if p]
    syllables: list[str] = []
    for part in parts:
        split = split_syllables(fold(part))
        if split is None:
            return None
        syllables.extend(split)
    return syllables if 1 <= len(syllables) <= 3 else None


def korean_name_parts(name: str) -> tuple[str, list[str]] | None:
    """'Song Hye-kyo' -> ('Song', ['hye', 'kyo']): surname first, given name in syllables."""
    words = name.split(maxsplit=1)
    if len(words) != 2 or words[0].title() not in KOREAN_SURNAMES:
        return None
    syllables = korean_given_syllables(words[1])
    if syllables is None or len(syllables) < 2:
        return None
    return words[0], syllables


_SURNAME_ALTERNATIVES = {
    "lee": "i", "yi": "i", "rhee": "i", "rhie": "i", "ri": "i", "pak": "bak", "park": "bak",
    "choe": "choi", "chey": "choi", "jeong": "jung", "chung": "jung", "cheong": "jung",
    "joung": "jung", "gang": "kang", "jo": "cho", "joh": "cho", "yun": "yoon", "youn": "yoon",
    "chang": "jang", "im": "lim", "lym": "lim", "rim": "lim", "hahn": "han", "o": "oh",
    "suh": "seo", "seoh": "seo", "sin": "shin", "gwon": "kwon", "whang": "hwang", "an": "ahn",
    "yoo": "ryu", "yu": "ryu", "you": "ryu", "lew": "ryu", "lyu": "ryu", "jun": "jeon",
    "chun": "jeon", "cheon": "jeon", "go": "ko", "koh": "ko", "mun": "moon", "sohn": "son",
    "pae": "bae", "paik": "baek", "baik": "baek", "back": "baek", "hur": "heo", "huh": "heo",
    "sim": "shim", "no": "noh", "roh": "noh", "gwak": "kwak", "seong": "sung", "ju": "joo",
    "chu": "joo", "u": "woo", "ra": "na", "nah": "na", "chi": "ji", "um": "uhm", "eom": "uhm",
    "byeon": "byun", "pyun": "byun", "che": "chae", "pang": "bang", "kong": "gong",
    "hyeon": "hyun", "kil": "gil", "myeong": "myung", "sul": "seol", "koo": "ku", "gu": "ku",
    "doh": "do", "suk": "seok", "seon": "sun", "namgung": "namgoong", "seonwoo": "sunwoo",
    "yuk": "yook", "kyeong": "kyung", "gam": "kam", "gi": "ki", "keum": "geum", "gim": "kim",
    "gye": "kye", "yum": "yeom",
}  # fmt: skip


def surname_key(surname: str) -> str:
    low = surname.lower()
    return _SURNAME_ALTERNATIVES.get(low, low)


def romanisation_key(name: str) -> str | None:
    """One key for the romanisations of one Korean name: 'Ryu Jun-yeol', 'Ryu Joon-yeol',
    'Yoo Jun Yul' -> 'ryu|jun|yul'. None for names that are not Korean-shaped."""
    parts = korean_name_parts(name)
    if parts is None:
        return None
    surname, syllables = parts
    return "|".join([surname_key(surname), *(canonical_syllable(s) for s in syllables)])


_BARE_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")


def given_name_key(name: str) -> str | None:
    """'Jang Tae-sang' and 'Tae-sang' alone -> 'de|sang': the given name a Korean
    person goes by in an article that introduced them elsewhere. None for other names."""
    parts = korean_name_parts(name)
    if parts is not None:
        syllables = parts[1]
    elif _BARE_GIVEN_NAME.fullmatch(name):
        syllables = korean_given_syllables(name) or []
    else:
        return None
    return "|".join(canonical_syllable(s) for s in syllables) if len(syllables) == 2 else None


# Company words that spellings of one organisation add or drop.
ORG_SUFFIXES = (
    "entertainment", "ent", "studios", "studio", "agency", "management", "company", "co",
    "corporation", "corp", "inc", "ltd", "limited", "group", "holdings", "pictures", "films",
    "media", "music", "records", "label", "labels", "partners", "the",
)  # fmt: skip
_ORG_SUFFIX = re.compile(r"(?:\s+(?:" + "|".join(ORG_SUFFIXES) + r")\.?)+$", re.I)


_LEADING_THE = re.compile(r"^the\s+", re.I)


def org_key(name: str) -> str:
    """'C-JeS Studio', 'CJes Studios' -> 'cjes'; '9ato Entertainment', '9 Ato' -> '9ato';
    'The Korea Herald' -> 'koreaherald'."""
    core = _ORG_SUFFIX.sub("", _LEADING_THE.sub("", name.strip()))
    return fold(core or name)


_EVENT_YEAR = re.compile(r"^(?:the\s+)?(?:(?:19|20)\d\d\s+|\d+(?:st|nd|rd|th)\s+)+", re.I)


def event_key(name: str) -> str:
    """'2023 Baeksang Arts Awards', 'the 59th Baeksang Arts Awards' -> 'baeksangartsawards'."""
    return fold(_EVENT_YEAR.sub("", name.strip()) or name)


def without_event_year(name: str) -> str:
    """'2024 Cannes Film Festival' -> 'Cannes Film Festival'."""
    return _EVENT_YEAR.sub("", name.strip()) or name


_SEASON = re.compile(r"\s*[:,-]?\s*(?:season|series)\s*\d+$", re.I)


def work_key(name: str) -> str:
    """'Gyeongseong Creature Season 2' -> 'gyeongseongcreature' (one work, its seasons)."""
    return fold(_SEASON.sub("", name.strip()) or name)


def consonant_skeleton(name: str) -> str | None:
    """'Park Hae-il' and the typo 'Park Hye-il' -> 'bak|hl': surname and the given
    name's consonants. A loose key: what it joins needs more evidence than the key."""
    parts = korean_name_parts(name)
    if parts is None:
        return None
    surname, syllables = parts
    consonants = re.sub(r"[aeiouwy]", "", "".join(syllables))
    return f"{surname_key(surname)}|{consonants}"


def is_hyphenated_korean(name: str) -> bool:
    """'Han So-hee' (the spelling agencies and the Korean press use) but not 'Han So Hee'."""
    return bool(re.fullmatch(r"\S+ [A-Z][a-z]+-[a-z]+", name))
