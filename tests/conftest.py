import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

def dalle_edu(*args, env=None, timeout=600, cwd=None):
    "Run the real console script; returns the CompletedProcess."
    e = {**os.environ, 'DALLE_EDU_QUIET': '1', 'MPLBACKEND': 'Agg', **(env or {})}
    return subprocess.run([str(BIN/'dalle-edu'), *map(str, args)], capture_output=True, text=True,
                          env=e, timeout=timeout, cwd=cwd or ROOT)

@pytest.fixture
def cli(): return dalle_edu
