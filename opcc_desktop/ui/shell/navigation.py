"""The navigation list on the left of the main window: one line per page, elided at its width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, QStringListModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

NAV_ITEM_PADDING = 10


class OneLineDelegate(QStyledItemDelegate):
    """Navigation items: one line, elided at the list's width, with a little air around them."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return super().sizeHint(option, index) + QSize(0, NAV_ITEM_PADDING)


def build_navigation(model: QStringListModel, parent: QWidget) -> QListView:
    nav = QListView(parent)
    nav.setObjectName("navigation")
    nav.setAccessibleName("Pages")
    nav.setModel(model)
    nav.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    nav.setWordWrap(True)  # lays items out at the viewport's width; the delegate keeps them one line
    nav.setTextElideMode(Qt.TextElideMode.ElideRight)
    nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    nav.setItemDelegate(OneLineDelegate(nav))
    nav.setSpacing(2)
    nav.setMinimumWidth(130)
    return nav
