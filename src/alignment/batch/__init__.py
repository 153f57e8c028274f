"""Batch analysis: a folder or manifest of documents -> comparable tables and statistics.

Modules, one stage each: `inputs` (walk a folder, read a manifest), `worker` (the pure
per-document function), `cache` (SQLite results by content hash and pack version), `executor`
(process pool or Dask), `aggregate` (rows and summary statistics), `outputs` and `charts`
(atomic, deterministic files), `xlsx` (the workbook), `run` (the composition). The CLI command is
`alignment.commands.batch`.
"""

from .run import BatchOptions, BatchResult, run_batch
from .worker import Options, WorkerResult, analyse_file

__all__ = ["BatchOptions", "BatchResult", "Options", "WorkerResult", "analyse_file", "run_batch"]
