"""Learners run the notebooks in Jupyter, not under nbdev's executor: run two in a real kernel."""
import nbformat, pytest
from nbclient import NotebookClient
from conftest import ROOT

@pytest.mark.parametrize('name', ['index', '00_shapes'])
def test_notebook_runs_in_a_real_kernel(name):
    nb = nbformat.read(ROOT/'nbs'/f'{name}.ipynb', as_version=4)
    NotebookClient(nb, timeout=300, kernel_name='python3', resources={'metadata': {'path': str(ROOT/'nbs')}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == 'code' for o in c.get('outputs', [])]
    assert not [o for o in outputs if o.output_type == 'error']
    assert any('image/png' in o.get('data', {}) for o in outputs), 'no figure was drawn'
