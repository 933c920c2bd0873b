"""Fixed and seed vocabularies: finding kinds, s.55 applicability, default lookups and settings."""

from __future__ import annotations

from dataclasses import dataclass

RECOMMENDATION = "recommendation"
AREA_FOR_IMPROVEMENT = "area for improvement"
CAUSE_OF_CONCERN = "cause of concern"
ACCELERATED_CAUSE_OF_CONCERN = "accelerated cause of concern"
INNOVATIVE_PRACTICE = "innovative practice"

FINDING_KINDS: tuple[str, ...] = (
    RECOMMENDATION,
    AREA_FOR_IMPROVEMENT,
    CAUSE_OF_CONCERN,
    ACCELERATED_CAUSE_OF_CONCERN,
    INNOVATIVE_PRACTICE,
)

KIND_LABELS: dict[str, str] = {
    RECOMMENDATION: "Recommendation",
    AREA_FOR_IMPROVEMENT: "Area for improvement",
    CAUSE_OF_CONCERN: "Cause of concern",
    ACCELERATED_CAUSE_OF_CONCERN: "Accelerated cause of concern",
    INNOVATIVE_PRACTICE: "Innovative practice",
}

_KIND_ALIASES: dict[str, str] = {
    "rec": RECOMMENDATION,
    "recommendations": RECOMMENDATION,
    "afi": AREA_FOR_IMPROVEMENT,
    "afis": AREA_FOR_IMPROVEMENT,
    "areas for improvement": AREA_FOR_IMPROVEMENT,
    "coc": CAUSE_OF_CONCERN,
    "causes of concern": CAUSE_OF_CONCERN,
    "concern": CAUSE_OF_CONCERN,
    "accelerated coc": ACCELERATED_CAUSE_OF_CONCERN,
    "promising practice": INNOVATIVE_PRACTICE,
    "innovative or promising practice": INNOVATIVE_PRACTICE,
}


def normalise_kind(raw: str) -> str | None:
    """Map a kind as people write it ("AFI", "area_for_improvement", "Recommendation") to its code."""
    key = " ".join(raw.replace("_", " ").replace("-", " ").split()).casefold()
    if key in FINDING_KINDS:
        return key
    return _KIND_ALIASES.get(key)


S55_APPLIES_VALUES: tuple[str, ...] = ("yes", "no", "unclear")
S55_APPLIES_LABELS: dict[str, str] = {"yes": "Applies", "no": "Does not apply", "unclear": "Unclear"}

INSPECTION_TYPE_LOOKUP = "inspection_type"
FINDING_STATUS_LOOKUP = "finding_status"

DEFAULT_INSPECTION_TYPES: tuple[str, ...] = (
    "PEEL force inspection",
    "PEEL spotlight report",
    "National thematic",
    "Regional serious and organised crime (PEEL)",
    "Crime data integrity",
    "National child protection inspection",
    "Joint targeted area inspection",
    "Police custody inspection",
    "Criminal justice joint inspection",
    "Super-complaint report",
    "PCC-commissioned inspection",
    "Home Secretary-commissioned inspection",
    "State of Policing (annual)",
    "Fire and rescue service inspection",
    "Other",
)

DEFAULT_FINDING_STATUSES: tuple[str, ...] = (
    "Not yet assessed",
    "Accepted",
    "Accepted in part",
    "Not accepted (local decision)",
    "Open – in progress",
    "Open – delayed",
    "Force considers complete – awaiting OPCC assurance",
    "Submitted to HMICFRS for closure",
    "Closed – complete",
    "Closed – superseded by later inspection",
    "Closed – no further action",
    "Closed – no longer relevant",
    "Not for local action – monitoring national body",
)
DEFAULT_FINDING_STATUS = DEFAULT_FINDING_STATUSES[0]

DEFAULT_LOOKUPS: dict[str, tuple[str, ...]] = {
    INSPECTION_TYPE_LOOKUP: DEFAULT_INSPECTION_TYPES,
    FINDING_STATUS_LOOKUP: DEFAULT_FINDING_STATUSES,
}


@dataclass(frozen=True)
class SettingSpec:
    """One business setting: stored in the database so that backups carry it."""

    key: str
    label: str
    default: str
    multiline: bool = False


SETTING_SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("office_name", "Office name", "Office of the Police and Crime Commissioner"),
    SettingSpec("office_address", "Postal address", "", multiline=True),
    SettingSpec("office_telephone", "Telephone", ""),
    SettingSpec("office_email", "E-mail", ""),
    SettingSpec("office_web", "Web", ""),
    SettingSpec("office_social", "Social media handles (one per line)", "", multiline=True),
    SettingSpec("logo_alt_text", "Logo description for web pages (alt text; blank leaves the logo out)", ""),
    SettingSpec("force_name", "Force", ""),
    SettingSpec("commissioner_name", "Commissioner's name", ""),
    SettingSpec("commissioner_title", "Commissioner's exact title", "Police and Crime Commissioner"),
    SettingSpec("commissioner_short_title", "Commissioner's short title (PCC, PFCC…)", "PCC"),
    SettingSpec("home_secretary_name", "Home Secretary's name", ""),
    SettingSpec("home_secretary_confirmed_on", "Home Secretary's name last checked on (YYYY-MM-DD)", ""),
    SettingSpec("salutation", "Salutation", "Dear Home Secretary"),
    SettingSpec(
        "home_office_address",
        "Home Office address",
        "Home Office\n2 Marsham Street\nLondon\nSW1P 4DF",
        multiline=True,
    ),
    SettingSpec("hmicfrs_copy_address", "HMICFRS copy address", ""),
    SettingSpec("date_style", "Letter date style (ordinal or plain)", "ordinal"),
    SettingSpec("response_heading", "Published response: heading (blank for the standard one)", "",
                multiline=True),
    SettingSpec("internal_target_days", "Internal target for s.55 responses (days, blank for none)", "30"),
    SettingSpec("reminder_lead_days", "Remind this many days before (comma-separated)", "28, 14, 7, 3, 1"),
    SettingSpec("reminder_kinds", "Remind about (s55, internal, cc_reply, finding, undated_finding, action, or all)",
                "all"),
    SettingSpec("undated_finding_months", "Remind about findings open this many months with no target date", "12"),
)
SETTING_KEYS: tuple[str, ...] = tuple(spec.key for spec in SETTING_SPECS)
DEFAULT_SETTINGS: dict[str, str] = {spec.key: spec.default for spec in SETTING_SPECS}
DATE_STYLES: tuple[str, ...] = ("ordinal", "plain")
