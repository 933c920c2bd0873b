"""The office part of the window (see AGENTS.md, "The UI house")."""
