"""Writing a file the user named (an export) without ever harming the ledger or anything else.

One place for the CLI and the GUI (`write_atomically`):
- never onto the database itself, its `-wal`, `-shm` or `-journal`, whatever name leads to them
  (a symlink, a hard link, `..`);
- never onto something that is not a regular file (a device, a FIFO, a folder);
- an existing file only when `overwrite` is given (the CLI's `--force`; the GUI's own prompt);
- written into `.name.part` beside the target, created exclusively and never through a symlink,
  then renamed over the target: a failed export never leaves half a file;
- a new file follows the user's umask; a replaced file keeps its mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from livegiving_desktop.core.errors import ValidationError

if TYPE_CHECKING:  # the command line checks an export's target without SQLAlchemy
    from sqlalchemy.engine import URL

T = TypeVar("T")

LEDGER_SUFFIXES = ("", "-wal", "-shm", "-journal")
IS_LEDGER = "is the ledger's own database file; choose another name"
NOT_REGULAR = "is not a regular file; choose a file name"
IS_FOLDER = "is a folder; choose a file name"
EXISTS = "already exists; add --force to replace it"
NO_FOLDER = "its folder does not exist"


def ledger_files(url: URL | None) -> tuple[Path, ...]:
    """The files of a SQLite ledger (none for a server database)."""
    if url is None or url.get_backend_name() != "sqlite":
        return ()
    name = url.database
    if not name or name == ":memory:":
        return ()
    base = Path(name).expanduser().absolute()
    return tuple(base.with_name(base.name + suffix) for suffix in LEDGER_SUFFIXES)


def _same_file(target: Path, protected: Iterable[Path]) -> bool:
    real = os.path.realpath(target)
    try:
        target_stat: os.stat_result | None = os.stat(target)
    except OSError:
        target_stat = None
    for path in protected:
        if os.path.realpath(path) == real:
            return True
        if target_stat is not None:
            with contextlib.suppress(OSError):
                other = os.stat(path)
                if (other.st_dev, other.st_ino) == (target_stat.st_dev, target_stat.st_ino):
                    return True
    return False


def check_target(
    path: Path, *, protected: Iterable[Path] = (), overwrite: bool, field: str = "export file"
) -> Path:
    """The real path the export will replace, or a ValidationError saying why not."""
    protected = tuple(protected)
    if _same_file(path, protected):
        raise ValidationError(field, IS_LEDGER)
    final = Path(os.path.realpath(path))
    if not final.parent.is_dir():
        raise ValidationError(field, NO_FOLDER)
    try:
        st = os.stat(final)
    except FileNotFoundError:
        return final
    except OSError as exc:
        raise ValidationError(field, exc.strerror or "cannot be read") from None
    if stat.S_ISDIR(st.st_mode):
        raise ValidationError(field, IS_FOLDER)
    if not stat.S_ISREG(st.st_mode):
        raise ValidationError(field, NOT_REGULAR)
    if not overwrite:
        raise ValidationError(field, EXISTS)
    return final


def _create_part(part: Path, mode: int) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(part, flags, mode)
    except FileExistsError:
        # A leftover of an earlier export, or something planted there (a symlink): removed,
        # never followed (unlink removes a link itself), then created afresh, exclusively.
        os.unlink(part)
        return os.open(part, flags, mode)


def write_atomically(
    path: Path,
    write: Callable[[TextIO], T],
    *,
    protected: Iterable[Path] = (),
    overwrite: bool,
    field: str = "export file",
) -> T:
    """Write a text file with `write(stream)` under the rules above; returns what it returned."""
    final = check_target(path, protected=protected, overwrite=overwrite, field=field)
    try:
        kept_mode: int | None = stat.S_IMODE(os.stat(final).st_mode)
    except FileNotFoundError:
        kept_mode = None
    part = final.with_name(f".{final.name}.part")
    fd = _create_part(part, 0o666)  # the umask applies
    try:
        if kept_mode is not None:
            os.fchmod(fd, kept_mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        # Checked again just before the rename: nothing replaced the target meanwhile.
        check_target(final, protected=protected, overwrite=overwrite, field=field)
        os.replace(part, final)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(part)
        raise
    return result
