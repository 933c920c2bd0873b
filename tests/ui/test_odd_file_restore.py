"""The window: an empty, garbled or foreign file gets the same offer to restore the newest good backup."""

from datetime import datetime

import pytest

from opcc_desktop import paths
from opcc_desktop.services import backups
from tests.hostile.test_odd_files import ODD_FILES, _office

NOW = datetime(2026, 11, 22, 9, 0)


@pytest.mark.parametrize("kind", ["empty", "garbled", "foreign"])
def test_the_window_offers_the_newest_good_backup_for_each(kind, qapp, db_path, answer_message_boxes):
    from opcc_desktop.ui.shell.startup_checks import open_for_window

    _office(db_path)
    backups.back_up(db_path, paths.backup_dir(), NOW)
    db_path.unlink()
    ODD_FILES[kind](db_path)
    shown = answer_message_boxes()  # yes: restore
    office, lock = open_for_window(db_path, NOW.replace(hour=10))
    try:
        assert office.inspections.count() == 5
        assert [t for t, _ in shown] == ["OPCC Desktop cannot open its database", "Restored from a backup"]
        assert "Restore the newest backup, taken 22/11/2026 at 09:00" in shown[0][1]
        assert office.audit.recent(5)[0].action == "restored from a backup"  # the restore is on record
    finally:
        office.close()
        lock.release()
