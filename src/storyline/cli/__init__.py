"""The storyline command line: parses arguments, calls the library, formats results.

One module per group of commands (`ingest`, `browse`, `entities`, `stories`, `serve`),
all on the group that `base` defines; this one is the entry point, which tells internal
errors apart from user errors by their exit status.
"""

from __future__ import annotations

import sys
import traceback

from storyline.cli import browse, entities, ingest, serve, stories
from storyline.cli.base import cli, err

__all__ = ["INTERNAL_ERROR", "cli", "main"]
COMMANDS = (browse, entities, ingest, serve, stories)  # each module adds its commands

# Exit statuses: 0 all went well, 1 an input failed or a user error, 2 a command line
# click cannot parse, INTERNAL_ERROR a bug (with its traceback, for the report).
INTERNAL_ERROR = 70  # EX_SOFTWARE of sysexits.h


def main() -> None:
    try:
        cli(prog_name="storyline")
    except Exception:
        traceback.print_exc()
        err.print(
            "[red]storyline: internal error[/]: this is a bug in storyline, not a problem "
            "with your input. Please report it with the traceback above."
        )
        sys.exit(INTERNAL_ERROR)
