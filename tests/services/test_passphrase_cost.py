"""Passphrases: scrypt N=2^17; a signature sealed at the old N=2^15 opens and is upgraded on the next sign-off."""

from __future__ import annotations

import pytest

from opcc_desktop.services import signature_vault
from opcc_desktop.services.office import Office
from opcc_desktop.services.signature_vault import WrongPassphraseError, needs_upgrade, passphrase_matches

pytestmark = pytest.mark.real_kdf
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PASSPHRASE = "correct horse battery staple"


def _cost(stored: str) -> int:
    return int(stored.split("$")[1])


def test_new_hashes_use_n_2_17():
    assert signature_vault.SCRYPT_N == 2**17
    stored = signature_vault.hash_passphrase(PASSPHRASE)
    assert _cost(stored) == 2**17 and passphrase_matches(PASSPHRASE, stored)


def test_an_old_signature_opens_and_is_upgraded_on_the_next_successful_sign_off(tmp_path, monkeypatch):
    office = Office.open(tmp_path / "office.sqlite3")
    try:
        with monkeypatch.context() as old_version:
            old_version.setattr(signature_vault, "SCRYPT_N", 2**15)  # sealed by the previous version
            signatory_id, _ = office.signatories.add("A. Commissioner", "Police and Crime Commissioner", PNG,
                                                     PASSPHRASE, PASSPHRASE)
        from opcc_desktop.storage.signatories import read_sealed

        before = read_sealed(office.db, signatory_id)
        assert _cost(before.passphrase_hash) == 2**15 and needs_upgrade(before)
        with pytest.raises(WrongPassphraseError):
            office.signatories.signature(signatory_id, "wrong passphrase")
        assert read_sealed(office.db, signatory_id) == before  # a failed attempt changes nothing
        assert office.signatories.signature(signatory_id, PASSPHRASE) == PNG
        after = read_sealed(office.db, signatory_id)
        assert _cost(after.passphrase_hash) == 2**17 and not needs_upgrade(after)
        assert office.signatories.signature(signatory_id, PASSPHRASE) == PNG  # opens at the new cost
    finally:
        office.close()
