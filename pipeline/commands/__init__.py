"""The orchestration of each command line verb: `run` (with the batch), `render`, `schedule` and
`export`. `cli.py` parses the arguments and prints; the work is here.

This file stays light: `repurpose --help` imports it, and nothing of rendering.
"""

EXPORT_TARGETS = ("hootsuite", "metricool", "postiz", "ics")
DEFAULT_SLOTS = "Mon 09:00, Thu 18:00"
