"""How sure the press is: the cue words that make what a sentence reports denied,
rumoured or hoped. Events and claims read them alike."""

from __future__ import annotations

import re

# Strongest first: a sentence that denies a rumour is a denial.
DENIED = re.compile(
    r"\b(?:refut\w*|denie[ds]|deny\w*|dismiss\w*|groundless|not true|not\s+dating|baseless|"
    r"false rumou?rs)\b",
    re.I,
)
RUMOURED = re.compile(
    r"\b(?:suspect\w*|reportedly|rumou?r\w*|speculat\w*|alleg\w*|claim(?:s|ed)?|unconfirmed|"
    r"is said to|are said to|spotted together|declined to confirm)\b",
    re.I,
)
HOPED = re.compile(
    r"\b(?:would be (?:great|nice|good) if|hope[sd]? to|hoping to|wish(?:es|ed)? to|"
    r"would love to|remains hopeful)\b",
    re.I,
)
