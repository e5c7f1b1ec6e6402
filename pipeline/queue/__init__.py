"""Articles as jobs on a Redis task queue (Dramatiq), for an agency whose clinics need more than
one machine: `run --queue` and `watch --queue` send each article as a job, `repurpose worker`
runs them on any number of machines that see the same output folders, and `queue status` shows
pending, running, failed and done jobs per clinic.

- `broker`: the Redis address, the Dramatiq broker and its one actor, and clear errors.
- `jobs`: what a job carries (`JobSpec`) and the record of each job in Redis (`JobStore`).
- `submit`: send a batch and wait for it with progress.
- `worker`: the loop of `repurpose worker`.
"""

from pipeline.queue.jobs import JobSpec, JobStore, job_id

__all__ = ["JobSpec", "JobStore", "job_id"]
