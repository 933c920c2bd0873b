"""Signatories: who may approve letters, with a passphrase only they know and a sealed signature."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.letter_readiness import name_key, normalise_name
from ..domain.letter_records import MIN_PASSPHRASE_LENGTH, Signatory
from ..domain.models import FieldError
from ..errors import NotFoundError, ValidationError
from ..storage import signatories as store
from .changes import Changes
from .signature_vault import needs_upgrade, seal, unseal

LOGO = "logo"
MAX_IMAGE_BYTES = 4 * 1024 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"


def passphrase_problems(name: str, passphrase: str, confirm: str, field: str = "passphrase") -> list[FieldError]:
    """The passphrase rule: at least MIN_PASSPHRASE_LENGTH characters, not the name, typed twice alike."""
    errors = []
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        errors.append(FieldError(field, f"must be at least {MIN_PASSPHRASE_LENGTH} characters"))
    elif passphrase.strip().casefold() == name.strip().casefold():
        errors.append(FieldError(field, "must not be the signatory's name"))
    if passphrase != confirm:
        errors.append(FieldError("confirm", "does not match the passphrase"))
    return errors


def image_problems(image: bytes, field: str) -> list[FieldError]:
    if not image.startswith(_PNG):
        return [FieldError(field, "must be a PNG image")]
    if len(image) > MAX_IMAGE_BYTES:
        return [FieldError(field, "is larger than 4 MB")]
    return []


class SignatoryService:
    def __init__(self, db: Database):
        self.db = db

    def list(self) -> list[Signatory]:
        return store.list_signatories(self.db)

    def add(self, name: str, title: str, signature_png: bytes, passphrase: str, confirm: str,
            authorised_for_commissioner: bool = False) -> tuple[int, Changes]:
        """Names are normalised (NFC, no invisible characters, single spaces) and unique ignoring case."""
        name, title = normalise_name(name), normalise_name(title)
        errors = [FieldError("name", "is required")] if not name else []
        same = [s for s in store.list_signatories(self.db) if name_key(s.name) == name_key(name)] if name else []
        if same:
            errors.append(FieldError("name", f"already has a signature set up (as “{same[0].name}”)"))
        errors += image_problems(signature_png, "signature") + passphrase_problems(name, passphrase, confirm)
        if errors:
            raise ValidationError(errors, "signatory")
        sealed = seal(signature_png, passphrase)
        with self.db.atomic():
            new_id = store.insert_signatory(self.db, name, title, sealed, authorised_for_commissioner)
        return new_id, Changes(settings=True)

    def set_authorised(self, signatory_id: int, authorised: bool) -> Changes:
        """Mark whether this signatory may sign on the commissioner's behalf (e.g. a deputy or chief executive)."""
        self._get(signatory_id)
        with self.db.atomic():
            store.set_authorised(self.db, signatory_id, authorised)
        return Changes(settings=True)

    def find(self, name: str) -> Signatory:
        """The signatory whose name matches `name` ignoring case, spacing and invisible characters."""
        for signatory in store.list_signatories(self.db):
            if name_key(signatory.name) == name_key(name):
                return signatory
        raise NotFoundError(f"No signatory is called “{normalise_name(name)}”.")

    def change_passphrase(self, signatory_id: int, old: str, new: str, confirm: str) -> Changes:
        signatory = self._get(signatory_id)
        image = self.signature(signatory_id, old)
        errors = passphrase_problems(signatory.name, new, confirm)
        if errors:
            raise ValidationError(errors, "signatory")
        with self.db.atomic():
            store.update_signatory(self.db, signatory_id, signatory.title, seal(image, new))
        return Changes(settings=True)

    def remove(self, signatory_id: int, passphrase: str) -> Changes:
        self.signature(signatory_id, passphrase)  # only the signatory may remove their signature
        with self.db.atomic():
            store.delete_signatory(self.db, signatory_id)
        return Changes(settings=True)

    def signature(self, signatory_id: int, passphrase: str) -> bytes:
        """The decrypted signature image; WrongPassphraseError (a UserFacingError) when the passphrase is wrong."""
        signatory = self._get(signatory_id)
        sealed = store.read_sealed(self.db, signatory_id)
        if sealed is None:
            raise NotFoundError("That signatory no longer exists.")
        image = unseal(sealed, passphrase)
        # Sealed at an older, cheaper scrypt cost: re-sealed now, while the passphrase is known.
        if needs_upgrade(sealed):
            with self.db.atomic():
                store.update_signatory(self.db, signatory_id, signatory.title, seal(image, passphrase))
        return image

    def get(self, signatory_id: int) -> Signatory:
        return self._get(signatory_id)

    def _get(self, signatory_id: int) -> Signatory:
        signatory = store.get_signatory(self.db, signatory_id)
        if signatory is None:
            raise NotFoundError("That signatory no longer exists.")
        return signatory

    # The office logo lives beside the signatures, in the database (so backups carry it).
    def logo(self) -> bytes | None:
        return store.read_image(self.db, LOGO)

    def set_logo(self, png: bytes | None) -> Changes:
        if png:
            errors = image_problems(png, "logo")
            if errors:
                raise ValidationError(errors, "logo")
        with self.db.atomic():
            if png:
                store.write_image(self.db, LOGO, "image/png", png)
            else:
                store.delete_image(self.db, LOGO)
        return Changes(settings=True)
