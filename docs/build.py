"""Build the dalle_edu docs site: `python docs/build.py` writes static HTML to docs/_site/.

`python docs/build.py 00_shapes 03_evaluation` builds only those chapters (and the index), for a quick look.
`python docs/build.py --executed DIR` renders the outputs that `tools/test_book.py DIR` (nbdev_test) kept,
instead of executing every chapter again: what `tools/test.sh` does.

Quarto (what nbdev_docs uses) cannot be installed here, so the notebooks go through Sphinx + MyST-NB:
each notebook in nbs/ is staged into docs/_stage/ with nbdev's directives turned into MyST-NB cell tags
(`#| hide` -> remove-cell, `#| slow` -> skip-execution), then Sphinx executes them in Jupyter kernels and renders them.
"""
import argparse, re, shutil, subprocess, sys
from pathlib import Path
import nbformat

DOCS = Path(__file__).resolve().parent
ROOT, STAGE, SITE = DOCS.parent, DOCS/'_stage', DOCS/'_site'
DIRECTIVE = re.compile(r'^\s*#\|\s*(.*)$')

def chapters(only=()) -> list[Path]:
    "The notebooks of the book (or those named in `only`, and the index), in order, index first."
    nbs = sorted(p for p in (ROOT/'nbs').glob('*.ipynb') if not p.name.startswith('_') and (not only or p.stem in only or p.stem == 'index'))
    return sorted(nbs, key=lambda p: (p.stem != 'index', p.stem))

def stage_cell(cell):
    "Turn nbdev directives into cell tags and drop the directive lines."
    if cell.cell_type != 'code': return cell
    lines = cell.source.split('\n')
    directives = [m.group(1).split() for l in lines if (m := DIRECTIVE.match(l))]
    names = {d[0] for d in directives if d}
    tags = set(cell.metadata.get('tags', []))
    if names & {'hide', 'default_exp', 'exporti'}: tags.add('remove-cell')
    if 'slow' in names: tags.add('skip-execution')
    cell.source = '\n'.join(l for l in lines if not DIRECTIVE.match(l)).strip('\n')
    if not cell.source: tags.add('remove-cell')
    cell.metadata['tags'] = sorted(tags)
    return cell

def stage(only=(), executed: Path | None = None) -> list[str]:
    "Copy the chapters into STAGE as MyST-NB reads them; from `executed` (with their outputs) when given."
    if STAGE.exists(): shutil.rmtree(STAGE)
    STAGE.mkdir(parents=True)
    names = []
    for p in chapters(only):
        if executed and not (executed/p.name).exists(): raise FileNotFoundError(f'no executed copy of {p.name} in {executed}')
        nb = nbformat.read(executed/p.name if executed else p, as_version=4)
        nb.cells = [stage_cell(c) for c in nb.cells]
        if p.stem == 'index':
            toc = '\n'.join(c.stem for c in chapters(only) if c.stem != 'index')
            nb.cells.append(nbformat.v4.new_markdown_cell(f'```{{toctree}}\n:maxdepth: 1\n:caption: Chapters\n\n{toc}\n```'))
        nbformat.write(nb, STAGE/p.name)
        names.append(p.stem)
    return names

def build(only=(), quiet: bool = True, executed: Path | None = None) -> Path:
    "Stage and render the site into SITE; every chapter is executed unless `executed` holds its outputs."
    names = stage(only, executed)
    cmd = [sys.executable, '-m', 'sphinx', '-b', 'html', '-c', str(DOCS), '-j', '1', str(STAGE), str(SITE)]
    if executed: cmd += ['-D', 'nb_execution_mode=off']
    if quiet: cmd.append('-q')
    subprocess.run(cmd, check=True, cwd=ROOT)
    print(f'built {len(names)} pages into {SITE} (open {SITE/"index.html"})')
    return SITE

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description='Build the docs site into docs/_site/.')
    ap.add_argument('only', nargs='*', help='chapters to build (default: all)')
    ap.add_argument('--executed', type=Path, help='render the notebooks tools/test_book.py kept here instead of executing them')
    a = ap.parse_args()
    try: build(only=a.only, executed=a.executed and a.executed.resolve())
    except FileNotFoundError as e: sys.exit(f'docs build failed: {e}')
    except subprocess.CalledProcessError as e: sys.exit(f'docs build failed (sphinx exited {e.returncode})')
