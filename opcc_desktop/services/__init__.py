"""Use cases: validate, write in one transaction, and report what changed."""
