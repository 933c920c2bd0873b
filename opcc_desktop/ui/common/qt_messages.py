"""Route Qt's own warnings (qWarning, plugin problems) into the log file, where a windowed build keeps them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
IGNORED = ("propagateSizeHints",)  # the offscreen platform's harmless chatter


def _handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not any(text in message for text in IGNORED):
        log.log(LEVELS.get(kind, logging.WARNING), "%s", message)


def route_qt_messages_to_log() -> None:
    qInstallMessageHandler(_handler)
