"""Governance boards in the window: boards page, meeting editor, action log and "discussed at"."""
