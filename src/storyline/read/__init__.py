"""Read: the first stage. Inputs (files, folders, globs, URLs, standard input) become
RawDocuments (`inputs` finds them and sends each to the reader of its kind: `text`,
`html`, `records`, `url`, with `decode` for encodings); then `clean` strips page
residue, `published` dates the document, `language` names its language and `copies`
signs it to find near-copies.
"""

from storyline.read.inputs import (
    STDIN_SOURCE,
    InputRef,
    ReadOptions,
    expand_inputs,
    is_stdin,
    read_input,
)
from storyline.read.records import FieldNames

__all__ = [
    "STDIN_SOURCE",
    "FieldNames",
    "InputRef",
    "ReadOptions",
    "expand_inputs",
    "is_stdin",
    "read_input",
]
