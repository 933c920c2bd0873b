"""Each connection says who it writes for, and chains the audit trail (m0017).

The audit triggers call three SQL functions that exist only on connections this program opens:

- `opcc_actor()`: the user this connection writes for. It lives on the connection, so a second
  user's command never relabels the window's later writes (it used to be one shared table row).
- `opcc_row_audit()`: 1, or 0 inside a bulk import (which writes one summary line instead).
  Connection-local too: the old `audit_actor.enabled` switch is refused by a trigger.
- `opcc_audit_hash(...)`: SHA-256 of the previous line's hash and this line's fields. Each line
  carries the hash of the one before, so a removed, edited or inserted line breaks the chain.

A program that does not define them (the sqlite3 shell, a script) cannot write to an audited table
without first dropping triggers, which `check` reports.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any


def audit_hash(prev: str | None, *fields: Any) -> str:
    """The chain link: SHA-256 over the previous hash and this line's fields, unambiguously joined."""
    digest = hashlib.sha256()
    for value in (prev or "", *fields):
        text = "\x00" if value is None else f"{type(value).__name__}:{value}"
        encoded = text.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "big"))
        digest.update(encoded)
    return digest.hexdigest()


class AuditState:
    def __init__(self) -> None:
        self.actor = ""
        self.row_audit = True


class AuditedConnection(sqlite3.Connection):
    """A sqlite3 connection that knows who it writes for (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        state = self.audit_state = AuditState()  # the functions hold the state, not the connection: no cycle
        self.create_function("opcc_actor", 0, lambda: state.actor)
        self.create_function("opcc_row_audit", 0, lambda: 1 if state.row_audit else 0)
        self.create_function("opcc_audit_hash", 9, audit_hash, deterministic=True)


def state_of(conn: Any) -> AuditState | None:
    plain = getattr(conn, "conn", conn)  # a sqlite-utils Database or the connection itself
    return plain.audit_state if isinstance(plain, AuditedConnection) else None
