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

@pytest.fixture
def cli_main(capsys, monkeypatch):
    "Call `dalle_edu.cli.main`, what the console script calls, in this process: no start-up cost, for the many bad-input cases."
    from types import SimpleNamespace
    from dalle_edu.cli import main
    def run(*args, cwd=ROOT):
        monkeypatch.chdir(cwd); monkeypatch.setenv('DALLE_EDU_QUIET', '1')
        monkeypatch.delenv('DALLE_EDU_DEVICE', raising=False)      # `--device` sets it for the rest of the process; undone after the test
        capsys.readouterr()
        code = main([str(a) for a in args])          # an exception escaping main fails the test: the user would see a traceback
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)
    return run

def pytest_addoption(parser):
    parser.addoption('--slow', action='store_true', help='also run the tests marked slow (full re-evaluation of every card)')

def pytest_configure(config):
    config.addinivalue_line('markers', 'slow: minutes-long checks, run only with --slow')

def pytest_collection_modifyitems(config, items):
    if config.getoption('--slow'): return
    skip = pytest.mark.skip(reason='slow: run with --slow')
    for item in items:
        if 'slow' in item.keywords: item.add_marker(skip)
