"""scorekit: published performance-report PDFs into a trustworthy historical dataset."""

__version__ = "0.1.0"
