"""The `dalle-edu` console script, run as a user runs it."""
import json, os
import pytest
from conftest import ROOT

CATEGORIES = ['single_object', 'two_objects', 'counting', 'colors', 'position', 'color_attribution']

def assert_one_line_error(r):
    assert r.returncode != 0, r
    assert 'Traceback' not in r.stderr, r.stderr
    assert r.stderr.count('\n') == 1 and r.stderr.startswith('dalle-edu: error:'), r.stderr

def test_eval_real_json(cli):
    r = cli('eval', 'real', '--json', '--prompts', '50', '--seed', '3')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'real' and rep['prompts'] == 50 and rep['seed'] == 3
    assert list(rep['categories']) == CATEGORIES
    assert all(v >= 0.99 for v in rep['categories'].values()), rep
    assert rep['overall'] == pytest.approx(sum(rep['categories'].values()) / 6)

def test_eval_table_and_info(cli):
    r = cli('eval', 'real', '--prompts', '10', '--res', '16')
    assert r.returncode == 0 and 'color_attribution' in r.stdout and 'overall' in r.stdout
    r = cli('info')
    assert r.returncode == 0 and 'probe' in r.stdout and 'dalle-edu train probe' in r.stdout

def test_shapes_png_same_seed_same_bytes(cli, tmp_path):
    a, b, c = tmp_path/'a.png', tmp_path/'b.png', tmp_path/'c.png'
    for out, seed in ((a, 1), (b, 1), (c, 2)):
        r = cli('shapes', '-n', '6', '--seed', seed, '--out', out)
        assert r.returncode == 0 and str(out) in r.stdout, r.stderr
    assert a.read_bytes()[:8] == b'\x89PNG\r\n\x1a\n'
    assert a.read_bytes() == b.read_bytes() and a.read_bytes() != c.read_bytes()

@pytest.mark.parametrize('argv', [
    [], ['frobnicate'], ['eval'], ['eval', 'nosuchmodel'], ['train', 'nosuchmodel'],
    ['eval', 'real', '--prompts', '-3'], ['eval', 'real', '--prompts', '1000000000'], ['eval', 'real', '--prompts', 'many'],
    ['eval', 'real', '--seed', '-1'], ['train', 'probe', '--steps', '0'], ['shapes', '-n', '0'], ['shapes', '--res', '100000'],
    ['shapes', '--out', 'no/such/folder/x.png'], ['shapes', '--out', 'grid.jpg'], ['shapes', '--out', 'nbs'],
    ['shapes', '--split', 'nope'], ['train', 'probe', '--out', '/proc/dalle_edu_forbidden'], ['shapes', '--out', '/proc/x.png'],
])
def test_bad_input_one_line_no_file(cli, tmp_path, argv):
    before = set(os.listdir(tmp_path))
    r = cli(*argv, cwd=tmp_path, timeout=120)
    assert_one_line_error(r)
    assert set(os.listdir(tmp_path)) == before     # nothing written, not even a temporary file

def test_train_writes_card_and_weights(cli, tmp_path):
    r = cli('train', 'probe', '--steps', '3', '--seed', '1', '--out', tmp_path, timeout=600)
    assert r.returncode == 0, r.stderr
    card = json.loads((tmp_path/'probe.json').read_text())
    assert card['command'] == 'dalle-edu train probe --steps 3 --seed 1'
    assert card['steps'] == 3 and card['seed'] == 1 and (tmp_path/'probe.safetensors').stat().st_size == card['bytes']
    assert sorted(p.name for p in tmp_path.iterdir()) == ['probe.json', 'probe.safetensors']
