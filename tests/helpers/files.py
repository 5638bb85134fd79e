"""Read-only files and folders, also for root (which ignores the permission bits)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def make_read_only(path: Path) -> bool:
    """chmod is enough for a normal user; root ignores it, so also set the immutable flag.
    Returns False when the path stays writable (root without chattr): skip the test then."""
    path.chmod(0o555 if path.is_dir() else 0o444)
    if os.access(path, os.W_OK) and shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    return not os.access(path, os.W_OK)


def make_writable(path: Path) -> None:
    if shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    path.chmod(0o755 if path.is_dir() else 0o644)
