"""WCAG 2.2 AA contrast of both palettes, computed from the theme itself: its colour kinds,
the stylesheet it renders (every rule's text on its background, component edges, focus rings,
selected rows) and the QPalette it installs. Nothing here lists colour pairs by hand."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette

from livegiving_desktop.ui import theme
from livegiving_desktop.ui.theme import FILL_TEXT, KINDS, Kind, contrast_ratio

from .qss import Selector, Stylesheet, border_colors, colors_in, parse

TEXT_MIN = 4.5
LARGE_TEXT_MIN = 3.0
NON_TEXT_MIN = 3.0
THEMES = {"light": theme.LIGHT, "dark": theme.DARK}

# What a user operates: its edge (or its fill) must stand out at 3:1, and it shows focus.
INTERACTIVE = {
    "QPushButton", "QToolButton", "QLineEdit", "QPlainTextEdit", "QTextEdit", "QSpinBox",
    "QDoubleSpinBox", "QComboBox", "QDateTimeEdit", "QDateEdit", "QTimeEdit", "QListView",
    "QTableView", "QTreeView", "QCheckBox::indicator", "QRadioButton::indicator",
    "QSlider::handle", "QScrollBar::handle",
}  # fmt: skip
# Where focus is drawn, per focusable kind (a check box rings its box, a tab bar its tab).
FOCUS_RING_ON = {
    "QPushButton", "QToolButton", "QLineEdit", "QPlainTextEdit", "QTextEdit", "QSpinBox",
    "QComboBox", "QDateTimeEdit", "QListView", "QTableView", "QTreeView", "QScrollArea",
    "QCheckBox::indicator", "QRadioButton::indicator", "QSlider", "QTabBar::tab",
}  # fmt: skip
# A selected item or tab: its indicator is a state that must stand out at 3:1.
SELECTED_STATES = {"selected", "checked"}


def of_kind(palette: dict[str, str], *kinds: Kind) -> dict[str, str]:
    return {k: v for k, v in palette.items() if KINDS[k] in kinds}


def sheet_of(palette: dict[str, str]) -> Stylesheet:
    return parse(theme.render_stylesheet(palette, theme.font_sizes(theme.REFERENCE_BASE_PT)))


def surfaces(palette: dict[str, str]) -> dict[str, str]:
    return of_kind(palette, Kind.SURFACE)


def name_of(palette: dict[str, str], color: str) -> str:
    names = [k for k, v in palette.items() if v.upper() == color.upper()]
    return "/".join(names) or color


def _opaque(value: str | None) -> list[str]:
    return colors_in(value or "")


def _is_large(declarations: dict[str, str]) -> bool:
    size = declarations.get("font-size", "")
    if not size.endswith("pt"):
        return False
    points = float(size[:-2])
    bold = declarations.get("font-weight", "400") in ("600", "700", "800", "900", "bold")
    return points >= 18 or (points >= 14 and bold)


# -- the palette's own kinds ---------------------------------------------------------------


def test_every_colour_of_both_palettes_has_a_kind() -> None:
    assert set(theme.LIGHT) == set(theme.DARK) == set(KINDS)
    for fill, on_fill in FILL_TEXT.items():
        assert KINDS[fill] in (Kind.FILL, Kind.COMPONENT_FILL, Kind.STAGE), fill
        assert KINDS[on_fill] in (Kind.ON_FILL, Kind.STAGE), on_fill
    fills = {k for k, kind in KINDS.items() if kind in (Kind.FILL, Kind.COMPONENT_FILL)}
    assert fills <= set(FILL_TEXT), "a fill without the colour of its text"


@pytest.mark.parametrize("name", THEMES)
def test_text_reads_at_4_5_on_every_surface(name: str) -> None:
    palette = THEMES[name]
    failures = [
        f"{t} {tc} on {s} {sc}: {contrast_ratio(tc, sc):.2f}:1"
        for t, tc in of_kind(palette, Kind.TEXT).items()
        for s, sc in surfaces(palette).items()
        if contrast_ratio(tc, sc) < TEXT_MIN
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", THEMES)
def test_edges_focus_graphics_and_component_fills_stand_at_3_on_every_surface(name: str) -> None:
    palette = THEMES[name]
    failures = [
        f"{t} {tc} on {s} {sc}: {contrast_ratio(tc, sc):.2f}:1"
        for t, tc in of_kind(palette, Kind.LINE, Kind.COMPONENT_FILL).items()
        for s, sc in surfaces(palette).items()
        if contrast_ratio(tc, sc) < NON_TEXT_MIN
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", THEMES)
def test_text_on_fills_reads_at_4_5(name: str) -> None:
    palette = THEMES[name]
    failures = [
        f"{on} {palette[on]} on {fill} {palette[fill]}: "
        f"{contrast_ratio(palette[on], palette[fill]):.2f}:1"
        for fill, on in FILL_TEXT.items()
        if contrast_ratio(palette[on], palette[fill]) < TEXT_MIN
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", THEMES)
def test_disabled_colours_are_dimmer_than_enabled_ones(name: str) -> None:
    """Inactive controls are exempt from the minimum (WCAG 1.4.3) but must look inactive."""
    palette = THEMES[name]
    for s in ("bg", "surface", "input"):
        assert contrast_ratio(palette["disabled_text"], palette[s]) < contrast_ratio(
            palette["muted"], palette[s]
        )


# -- the stylesheet --------------------------------------------------------------------------


def _backgrounds(palette: dict[str, str], declarations: dict[str, str]) -> dict[str, str]:
    """Where a rule's text sits: its own opaque background, else any surface."""
    own = _opaque(declarations.get("background-color"))
    if own:
        return {name_of(palette, c): c for c in own}
    return surfaces(palette)


