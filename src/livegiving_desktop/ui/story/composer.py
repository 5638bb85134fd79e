"""The story composer (`storyComposer`): a 1080×1920 Story shown scaled (canvas.py: the sticker
dragged, scaled and rotated with the mouse or the keyboard), a background, a caption, the
amount shown or not; `shareStory` adds it to the campaign's shared Story."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.errors import LiveGivingError
from livegiving_desktop.core.story import (
    CAPTION_MAX,
    GRADIENTS,
    SCALE_MAX,
    SCALE_MIN,
    SOLIDS,
    BackgroundKind,
    SharedFrame,
    StoryDesign,
)
from livegiving_desktop.services.stories import DonorSticker, StoryHeader, StoryService
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.screen import fit_to_screen
from livegiving_desktop.ui.common.widgets import label, themed_icon
from livegiving_desktop.ui.story.canvas import StoryCanvas
from livegiving_desktop.ui.story.render import (
    decode_image,
    read_background,
)


class StoryComposer(QDialog):
    """Compose the donor's Story and share it into the campaign's shared Story."""

    shared = Signal(int)  # the frame id

    def __init__(
        self,
        runner: DbRunner,
        service: StoryService,
        header: StoryHeader,
        donor: DonorSticker,
        locale: str,
        *,
        design: StoryDesign | None = None,
        background_image: bytes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storyComposer")
        self.setAccessibleName(self.tr("Story composer"))
        shown = donor.shown_name or self.tr("Anonymous")
        self.setWindowTitle(self.tr("Compose a Story — %1").replace("%1", shown))
        self.runner, self.service, self.header, self.donor = runner, service, header, donor
        self.money_locale = locale
        self.image_bytes = background_image
        self.canvas = StoryCanvas()
        self.canvas.header = header
        self.canvas.money_locale = locale
        self.canvas.background = decode_image(background_image)
        self.canvas.show_design(design or StoryDesign())
        self.canvas.designChanged.connect(self._on_canvas_design_changed)
        self._build()
        self._show_design(self.canvas.design)
        self._update_preview()
        fit_to_screen(self)

    # -- construction ----------------------------------------------------------------------

    def _named(self, widget: QWidget, name: str, accessible: str) -> QWidget:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        return widget

    def _build(self) -> None:
        self.backgrounds: list[tuple[BackgroundKind, str, str]] = []
        self.background = QComboBox()
        self._named(self.background, "storyBackground", self.tr("Background"))
        names = {"sunset": self.tr("Sunset gradient"), "violet": self.tr("Violet gradient"),
                 "ocean": self.tr("Ocean gradient"), "forest": self.tr("Forest gradient"),
                 "night": self.tr("Night gradient")}  # fmt: skip
        for key, (top, bottom) in GRADIENTS.items():
            self.background.addItem(names[key])
            self.backgrounds.append((BackgroundKind.GRADIENT, top, bottom))
        for colour in SOLIDS:
            self.background.addItem(self._swatch(colour), self.tr("Solid %1").replace("%1", colour))
            self.backgrounds.append((BackgroundKind.SOLID, colour, colour))
        self.background.addItem(self.tr("Your image"))
        self.backgrounds.append((BackgroundKind.IMAGE, "#000000", "#000000"))
        self.background.currentIndexChanged.connect(self._on_background_current_index_changed)
        self.choose_image = QPushButton(self.tr("Choose image…"))
        themed_icon(self.choose_image, "mdi6.image-plus")
        self._named(self.choose_image, "storyBackgroundImage", self.tr("Choose a background image"))
        self.choose_image.clicked.connect(self._on_choose_image_clicked)
        self.error = label("", "error", wrap=True)
        self._named(self.error, "storyError", self.tr("Composer message"))
        self.notice = label("", "notice", wrap=True)
        self.notice.setObjectName("storyNotice")
        self.caption = QLineEdit()
        self._named(self.caption, "storyCaption", self.tr("Caption"))
        self.caption.setMaxLength(CAPTION_MAX)
        self.caption.setPlaceholderText(self.tr("Say why you gave (optional)"))
        self.caption.textChanged.connect(self._on_caption_text_changed)
        self.scale = QSlider(Qt.Orientation.Horizontal)
        self._named(self.scale, "stickerScale", self.tr("Sticker size"))
        self.scale.setRange(int(SCALE_MIN * 100), int(SCALE_MAX * 100))
        self.scale.valueChanged.connect(self._on_scale_value_changed)
        self.rotation = QSlider(Qt.Orientation.Horizontal)
        self._named(self.rotation, "stickerRotation", self.tr("Sticker rotation"))
        self.rotation.setRange(-180, 180)
        self.rotation.valueChanged.connect(self._on_rotation_value_changed)
        self.show_amount = QCheckBox(self.tr("Show the amount I gave"))
        self._named(self.show_amount, "storyShowAmount", self.tr("Show the amount"))
        self.show_amount.toggled.connect(self._on_show_amount_toggled)
        if not self.header.campaign.show_amounts_on_air:
            self.show_amount.setEnabled(False)
            self.show_amount.setToolTip(self.tr("This campaign does not show amounts"))
        self.share = QPushButton(self.tr("Share to the Story"))
        themed_icon(self.share, "mdi6.share-variant", "on_accent")
        self._named(self.share, "shareStory", self.tr("Share to the campaign's Story"))
        self.share.setProperty("role", "primary")
        self.share.clicked.connect(self._on_share_clicked)
        self.share_reason = label("", "muted", wrap=True)
        self.share_reason.setObjectName("shareReason")
        sticker = self.donor.sticker
        if not sticker.unlocked:
            self.share.setEnabled(False)
            self.share_reason.setText(self.locked_reason())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("storyComposerButtons")
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(self.tr("Background"), self.background)
        form.addRow("", self.choose_image)
        form.addRow(self.tr("Caption"), self.caption)
        form.addRow(self.tr("Sticker size"), self.scale)
        form.addRow(self.tr("Rotation"), self.rotation)
        form.addRow("", self.show_amount)
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(label(self.tr("Your Story"), "h1"))
        side.addWidget(label(self.tr("Drag the sticker to move it; the mouse wheel resizes it, "
                                     "Shift + wheel turns it. With the keyboard, on the "
                                     "preview: arrows move it, + and - resize it, [ and ] "
                                     "turn it."), "muted", wrap=True))  # fmt: skip
        side.addLayout(form)
        side.addWidget(self.error)
        side.addStretch(1)
        side.addWidget(self.notice)
        side.addWidget(self.share_reason)
        side.addWidget(self.share)
        side.addWidget(buttons)
        body = QHBoxLayout(self)
        body.setContentsMargins(20, 20, 20, 16)
        body.setSpacing(22)
        body.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignTop)
        panel = QWidget()
        panel.setLayout(side)
        panel.setMinimumWidth(440)
        panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        body.addWidget(panel, 1)

    @staticmethod
    def _swatch(colour: str) -> QIcon:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(colour))
        return QIcon(pixmap)

    def locked_reason(self) -> str:
        state = self.donor.sticker.state.value
        if state == "expired":
            return self.tr("Sharing needs an unlocked sticker: this one has expired. "
                           "A new donation unlocks it again.")  # fmt: skip
        if state == "revoked":
            return self.tr("Sharing needs an unlocked sticker: this donor's donations "
                           "were refunded.")  # fmt: skip
        return self.tr("Sharing needs an unlocked sticker: a donation unlocks it.")

    # -- the design ------------------------------------------------------------------------

    def _show_design(self, design: StoryDesign) -> None:
        for widget in (self.background, self.caption, self.scale, self.rotation, self.show_amount):
            widget.blockSignals(True)
        choice = next(
            (i for i, (kind, top, bottom) in enumerate(self.backgrounds)
             if kind is design.background and (kind is BackgroundKind.IMAGE or
                                               (top, bottom) == (design.color_top,
                                                                 design.color_bottom))),
            0,
        )  # fmt: skip
        self.background.setCurrentIndex(choice)
        self.caption.setText(design.caption)
        self.scale.setValue(round(design.sticker_scale * 100))
        self.rotation.setValue(round(design.sticker_rotation))
        self.show_amount.setChecked(design.show_amount)
        for widget in (self.background, self.caption, self.scale, self.rotation, self.show_amount):
            widget.blockSignals(False)

    @property
    def design(self) -> StoryDesign:
        return self.canvas.design

    def set_design(self, design: StoryDesign) -> None:
        self.canvas.show_design(design)
        self._show_design(design)
        self._update_preview()

    def _update_preview(self) -> None:
        d = self.design
        amount = None
        if d.show_amount and self.header.campaign.show_amounts_on_air:
            amount = 0  # replaced by the donor's total below
        self.canvas.frame = SharedFrame(
            frame_id=0,
            donor_key=self.donor.donor_key,
            shown_name=self.donor.shown_name,
            shared_at_us=time.time_ns() // 1000,
            design=d,
            background_image=None,
            amount_minor=self.donor.total_minor if amount is not None else None,
        )
        self.canvas.update()

    @Slot(object)
    def _on_canvas_design_changed(self, design: StoryDesign) -> None:
        self._show_design(design)
        self._update_preview()

    @Slot(int)
    def _on_background_current_index_changed(self, index: int) -> None:
        kind, top, bottom = self.backgrounds[index]
        if kind is BackgroundKind.IMAGE and self.canvas.background is None:
            self._on_choose_image_clicked()
            return
        self.set_design(self.design.with_changes(background=kind, color_top=top,
                                                 color_bottom=bottom))  # fmt: skip

    @Slot(str)
    def _on_caption_text_changed(self, text: str) -> None:
        self.canvas.show_design(self.design.with_changes(caption=text))
        self._update_preview()

    @Slot(int)
    def _on_scale_value_changed(self, value: int) -> None:
        self.canvas.show_design(self.design.with_changes(sticker_scale=value / 100))
        self._update_preview()

    @Slot(int)
    def _on_rotation_value_changed(self, value: int) -> None:
        self.canvas.show_design(self.design.with_changes(sticker_rotation=float(value)))
        self._update_preview()

    @Slot(bool)
    def _on_show_amount_toggled(self, checked: bool) -> None:
        self.canvas.show_design(self.design.with_changes(show_amount=checked))
        self._update_preview()

    # -- background image ------------------------------------------------------------------

    @Slot()
    def _on_choose_image_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a background image"))
        dialog.setObjectName("storyImageDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"),
                               self.tr("All files (*)")])  # fmt: skip
        dialog.fileSelected.connect(self.choose_image_file)
        dialog.rejected.connect(self._on_image_dialog_rejected)
        self.image_dialog = dialog
        dialog.open()

    @Slot()
    def _on_image_dialog_rejected(self) -> None:
        self._show_design(self.design)  # "Your image" without an image: back to the design

    @Slot(str)
    def choose_image_file(self, path: str) -> None:
        spawn(self.load_image(path), self._report)

    async def load_image(self, path: str) -> bool:
        """Read the picked file off the UI thread; a file that is not an image is refused
        with a message and the background stays as it was."""
        self.error.setText("")
        try:
            data = await self.runner.call(read_background, path)
        except LiveGivingError as exc:
            self.error.setText(user_message(exc, with_field=False))
            self._show_design(self.design)
            return False
        self.image_bytes = data
        self.canvas.background = decode_image(data)
        self.set_design(self.design.with_changes(background=BackgroundKind.IMAGE))
        return True

    # -- sharing ---------------------------------------------------------------------------

    @Slot()
    def _on_share_clicked(self) -> None:
        spawn(self.share_now(), self._report)

    async def share_now(self) -> bool:
        self.error.setText("")
        self.notice.setText("")
        self.share.setEnabled(False)
        image = self.image_bytes if self.design.background is BackgroundKind.IMAGE else None
        try:
            result = await self.runner.call(
                self.service.share, self.header.campaign.id, self.donor.donor_name,
                self.design, image,
            )  # fmt: skip
        except LiveGivingError as exc:
            self.error.setText(user_message(exc, with_field=False))
            self.share.setEnabled(self.donor.sticker.unlocked)
            return False
        self.notice.setText(
            self.tr("Shared! Your frame replaced your earlier one in the campaign's Story.")
            if result.replaced
            else self.tr("Shared! Your frame is in the campaign's Story.")
        )
        self.share.setEnabled(True)
        self.shared.emit(result.frame_id)
        return True

    def _report(self, exc: BaseException) -> None:
        self.error.setText(user_message(exc))
