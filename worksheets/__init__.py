"""Personal question worksheets for people with metastatic cancer."""

__version__ = "0.1.0"
