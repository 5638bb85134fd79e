"""The suite's forked commands (tests/helpers/cli_forks.py) are the command line as a script
runs it: the same exit status and the same output as in a new interpreter, for a success, a
refusal in words, a usage error, a command that writes, text that is not UTF-8."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.cli import FORKS_ENV, _forks, cli_argv, cli_env, run_in_new_interpreter

CASES = {
    "version": ("--version",),
    "list": ("campaigns", "list", "--json"),
    "export": ("export", "--campaign", "1", "--format", "csv"),
    "donate": ("donate", "--campaign", "1", "--amount", "3", "--donor", "Zoé"),
    "refused": ("donate", "--campaign", "1", "--amount", "3,5", "--donor", "X"),
    "unknown-campaign": ("export", "--campaign", "999", "--format", "json"),
    "usage": ("campaigns", "list", "--no-such-option"),
    "not-utf8": ("donate", "--campaign", "1", "--amount", "3", "--donor", "A\udce9"),
    "help": ("--help",),
}


@pytest.mark.parametrize("args", CASES.values(), ids=CASES.keys())
def test_a_forked_command_does_what_a_new_interpreter_does(
    args: tuple[str, ...], prepared_ledger: Path, tmp_path: Path, user_data_dir: Path
) -> None:
    if not _forks().on:
        pytest.skip(f"commands are not forked here ({FORKS_ENV}=0, or no os.pidfd_open)")
    results = []
    for how in ("forked", "new"):
        ledger = tmp_path / f"{how}.db"
        shutil.copyfile(prepared_ledger, ledger)
        argv, env = cli_argv(*args, db=ledger), cli_env(user_data_dir)
        if how == "forked":
            result = _forks().run(argv, env)
            assert result is not None, "the runner gave the command to a new interpreter"
        else:
            result = run_in_new_interpreter(argv, env)
        hidden = str(ledger)  # each run's own file, named alike in both
        results.append(
            (result.code, result.stdout.replace(hidden, "L"), result.stderr.replace(hidden, "L"))
        )
    forked, new = results
    assert forked == new
    assert "Traceback" not in new[2]
    assert new[0] in (0, 2) and (new[1] or new[2])  # each case says something
