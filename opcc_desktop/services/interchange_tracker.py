"""JSON interchange v1, tracker part: the optional finding keys added by the findings tracker
(owners, RAG, revised target, closure, `history`). Old files without them import unchanged."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from ..domain.dates import parse_iso_date
from ..domain.models import Finding, Inspection
from ..domain.tracker import SOURCE_IMPORT, HistoryEntry
from ..storage import finding_history

TEXT_KEYS = ("rag", "delivery_lead", "opcc_lead", "revised_target_reason", "closure_basis",
             "closure_approved_by", "superseded_by")
DATE_KEYS = ("revised_target_date", "closed_on")
_HISTORY_TEXT = ("author", "on_behalf_of", "old_status", "new_status", "narrative", "source")


def parse_tracker_fields(raw: dict[str, Any], where: str, problems: Any) -> dict[str, Any]:
    """Keyword arguments for `Finding` from the optional tracker keys; problems are added to `problems`."""
    from .interchange_format import _date, _text  # the format's own field readers

    values: dict[str, Any] = {key: _text(raw, key, where, problems) for key in TEXT_KEYS}
    values["force_lead"] = _text(raw, "force_lead", where, problems)  # alias of "owner" (the force lead)
    values.update({key: _date(raw, key, where, problems, required=False) for key in DATE_KEYS})
    values["history"] = _parse_history(raw.get("history"), where, problems)
    return values


def _parse_history(raw: Any, where: str, problems: Any) -> tuple[HistoryEntry, ...]:
    from .interchange_format import _date, _text

    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add(where, "history", "must be a list")
        return ()
    entries: list[HistoryEntry] = []
    for number, item in enumerate(raw):
        here = f"{where}.history[{number}]"
        if not isinstance(item, dict):
            problems.items.append(f"{here}: must be an object")
            continue
        changed_on = _date(item, "date", here, problems, required=True)
        # 250,000 lines in a large office: plain strings skip the general reader
        texts = {key: value if type(value := item.get(key, "")) is str else _text(item, key, here, problems)
                 for key in _HISTORY_TEXT}
        if changed_on is not None:
            entries.append(HistoryEntry(changed_on=changed_on, author=texts["author"], on_behalf_of=texts["on_behalf_of"],
                                        old_status=texts["old_status"], new_status=texts["new_status"],
                                        narrative=texts["narrative"], source=texts["source"] or SOURCE_IMPORT))
    return tuple(entries)


def tracker_fields_to_json(finding: Finding) -> dict[str, Any]:
    values: dict[str, Any] = {key: getattr(finding, key) for key in TEXT_KEYS}
    values.update({key: getattr(finding, key).isoformat() if getattr(finding, key) else None for key in DATE_KEYS})
    values["history"] = [
        {"date": e.changed_on.isoformat(), **{key: getattr(e, key) for key in _HISTORY_TEXT}} for e in finding.history
    ]
    return values


def with_history(db: Database, inspection: Inspection) -> Inspection:
    """The inspection with each finding's stored history attached (for export)."""
    found = finding_history.history_by_finding(db, [f.id for f in inspection.findings if f.id is not None])
    return replace(inspection, findings=tuple(replace(f, history=tuple(found.get(f.id, ()) if f.id is not None else ())) for f in inspection.findings))


def write_imported_history(db: Database, inspection_id: int, inspection: Inspection) -> None:
    """After an import wrote the inspection's findings (in order), append each finding's history."""
    if not any(f.history for f in inspection.findings):
        return
    ids = finding_history.finding_ids_in_order(db, inspection_id)
    finding_history.append_histories(db, [(finding_id, entry) for finding_id, finding in zip(ids, inspection.findings)
                                          for entry in finding.history])


__all__ = ["parse_iso_date", "parse_tracker_fields", "tracker_fields_to_json", "with_history",
           "write_imported_history"]
