"""`nbdev_test`, keeping what every notebook printed and drew, so that the docs build can render those outputs
instead of executing the whole book a second time.

    .venv/bin/python tools/test_book.py OUT_DIR [nbdev_test's options, e.g. --n_workers 1 --timing]

Each notebook that passes is written to OUT_DIR under its own name: the source notebook from nbs/, unchanged, with
the outputs of this run (cells nbdev_test skips, such as `#| slow` ones, have none). `python docs/build.py
--executed OUT_DIR` then builds the site from them without executing anything.
"""
import sys
from pathlib import Path
import nbformat
from execnb.shell import CaptureShell
from nbdev.test import nbdev_test

def keep_outputs(out: Path):
    "Make `CaptureShell.run_all`, which nbdev_test executes each notebook with, also save the notebook's outputs to `out`."
    run_all = CaptureShell.run_all
    def run_all_and_keep(self, nb, *args, **kwargs):
        run_all(self, nb, *args, **kwargs)                    # raises on a failing cell: nothing is written then
        src = Path(nb['path_'])
        outputs = {c['id']: c.get('outputs', []) for c in nb.cells if c.cell_type == 'code'}
        book = nbformat.read(src, as_version=4)               # nbdev's copy has its directives stripped: merge by cell id
        for c in book.cells:
            if c.cell_type == 'code': c.outputs = [nbformat.from_dict(o) for o in outputs.get(c.id, [])]
        tmp = out/f'.{src.name}.tmp'
        nbformat.write(book, tmp)
        tmp.replace(out/src.name)
    CaptureShell.run_all = run_all_and_keep

if __name__ == '__main__':
    if len(sys.argv) < 2 or sys.argv[1].startswith('-'): sys.exit('usage: tools/test_book.py OUT_DIR [nbdev_test options]')
    out = Path(sys.argv.pop(1)).resolve()
    out.mkdir(parents=True, exist_ok=True)
    keep_outputs(out)
    nbdev_test()                                               # parses the remaining arguments as nbdev_test does
