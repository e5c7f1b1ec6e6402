"""repurpose: turn a published clinic article into a ready-to-post Instagram set."""

__version__ = "0.1.0"
