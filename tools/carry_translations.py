"""Carry translations over when code moves between classes (lupdate's context is the class).

    python tools/carry_translations.py save  SNAPSHOT.json   # before moving code
    tools/update_translations.sh                              # lupdate: new contexts, empty
    python tools/carry_translations.py apply SNAPSHOT.json   # fill them from the snapshot

`apply` fills every unfinished message of resources/translations/*.ts whose source text (and
plural form) was translated before: from the same context when it still exists, else from any
context that had the same source (ambiguous sources with different translations are left for
a translator and listed). Standard library only.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CATALOGS = sorted(Path(__file__).resolve().parents[1].glob("resources/translations/*.ts"))


def _key(message: ET.Element) -> str:
    source = message.findtext("source") or ""
    comment = message.findtext("comment") or ""
    return f"{source}\x00{comment}\x00{message.get('numerus', 'no')}"


def _value(translation: ET.Element) -> list[str] | str:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else (translation.text or "")


def save(snapshot: Path) -> None:
    data: dict[str, dict[str, dict[str, object]]] = {}
    for ts in CATALOGS:
        per: dict[str, object] = {}
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "vanished"):
                    continue
                per[f"{name}\x01{_key(message)}"] = _value(translation)
        data[ts.name] = per  # type: ignore[assignment]
    snapshot.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    print(f"saved {sum(len(v) for v in data.values())} translations to {snapshot}")


def apply(snapshot: Path) -> None:
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    for ts in CATALOGS:
        known: dict[str, object] = data.get(ts.name, {})
        by_source: dict[str, set[str]] = {}
        for full, value in known.items():
            by_source.setdefault(full.split("\x01", 1)[1], set()).add(json.dumps(value))
        tree = ET.parse(ts)
        filled, ambiguous = 0, []
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") != "unfinished":
                    continue
                key = _key(message)
                value = known.get(f"{name}\x01{key}")
                if value is None:
                    candidates = by_source.get(key, set())
                    if len(candidates) != 1:
                        if candidates:
                            ambiguous.append(f"{name}: {message.findtext('source')}")
                        continue
                    value = json.loads(next(iter(candidates)))
                del translation.attrib["type"]
                if isinstance(value, list):
                    for form, text in zip(translation.findall("numerusform"), value, strict=False):
                        form.text = text
                else:
                    translation.text = str(value)
                filled += 1
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        _restore_doctype(ts)
        print(f"{ts.name}: {filled} carried over; ambiguous: {ambiguous or 'none'}")


def _restore_doctype(ts: Path) -> None:
    text = ts.read_text(encoding="utf-8")
    head = "<?xml version='1.0' encoding='utf-8'?>\n"
    if text.startswith(head):
        text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text[len(head):]
    ts.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("save", "apply"):
        sys.exit(__doc__)
    (save if sys.argv[1] == "save" else apply)(Path(sys.argv[2]))
