"""The `livegiving` command's entry point (also `python -m livegiving_desktop`).

Ctrl+C while Python still imports the command line (its first ~40 ms here, ~0.1 s on a busy
machine), or as `cli.main` begins, before it holds the signals, used to print Python's
traceback: it now stops in words with the status a shell gives (130), as it does once a
command runs. This module imports nothing of the app before that import, so that the moments
left unguarded are the interpreter's own start.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # as cli_signals says; not imported from it: that import is guarded
INTERRUPTED_EARLY = "livegiving: interrupted before it started (nothing was done)"


def main() -> int:
    try:
        from livegiving_desktop.cli import main as cli_main

        # cli.main says a Ctrl+C in words once it holds the signals; one before that (its very
        # first instructions) ends up here, before anything was opened.
        return cli_main()
    except KeyboardInterrupt:
        print(INTERRUPTED_EARLY, file=sys.stderr)
        return EXIT_INTERRUPTED
