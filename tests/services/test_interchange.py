import copy
import json
from datetime import date

import pytest

from opcc_desktop.errors import InterchangeError
from opcc_desktop.services.demo import demo_document
from opcc_desktop.services.interchange import export_document, import_document
from opcc_desktop.services.office import Office

TODAY = date(2026, 11, 22)


def _without_app_version(document):
    """The records only: not which program, which office file or which version of each record wrote it."""
    inspections = [{k: v for k, v in i.items() if k != "record_version"} for i in document.get("inspections", [])]
    return {**{k: v for k, v in document.items() if k not in ("app_version", "office_uid")}, "inspections": inspections}


def test_export_then_import_into_empty_file_gives_the_same_records(tmp_path):
    source = Office.open(tmp_path / "a.sqlite3")
    source.load_demo(TODAY)
    exported = export_document(source.db)
    (tmp_path / "out.json").write_text(json.dumps(exported), encoding="utf-8")
    target = Office.open(tmp_path / "b.sqlite3")
    target.import_json(tmp_path / "out.json")
    assert _without_app_version(export_document(target.db)) == _without_app_version(exported)


def test_export_has_the_promised_shape(tmp_path):
    office = Office.open(tmp_path / "a.sqlite3")
    office.load_demo(TODAY)
    document = export_document(office.db)
    assert document["format"] == "opcc-desktop" and document["version"] == 1
    for key in ("office_name", "office_address", "commissioner_name", "commissioner_title",
                "home_secretary_name", "salutation", "hmicfrs_copy_address"):
        assert isinstance(document["settings"][key], str)
    soc = next(i for i in document["inspections"] if i["reference"] == "29536")
    assert set(soc) >= {"reference", "title", "type", "published", "forces", "key_findings", "s55_applies",
                        "response_published", "findings"}
    assert soc["published"] == "2023-11-10" and soc["s55_applies"] is True
    afi = soc["findings"][1]
    assert set(afi) >= {"kind", "reference", "level", "text", "addressees", "owner", "target_date", "status",
                        "force_response", "pcc_response"}
    assert afi["kind"] == "area for improvement" and afi["reference"] == "29551" and afi["level"] == "LEVEL 3"
    assert "4P plans" in afi["text"]


def _minimal(**inspection_overrides):
    inspection = {
        "reference": "1001", "title": "Vetting & counter-corruption <2024>", "type": "National thematic",
        "published": "2024-02-29", "forces": ["Gwent"], "key_findings": "=SUM(A1:A9)", "s55_applies": True,
        "response_published": None,
        "findings": [
            {"kind": "AFI", "reference": 29550, "level": "LEVEL 3", "text": "Gwella’r ŵyl – ŷ â", "addressees": "Force; PCC",
             "owner": "DCC", "target_date": "2025-03-31", "status": "A brand new status", "force_response": "<b>x</b>",
             "pcc_response": "עברית"},
            {"kind": "Recommendation", "text": "Do the thing"},
        ],
    }
    inspection.update(inspection_overrides)
    return {"format": "opcc-desktop", "version": 1, "settings": {"salutation": "Dear Home Secretary"},
            "inspections": [inspection]}


def test_import_accepts_the_general_case_literally(db_path):
    office = Office.open(db_path)
    report = import_document(office.db, _minimal())
    assert report.added == 1 and report.findings == 2
    loaded = office.inspections.find("1001")
    assert loaded.title == "Vetting & counter-corruption <2024>"
    assert loaded.key_findings == "=SUM(A1:A9)"
    first, second = loaded.findings
    assert first.kind == "area for improvement" and first.reference == "29550"
    assert first.addressees == ("Force", "PCC")
    assert first.text == "Gwella’r ŵyl – ŷ â" and first.pcc_response == "עברית"
    assert first.status == "A brand new status"
    assert "A brand new status" in office.settings.lookup("finding_status")
    assert second.kind == "recommendation" and second.status == "Not yet assessed"


def test_importing_twice_replaces_rather_than_duplicates(db_path):
    office = Office.open(db_path)
    import_document(office.db, _minimal())
    changed = _minimal(title="Renamed")
    report = import_document(office.db, changed)
    assert report.replaced == 1 and report.added == 0
    assert office.inspections.count() == 1
    assert office.inspections.find("1001").title == "Renamed"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["inspections"][1]["findings"][0].update(target_date="2024-02-30"),
         'inspections[1] (reference \'2002\').findings[0]: field "target_date": \'2024-02-30\' is not a real date'),
        (lambda d: d["inspections"][1]["findings"][1].update(kind="suggestion"),
         'inspections[1] (reference \'2002\').findings[1]: field "kind": \'suggestion\' is not a finding kind'),
        (lambda d: d["inspections"][1].update(title=""), 'inspections[1] (reference \'2002\'): field "title": is required'),
        (lambda d: d["inspections"][1].update(published="10/11/2023"), 'field "published": expected a date as YYYY-MM-DD'),
        (lambda d: d["inspections"][1].pop("published"), 'field "published": is required'),
        (lambda d: d["inspections"][1].update(reference="1001"), 'field "reference": 1001 appears twice'),
        (lambda d: d["inspections"][1].update(s55_applies="perhaps"), 'field "s55_applies"'),
        (lambda d: d["inspections"][1].update(forces="Gwent", findings={"x": 1}), 'field "findings": must be a list'),
        (lambda d: d.update(version=2), "newer OPCC Desktop"),
        (lambda d: d.update(format="something-else"), 'field "format"'),
        (lambda d: d["settings"].update(office_name=42), 'settings: field "office_name": must be text'),
    ],
)
def test_import_is_all_or_nothing_and_names_the_bad_field(db_path, mutate, expected):
    office = Office.open(db_path)
    import_document(office.db, _minimal())
    before = export_document(office.db)
    document = _minimal()
    second = copy.deepcopy(document["inspections"][0])
    second.update(reference="2002", title="Second")
    document["inspections"].append(second)
    mutate(document)
    with pytest.raises(InterchangeError) as caught:
        import_document(office.db, document)
    assert expected in str(caught.value)
    assert "Nothing was imported" in str(caught.value)
    assert export_document(office.db) == before


def test_import_rejects_non_object(db_path):
    office = Office.open(db_path)
    with pytest.raises(InterchangeError, match="JSON object"):
        import_document(office.db, [1, 2, 3])


def test_s55_applies_accepts_booleans_and_words(db_path):
    office = Office.open(db_path)
    document = _minimal(s55_applies=None)
    for n, value in enumerate([False, "yes", "unclear"]):
        extra = copy.deepcopy(document["inspections"][0])
        extra.update(reference=f"S{n}", s55_applies=value)
        document["inspections"].append(extra)
    import_document(office.db, document)
    values = {i.reference: i.s55_applies for i in office.inspections.all()}
    assert values == {"1001": "unclear", "S0": "no", "S1": "yes", "S2": "unclear"}
    exported = {i["reference"]: i["s55_applies"] for i in export_document(office.db)["inspections"]}
    assert exported == {"1001": None, "S0": False, "S1": True, "S2": None}


def test_demo_document_dates_invented_reports_from_today():
    document = demo_document(TODAY)
    published = {i["reference"]: i["published"] for i in document["inspections"]}
    assert published["29536"] == "2023-11-10"
    assert published["DEMO-003"] == "2026-09-23"
    assert all("_demo_days_ago" not in i for i in document["inspections"])
