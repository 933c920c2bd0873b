"""Business settings and editable lookups (inspection types, finding statuses)."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.dates import parse_iso_date
from ..domain.models import FieldError
from ..domain.reminders import parse_lead_days
from ..domain.vocabulary import DATE_STYLES, SETTING_KEYS
from ..errors import UserFacingError, ValidationError
from ..storage import settings as store
from .changes import Changes


def validate_settings(values: dict[str, object]) -> list[FieldError]:
    errors: list[FieldError] = []
    for key, value in values.items():
        if key not in SETTING_KEYS:
            errors.append(FieldError(key, "is not a known setting"))
        elif not isinstance(value, str):
            errors.append(FieldError(key, "must be text"))
        elif "\x00" in value:
            errors.append(FieldError(key, "contains control characters"))
    target = values.get("internal_target_days")
    if isinstance(target, str) and target.strip() and not (target.strip().isdigit() and 1 <= int(target) <= 56):
        errors.append(FieldError("internal_target_days", "must be a whole number of days from 1 to 56, or blank"))
    leads = values.get("reminder_lead_days")
    if isinstance(leads, str):
        try:
            parse_lead_days(leads)
        except ValueError as problem:
            errors.append(FieldError("reminder_lead_days", str(problem)))
    kinds = values.get("reminder_kinds")
    if isinstance(kinds, str):
        from .reminders import parse_kinds

        try:
            parse_kinds(kinds)
        except UserFacingError as problem:
            errors.append(FieldError("reminder_kinds", str(problem)))
    months = values.get("undated_finding_months")
    if isinstance(months, str) and months.strip() and not (months.strip().isdigit() and 1 <= int(months) <= 120):
        errors.append(FieldError("undated_finding_months", "must be a whole number of months from 1 to 120, or blank"))
    checked = values.get("home_secretary_confirmed_on")
    if isinstance(checked, str) and checked.strip():
        try:
            parse_iso_date(checked.strip())
        except ValueError:
            errors.append(FieldError("home_secretary_confirmed_on", "must be a date written YYYY-MM-DD, or blank"))
    style = values.get("date_style")
    if isinstance(style, str) and style not in DATE_STYLES:
        errors.append(FieldError("date_style", f"must be one of {', '.join(DATE_STYLES)}"))
    return errors


class SettingsService:
    def __init__(self, db: Database):
        self.db = db

    def all(self) -> dict[str, str]:
        return store.read_settings(self.db)

    def update(self, values: dict[str, str]) -> Changes:
        errors = validate_settings(dict(values))
        if errors:
            raise ValidationError(errors, "settings")
        with self.db.atomic():
            store.write_settings(self.db, dict(values))
        return Changes(settings=True)

    def lookup(self, name: str) -> list[str]:
        return store.lookup_values(self.db, name)

    def add_lookup_value(self, name: str, value: str) -> Changes:
        value = value.strip()
        if not value:
            raise ValidationError([FieldError(name, "a value is required")])
        with self.db.atomic():
            added = store.add_lookup_value(self.db, name, value)
        return Changes(lookups=added)

    def replace_lookup(self, name: str, values: list[str]) -> Changes:
        cleaned = [v.strip() for v in values if v.strip()]
        if not cleaned:
            raise ValidationError([FieldError(name, "needs at least one value")])
        with self.db.atomic():
            store.replace_lookup_values(self.db, name, list(dict.fromkeys(cleaned)))
        return Changes(lookups=True)
