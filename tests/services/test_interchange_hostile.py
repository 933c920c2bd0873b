"""Any input at all to the JSON import: either a clear error and an unchanged database, or an import
whose result exports and re-imports unchanged. Never a crash, never half an import."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opcc_desktop.errors import UserFacingError
from opcc_desktop.services.interchange import export_document, import_document, import_from_file
from opcc_desktop.storage.database import open_database
from tests.crash.writer import record_for
from tests.services.test_interchange_property import documents

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
KEYS = ["format", "version", "settings", "inspections", "title", "type", "published", "reference", "findings",
        "kind", "text", "forces", "target_date", "s55_applies", "response_published", "status", "addressees"]


@st.composite
def damaged_documents(draw):
    """A valid document with some values, anywhere in it, replaced by arbitrary JSON."""
    document = json.loads(json.dumps(draw(documents())))
    for _ in range(draw(st.integers(1, 4))):
        target = document
        path = []
        while isinstance(target, (dict, list)) and target and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(target) if isinstance(target, dict) else list(range(len(target)))))
            path.append((target, key))
            target = target[key]
        if path:
            parent, key = path[-1]
            parent[key] = draw(json_values | st.sampled_from(["", " ", "2023-02-30", "31/12/2023", "\x00", "<b>x</b>"]))
        else:
            document[draw(st.sampled_from(KEYS))] = draw(json_values)
    return document


def _with_one_record(folder):
    from opcc_desktop.services.inspections import InspectionService

    db = open_database(folder / "office.sqlite3")
    InspectionService(db).save(record_for(3))
    return db


def _check_all_or_nothing(db, data):
    before = export_document(db)
    try:
        import_document(db, data)
    except UserFacingError as exc:
        assert str(exc)
        assert export_document(db) == before  # nothing at all was written
        return "refused"
    exported = export_document(db)
    fresh = open_database(db.conn.execute("PRAGMA database_list").fetchone()[2] + "-again")
    import_document(fresh, exported)
    assert export_document(fresh)["inspections"] == exported["inspections"]
    return "imported"


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(json_values)
def test_arbitrary_json_is_refused_cleanly_or_imported(tmp_path_factory, data):
    db = _with_one_record(tmp_path_factory.mktemp("any"))
    _check_all_or_nothing(db, data)


@SETTINGS
@given(damaged_documents())
def test_damaged_documents_are_refused_cleanly_or_round_trip(tmp_path_factory, data):
    db = _with_one_record(tmp_path_factory.mktemp("damaged"))
    _check_all_or_nothing(db, data)


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe\x00garbage", b"{", b"[1, 2", b'{"format": "opcc-desktop"' + b" " * 10,
                                 "{\"inspections\": [{\"title\": \"\u202eevil\"}]}".encode(), b"\x00" * 1000])
def test_unreadable_files_are_refused_with_a_message(tmp_path, raw):
    db = _with_one_record(tmp_path)
    path = tmp_path / "in.json"
    path.write_bytes(raw)
    before = export_document(db)
    with pytest.raises(UserFacingError):
        import_from_file(db, path)
    assert export_document(db) == before
