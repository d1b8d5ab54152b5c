"""The archive: every published figure, kept in an embedded DuckDB file, and one agreed value per month."""
