"""The orchestration of each command line verb (run, render, schedule, export, the batch)."""
