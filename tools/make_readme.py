"""Write README.md from nbs/index.ipynb with nbconvert's markdown exporter (nbdev_readme needs Quarto).

Hidden cells (`#| hide`) are dropped, as nbdev would; `python tools/make_readme.py --check` exits 1 if
README.md is out of date.
"""
import sys
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parent.parent
HEADER = '<!-- Generated from nbs/index.ipynb by tools/make_readme.py: edit the notebook, not this file. -->\n\n'

def readme_text() -> str:
    nb = nbformat.read(ROOT/'nbs'/'index.ipynb', as_version=4)
    nb.cells = [c for c in nb.cells if not c.source.lstrip().startswith('#| hide')]
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs = []
    body, _ = MarkdownExporter().from_notebook_node(nb)
    return HEADER + body.strip() + '\n'

if __name__ == '__main__':
    text, path = readme_text(), ROOT/'README.md'
    if '--check' in sys.argv:
        ok = path.exists() and path.read_text() == text
        print('README.md is up to date' if ok else 'README.md is out of date: run python tools/make_readme.py')
        sys.exit(0 if ok else 1)
    path.write_text(text)
    print(f'wrote {path}')
