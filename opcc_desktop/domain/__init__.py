"""Pure domain logic: records, vocabularies, validation and deadline arithmetic (no Qt, no SQL)."""
