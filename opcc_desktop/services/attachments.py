"""Evidence: files attached to an inspection or a finding, copied into the data folder.

A file is copied to `<data folder>/attachments/<inspection id>/<safe name>` (a temporary name first,
then renamed), hashed, and recorded with who attached it and when; the stored path is relative to the
data folder, so the folder can move with its database. If the copy fails nothing is recorded; if the
record fails the copy is removed. Removing an attachment moves its file to `attachments/removed/`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path, PurePosixPath

from sqlite_utils import Database

from ..domain.attachment_names import safe_file_name, unique_name
from ..errors import NotFoundError, UserFacingError
from ..storage import attachments as store
from ..storage.attachments import Attachment
from ..storage.write_errors import write_problems_explained
from .changes import Changes
from .who import current_user_name

FOLDER = "attachments"
REMOVED = "removed"
MAX_BYTES = 200 * 1024 * 1024
CHUNK = 1024 * 1024

__all__ = ["Attachment", "AttachmentService"]


class AttachmentError(UserFacingError):
    """The file could not be attached or opened; nothing was recorded."""


ZONE_STREAM = ":Zone.Identifier"


def copy_zone_mark(source: Path, target: Path, *, windows: bool = sys.platform == "win32") -> bool:
    """Copy Windows' downloaded-from-the-internet mark (the `Zone.Identifier` alternate data stream)
    from `source` to `target`, so an emailed macro document still opens in Protected View. True when
    there was a mark to copy. `windows` is a seam: the stream is `<path>:Zone.Identifier` on NTFS, and
    a file of that name anywhere else, so the logic is tested on any system."""
    if not windows:
        return False
    try:
        mark = Path(str(source) + ZONE_STREAM).read_bytes()
    except OSError:  # no mark (a file made locally) or a file system without streams
        return False
    try:
        Path(str(target) + ZONE_STREAM).write_bytes(mark)
    except OSError as exc:
        raise AttachmentError(f"Could not keep the internet mark of {source.name}: {exc.strerror or exc}. "
                              "Nothing was attached.") from exc
    return True


def _copy_and_hash(source: Path, target: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, target.open("xb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return size, digest.hexdigest()


class AttachmentService:
    def __init__(self, db: Database, data_folder: Path):
        self.db = db
        self.data_folder = Path(data_folder)
        self.copy_zone_mark = copy_zone_mark  # a seam: tests pass windows=True

    # Reads -------------------------------------------------------------------------------------
    def for_inspection(self, inspection_id: int) -> list[Attachment]:
        return store.attachments_of_inspection(self.db, inspection_id)

    def absolute_path(self, attachment: Attachment) -> Path:
        """Where the file is; refuses a stored path that would leave the data folder."""
        relative = PurePosixPath(attachment.stored_path)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts or relative.parts[0] != FOLDER:
            raise AttachmentError(f"The stored path {attachment.stored_path!r} is not inside the data folder.")
        return self.data_folder.joinpath(*relative.parts)

    def missing(self) -> list[Attachment]:
        """Recorded attachments whose file is no longer in the data folder."""
        return [a for a in store.all_attachments(self.db) if not self.absolute_path(a).is_file()]

    # Writes ------------------------------------------------------------------------------------
    def attach(self, source: Path, inspection_id: int, finding_id: int | None = None, description: str = "",
               now: datetime | None = None) -> tuple[Attachment, Changes]:
        source = Path(source)
        if not source.is_file():
            raise AttachmentError(f"{source} is not a file that can be read.")
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise AttachmentError(f"Cannot read {source.name}: {exc.strerror or exc}") from exc
        if size > MAX_BYTES:
            raise AttachmentError(f"{source.name} is {size / 1024 / 1024:,.0f} MB; attachments are limited to "
                                  f"{MAX_BYTES // 1024 // 1024} MB. Store it on a shared drive and attach a note.")
        folder_relative = f"{FOLDER}/{inspection_id}/"
        folder = self.data_folder / FOLDER / str(inspection_id)
        taken = store.stored_paths_under(self.db, folder_relative)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            on_disk = {p.name for p in folder.iterdir()}
            name = unique_name(safe_file_name(source.name), {PurePosixPath(t).name for t in taken} | on_disk)
            temporary = folder / f".{name}.part"
            temporary.unlink(missing_ok=True)
            size, digest = _copy_and_hash(source, temporary)
            target = folder / name
            os.replace(temporary, target)
            self.copy_zone_mark(source, target)
        except (OSError, AttachmentError) as exc:
            if isinstance(exc, AttachmentError):
                Path(target).unlink(missing_ok=True)
                raise
            if "temporary" in locals():
                Path(temporary).unlink(missing_ok=True)
            raise AttachmentError(f"Could not copy {source.name} into the data folder: {exc.strerror or exc}. "
                                  "Nothing was attached.") from exc
        stamp = (now or datetime.now()).replace(microsecond=0).isoformat(sep=" ")
        values = {"inspection_id": inspection_id, "finding_id": finding_id, "original_name": source.name,
                  "stored_path": folder_relative + name, "size_bytes": size, "sha256": digest,
                  "description": description.strip(), "attached_by": current_user_name(), "attached_at": stamp}
        try:
            with write_problems_explained("The attachment"), self.db.atomic():
                new_id = store.insert_attachment(self.db, values)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        attachment = store.get_attachment(self.db, new_id)
        if attachment is None:
            raise RuntimeError("the attachment just written could not be read back")
        return attachment, Changes(inspections=frozenset({inspection_id}))

    def remove(self, attachment_id: int) -> Changes:
        attachment = store.get_attachment(self.db, attachment_id)
        if attachment is None:
            raise NotFoundError(f"Attachment {attachment_id} no longer exists.")
        with write_problems_explained("The removal"), self.db.atomic():
            store.delete_attachment(self.db, attachment_id)
        path = self.absolute_path(attachment)
        if path.is_file():  # kept aside rather than destroyed: evidence is never silently lost
            removed = self.data_folder / FOLDER / REMOVED
            try:
                removed.mkdir(parents=True, exist_ok=True)
                shutil.move(str(path), str(removed / unique_name(path.name, {p.name for p in removed.iterdir()})))
            except OSError:
                pass  # the record is gone; a file left in place is harmless
        return Changes(inspections=frozenset({attachment.inspection_id}))
