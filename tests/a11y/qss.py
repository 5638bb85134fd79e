"""A small reader of the theme's stylesheet: rules, their selectors, and what a selector gets
once the rules it builds on are merged in (the cascade, close enough for colours)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
# QPushButton[role="primary"]::indicator:checked:focus
_SELECTOR = re.compile(
    r"^(?P<type>[A-Za-z*][\w]*)?(?P<id>#\w+)?(?P<attrs>(\[[^\]]+\])*)(?P<sub>::[\w-]+)?(?P<states>(:[\w-]+)*)$"
)


@dataclass(frozen=True)
class Selector:
    """One simple selector of the stylesheet (descendant selectors keep their last part)."""

    text: str
    element: str  # type, id and subcontrol: what the rule draws
    attrs: frozenset[str]
    states: frozenset[str]
    context: str = ""  # the ancestor part of a descendant selector

    @property
    def widget(self) -> str:
        return self.element.split("::")[0].split("#")[0]

    @property
    def subcontrol(self) -> str:
        return self.element.split("::")[1] if "::" in self.element else ""


@dataclass
class Rule:
    selectors: list[Selector]
    declarations: dict[str, str]
    order: int


@dataclass
class Stylesheet:
    rules: list[Rule] = field(default_factory=list)

    def selectors(self) -> list[tuple[Selector, Rule]]:
        return [(s, r) for r in self.rules for s in r.selectors]

    def resolved(self, selector: Selector) -> dict[str, str]:
        """The declarations `selector` gets: every rule on the same element whose attributes
        and states are a subset of its own, least specific first, later rules winning ties."""
        matches: list[tuple[int, int, Rule]] = []
        for s, r in self.selectors():
            if s.element != selector.element or s.context != selector.context:
                continue
            if s.attrs <= selector.attrs and s.states <= selector.states:
                matches.append((len(s.attrs) + len(s.states), r.order, r))
        merged: dict[str, str] = {}
        for _, _, r in sorted(matches, key=lambda m: (m[0], m[1])):
            merged.update(r.declarations)
        return expand(merged)


def parse(text: str) -> Stylesheet:
    sheet = Stylesheet()
    body = _COMMENT.sub("", text)
    for order, chunk in enumerate(body.split("}")):
        if "{" not in chunk:
            continue
        head, decls = chunk.split("{", 1)
        declarations: dict[str, str] = {}
        for decl in decls.split(";"):
            if ":" not in decl:
                continue
            name, value = decl.split(":", 1)
            declarations[name.strip().lower()] = value.strip()
        selectors = [parse_selector(s.strip()) for s in head.split(",") if s.strip()]
        sheet.rules.append(Rule(selectors, declarations, order))
    return sheet


def parse_selector(text: str) -> Selector:
    parts = text.split()
    last = parts[-1]
    match = _SELECTOR.match(last)
    if match is None:
        raise ValueError(f"selector not understood: {text!r}")
    element = (match["type"] or "*") + (match["id"] or "") + (match["sub"] or "")
    attrs = frozenset(re.findall(r"\[[^\]]+\]", match["attrs"] or ""))
    states = frozenset(s for s in (match["states"] or "").split(":") if s)
    return Selector(text, element, attrs, states, " ".join(parts[:-1]))


def expand(declarations: dict[str, str]) -> dict[str, str]:
    """Shorthands split into what the checks read: border colour and style per side,
    background colour."""
    out = dict(declarations)
    if "background" in out and "background-color" not in out:
        out["background-color"] = out["background"]
    sides = ("top", "right", "bottom", "left")
    border = out.get("border")
    if border is not None:
        for side in sides:
            out.setdefault(f"border-{side}", border)
    if "border-color" in out:
        for side in sides:
            out[f"border-{side}-color"] = out["border-color"]
    for side in sides:
        value = out.get(f"border-{side}", "")
        if f"border-{side}-color" not in out:
            colors = colors_in(value)
            if colors:
                out[f"border-{side}-color"] = colors[0]
            elif "transparent" in value or value in ("none", "0"):
                out[f"border-{side}-color"] = "transparent"
        style = next(
            (w for w in value.split() if w in ("solid", "dashed", "dotted", "double", "none")),
            None,
        )
        if style:
            out[f"border-{side}-style"] = style
    return out


def colors_in(value: str) -> list[str]:
    """The #RRGGBB colours in a value (a gradient gives each stop)."""
    return [c.upper() for c in _HEX.findall(value)]


def border_colors(declarations: dict[str, str]) -> set[str]:
    """The colours of the visible borders (none for transparent or absent ones)."""
    found: set[str] = set()
    for side in ("top", "right", "bottom", "left"):
        value = declarations.get(f"border-{side}-color", "")
        width = declarations.get(f"border-{side}", declarations.get("border", ""))
        if not value or value == "transparent" or re.search(r"\b0(px)?\b", width or ""):
            continue
        found.update(colors_in(value))
    return found
