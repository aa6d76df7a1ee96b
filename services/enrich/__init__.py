"""Enrich: entity tagging and channel routing of parsed releases."""

import os

# One BLAS thread per process, set before anything loads numpy (OpenBLAS reads it once).
# Stages scale by processes; OpenBLAS's default of a thread per core makes every enrich
# process spin on all cores against the other pools. Measured on the 2-core bench machine
# for spaCy's NER on numpy ops: 150 -> 78 ms of CPU and 302 -> 140 ms wall per release.
# An operator who wants threads sets the variables; they win over these defaults.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
