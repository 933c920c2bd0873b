"""Passphrase hashing and the sealed signature image.

- The passphrase is stored only as an scrypt hash with its own random salt ("scrypt$n$r$p$salt$hash").
- The signature image is encrypted with AES-GCM (the `cryptography` package) under a key derived by
  scrypt from the passphrase with a second, independent salt. The database therefore holds nothing
  that opens the signature without the passphrase; the GCM tag also detects tampering.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.letter_records import SealedSignature
from ..errors import UserFacingError

# N = 2^17 (128 MiB, ~0.4 s): current guidance for interactive logins (OWASP: N >= 2^17, r = 8, p = 1).
# Hashes and keys made with a smaller N (2^15 before) still open, and are re-sealed at the new cost on
# the next successful sign-off (`needs_upgrade`). The key is always derived with the cost it was sealed at.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_MAXMEM = 256 * 1024 * 1024
_CONTEXT = b"opcc-desktop signature v1"


class WrongPassphraseError(UserFacingError):
    """The passphrase does not match: nothing was signed."""


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int, length: int = 32) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=length)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def hash_passphrase(passphrase: str) -> str:
    salt = os.urandom(16)
    digest = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def passphrase_matches(passphrase: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(passphrase, base64.b64decode(salt), int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _cost(stored: str) -> tuple[int, int, int]:
    """(n, r, p) the hash was made with; seal() derives the key with the same."""
    try:
        scheme, n, r, p, _salt, _digest = stored.split("$")
        if scheme == "scrypt":
            return int(n), int(r), int(p)
    except ValueError:
        pass
    return SCRYPT_N, SCRYPT_R, SCRYPT_P


def needs_upgrade(sealed: SealedSignature) -> bool:
    """True when the signature was sealed at a lower cost than this version uses."""
    n, r, p = _cost(sealed.passphrase_hash)
    return (n, r, p) < (SCRYPT_N, SCRYPT_R, SCRYPT_P) and n < SCRYPT_N


def seal(image: bytes, passphrase: str) -> SealedSignature:
    key_salt, nonce = os.urandom(16), os.urandom(12)
    key = _scrypt(passphrase, key_salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return SealedSignature(hash_passphrase(passphrase), key_salt, nonce, AESGCM(key).encrypt(nonce, image, _CONTEXT))


def unseal(sealed: SealedSignature, passphrase: str) -> bytes:
    """The signature image; WrongPassphraseError when the passphrase is not the signatory's."""
    if not passphrase_matches(passphrase, sealed.passphrase_hash):
        raise WrongPassphraseError("That passphrase is not right.")
    key = _scrypt(passphrase, sealed.key_salt, *_cost(sealed.passphrase_hash))
    try:
        return AESGCM(key).decrypt(sealed.nonce, sealed.sealed, _CONTEXT)
    except InvalidTag:
        raise UserFacingError("The stored signature has been altered and cannot be used. "
                              "Ask the signatory to set it up again.") from None
