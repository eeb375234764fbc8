"""The lingua child process of `LinguaBackend.start_child` (pipeline.segment.backends):
`python -m pipeline.segment.lingua_child`, requests and answers pickled over stdin/stdout."""
from __future__ import annotations

import sys

from pipeline.segment.backends import serve

if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
