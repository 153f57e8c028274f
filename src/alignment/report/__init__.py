"""Report stage: `Report` -> terminal text, Markdown, CSV, HTML."""
