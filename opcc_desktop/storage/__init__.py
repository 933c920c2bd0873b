"""The only layer that contains SQL: opening the file, migrations and repositories."""
