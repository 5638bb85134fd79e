#!/usr/bin/python3
"""What a screen reader gets, read with a real AT-SPI client: Debian's pyatspi, run by the
system Python (/usr/bin/python3), never by the project's virtual environment.

    atspi_probe.py ping                      the registry answers (prints the apps)
    atspi_probe.py dump --pid PID            the app's accessible tree, as JSON
    atspi_probe.py listen --pid PID --seconds S
                                             prints "listening", then one JSON line per event

Tables and lists give their first rows only (a screen reader reads the rest on demand).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

ROW_LIMIT = 12  # children read of a table, list or tree
CONTAINERS = {"table", "tree table", "list", "tree", "list box"}


def app_of(pid: int, wait: float = 20.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + wait
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                continue
        if time.monotonic() > deadline:
            raise SystemExit(f"no accessible application with pid {pid}")
        time.sleep(0.2)


def node(acc, depth: int = 0) -> dict:  # type: ignore[no-untyped-def]
    out: dict = {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "id": getattr(acc, "accessibleId", "") or "",
        "states": sorted(pyatspi.stateToString(s) for s in acc.getState().getStates()),
    }
    try:
        text = acc.queryText()
        out["text"] = text.getText(0, min(text.characterCount, 2000))
    except NotImplementedError:
        pass
    except Exception:
        pass
    try:
        value = acc.queryValue()
        out["value"] = value.currentValue
    except NotImplementedError:
        pass
    except Exception:
        pass
    try:
        out["attributes"] = dict(a.split(":", 1) for a in acc.getAttributes() if ":" in a)
    except Exception:
        out["attributes"] = {}
    out["labelled_by"] = displayed_label(acc)
    count = acc.childCount
    out["child_count"] = count
    limit = ROW_LIMIT if out["role"] in CONTAINERS else count
    children = []
    for i in range(min(count, limit)):
        child = acc.getChildAtIndex(i)
        if child is not None and depth < 60:
            children.append(node(child, depth + 1))
    out["children"] = children
    return out


def displayed_label(acc) -> list[str]:  # type: ignore[no-untyped-def]
    """What Orca reads as an object's label (script_utilities.displayedLabel): the text of
    each object in its labelled-by relation (its name when it has no text)."""
    labels = []
    try:
        relations = acc.getRelationSet()
    except Exception:
        return labels
    for relation in relations:
        if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
            continue
        for i in range(relation.getNTargets()):
            target = relation.getTarget(i)
            if target is None:
                continue
            try:
                text = target.queryText()
                shown = text.getText(0, text.characterCount)
            except Exception:
                shown = ""
            labels.append(shown or target.name or "")
    return labels


def dump(pid: int) -> int:
    app = app_of(pid)
    json.dump(node(app), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def listen(pid: int, seconds: float) -> int:
    app_of(pid)

    def on_event(event) -> None:  # type: ignore[no-untyped-def]
        source = event.source
        try:
            if source is None or source.get_process_id() != pid:
                return
            record = {
                "type": event.type,
                "role": source.getRoleName(),
                "name": source.name or "",
                "description": source.description or "",
                "id": getattr(source, "accessibleId", "") or "",
                "detail1": event.detail1,
                "detail2": event.detail2,
                "data": event.any_data if isinstance(event.any_data, (str, int, float)) else "",
                "at": time.monotonic(),
            }
            if event.type.startswith(("object:text-changed", "object:property-change")):
                record["attributes"] = dict(
                    a.split(":", 1) for a in source.getAttributes() if ":" in a
                )
        except Exception:  # an object gone before it could be read
            return
        print(json.dumps(record, ensure_ascii=False), flush=True)

    pyatspi.Registry.registerEventListener(
        on_event,
        "object:announcement",
        "object:text-changed",
        "object:property-change:accessible-name",
        "object:property-change:accessible-description",
        "object:state-changed:focused",
        "object:state-changed:showing",
        "object:children-changed",
        "object:value-changed",
        "object:row-inserted",
        "focus:",
        "window:activate",
    )
    GLib.timeout_add(int(seconds * 1000), pyatspi.Registry.stop)
    GLib.timeout_add(300, lambda: print("listening", flush=True) and False)
    pyatspi.Registry.start()
    return 0


def ping() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    print(json.dumps([desktop.getChildAtIndex(i).name for i in range(desktop.childCount)]))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("ping", "dump", "listen"))
    parser.add_argument("--pid", type=int)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if args.command == "ping":
        return ping()
    if args.command == "dump":
        return dump(args.pid)
    return listen(args.pid, args.seconds)


if __name__ == "__main__":
    sys.exit(main())
