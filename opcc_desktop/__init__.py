"""OPCC Desktop: HMICFRS inspections, s.55 responses and letters for one OPCC."""

__version__ = "0.1.0"