@pytest.mark.parametrize("name", THEMES)
def test_every_text_colour_of_the_stylesheet_reads_on_its_background(name: str) -> None:
    palette = THEMES[name]
    sheet = sheet_of(palette)
    failures = []
    for selector, _rule in sheet.selectors():
        if "disabled" in selector.states:
            continue
        d = sheet.resolved(selector)
        minimum = LARGE_TEXT_MIN if _is_large(d) else TEXT_MIN
        for fg in _opaque(d.get("color")):
            for bg_name, bg in _backgrounds(palette, d).items():
                ratio = contrast_ratio(fg, bg)
                if ratio < minimum:
                    failures.append(
                        f"{selector.text}: {name_of(palette, fg)} on {bg_name} {ratio:.2f}:1"
                    )
        for fg in _opaque(d.get("selection-color")):
            for bg in _opaque(d.get("selection-background-color")):
                if contrast_ratio(fg, bg) < TEXT_MIN:
                    failures.append(f"{selector.text}: selected text {contrast_ratio(fg, bg):.2f}")
    assert not failures, "\n".join(sorted(set(failures)))


def _stands_out(palette: dict[str, str], colors: set[str] | list[str]) -> bool:
    return any(
        all(contrast_ratio(c, s) >= NON_TEXT_MIN for s in surfaces(palette).values())
        for c in colors
    )


@pytest.mark.parametrize("name", THEMES)
def test_every_control_has_an_edge_or_a_fill_at_3(name: str) -> None:
    """A control is found by its edge or its fill; a text-only control (a link) by its text."""
    palette = THEMES[name]
    sheet = sheet_of(palette)
    failures = []
    checked = set()
    for selector, _rule in sheet.selectors():
        if selector.element not in INTERACTIVE or selector.context:
            continue
        if selector.states & {"disabled", "hover", "pressed"}:
            continue  # inactive (exempt) or under the pointer (the resting look counts)
        d = sheet.resolved(selector)
        edges = border_colors(d)
        fill = _opaque(d.get("background-color"))
        if not edges and not fill:
            continue  # text-only, like a link
        checked.add(selector.element)
        if not (_stands_out(palette, edges) or _stands_out(palette, fill)):
            failures.append(
                f"{selector.text}: edge {[name_of(palette, c) for c in edges]} "
                f"fill {[name_of(palette, c) for c in fill]}"
            )
    assert not failures, "\n".join(failures)
    assert {"QPushButton", "QLineEdit", "QListView", "QCheckBox::indicator"} <= checked


