"""Analyse: what one document says. `annotate` finds its sentences and the stretches of
text that name people, works, organisations, events, places and accounts (spaCy and
rules); `resolve` makes them entities, within the document and across the store;
`times` dates time expressions; `events` reads who did what to whom, when and how
surely, with the types of `eventtypes`; `claims` reads relations a sentence states.
"""
