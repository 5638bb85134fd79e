"""Every string the UI translates is in the French catalogue, translated: a call lupdate cannot
read (a "//" on the line, a call split oddly) would otherwise fall back to English in silence."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "src" / "livegiving_desktop" / "ui"


def _ui_sources() -> set[str]:
    """The literal source texts of every tr() and QCoreApplication.translate() call."""
    found: set[str] = set()
    for path in [*UI.rglob("*.py"), ROOT / "src" / "livegiving_desktop" / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = node.args
            if name == "tr" and args and isinstance(args[0], ast.Constant):
                found.add(str(args[0].value))
            elif name == "translate" and len(args) >= 2 and isinstance(args[1], ast.Constant):
                found.add(str(args[1].value))
    return found


def _translated(catalog: str) -> set[str]:
    root = ET.parse(ROOT / "resources" / "translations" / catalog).getroot()
    out = set()
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            continue
        if translation.text or translation.findall("numerusform"):
            out.add(message.findtext("source") or "")
    return out


def test_every_ui_string_has_its_french_translation() -> None:
    missing = sorted(_ui_sources() - _translated("livegiving_fr.ts"))
    assert not missing, f"run tools/update_translations.sh and translate: {missing[:20]}"


@pytest.mark.parametrize("catalog", ["livegiving_en.ts", "livegiving_fr.ts"])
def test_every_plural_has_both_its_forms(catalog: str) -> None:
    """lupdate drops plural forms it thinks a language lacks: both must stay."""
    root = ET.parse(ROOT / "resources" / "translations" / catalog).getroot()
    empty = [
        message.findtext("source")
        for message in root.iter("message")
        if message.get("numerus") == "yes"
        and (
            len(message.findall("translation/numerusform")) < 2
            or not all(f.text for f in message.iter("numerusform"))
        )
    ]
    assert not empty, empty
