"""Did a record change since the form loaded it? (optimistic concurrency; pure).

A record read from the office carries the stored row's `version` (see storage/record_versions.py);
one built by a caller carries 0 and is not checked (an import replaces by its own rules).
"""

from __future__ import annotations

from dataclasses import replace

from .models import Finding, Inspection


def _finding_label(finding: Finding, number: int) -> str:
    return f"finding {finding.reference or number}"


def inspection_conflicts(mine: Inspection, stored: Inspection) -> list[str]:
    """Plain reasons why saving `mine` over `stored` would silently undo someone else's change."""
    if mine.id is None or mine.version == 0:
        return []
    reasons: list[str] = []
    if stored.version != mine.version:
        reasons.append("the inspection's details were changed")
    current = {f.id: f for f in stored.findings}
    for number, finding in enumerate(mine.findings, start=1):
        if finding.id is None:
            continue
        now = current.get(finding.id)
        if now is None:
            reasons.append(f"{_finding_label(finding, number)} was deleted")
        elif finding.version and now.version != finding.version:
            reasons.append(f"{_finding_label(now, number)} was changed")
    for number, added in enumerate(stored.findings, start=1):
        if added.id not in mine.findings_seen and added.id is not None:
            reasons.append(f"{_finding_label(added, number)} was added")
    return reasons


def rebased(mine: Inspection, stored: Inspection) -> Inspection:
    """`mine` made current: saving it keeps every one of my fields and findings over the stored ones
    (the user chose "Keep mine" after seeing both)."""
    current = {f.id: f.version for f in stored.findings if f.id is not None}
    findings = tuple(f if f.id is None else
                     replace(f, version=current[f.id]) if f.id in current else replace(f, id=None, version=0)
                     for f in mine.findings)
    return replace(mine, findings=findings, version=stored.version, findings_seen=frozenset(current))


def _fields(inspection: Inspection) -> list[tuple[str, str]]:
    from .dates import format_uk

    rows = [("Reference", inspection.reference), ("Title", inspection.title), ("Type", inspection.type),
            ("Published", format_uk(inspection.published) if inspection.published else ""),
            ("Forces", ", ".join(inspection.forces)), ("s.55 applies", inspection.s55_applies),
            ("Response published", format_uk(inspection.response_published)),
            ("Key findings", inspection.key_findings), ("Commissioner's comments", inspection.pcc_comments)]
    for number, f in enumerate(inspection.findings, start=1):
        rows.append((f"Finding {f.reference or number}",
                     " | ".join(x for x in (f.kind, f.text, f.owner, f.status, format_uk(f.target_date),
                                            f.force_response, f.pcc_response) if x)))
    return rows


def version_text(inspection: Inspection, other: Inspection) -> str:
    """The inspection as plain text, one field a line; lines that differ from `other` start with "▶ "."""
    theirs = dict(_fields(other))
    return "\n".join(f"{'▶ ' if theirs.get(label) != value else '   '}{label}: {value}"
                     for label, value in _fields(inspection))
