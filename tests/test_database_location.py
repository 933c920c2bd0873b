"""The live database is refused on network paths and in OneDrive-synced folders, with the reason."""

import pytest

from opcc_desktop import paths
from opcc_desktop.database_location import DRIVE_REMOTE, UnsafeDatabaseLocation, location_problem
from opcc_desktop.storage.database import open_database

LOCAL_FIXED = 3  # GetDriveTypeW: DRIVE_FIXED


def windows(path, environ=None, remote=()):
    return location_problem(path, windows=True, environ=environ or {},
                            drive_type=lambda root: DRIVE_REMOTE if root[0] in remote else LOCAL_FIXED)


@pytest.mark.parametrize("path", [
    r"C:\Users\ann\AppData\Local\OPCC Desktop\OPCC Desktop\opcc-desktop.sqlite3",
    r"D:\Data\office.sqlite3",
    r"\\?\C:\Users\ann\office.sqlite3",
    r"C:\Users\ann\Documents\onedrive-notes.sqlite3",  # a file merely named like it
])
def test_local_windows_paths_are_fine(path):
    assert windows(path, remote="H") is None


@pytest.mark.parametrize("path", [r"\\fileserver\opcc\office.sqlite3", "//fileserver/opcc/office.sqlite3",
                                  r"\\?\UNC\fileserver\opcc\office.sqlite3"])
def test_unc_paths_are_refused(path):
    problem = windows(path)
    assert "network share" in problem and "fileserver" in problem
    assert "locking" in problem and "local drive" in problem


def test_mapped_network_drive_is_refused():
    problem = windows(r"H:\OPCC\office.sqlite3", remote="H")
    assert "drive H:, which is a mapped network drive" in problem


def test_onedrive_folders_from_the_environment_are_refused_case_insensitively():
    environ = {"OneDriveCommercial": r"C:\Users\ann\OneDrive - Office of the PCC", "OneDrive": ""}
    problem = windows(r"c:\users\ANN\onedrive - office of the pcc\Desktop\office.sqlite3", environ)
    assert "OneDrive-synced folder" in problem and "Office of the PCC" in problem
    assert windows(r"C:\Users\ann\Documents\office.sqlite3", environ) is None


@pytest.mark.parametrize("path", [r"E:\OneDrive\office.sqlite3", r"C:\Users\ann\OneDrive - Kent Police\x\o.sqlite3"])
def test_onedrive_folder_names_are_refused_without_the_environment(path):
    assert "OneDrive-synced folder" in windows(path)


def test_posix_paths():
    assert location_problem("/home/ann/.local/share/OPCC Desktop/o.sqlite3", windows=False, environ={}) is None
    assert "OneDrive" in location_problem("/home/ann/OneDrive/o.sqlite3", windows=False, environ={})
    assert location_problem("/srv/x/o.sqlite3", windows=False, environ={"OneDrive": "/srv/x"})


def test_opening_refuses_and_creates_nothing(tmp_path):
    target = tmp_path / "OneDrive - Kent Police" / "office.sqlite3"
    with pytest.raises(UnsafeDatabaseLocation, match="OneDrive-synced folder"):
        open_database(target)
    assert not target.parent.exists()


def test_the_command_line_says_why(tmp_path, capsys):
    from opcc_desktop.app import main

    assert main(["--db", str(tmp_path / "OneDrive" / "o.sqlite3"), "demo"]) == 1
    err = capsys.readouterr().err
    assert "OneDrive-synced folder" in err and "Traceback" not in err


def test_data_locations_are_under_the_local_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    assert paths.default_database_path() == tmp_path / "opcc-desktop.sqlite3"
    assert paths.log_dir() == tmp_path / "logs"
    assert paths.backup_dir() == tmp_path / "backups"
    assert paths.letter_archive_dir() == tmp_path / "letters"
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    assert "Roaming" not in str(paths.data_dir())
