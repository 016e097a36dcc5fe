"""Events: who did what to whom, when, how sure the press is, and where it is written.

`extract` reads each sentence for the triggers of the event types (`eventtypes`);
`participants` finds who takes part, `timing` when, `build` makes the event (with its
modality from `analyse.modality`), and `forms` reads the special forms no single
trigger does.
"""

from storyline.analyse.events.extract import extract_events

__all__ = ["extract_events"]
