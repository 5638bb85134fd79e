"""The live view's sticker panel, next to the feed: the selected donor's sticker gallery
(`stickerGallery`), the chosen sticker (`stickerPreview`), `composeStory` and
`openSharedStory`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from livegiving_desktop.core.records import CampaignRecord
from livegiving_desktop.core.story import StoryDesign
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.stories import StoryService
from livegiving_desktop.ui.common.accessibility import describe, mark_graphic
from livegiving_desktop.ui.common.error_text import user_message
from livegiving_desktop.ui.common.runner import DbRunner, spawn
from livegiving_desktop.ui.common.widgets import button, label
from livegiving_desktop.ui.story.sticker import (
    GALLERY_ROW_HEIGHT,
    StickerDelegate,
    StickerGalleryModel,
    StickerWidget,
    look_of,
)

if TYPE_CHECKING:  # the composer and the player are imported when first opened (issue 19)
    from livegiving_desktop.ui.story.composer import StoryComposer
    from livegiving_desktop.ui.story.player import SharedStoryPlayer

PANEL_WIDTH = 360  # wider only when its buttons need it (a larger system font)
PREVIEW_SIDE = 96


class StickerPanel(QFrame):
    """Follows the donor selected in the feed."""

    failed = Signal(str)

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setObjectName("stickerPanel")
        self.runner = runner
        self.stories: StoryService | None = None
        self.campaign: CampaignRecord | None = None
        self.money_locale = "en"
        self.donor_name: str | None = None
        self.shown_name: str | None = None
        self.composer: StoryComposer | None = None
        self.player: SharedStoryPlayer | None = None
        self._generation = 0
        self.model = StickerGalleryModel("en", self)
        self._build()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(max(PANEL_WIDTH, self.minimumSizeHint().width()), super().sizeHint().height())

    def _build(self) -> None:
        self.preview = StickerWidget()
        self.preview.setObjectName("stickerPreview")
        mark_graphic(self.preview, self.tr("Selected sticker"))
        self.preview.setFixedSize(PREVIEW_SIDE, PREVIEW_SIDE)
        self.donor_label = label(self.tr("Select a donor in the feed"), "h2", wrap=True)
        self.donor_label.setObjectName("stickerDonor")
        self.status = label("", "muted", wrap=True)
        self.status.setObjectName("stickerStatus")
        self.gallery = QListView()
        self.gallery.setObjectName("stickerGallery")
        self.gallery.setAccessibleName(self.tr("Sticker gallery of the selected donor"))
        self.gallery.setModel(self.model)
        self.delegate = StickerDelegate("en", self.gallery)
        self.gallery.setItemDelegate(self.delegate)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setMouseTracking(True)
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gallery.setMinimumHeight(GALLERY_ROW_HEIGHT + 8)
        self.gallery.selectionModel().currentChanged.connect(self._on_gallery_current_changed)
        self.compose = button(self.tr("Compose Story"), "composeStory", "mdi6.movie-edit",
                              "primary")  # fmt: skip
        self.compose.setToolTip(self.tr("Compose a Story with the selected donor's sticker"))
        self.compose.clicked.connect(self._on_compose_clicked)
        self.open_story = button(self.tr("Shared Story"), "openSharedStory",
                                 "mdi6.play-box-multiple")  # fmt: skip
        self.open_story.setToolTip(self.tr("Play the campaign's shared Story"))
        self.open_story.clicked.connect(self._on_open_story_clicked)

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.preview)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(label(self.tr("“I DONATED” STICKERS"), "eyebrow"))
        words.addWidget(self.donor_label)
        words.addWidget(self.status, 1)
        top.addLayout(words, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compose)
        buttons.addWidget(self.open_story)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.gallery, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- following the live view -----------------------------------------------------------

    def set_campaign(self, service: LedgerService, campaign: CampaignRecord, locale: str) -> None:
        if self.stories is None or self.stories.ledger is not service:
            self.stories = StoryService(service)
        self.campaign, self.money_locale = campaign, locale
        self.model.language = locale
        self.delegate.language = locale
        self.set_donor(None)

    def set_donor(self, donor_name: str | None, shown_name: str | None = None) -> None:
        """Show the stickers of this donor (None: nobody selected); the panel shows the name
        as the feed does (`shown_name`: "Anonymous" for an anonymous gift)."""
        self.donor_name = donor_name
        self.shown_name = shown_name or donor_name
        self._generation += 1
        if donor_name is None or self.stories is None:
            self.model.reset([])
            self.donor_label.setText(self.tr("Select a donor in the feed"))
            self.status.setText(self.tr("Their stickers show here, locked and unlocked."))
            self.preview.set_sticker(None, True)
            self._update_buttons()
            return
        self.donor_label.setText(self.shown_name or "")
        spawn(self._load_gallery(donor_name, self._generation), self._report)
        self._update_buttons()

    async def _load_gallery(self, donor_name: str, generation: int) -> None:
        assert self.stories is not None
        current = self.campaign.id if self.campaign else None
        stickers = await self.runner.call(
            self.stories.gallery, donor_name, current_campaign_id=current
        )
        if generation != self._generation:
            return  # another donor was selected meanwhile
        self.model.reset(stickers)
        row = next((i for i, s in enumerate(stickers) if s.campaign_id == current), 0)
        if stickers:
            self.gallery.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._update_buttons()

    def refresh(self) -> None:
        self.set_donor(self.donor_name, self.shown_name)

    @Slot()
    def _on_gallery_current_changed(self) -> None:
        sticker = self.model.sticker(self.gallery.currentIndex().row())
        if sticker is None:
            self.preview.set_sticker(None, True)
            self.status.setText("")
            return
        self.preview.set_sticker(look_of(sticker, self.money_locale), not sticker.unlocked)
        self.preview.setToolTip(self.model.status_text(sticker))
        describe(self.preview, f"{sticker.campaign_title}: {self.model.status_text(sticker)}")
        self.status.setText(self.model.status_text(sticker))

    def _update_buttons(self) -> None:
        self.compose.setEnabled(self.donor_name is not None and self.campaign is not None)
        self.open_story.setEnabled(self.campaign is not None)

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(user_message(exc))

    # -- composer and player ---------------------------------------------------------------

    @Slot()
    def _on_compose_clicked(self) -> None:
        if self.donor_name is not None:
            spawn(self.open_composer(self.donor_name), self._report)

    async def open_composer(self, donor_name: str) -> StoryComposer:
        assert self.stories is not None and self.campaign is not None
        stories, campaign_id = self.stories, self.campaign.id
        header = await self.runner.call(stories.header, campaign_id)
        donor = await self.runner.call(stories.sticker, campaign_id, donor_name)
        own = await self.runner.call(stories.own_frame, campaign_id, donor_name)
        from livegiving_desktop.ui.story.composer import StoryComposer  # when first opened

        composer = StoryComposer(
            self.runner, stories, header, donor, self.money_locale,
            design=StoryDesign.from_json(own.design) if own else None,
            background_image=own.background_image if own else None, parent=self,
        )  # fmt: skip
        composer.shared.connect(self._on_composer_shared)
        composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.composer = composer
        composer.open()
        return composer

    @Slot(int)
    def _on_composer_shared(self, frame_id: int) -> None:
        self.refresh()

    @Slot()
    def _on_open_story_clicked(self) -> None:
        spawn(self.open_player(), self._report)

    async def open_player(self) -> SharedStoryPlayer:
        assert self.stories is not None and self.campaign is not None
        story = await self.runner.call(self.stories.open_shared_story, self.campaign.id)
        if self.player is not None:
            self.player.close()
        from livegiving_desktop.ui.story.player import SharedStoryPlayer  # when first opened

        player = SharedStoryPlayer(self.runner, self.stories, story, self.money_locale, self)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.destroyed.connect(self._on_player_destroyed)
        self.player = player
        player.open()
        return player

    @Slot()
    def _on_player_destroyed(self) -> None:
        self.player = None
