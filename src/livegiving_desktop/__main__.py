"""`python -m livegiving_desktop` is the `livegiving` command."""

import sys

try:
    from livegiving_desktop.launch import main
except KeyboardInterrupt:  # Ctrl+C in the first milliseconds (launch.py says why)
    # launch.INTERRUPTED_EARLY and EXIT_INTERRUPTED, written here: their import was interrupted
    print("livegiving: interrupted before it started (nothing was done)", file=sys.stderr)
    sys.exit(130)
sys.exit(main())
