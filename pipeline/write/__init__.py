"""Stage 6, write: one output folder per article: files written atomically, edits kept."""

from pipeline.write.files import write_post_files

__all__ = ["write_post_files"]
