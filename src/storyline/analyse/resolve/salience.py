"""Salience: how present each entity is in a reader's mind at a point of a document.

A word that points back ("she", "the singer", a bare "Kim" when two Kims were named)
means the entity the reader has most in mind there: the one named most recently and
most prominently (as a subject more than as an object), and across the article the one
it is about. Each earlier mention adds its role's weight, halved for every sentence
since (as in Lappin and Leass's salience model), plus a little for every mention so
far. When two candidates are about equally present, the reader cannot tell either, and
neither can we: nothing is chosen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# What a mention adds: being recent, and more as a subject than as an object (Lappin
# and Leass's factors, scaled: recency 100, subject 80, object 50, the rest about 30).
RECENCY = 1.0
ROLE_WEIGHTS = {
    "subject": RECENCY + 0.8,
    "object": RECENCY + 0.5,
    "possessor": RECENCY + 0.3,
    "other": RECENCY + 0.2,
}
QUOTED = 0.2  # a name inside a quote is the speaker's, hardly the reader's
DECAY = 0.5  # per sentence
WINDOW = 8  # sentences back that still count (0.5 ** 8 is nothing)
TOPIC_WEIGHT = 0.03  # per earlier mention anywhere before: the article's subject
TOPIC_CAP = 0.6
# The best candidate must be this many times as present as the next to be chosen.
MARGIN = 1.5

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_OBJECTS = frozenset({"dobj", "pobj", "dative", "attr", "oprd", "iobj"})
_SAME_PHRASE = frozenset({"compound", "appos", "conj", "flat", "amod", "nmod"})


def grammatical_role(token: Token) -> str:
    """'subject', 'object', 'possessor' or 'other' for the head word of a mention,
    climbing through the words that make one phrase ("actress Kim Sae-ron")."""
    for _ in range(4):
        if token.dep_ in _SUBJECTS:
            return "subject"
        if token.dep_ == "poss":
            return "possessor"
        if token.dep_ in _OBJECTS:
            return "object"
        if token.dep_ not in _SAME_PHRASE or token.head.i == token.i:
            break
        token = token.head
    return "other"


@dataclass(slots=True, frozen=True)
class Mentioned:
    """One mention as salience counts it."""

    key: Hashable  # the entity
    start: int  # where it starts in the text
    sentence: int
    weight: float


class Salience:
    """The salience of entities at any point of one document."""

    def __init__(self, mentions: Iterable[Mentioned], sentence_starts: list[int]) -> None:
        self._mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._mentions]
        self._sentence_starts = sentence_starts
        self._by_key: dict[Hashable, list[int]] = {}
        for mention in self._mentions:
            self._by_key.setdefault(mention.key, []).append(mention.start)

    def add(self, mention: Mentioned) -> None:
        """Count one more mention (a short form just resolved)."""
        at = bisect_right(self._starts, mention.start)
        self._mentions.insert(at, mention)
        self._starts.insert(at, mention.start)
        positions = self._by_key.setdefault(mention.key, [])
        positions.insert(bisect_right(positions, mention.start), mention.start)

    def scores(
        self, offset: int, sentence: int, keys: Collection[Hashable]
    ) -> dict[Hashable, float]:
        """How present each of `keys` is just before `offset` (in sentence `sentence`)."""
        first = self._sentence_starts[max(sentence - WINDOW, 0)] if self._sentence_starts else 0
        out = {
            key: min(TOPIC_WEIGHT * bisect_left(self._by_key.get(key, []), offset), TOPIC_CAP)
            for key in keys
        }
        low, high = bisect_left(self._starts, first), bisect_left(self._starts, offset)
        for mention in self._mentions[low:high]:
            if mention.key in out:
                out[mention.key] += mention.weight * DECAY ** max(sentence - mention.sentence, 0)
        return out

    def choose(
        self,
        offset: int,
        sentence: int,
        keys: Collection[Hashable],
        bonus: Mapping[str, float] | None = None,
        margin: float = MARGIN,
    ) -> Hashable | None:
        """The one of `keys` a reader has clearly (by `margin`) most in mind at `offset`
        (with what `bonus` adds to some), else None."""
        scores = self.scores(offset, sentence, keys)
        for key, extra in (bonus or {}).items():
            if key in scores:
                scores[key] += extra
        ranked = sorted(scores.values(), reverse=True)
        if not ranked or ranked[0] <= 0:
            return None
        if len(ranked) > 1 and ranked[0] < margin * ranked[1]:
            return None
        return max(scores, key=lambda k: scores[k])
