"""The live view's Overlays panel: the OBS links, the server's port and LAN switch, the style
with a live preview, alert tiers and voice, the overlays connected and when each was last seen,
and the alert controls (test, replay, skip, pause).

Self-contained: it takes an `OverlayService` (services/overlays) and runs every call that
touches the database or the server's life cycle on an executor (the service's own thread
unless another is given), never on the UI thread; results come back as a queued signal.
The list of connected overlays is read from the server's memory once a second.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor, Future
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFontComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.errors import LiveGivingError, ValidationError
from livegiving_desktop.core.money import minor_per_major, parse_amount, to_decimal_text
from livegiving_desktop.core.overlays import (
    MAX_TIERS,
    AlertSize,
    AlertSound,
    AlertTier,
    OverlayKind,
    OverlaySettings,
    OverlayStyle,
    Position,
    SpeechSettings,
)
from livegiving_desktop.services.overlays import (
    DEFAULT_PORT,
    OverlayConnection,
    OverlayLink,
    OverlayService,
    OverlaySetupView,
)
from livegiving_desktop.ui.common.bridge import thread_emitter
from livegiving_desktop.ui.common.error_text import translate_reason, user_message
from livegiving_desktop.ui.overlays.preview import OverlayPreview

log = logging.getLogger("livegiving.ui")

Index = QModelIndex | QPersistentModelIndex
W = TypeVar("W", bound=QWidget)


def _time(us: int) -> str:
    return datetime.fromtimestamp(us / 1_000_000).strftime("%H:%M:%S")  # noqa: DTZ006 - local


class _Labels(QObject):
    """The translated names of the overlays, positions, sounds and sizes."""

    def kind(self, kind: str) -> str:
        return {
            "alerts": self.tr("Alert box"),
            "goal": self.tr("Goal bar"),
            "ticker": self.tr("Recent donations ticker"),
            "top": self.tr("Top donors"),
            "story": self.tr("Story spotlight"),
            "event": self.tr("Seats and attendance"),
        }.get(kind, kind)

    def position(self, position: Position) -> str:
        return {
            Position.TOP_LEFT: self.tr("Top left"),
            Position.TOP: self.tr("Top"),
            Position.TOP_RIGHT: self.tr("Top right"),
            Position.LEFT: self.tr("Left"),
            Position.CENTER: self.tr("Centre"),
            Position.RIGHT: self.tr("Right"),
            Position.BOTTOM_LEFT: self.tr("Bottom left"),
            Position.BOTTOM: self.tr("Bottom"),
            Position.BOTTOM_RIGHT: self.tr("Bottom right"),
        }[position]

    def sound(self, sound: AlertSound) -> str:
        return {
            AlertSound.NONE: self.tr("No sound"),
            AlertSound.CHIME: self.tr("Chime"),
            AlertSound.BELL: self.tr("Bell"),
            AlertSound.FANFARE: self.tr("Fanfare"),
        }[sound]

    def size(self, size: AlertSize) -> str:
        return {
            AlertSize.NORMAL: self.tr("Normal"),
            AlertSize.LARGE: self.tr("Large"),
            AlertSize.HUGE: self.tr("Huge"),
        }[size]


class ConnectionsModel(QAbstractListModel):
    """The overlay pages connected to this app's server, and those seen in the last minutes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OverlayConnection] = []
        self._labels = _Labels(self)

    def set_rows(self, rows: list[OverlayConnection]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def connected(self) -> int:
        return sum(1 for r in self._rows if r.connected)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = self._labels.kind(row.kind)
            if row.connected:
                state = (
                    self.tr("connected since %1, last seen %2")
                    .replace("%1", _time(row.connected_at_us))
                    .replace("%2", _time(row.last_seen_us))
                )
            else:
                state = self.tr("disconnected, last seen %1").replace("%1", _time(row.last_seen_us))
            where = f" ({row.remote})" if row.remote else ""
            return f"{name} — {state}{where}"
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class _TierRow:
    """The widgets of one alert tier."""

    def __init__(self, panel: OverlaysPanel, number: int) -> None:
        labels = panel.labels
        self.amount = QLineEdit()
        self.amount.setObjectName(f"overlayTierAmount{number}")
        self.amount.setAccessibleName(
            QCoreApplication.translate("OverlaysPanel", "Tier %1: from amount").replace(
                "%1", str(number)
            )
        )
        self.color = QLineEdit()
        self.color.setObjectName(f"overlayTierColor{number}")
        self.color.setAccessibleName(
            QCoreApplication.translate("OverlaysPanel", "Tier %1: colour").replace(
                "%1", str(number)
            )
        )
        self.color.setMaxLength(7)
        self.sound = QComboBox()
        self.sound.setObjectName(f"overlayTierSound{number}")
        self.sound.setAccessibleName(
            QCoreApplication.translate("OverlaysPanel", "Tier %1: sound").replace("%1", str(number))
        )
        for sound in AlertSound:
            self.sound.addItem(labels.sound(sound), sound.value)
        self.size = QComboBox()
        self.size.setObjectName(f"overlayTierSize{number}")
        self.size.setAccessibleName(
            QCoreApplication.translate("OverlaysPanel", "Tier %1: size").replace("%1", str(number))
        )
        for size in AlertSize:
            self.size.addItem(labels.size(size), size.value)
        self.remove = QToolButton()
        self.remove.setObjectName(f"overlayTierRemove{number}")
        self.remove.setText("✕")
        self.remove.setToolTip(QCoreApplication.translate("OverlaysPanel", "Remove this tier"))
        self.remove.setAccessibleName(
            QCoreApplication.translate("OverlaysPanel", "Remove tier %1").replace("%1", str(number))
        )
        self.widgets: list[QWidget] = [self.amount, self.color, self.sound, self.size, self.remove]

    def show(self, tier: AlertTier, currency: str) -> None:
        self.amount.setText(to_decimal_text(tier.min_minor, currency))
        self.color.setText(tier.color.upper())
        self.sound.setCurrentIndex(max(0, self.sound.findData(tier.sound.value)))
        self.size.setCurrentIndex(max(0, self.size.findData(tier.size.value)))

    def tier(self, currency: str, number: int) -> AlertTier:
        text = self.amount.text().strip()
        field = f"tier {number} minimum"
        minimum = (
            0 if text in ("0", "0.0", "0.00", "") else parse_amount(text, currency, field=field)
        )
        return AlertTier(
            minimum,
            self.color.text().strip(),
            AlertSound(self.sound.currentData()),
            AlertSize(self.size.currentData()),
        )


class OverlaysPanel(QWidget):
    """See the module doc. `set_campaign(id)` shows a campaign's overlays."""

    settingsSaved = Signal(object)  # OverlaySetupView
    serverChanged = Signal(int, bool)  # port, open to the LAN
    _finished = Signal(object, object, object)  # what, generation, Future

    def __init__(
        self,
        service: OverlayService,
        parent: QWidget | None = None,
        *,
        executor: Executor | None = None,
        refresh_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overlaysPanel")
        self.setAccessibleName(self.tr("Overlays"))
        self.service = service
        self.executor = executor or service.executor
        self.labels = _Labels(self)
        self.campaign_id: int | None = None
        self.server_problem: str | None = None  # why the server could not start, in words
        self.setup: OverlaySetupView | None = None
        self._generation = 0
        self._filling = False
        self._tiers: list[_TierRow] = []
        self._build()
        self._finished.connect(self._on_self_finished)
        # Done on the executor's thread: it reaches this panel on the UI thread, and nothing if
        # the panel is gone by then (its window closed while the action ran).
        self._finish = thread_emitter(self, "_finished")
        self._refresh = QTimer(self)
        self._refresh.setInterval(refresh_ms)
        self._refresh.timeout.connect(self._on_refresh_timeout)
        self._refresh.start()
        self._set_enabled(False)
        self._on_refresh_timeout()

    # -- building -----------------------------------------------------------------------------

    def _named(self, widget: W, name: str, accessible: str) -> W:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        return widget

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        # The alert controls and who is connected, first: what a creator reaches for on air.
        controls = QGroupBox(self.tr("Alerts on air"))
        row = QGridLayout(controls)
        self.test_button = self._named(
            QPushButton(self.tr("Test alert")), "overlayTestAlert", self.tr("Test alert")
        )
        self.replay_button = self._named(
            QPushButton(self.tr("Replay last alert")),
            "overlayReplayAlert",
            self.tr("Replay last alert"),
        )
        self.skip_button = self._named(
            QPushButton(self.tr("Skip current alert")),
            "overlaySkipAlert",
            self.tr("Skip current alert"),
        )
        self.pause_button = self._named(
            QPushButton(self.tr("Pause alerts")), "overlayPauseAlerts", self.tr("Pause alerts")
        )
        self.pause_button.setCheckable(True)
        # Two by two: the French texts are long, and the window opens 760 px wide.
        buttons = (self.test_button, self.replay_button, self.skip_button, self.pause_button)
        for i, button in enumerate(buttons):
            row.addWidget(button, i // 2, i % 2)
        self.test_button.clicked.connect(partial(self._control, "test"))
        self.replay_button.clicked.connect(partial(self._control, "replay"))
        self.skip_button.clicked.connect(partial(self._control, "skip"))
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        layout.addWidget(controls)

        self.notice = self._named(QLabel(), "overlayNotice", self.tr("Overlay notice"))
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)

        connected = QGroupBox(self.tr("Connected overlays"))
        box = QVBoxLayout(connected)
        self.connected_count = self._named(
            QLabel(), "overlayConnectedCount", self.tr("Overlays connected")
        )
        box.addWidget(self.connected_count)
        self.connections_model = ConnectionsModel(self)
        self.connections = self._named(
            QListView(), "overlayConnections", self.tr("Connected overlays")
        )
        self.connections.setModel(self.connections_model)
        self.connections.setUniformItemSizes(True)
        self.connections.setMaximumHeight(120)
        box.addWidget(self.connections)
        layout.addWidget(connected)

        # The links for OBS.
        links = QGroupBox(self.tr("Browser sources for OBS"))
        grid = QGridLayout(links)
        self.url_fields: dict[OverlayKind, QLineEdit] = {}
        for i, kind in enumerate(OverlayKind):
            name = self.labels.kind(kind.value)
            grid.addWidget(QLabel(name), i, 0)
            field = self._named(
                QLineEdit(), f"overlayUrl_{kind.value}", self.tr("%1 link").replace("%1", name)
            )
            field.setReadOnly(True)
            self.url_fields[kind] = field
            grid.addWidget(field, i, 1)
            copy = self._named(
                QToolButton(),
                f"copyOverlayUrl_{kind.value}",
                self.tr("Copy the %1 link").replace("%1", name),
            )
            copy.setText(self.tr("Copy"))
            copy.clicked.connect(partial(self._copy, kind))
            grid.addWidget(copy, i, 2)
        self.new_token_button = self._named(
            QPushButton(self.tr("New links")),
            "overlayNewToken",
            self.tr("New links (the old ones stop working)"),
        )
        self.new_token_button.clicked.connect(self._on_new_token_button_clicked)
        grid.addWidget(self.new_token_button, len(OverlayKind), 1)
        layout.addWidget(links)

        server = QGroupBox(self.tr("Overlay server"))
        form = QFormLayout(server)
        self.server_status = self._named(
            QLabel(), "overlayServerStatus", self.tr("Overlay server status")
        )
        self.server_status.setWordWrap(True)
        form.addRow(self.server_status)
        self.port = self._named(QSpinBox(), "overlayPort", self.tr("Port"))
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        form.addRow(self.tr("Port"), self.port)
        self.lan = self._named(
            QCheckBox(self.tr("Open to the local network (a second streaming PC)")),
            "overlayLan",
            self.tr("Open to the local network"),
        )
        form.addRow(self.lan)
        self.apply_server = self._named(
            QPushButton(self.tr("Apply")),
            "applyOverlayServer",
            self.tr("Apply the server settings"),
        )
        self.apply_server.clicked.connect(self._on_apply_server_clicked)
        form.addRow(self.apply_server)
        layout.addWidget(server)

        # The style, with its preview.
        style = QGroupBox(self.tr("Style"))
        form = QFormLayout(style)
        self.preview = OverlayPreview()
        form.addRow(self.preview)
        self.preview_tier = self._named(
            QComboBox(), "overlayPreviewTier", self.tr("Tier shown in the preview")
        )
        form.addRow(self.tr("Preview tier"), self.preview_tier)
        self.text_color = self._color_field("overlayTextColor", self.tr("Text colour"), form)
        self.accent_color = self._color_field("overlayAccentColor", self.tr("Accent colour"), form)
        self.panel_color = self._color_field(
            "overlayPanelColor", self.tr("Box colour (with transparency)"), form, 9
        )
        self.font_family = self._named(QFontComboBox(), "overlayFont", self.tr("Font"))
        form.addRow(self.tr("Font"), self.font_family)
        self.font_scale = self._named(QSpinBox(), "overlayFontScale", self.tr("Text size"))
        self.font_scale.setRange(50, 300)
        self.font_scale.setSuffix(" %")
        form.addRow(self.tr("Text size"), self.font_scale)
        self.position = self._named(QComboBox(), "overlayPosition", self.tr("Position"))
        for position in Position:
            self.position.addItem(self.labels.position(position), position.value)
        form.addRow(self.tr("Position"), self.position)
        self.language = self._named(
            QComboBox(), "overlayLanguage", self.tr("Language of the overlays")
        )
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        form.addRow(self.tr("Language"), self.language)
        self.alert_seconds = self._named(
            QSpinBox(), "overlayAlertSeconds", self.tr("Each alert stays on screen")
        )
        self.alert_seconds.setRange(1, 60)
        self.alert_seconds.setSuffix(self.tr(" s"))
        form.addRow(self.tr("Alert duration"), self.alert_seconds)
        self.speech = self._named(
            QCheckBox(self.tr("Read messages aloud (text-to-speech)")),
            "overlaySpeech",
            self.tr("Read messages aloud"),
        )
        form.addRow(self.speech)
        self.speech_rate = self._named(QSpinBox(), "overlaySpeechRate", self.tr("Voice speed"))
        self.speech_rate.setRange(50, 200)
        self.speech_rate.setSuffix(" %")
        form.addRow(self.tr("Voice speed"), self.speech_rate)
        layout.addWidget(style)

        tiers = QGroupBox(self.tr("Alert tiers by amount"))
        self.tier_grid = QGridLayout(tiers)
        for column, title in enumerate(
            (self.tr("From"), self.tr("Colour"), self.tr("Sound"), self.tr("Size"))
        ):
            self.tier_grid.addWidget(QLabel(title), 0, column)
        self.add_tier = self._named(
            QPushButton(self.tr("Add a tier")), "overlayAddTier", self.tr("Add a tier")
        )
        self.add_tier.clicked.connect(self._on_add_tier_clicked)
        layout.addWidget(tiers)
        self.tiers_box = tiers

        self.error = self._named(QLabel(), "overlayError", self.tr("Overlay settings error"))
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.save_button = self._named(
            QPushButton(self.tr("Save style")),
            "saveOverlaySettings",
            self.tr("Save the overlay style"),
        )
        self.save_button.clicked.connect(self._on_save_button_clicked)
        layout.addWidget(self.save_button)
        layout.addStretch(1)

        for field in (self.text_color, self.accent_color, self.panel_color):
            field.textChanged.connect(self._on_form_changed)
        self.font_family.currentFontChanged.connect(self._on_form_changed)
        for spin in (self.font_scale, self.alert_seconds, self.speech_rate):
            spin.valueChanged.connect(self._on_form_changed)
        for combo in (self.position, self.language, self.preview_tier):
            combo.currentIndexChanged.connect(self._on_form_changed)
        self.speech.toggled.connect(self._on_form_changed)

    def _color_field(self, name: str, label: str, form: QFormLayout, length: int = 7) -> QLineEdit:
        field = self._named(QLineEdit(), name, label)
        field.setMaxLength(length)
        pick = self._named(QToolButton(), f"{name}Pick", self.tr("Choose %1").replace("%1", label))
        pick.setText("…")
        pick.clicked.connect(partial(self._pick_color, field))
        row = QHBoxLayout()
        row.addWidget(field)
        row.addWidget(pick)
        form.addRow(label, row)
        return field

    # -- the campaign -------------------------------------------------------------------------

    def set_campaign(self, campaign_id: int | None) -> None:
        """Show this campaign's overlays (None: nothing, the controls disabled)."""
        self.campaign_id = campaign_id
        self.setup = None
        self._generation += 1
        self._set_enabled(False)
        for field in self.url_fields.values():
            field.clear()
        if campaign_id is not None:
            self._run("setup", self.service.setup, campaign_id)
            self._run("links", self.service.links, campaign_id)
        self._on_refresh_timeout()

    def current_settings(self) -> OverlaySettings:
        """The settings as the form holds them now (unchecked; raises on an unreadable
        amount)."""
        base = self.setup.settings if self.setup else OverlaySettings.defaults("EUR")
        currency = self.setup.currency if self.setup else "EUR"
        style = OverlayStyle(
            text_color=self.text_color.text().strip(),
            accent_color=self.accent_color.text().strip(),
            panel_color=self.panel_color.text().strip(),
            font_family=self.font_family.currentFont().family(),
            font_scale=self.font_scale.value(),
            position=Position(self.position.currentData()),
        )
        tiers = tuple(row.tier(currency, i) for i, row in enumerate(self._tiers, start=1))
        return replace(
            base,
            style=style,
            tiers=tiers,
            speech=SpeechSettings(
                self.speech.isChecked(), self.speech_rate.value(), base.speech.volume
            ),
            language=str(self.language.currentData()),
            alert_ms=self.alert_seconds.value() * 1000,
        )

    def _fill(self, view: OverlaySetupView) -> None:
        self._filling = True
        try:
            s = view.settings
            self.text_color.setText(s.style.text_color.upper())
            self.accent_color.setText(s.style.accent_color.upper())
            self.panel_color.setText(s.style.panel_color.upper())
            self.font_family.setCurrentFont(s.style.font_family)
            self.font_scale.setValue(s.style.font_scale)
            self.position.setCurrentIndex(max(0, self.position.findData(s.style.position.value)))
            self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
            self.alert_seconds.setValue(max(1, s.alert_ms // 1000))
            self.speech.setChecked(s.speech.enabled)
            self.speech_rate.setValue(s.speech.rate)
            self._set_tier_rows(s.tiers, view.currency)
            self.pause_button.setChecked(view.paused)
            self._pause_text(view.paused)
        finally:
            self._filling = False
        self.preview.set_sample(
            self.tr("Zoé"),
            to_decimal_text(25 * minor_per_major(view.currency), view.currency)
            + " "
            + view.currency,
            self.tr("Good luck with the marathon!"),
        )
        self._on_form_changed()

    def _set_tier_rows(self, tiers: tuple[AlertTier, ...], currency: str) -> None:
        for row in self._tiers:
            for widget in row.widgets:
                self.tier_grid.removeWidget(widget)
                widget.deleteLater()
        self._tiers = []
        for tier in tiers:
            self._append_tier(tier, currency)
        self._refresh_tier_choices()

    def _append_tier(self, tier: AlertTier, currency: str) -> None:
        number = len(self._tiers) + 1
        row = _TierRow(self, number)
        row.show(tier, currency)
        for column, widget in enumerate(row.widgets):
            self.tier_grid.addWidget(widget, number, column)
        row.amount.textChanged.connect(self._on_form_changed)
        row.color.textChanged.connect(self._on_form_changed)
        row.sound.currentIndexChanged.connect(self._on_form_changed)
        row.size.currentIndexChanged.connect(self._on_form_changed)
        row.remove.clicked.connect(partial(self._remove_tier, row))
        self._tiers.append(row)
        self.tier_grid.removeWidget(self.add_tier)
        self.tier_grid.addWidget(self.add_tier, number + 1, 0, 1, 2)

    def _refresh_tier_choices(self) -> None:
        current = self.preview_tier.currentIndex()
        self._filling, was = True, self._filling
        self.preview_tier.clear()
        for i in range(len(self._tiers)):
            self.preview_tier.addItem(self.tr("Tier %1").replace("%1", str(i + 1)), i)
        self.preview_tier.setCurrentIndex(max(0, min(current, len(self._tiers) - 1)))
        self._filling = was
        self.add_tier.setEnabled(len(self._tiers) < MAX_TIERS)
        for row in self._tiers:
            row.remove.setEnabled(len(self._tiers) > 1)

    def _remove_tier(self, row: _TierRow) -> None:
        if row not in self._tiers or len(self._tiers) <= 1:
            return
        currency = self.setup.currency if self.setup else "EUR"
        try:
            keep = [r.tier(currency, i) for i, r in enumerate(self._tiers, start=1) if r is not row]
        except ValidationError as exc:
            self._show_error(exc)
            return
        self._set_tier_rows(tuple(keep), currency)
        self._on_form_changed()

    @Slot()
    def _on_add_tier_clicked(self) -> None:
        currency = self.setup.currency if self.setup else "EUR"
        try:
            highest = max(r.tier(currency, i).min_minor for i, r in enumerate(self._tiers, start=1))
        except (ValidationError, ValueError):
            highest = 0
        unit = minor_per_major(currency)
        self._append_tier(AlertTier(max(unit, highest * 2), "#7C9CFF"), currency)
        self._refresh_tier_choices()
        self._on_form_changed()

    # -- the form -----------------------------------------------------------------------------

    @Slot()
    def _on_form_changed(self, *_args: object) -> None:
        """The preview follows every change, checked or not; the error says what is wrong."""
        if self._filling or self.setup is None:
            return
        try:
            settings = self.current_settings()
            checked = settings.check()
        except ValidationError as exc:
            self._show_error(exc)
            return
        self.error.clear()
        self.save_button.setEnabled(True)
        tier = self.preview_tier.currentData()
        self.preview.set_settings(checked, tier if isinstance(tier, int) else 0)

    def _show_error(self, exc: ValidationError) -> None:
        self.error.setText(user_message(exc))
        self.save_button.setEnabled(False)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if self.campaign_id is None:
            return
        try:
            settings = self.current_settings().check()
        except ValidationError as exc:
            self._show_error(exc)
            return
        self.save_button.setEnabled(False)
        self._run("save", self.service.save_settings, self.campaign_id, settings)

    def _pick_color(self, field: QLineEdit) -> None:
        dialog = QColorDialog(QColor(field.text()[:7] or "#FFFFFF"), self)
        dialog.setObjectName("overlayColorDialog")
        dialog.colorSelected.connect(lambda c: field.setText(c.name().upper()))
        dialog.open()  # never exec() inside the running loop

    def _copy(self, kind: OverlayKind) -> None:
        clipboard = QGuiApplication.clipboard()
        text = self.url_fields[kind].text()
        if clipboard is not None and text:
            clipboard.setText(text)
            self.notice.setText(
                self.tr("Copied the %1 link.").replace("%1", self.labels.kind(kind.value))
            )

    # -- controls and the server ---------------------------------------------------------------

    def _control(self, action: str) -> None:
        if self.campaign_id is not None:
            self._run(action, self.service.control, self.campaign_id, action)

    @Slot()
    def _on_pause_button_clicked(self) -> None:
        self._control("pause" if self.pause_button.isChecked() else "resume")

    @Slot()
    def _on_new_token_button_clicked(self) -> None:
        if self.campaign_id is not None:
            self._run("token", self.service.new_token, self.campaign_id)

    @Slot()
    def _on_apply_server_clicked(self) -> None:
        self.apply_server.setEnabled(False)
        port, lan = self.port.value(), self.lan.isChecked()
        self._run("server", self._restart_server, port, lan)

    def _restart_server(self, port: int, lan: bool) -> tuple[int, bool]:
        server = self.service.start_server(port=port, lan=lan)
        return server.port, server.lan

    def _pause_text(self, paused: bool) -> None:
        text = self.tr("Resume alerts") if paused else self.tr("Pause alerts")
        self.pause_button.setText(text)
        self.pause_button.setAccessibleName(text)

    # -- off the UI thread ---------------------------------------------------------------------

    def _run(self, what: str, fn: Any, *args: Any) -> None:
        generation = self._generation
        future = self.executor.submit(fn, *args)
        finish = self._finish
        future.add_done_callback(lambda f: finish(what, generation, f))

    @Slot(object, object, object)
    def _on_self_finished(self, what: str, generation: int, future: Future[Any]) -> None:
        if what == "server":
            self.apply_server.setEnabled(True)
        try:
            result = future.result()
        except LiveGivingError as exc:
            self.notice.setText(user_message(exc))
            if what == "save":
                self.save_button.setEnabled(True)
            self._on_refresh_timeout()
            return
        except Exception as exc:  # the details go to the log, words to the creator
            log.exception("overlay action %s failed", what)
            self.notice.setText(self.tr("That did not work: %1").replace("%1", user_message(exc)))
            self._on_refresh_timeout()
            return
        if what == "server":
            port, lan = result
            self.notice.setText(
                self.tr("The overlay server listens on port %1.").replace("%1", str(port))
            )
            self.serverChanged.emit(port, lan)
            self._on_refresh_timeout()
            if self.campaign_id is not None:
                self._run("links", self.service.links, self.campaign_id)
            return
        if generation != self._generation:
            return  # about a campaign no longer shown
        if what == "links":
            self._show_links(result)
        elif what in ("setup", "save", "token"):
            self.setup = result
            self._fill(result)
            self._set_enabled(True)
            if what == "save":
                self.notice.setText(self.tr("Style saved: every overlay shows it now."))
                self.settingsSaved.emit(result)
            if what == "token" and self.campaign_id is not None:
                self.notice.setText(self.tr("New links made: the old ones no longer work."))
                self._run("links", self.service.links, self.campaign_id)
        else:
            self.setup = replace(self.setup, paused=result.paused) if self.setup else result
            self.pause_button.setChecked(result.paused)
            self._pause_text(result.paused)
            self.notice.setText(
                {
                    "test": self.tr("Test alert sent."),
                    "replay": self.tr("The last alert plays again."),
                    "skip": self.tr("Skipped the alert on screen."),
                    "pause": self.tr("Alerts paused: new ones wait."),
                    "resume": self.tr("Alerts resumed."),
                }.get(what, "")
            )

    def _show_links(self, links: list[OverlayLink]) -> None:
        for link in links:
            field = self.url_fields[link.kind]
            field.setText(link.url)
            field.setToolTip(
                self.tr("Browser source size: %1 × %2")
                .replace("%1", str(link.width))
                .replace("%2", str(link.height))
            )

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.test_button,
            self.replay_button,
            self.skip_button,
            self.pause_button,
            self.save_button,
            self.new_token_button,
            self.tiers_box,
        ):
            widget.setEnabled(enabled)

    @Slot()
    def _on_refresh_timeout(self) -> None:
        """Who is connected (the server's memory: no database), and the server's state."""
        rows = self.service.connections(self.campaign_id) if self.campaign_id else []
        self.connections_model.set_rows(rows)
        count = self.connections_model.connected
        text = (
            self.tr("No overlay connected")
            if count == 0
            else self.tr("%n overlay(s) connected", "", count)
        )
        self.connected_count.setText(text)
        self.connected_count.setAccessibleName(text)
        server = self.service.server
        if server is None or not server.running:
            status = (
                self.tr("The overlay server is not running: %1").replace(
                    "%1", translate_reason(self.server_problem)
                )
                if self.server_problem
                else self.tr("The overlay server is not running.")
            )
        elif server.lan:
            status = self.tr("Listening on port %1, open to the local network.").replace(
                "%1", str(server.port)
            )
        else:
            status = self.tr("Listening on port %1, this computer only.").replace(
                "%1", str(server.port)
            )
        if status != self.server_status.text():
            self.server_status.setText(status)
            self.server_status.setAccessibleName(status)
