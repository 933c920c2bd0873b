"""Whatever is typed into an inspection: either field errors (nothing written) or a save that reloads exactly."""

from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.errors import ValidationError
from opcc_desktop.services.office import Office

AWKWARD = ["", " ", "<b>bold</b>", "=SUM(1)", "Llŷr ŵ â", "שלום עולם", "🚓🚨", "a\x00b", "\t\n\r", "CON", "../..",
           "x" * 20_000, "' OR 1=1 --", 'title:"x" NEAR(a b)', "\u202eevil"]
typed = st.sampled_from(AWKWARD) | st.text(max_size=60)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=typed, type_=typed, reference=typed, forces=st.lists(typed, max_size=3), finding_text=typed,
       published=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_any_typed_inspection_is_refused_with_field_errors_or_saved_exactly(
    tmp_path_factory, title, type_, reference, forces, finding_text, published
):
    office = Office.open(tmp_path_factory.mktemp("typed") / "office.sqlite3")
    try:
        candidate = Inspection(title=title, type=type_, reference=reference, published=published,
                               forces=tuple(forces), findings=(Finding(kind="recommendation", text=finding_text),))
        try:
            new_id, _ = office.inspections.save(candidate)
        except ValidationError as exc:
            assert exc.errors and all(e.field and e.message for e in exc.errors)
            assert office.inspections.count() == 0
            return
        loaded = office.inspections.get(new_id)
        assert loaded.title == title and loaded.type == type_ and loaded.forces == tuple(forces)
        assert loaded.reference == reference.strip().lstrip("#")
        assert [f.text for f in loaded.findings] == [finding_text]
        assert replace(loaded, id=None, findings=(), reference="") == replace(candidate, findings=(), reference="")
    finally:
        office.close()
