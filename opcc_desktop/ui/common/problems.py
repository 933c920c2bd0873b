"""Turn field errors into the sentences the inspection editor shows beside each field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...domain.models import FieldError, Inspection
from ...domain.validation import validate_finding, validate_inspection

INSPECTION_FIELD_LABELS: dict[str, str] = {
    "reference": "HMICFRS reference",
    "title": "Title",
    "type": "Type",
    "published": "Published date",
    "forces": "Each force",
    "s55_applies": "s.55 applies",
    "response_published": "Response published date",
    "key_findings": "Key findings",
    "pcc_comments": "Commissioner's comments",
}
FINDING_FIELD_LABELS: dict[str, str] = {
    "kind": "Kind",
    "text": "Text",
    "reference": "Reference",
    "level": "Level",
    "addressees": "Each addressee",
    "owner": "Owner",
    "target_date": "Target date",
    "status": "Status",
    "force_response": "Force response",
    "pcc_response": "Commissioner's response",
}
_FINDING_FIELD = re.compile(r"^findings\[(\d+)\]\.(\w+)$")


def local_errors(candidate: Inspection) -> list[FieldError]:
    """Every error the domain rules find, without asking the database (so cheap on each keystroke)."""
    errors = validate_inspection(candidate)
    for number, finding in enumerate(candidate.findings, start=1):
        errors += [FieldError(f"findings[{number}].{e.field}", e.message) for e in validate_finding(finding)]
    return errors


def capitalised(message: str) -> str:
    return message[:1].upper() + message[1:]


@dataclass
class Problems:
    """What is wrong with the form: by inspection field, by finding row (0-based), and anything else."""

    fields: dict[str, str] = field(default_factory=dict)
    findings: list[tuple[int, str]] = field(default_factory=list)
    other: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.findings or self.other)

    def count(self) -> int:
        return len(self.fields) + len(self.findings) + len(self.other)

    def finding_rows(self) -> set[int]:
        return {row for row, _ in self.findings}


def describe_problems(
    errors: list[FieldError],
    date_problems: dict[str, str],
    finding_date_problem: tuple[int, str] | None = None,
) -> Problems:
    """`date_problems` ("published" → "31/02/2024 is not a real date") win over the domain's message
    for the same field, since the domain only sees the missing date."""
    problems = Problems()
    findings: dict[tuple[int, str], str] = {}
    for error in errors:
        match = _FINDING_FIELD.match(error.field)
        if match:
            row, name = int(match.group(1)) - 1, match.group(2)
            label = FINDING_FIELD_LABELS.get(name, name)
            findings.setdefault((row, name), f"Finding {row + 1}: {label} {error.message}")
        elif error.field in INSPECTION_FIELD_LABELS:
            problems.fields.setdefault(error.field, f"{INSPECTION_FIELD_LABELS[error.field]} {error.message}")
        else:
            problems.other.append(str(error))
    for name, problem in date_problems.items():
        if problem:
            problems.fields[name] = (
                f"{INSPECTION_FIELD_LABELS[name]} {problem}" if problem == "is required" else capitalised(problem)
            )
    if finding_date_problem is not None:
        row, problem = finding_date_problem
        findings[(row, "target_date")] = f"Finding {row + 1}: {capitalised(problem)}"
    problems.findings = [(row, message) for (row, _), message in sorted(findings.items(), key=lambda i: i[0][0])]
    return problems
