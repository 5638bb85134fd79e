"""`python -m livegiving_desktop` is the `livegiving` command."""

import sys

from livegiving_desktop.cli import main

sys.exit(main())
