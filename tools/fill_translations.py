"""Fill translations given as JSON: {"fr": {"Context\u0001source": "text" | ["one", "many"]}}.

    python tools/fill_translations.py FILE.json

Only unfinished messages are filled; run tools/update_translations.sh afterwards to tidy."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "resources" / "translations"


def main(spec: Path) -> None:
    wanted = json.loads(spec.read_text(encoding="utf-8"))
    for language, entries in wanted.items():
        path = ROOT / f"livegiving_{language}.ts"
        tree = ET.parse(path)
        filled = 0
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                value = entries.get(f"{name}\u0001{message.findtext('source')}")
                translation = message.find("translation")
                if value is None or translation is None:
                    continue
                translation.attrib.pop("type", None)
                if isinstance(value, list):
                    forms = translation.findall("numerusform")
                    for form, text in zip(forms, value, strict=False):
                        form.text = text
                else:
                    translation.text = value
                filled += 1
        tree.write(path, encoding="utf-8", xml_declaration=True)
        text = path.read_text(encoding="utf-8")
        head = "<?xml version='1.0' encoding='utf-8'?>\n"
        if text.startswith(head):
            text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text[len(head):]
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        print(f"{path.name}: {filled} filled of {len(entries)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