@pytest.mark.parametrize("name", THEMES)
def test_selected_items_and_tabs_stand_out_at_3(name: str) -> None:
    palette = THEMES[name]
    sheet = sheet_of(palette)
    failures = []
    found = 0
    for selector, _rule in sheet.selectors():
        if not (selector.states & SELECTED_STATES) or "disabled" in selector.states:
            continue
        if selector.subcontrol not in ("item", "tab") and "segment" not in str(selector.attrs):
            continue
        found += 1
        d = sheet.resolved(selector)
        indicator = set(_opaque(d.get("background-color"))) | border_colors(d)
        if not _stands_out(palette, indicator):
            failures.append(f"{selector.text}: {[name_of(palette, c) for c in indicator]}")
    assert found >= 3
    assert not failures, "\n".join(failures)


def _variants(sheet: Stylesheet, element: str) -> set[frozenset[str]]:
    """The attribute sets a stylesheet gives an element (e.g. QPushButton's roles)."""
    return {s.attrs for s, _ in sheet.selectors() if s.element == element and not s.context}


@pytest.mark.parametrize("name", THEMES)
def test_every_focusable_kind_gets_a_focus_ring_at_3(name: str) -> None:
    """Each focusable kind, in every variant the stylesheet gives it (primary, danger, ...),
    has its edge in the focus colour when focused, at 3:1 on every surface."""
    palette = THEMES[name]
    sheet = sheet_of(palette)
    focus = palette["focus"].upper()
    failures = []
    for element in sorted(FOCUS_RING_ON):
        for attrs in _variants(sheet, element) or {frozenset()}:
            selector = Selector(element, element, attrs, frozenset({"focus"}))
            ring = border_colors(sheet.resolved(selector))
            if focus not in ring or not _stands_out(palette, [focus]):
                failures.append(f"{element}{''.join(sorted(attrs))}:focus draws {sorted(ring)}")
    assert not failures, "\n".join(failures)


DISABLED_STYLED = [
    ("QPushButton", frozenset()),
    ("QPushButton", frozenset({'[role="primary"]'})),
    ("QPushButton", frozenset({'[role="danger"]'})),
    ("QPushButton", frozenset({'[role="segment"]'})),
    ("QLineEdit", frozenset()),
    ("QComboBox", frozenset()),
    ("QSpinBox", frozenset()),
    ("QCheckBox", frozenset()),
    ("QMenu::item", frozenset()),
    ("QMenuBar::item", frozenset()),
]


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize(("element", "attrs"), DISABLED_STYLED)
def test_disabled_controls_and_menu_items_look_disabled(
    name: str, element: str, attrs: frozenset[str]
) -> None:
    palette = THEMES[name]
    sheet = sheet_of(palette)
    enabled = sheet.resolved(Selector(element, element, attrs, frozenset()))
    disabled = sheet.resolved(Selector(element, element, attrs, frozenset({"disabled"})))
    assert _opaque(disabled.get("color")) == [palette["disabled_text"].upper()]
    assert disabled.get("color") != enabled.get("color")
    if element in ("QPushButton", "QLineEdit", "QComboBox", "QSpinBox"):
        assert disabled.get("border-top-style") == "dashed"  # flat, with a dashed edge
        assert disabled.get("background-color") != enabled.get("background-color")


# -- the QPalette ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", THEMES)
def test_palette_roles_read_at_4_5_and_disabled_roles_differ(name: str) -> None:
    palette = theme.build_palette(THEMES[name])
    role = QPalette.ColorRole
    active = QPalette.ColorGroup.Active
    pairs = [
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.PlaceholderText, role.Base),
        (role.ToolTipText, role.ToolTipBase),
        (role.Link, role.Base),
        (role.Link, role.Window),
    ]
    failures = [
        f"{fg.name} on {bg.name}: "
        f"{contrast_ratio(palette.color(active, fg), palette.color(active, bg)):.2f}"
        for fg, bg in pairs
        if contrast_ratio(palette.color(active, fg), palette.color(active, bg)) < TEXT_MIN
    ]
    for edge in (role.Highlight, role.Mid, role.Dark):
        for bg in (role.Base, role.Window):
            ratio = contrast_ratio(palette.color(active, edge), palette.color(active, bg))
            if ratio < NON_TEXT_MIN:
                failures.append(f"{edge.name} on {bg.name}: {ratio:.2f}")
    assert not failures, "\n".join(failures)
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText):
        assert palette.color(disabled, r) != palette.color(active, r), r.name
