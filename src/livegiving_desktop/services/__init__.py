"""The operations the UI and the CLI call. No Qt here; database work runs off the UI thread."""
