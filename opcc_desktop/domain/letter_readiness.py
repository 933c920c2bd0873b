"""Is a letter fit to sign? One check, shared by the window and the command line. Pure: no Qt, no storage.

Blocking problems refuse signing. Warnings allow it only with an explicit "sign anyway" and a reason,
which is recorded in the audit trail. Every item is a plain sentence a member of staff can act on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from . import vocabulary as vocab
from .dates import format_uk
from .models import Finding, Inspection

HOME_SECRETARY_KIND = "home_secretary"
CONFIRMED_SETTING = "home_secretary_confirmed_on"
CONFIRMATION_DAYS = 365
_INVISIBLE = {"Cf", "Cc", "Zl", "Zp"}  # format and control characters: zero-width spaces, joiners, marks


def normalise_name(name: str) -> str:
    """Unicode NFC, invisible characters removed, runs of spaces collapsed: how a person's name is kept."""
    text = unicodedata.normalize("NFC", name)
    text = "".join(ch if unicodedata.category(ch) != "Zs" else " " for ch in text
                   if unicodedata.category(ch) not in _INVISIBLE)
    return " ".join(text.split())


def name_key(name: str) -> str:
    """Two names are the same person's when their keys are equal (case ignored)."""
    return normalise_name(name).casefold()


@dataclass(frozen=True)
class SignerFacts:
    """Who is about to sign: their name and whether they may sign for the commissioner."""

    name: str
    authorised_for_commissioner: bool = False


@dataclass(frozen=True)
class Readiness:
    blocking: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.blocking

    def as_json(self) -> dict[str, object]:
        return {"ready": self.ready, "blocking": list(self.blocking), "warnings": list(self.warnings)}


def _finding_name(finding: Finding, number: int) -> str:
    label = vocab.KIND_LABELS.get(finding.kind, "Finding")
    return f"{label} {finding.reference.strip()}" if finding.reference.strip() else f"{label} (finding {number})"


def _answered(finding: Finding) -> bool:
    return bool(finding.force_response.strip() or finding.pcc_response.strip())


def _confirmed_on(settings: Mapping[str, str]) -> date | None:
    try:
        return date.fromisoformat(settings.get(CONFIRMED_SETTING, "").strip())
    except ValueError:
        return None


def _office_problems(settings: Mapping[str, str]) -> list[str]:
    def value(key: str) -> str:
        raw = settings.get(key)
        return raw.strip() if isinstance(raw, str) else ""

    problems = []
    if not value("office_name"):
        problems.append("The office has no name. Add it under File → Office settings.")
    if not value("office_address"):
        problems.append("The office has no postal address. Add it under File → Office settings.")
    if not value("commissioner_name"):
        problems.append("The commissioner's name is not set. Add it under File → Office settings.")
    return problems


def check_readiness(inspection: Inspection, settings: Mapping[str, str], kind: str, letter_date: date,
                    comments: str, today: date, signer: SignerFacts | None = None) -> Readiness:
    """What stops this document being signed, and what needs a reason to sign anyway.

    `comments` is the commissioner's own words in the draft (without the automatic appendix sentence).
    `signer` None checks everything but who signs.
    """
    blocking: list[str] = []
    warnings: list[str] = []
    findings = list(enumerate(inspection.findings, start=1))
    for number, finding in findings:
        if finding.kind == vocab.RECOMMENDATION and not _answered(finding):
            blocking.append(f"{_finding_name(finding, number)} has no response from the force or the "
                            "commissioner. Section 55 requires every recommendation to be answered.")
    if inspection.published is None:
        blocking.append("The report's publication date is not known: enter it on the inspection first.")
    elif letter_date < inspection.published:
        blocking.append(f"The document is dated {format_uk(letter_date)}, before the report was published on "
                        f"{format_uk(inspection.published)}.")
    blocking += _office_problems(settings)
    commissioner = settings.get("commissioner_name", "")
    if signer is not None and commissioner.strip() and name_key(signer.name) != name_key(commissioner) \
            and not signer.authorised_for_commissioner:
        blocking.append(f"{normalise_name(signer.name)} is not the commissioner named in the office settings "
                        f"({normalise_name(commissioner)}) and is not marked as authorised to sign on their behalf.")

    if inspection.s55_applies == "no":
        warnings.append("Section 55 does not apply to this report, but the document is a formal response "
                        "under section 55.")
    elif inspection.s55_applies != "yes":
        warnings.append("It is not clear whether section 55 applies to this report.")
    if not comments.strip():
        warnings.append("The document has no comments from the commissioner.")
    for number, finding in findings:
        if finding.kind == vocab.AREA_FOR_IMPROVEMENT and not _answered(finding):
            warnings.append(f"{_finding_name(finding, number)} has no response.")
    if kind == HOME_SECRETARY_KIND:
        confirmed = _confirmed_on(settings)
        if confirmed is None or (today - confirmed).days > CONFIRMATION_DAYS:
            secretary = settings.get("home_secretary_name", "").strip() or "(not set)"
            when = f"last confirmed on {format_uk(confirmed)}" if confirmed else "never confirmed"
            warnings.append(f"The Home Secretary's name ({secretary}) was {when}; check it is still right "
                            "and confirm it under File → Office settings.")
    return Readiness(tuple(blocking), tuple(warnings))
