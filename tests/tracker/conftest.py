from datetime import date

import pytest

from opcc_desktop.services.office import Office

TODAY = date(2026, 11, 22)


@pytest.fixture
def demo(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    yield office
    office.close()


def finding_id(office, reference):
    return office.db.execute("SELECT id FROM findings WHERE reference = ?", [reference]).fetchone()[0]
