"""Round trip over generated records: whatever a user can type survives export and import unchanged."""

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opcc_desktop.domain.vocabulary import FINDING_KINDS
from opcc_desktop.services.interchange import export_document, import_document
from opcc_desktop.storage.database import open_database

_TEXT_ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"))
text = st.text(alphabet=_TEXT_ALPHABET, max_size=40)
non_blank = text.filter(lambda s: s.strip())
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))

finding = st.fixed_dictionaries({
    "kind": st.sampled_from(FINDING_KINDS),
    "reference": text.map(str.strip).map(lambda s: s.lstrip("#")),
    "level": text,
    "text": non_blank,
    "addressees": st.lists(non_blank.map(str.strip), max_size=3),
    "owner": text,
    "target_date": st.none() | dates.map(date.isoformat),
    "status": non_blank.map(str.strip),
    "force_response": text,
    "pcc_response": text,
})


@st.composite
def documents(draw):
    inspections = []
    for n in range(draw(st.integers(0, 4))):
        published = draw(dates)
        inspections.append({
            "reference": f"R{n}",
            "title": draw(non_blank),
            "type": draw(non_blank.map(str.strip)),
            "published": published.isoformat(),
            "forces": draw(st.lists(non_blank.map(str.strip), max_size=3)),
            "key_findings": draw(text),
            "s55_applies": draw(st.sampled_from([True, False, None])),
            "response_published": draw(st.none() | st.just(published.isoformat())),
            "pcc_comments": draw(text),
            "findings": draw(st.lists(finding, max_size=4)),
        })
    return {"format": "opcc-desktop", "version": 1, "settings": {"office_name": draw(text)}, "inspections": inspections}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_generated_documents_round_trip(tmp_path_factory, document):
    folder = tmp_path_factory.mktemp("rt")
    first = open_database(folder / "a.sqlite3")
    import_document(first, json.loads(json.dumps(document)))
    exported = export_document(first)
    assert [i["title"] for i in exported["inspections"]] == [i["title"] for i in sorted(
        document["inspections"], key=lambda i: i["published"])] or len({i["published"] for i in document["inspections"]}) < len(document["inspections"])
    by_ref = {i["reference"]: i for i in exported["inspections"]}
    for original in document["inspections"]:
        mine = by_ref[original["reference"]]
        for key, value in original.items():
            if key == "findings":  # export adds the newer optional finding keys (tracker); compare the given ones
                assert [{k: f[k] for k in o} for f, o in zip(mine[key], value)] == value, key
                assert len(mine[key]) == len(value)
                continue
            assert mine[key] == value, key
    second = open_database(folder / "b.sqlite3")
    import_document(second, exported)
    assert export_document(second)["inspections"] == exported["inspections"]
    assert export_document(second)["settings"] == exported["settings"]
