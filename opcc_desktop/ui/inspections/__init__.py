"""The inspections part of the window (see AGENTS.md, "The UI house")."""
