"""The AT-SPI test harness: an X server (Xvfb), a D-Bus session with the accessibility bus
(at-spi-bus-launcher), the app on it (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1) driven through
`app_driver.py`, and Debian's pyatspi run by the system Python (`atspi_probe.py`) to read what
a screen reader gets. Every process started here is stopped by its own id.

`A11yBus.start()` raises `BusUnavailableError` with the reason when this machine cannot provide
the bus (what to install is in the message; `.ci/run` installs it)."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
PROBE = HERE / "atspi_probe.py"
DRIVER = HERE / "app_driver.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = (
    "/usr/libexec/at-spi-bus-launcher",
    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
)
DEBIAN_PACKAGES = "at-spi2-core python3-pyatspi xvfb"


class BusUnavailableError(RuntimeError):
    """The accessibility bus cannot start here; the message says why."""


def _stop(process: subprocess.Popen[Any] | None, grace: float = 5.0) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(grace)


def _read_line_from_fd(fd: int, timeout: float) -> str:
    """One line written by a child on a pipe (Xvfb's display, dbus-daemon's address)."""
    deadline = time.monotonic() + timeout
    data = b""
    os.set_blocking(fd, False)
    while b"\n" not in data:
        if time.monotonic() > deadline:
            raise BusUnavailableError(f"no answer on the start-up pipe within {timeout:.0f} s")
        try:
            chunk = os.read(fd, 256)
        except BlockingIOError:
            time.sleep(0.05)
            continue
        if not chunk:
            break
        data += chunk
    return data.decode().strip()


@dataclass
class A11yBus:
    """Xvfb + a D-Bus session + the AT-SPI bus, for the app and the probe."""

    workdir: Path
    screen: str = "1366x768x24"
    processes: list[subprocess.Popen[Any]] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def missing() -> str | None:
        """What this machine lacks to start the bus (None: nothing)."""
        needs = []
        if shutil.which("Xvfb") is None:
            needs.append("Xvfb")
        if shutil.which("dbus-daemon") is None:
            needs.append("dbus-daemon")
        if not any(Path(p).exists() for p in BUS_LAUNCHERS):
            needs.append("at-spi-bus-launcher")
        if not Path(SYSTEM_PYTHON).exists():
            needs.append(SYSTEM_PYTHON)
        elif (
            subprocess.run(
                [SYSTEM_PYTHON, "-c", "import pyatspi"],
                check=False,
                capture_output=True,
                timeout=60,
            ).returncode
            != 0
        ):
            needs.append("pyatspi for /usr/bin/python3")
        if needs:
            return f"missing {', '.join(needs)} (apt-get install {DEBIAN_PACKAGES})"
        return None

    def start(self) -> A11yBus:
        problem = self.missing()
        if problem:
            raise BusUnavailableError(problem)
        self.workdir.mkdir(parents=True, exist_ok=True)
        try:
            self._start_x()
            self._start_session_bus()
            self._start_accessibility_bus()
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(self, argv: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
        log = open(self.workdir / f"{Path(argv[0]).name}.log", "ab")  # noqa: SIM115
        process = subprocess.Popen(
            argv, stdout=kwargs.pop("stdout", log), stderr=log, start_new_session=True, **kwargs
        )
        self.processes.append(process)
        return process

    def _start_x(self) -> None:
        read, write = os.pipe()
        try:
            self._spawn(
                ["Xvfb", "-displayfd", str(write), "-screen", "0", self.screen, "-nolisten",
                 "tcp", "-noreset"],
                pass_fds=(write,),
            )  # fmt: skip
            os.close(write)
            display = _read_line_from_fd(read, 30)
        finally:
            os.close(read)
        if not display.isdigit():
            raise BusUnavailableError(f"Xvfb did not start ({self.workdir / 'Xvfb.log'})")
        self.env["DISPLAY"] = f":{display}"

    def _start_session_bus(self) -> None:
        read, write = os.pipe()
        try:
            self._spawn(
                ["dbus-daemon", "--session", "--nofork", f"--print-address={write}"],
                pass_fds=(write,),
            )
            os.close(write)
            address = _read_line_from_fd(read, 30)
        finally:
            os.close(read)
        if not address:
            raise BusUnavailableError(f"dbus-daemon did not start ({self.workdir})")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address

    def _start_accessibility_bus(self) -> None:
        launcher = next(p for p in BUS_LAUNCHERS if Path(p).exists())
        self._spawn(
            [launcher, "--launch-immediately", "--a11y=1", "--screen-reader=1"],
            env=self.child_env(),
        )
        problem = ""
        for _ in range(40):
            result = subprocess.run(
                [SYSTEM_PYTHON, str(PROBE), "ping"],
                check=False,
                env=self.child_env(),
                capture_output=True,
                text=True,
                timeout=60,
            )
            if result.returncode == 0:
                return
            problem = result.stderr.strip().splitlines()[-1:] or ["no answer"]
            problem = problem[0]
            time.sleep(0.25)
        raise BusUnavailableError(f"the AT-SPI registry does not answer: {problem}")

    def child_env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_QPA", "WAYLAND"))}
        env.update(self.env)
        env.update(NO_AT_BRIDGE="0", **extra)
        return env

    def stop(self) -> None:
        for process in reversed(self.processes):
            _stop(process)
        self.processes.clear()


@dataclass
class DrivenApp:
    """The app on the bus, driven by JSON commands (`app_driver.py`)."""

    process: subprocess.Popen[str]
    pid: int
    lines: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, bus: A11yBus, db: str, data_dir: str) -> DrivenApp:
        env = bus.child_env(
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            LIVEGIVING_DATA_DIR=data_dir,
            PYTHONUNBUFFERED="1",
        )
        env.pop("LIVEGIVING_DB", None)
        stderr = open(bus.workdir / "app.log", "ab")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, str(DRIVER), "--db", db],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env,
            start_new_session=True,
        )
        bus.processes.append(process)
        first = _readline(process.stdout, 90)
        if not first:
            raise RuntimeError(f"the app did not start; see {bus.workdir / 'app.log'}")
        return cls(process, int(json.loads(first)["pid"]))

    def send(self, timeout: float = 90, **command: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        line = _readline(self.process.stdout, timeout)
        if not line:
            raise RuntimeError(f"the app gave no answer to {command}")
        answer: dict[str, Any] = json.loads(line)
        if not answer.get("ok"):
            raise RuntimeError(f"{command}: {answer.get('error')}\n{answer.get('trace', '')}")
        return answer

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.send(timeout=30, do="quit")
        _stop(self.process)


def _readline(stream: IO[str] | None, timeout: float) -> str:
    assert stream is not None
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return result[0].strip() if result else ""


# -- the probe -----------------------------------------------------------------------------


def dump_tree(bus: A11yBus, pid: int) -> dict[str, Any]:
    """The app's accessible tree as pyatspi reads it."""
    result = subprocess.run(
        [SYSTEM_PYTHON, str(PROBE), "dump", "--pid", str(pid)],
        check=False,
        env=bus.child_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the probe failed: {result.stderr[-2000:]}")
    tree: dict[str, Any] = json.loads(result.stdout)
    return tree


def events_during(
    bus: A11yBus,
    pid: int,
    act: Callable[[], Any],
    after: float = 2.0,
    until: Callable[[Any, list[dict[str, Any]]], bool] | None = None,
) -> tuple[Any, list[dict[str, Any]]]:
    """The AT-SPI events the app sends while `act()` runs and `after` seconds more; with
    `until(outcome, events)`, until that holds instead (15 s at most, or `after` if longer:
    on a busy machine an event may take seconds to cross the bus)."""
    listener = subprocess.Popen(
        [SYSTEM_PYTHON, str(PROBE), "listen", "--pid", str(pid), "--seconds", "600"],
        env=bus.child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # nothing reads it: a full pipe would stall it
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert listener.stdout is not None
        for line in listener.stdout:
            lines.put(line.strip())
        lines.put(None)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    events: list[dict[str, Any]] = []

    def take(timeout: float) -> bool:
        """Read one line into `events`; False at the end of the listener's output."""
        try:
            line = lines.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            return True
        if line is None:
            return False
        if line.startswith("{"):
            events.append(json.loads(line))
        return True

    try:
        # Events before the listener says so come from before `act()`: they are dropped.
        deadline = time.monotonic() + 60
        line: str | None = ""
        while line != "listening":
            try:
                line = lines.get(timeout=max(deadline - time.monotonic(), 0.1))
            except queue.Empty:
                line = None
            if line is None or time.monotonic() > deadline:
                raise RuntimeError(f"the listener did not start: {line!r}")
        outcome = act()
        deadline = time.monotonic() + (after if until is None else max(after, 15.0))
        while (rest := deadline - time.monotonic()) > 0:
            if until is not None and until(outcome, events):
                break
            if not take(min(rest, 0.2)):
                break
    finally:
        listener.send_signal(signal.SIGTERM)
        listener.wait(timeout=60)
        reader.join(timeout=60)
    while not lines.empty():  # what came before the listener stopped
        take(0)
    return outcome, events


# -- reading a tree ------------------------------------------------------------------------


def walk(tree: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield tree
    for child in tree.get("children", []):
        yield from walk(child)


def object_name(n: dict[str, Any]) -> str:
    """The Qt object name (Qt exposes the chain of object names as the accessible id)."""
    return str(n.get("id", "")).rsplit(".", 1)[-1]


def showing(n: dict[str, Any]) -> bool:
    return "showing" in n.get("states", []) and "visible" in n.get("states", [])
