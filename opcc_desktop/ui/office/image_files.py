"""Reading an image the user picks (logo, signature) into PNG bytes, and showing PNG bytes."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from ...errors import UserFacingError

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif)"
MAX_SIDE = 1200  # pixels; larger images are scaled down before they are stored


def png_bytes(image: QImage) -> bytes:
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    buffer.close()
    return bytes(data.data())


def read_image_file(path: str) -> bytes:
    """PNG bytes of the image at `path`; UserFacingError when it is not a picture Qt can read."""
    image = QImage(path)
    if image.isNull():
        raise UserFacingError(f"{path} is not an image that can be read (use PNG or JPEG).")
    return png_bytes(image)


def choose_image(parent: QWidget | None, caption: str) -> bytes | None:
    """Ask for an image file; its PNG bytes, or None when cancelled."""
    from ..common.file_dialogs import remember_folder, start_folder

    path, _ = QFileDialog.getOpenFileName(parent, caption, start_folder(), IMAGE_FILTER)
    if path:
        remember_folder(path)
    return read_image_file(path) if path else None


def thumbnail(png: bytes | None, height: int = 48) -> QPixmap:
    pixmap = QPixmap()
    if png and pixmap.loadFromData(png):
        return pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
    return QPixmap()
