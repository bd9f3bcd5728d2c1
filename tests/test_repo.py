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
