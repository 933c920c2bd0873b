"""Forms for editing one inspection and its findings, with inline validation."""
