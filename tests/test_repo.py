"""The repository is consistent: README from index.ipynb, dalle_edu/ from nbs/."""
import filecmp, shutil, subprocess, sys
from pathlib import Path
from conftest import ROOT, BIN

def test_readme_matches_index_notebook():
    r = subprocess.run([sys.executable, 'tools/make_readme.py', '--check'], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr

def test_nbdev_export_changes_nothing(tmp_path):
    for name in ('settings.ini', 'setup.py', 'pyproject.toml'): shutil.copy(ROOT/name, tmp_path/name)
    shutil.copytree(ROOT/'nbs', tmp_path/'nbs')
    shutil.copytree(ROOT/'dalle_edu', tmp_path/'dalle_edu', ignore=shutil.ignore_patterns('models', '__pycache__'))
    r = subprocess.run([str(BIN/'nbdev_export')], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for p in (ROOT/'dalle_edu').glob('*.py'):
        assert filecmp.cmp(p, tmp_path/'dalle_edu'/p.name, shallow=False), f'{p.name} differs from what nbdev_export writes'
    assert sorted(p.name for p in (tmp_path/'dalle_edu').glob('*.py')) == sorted(p.name for p in (ROOT/'dalle_edu').glob('*.py'))

def test_every_notebook_exports_its_namesake_module():
    import json
    for nb in (ROOT/'nbs').glob('[0-9]*.ipynb'):
        src = ''.join(json.loads(nb.read_text())['cells'][0]['source'])
        assert src.startswith('#| default_exp '), nb.name
        mod = src.split()[-1]
        assert nb.stem.split('_', 1)[1] == mod, f'{nb.name} exports {mod}'

def chapters():
    "module name -> chapter number, from the notebooks that export them."
    import json
    out = {}
    for nb in (ROOT/'nbs').glob('[0-9]*.ipynb'):
        out[''.join(json.loads(nb.read_text())['cells'][0]['source']).split()[-1]] = int(nb.stem.split('_')[0])
    return out

def imported_modules(source: str) -> set:
    "The dalle_edu modules a piece of Python source imports, anywhere in it (inside functions too)."
    import ast
    mods = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            name = node.module or ''
            if node.level and not name: mods |= {a.name for a in node.names}
            elif node.level: mods.add(name.split('.')[0])
            elif name.startswith('dalle_edu.'): mods.add(name.split('.')[1])
            elif name == 'dalle_edu': mods |= {a.name for a in node.names}
        elif isinstance(node, ast.Import):
            mods |= {a.name.split('.')[1] for a in node.names if a.name.startswith('dalle_edu.')}
    return mods

def test_no_module_imports_a_later_chapter():
    ch = chapters()
    for mod, n in ch.items():
        later = {m for m in imported_modules((ROOT/'dalle_edu'/f'{mod}.py').read_text()) if ch.get(m, -1) > n}
        assert not later, f'dalle_edu.{mod} (chapter {n}) imports later chapters: {sorted(later)}'

# Known: reranking (chapter 23) is taught before CLIP (chapter 30), as in the paper's own order
KNOWN_FORWARD_USES = {'23_rerank.ipynb': {'clip'}}

def test_no_chapter_uses_a_later_chapter():
    "A chapter's cells import only earlier chapters' modules and load only earlier chapters' bundled models."
    import json, re
    from dalle_edu import hub
    ch = chapters()
    owner = {name: ch[r.build.__module__.split('.')[-1]] for name, r in hub.all_recipes().items()}
    for nb in (ROOT/'nbs').glob('[0-9]*.ipynb'):
        n = int(nb.stem.split('_')[0])
        src = '\n'.join(''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'code')
        src = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('#|', '%', '!')))
        later = {m for m in imported_modules(src) if ch.get(m, -1) > n}
        models = {m for m in re.findall(r"load_pretrained\('(\w+)'", src) if owner.get(m, -1) > n} - KNOWN_FORWARD_USES.get(nb.name, set())
        assert not later and not models, f'{nb.name} uses later chapters: modules {sorted(later)}, models {sorted(models)}'
