"""Learners run the notebooks in Jupyter, not under nbdev's executor: run one chapter of every part in a real kernel,
as a learner's Run All would (no `IN_TEST`, so full-training cells load the bundled models instead of retraining)."""
import os, subprocess
import nbformat, pytest
from nbclient import NotebookClient
from conftest import ROOT

CHAPTERS = ['index', '00_shapes', '01_learner', '11_gumbel_softmax', '20_bpe_tokens', '31_clip_probing', '40_ddpm', '53_unclip',
            '60_recaptioning', '70_cli']   # one chapter of every part, and the index

@pytest.mark.parametrize('name', CHAPTERS)
def test_notebook_runs_in_a_real_kernel(name, monkeypatch):
    monkeypatch.delenv('IN_TEST', raising=False); monkeypatch.delenv('DALLE_EDU_RETRAIN', raising=False)
    nb = nbformat.read(ROOT/'nbs'/f'{name}.ipynb', as_version=4)
    NotebookClient(nb, timeout=300, kernel_name='python3', resources={'metadata': {'path': str(ROOT/'nbs')}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == 'code' for o in c.get('outputs', [])]
    assert not [o for o in outputs if o.output_type == 'error']
    if name in ('index', '00_shapes', '01_learner', '40_ddpm'): assert any('image/png' in o.get('data', {}) for o in outputs), 'no figure was drawn'
    status = subprocess.run(['git', 'status', '--porcelain', '--untracked-files=all', 'nbs'], cwd=ROOT, capture_output=True, text=True).stdout
    untracked = [l for l in status.splitlines() if l.startswith('??')]
    assert not untracked, f'running {name} wrote into the repository: {untracked}'
