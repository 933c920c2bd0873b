"""The main window's pages (each module is imported when its page is first built)."""
