"""The benchmark scripts run: GLIDE's scaling measurement end to end on a tiny budget; bad input refused in one line."""
import json, subprocess, sys
from conftest import ROOT

CATEGORIES = {'single_object', 'two_objects', 'counting', 'colors', 'position', 'color_attribution'}

def scaling(*args):
    return subprocess.run([sys.executable, 'bench/glide_scaling.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_glide_scaling_trains_and_scores():
    r = scaling('--bs', '8', '--steps', '5', '--pool', '300', '--prompts', '1', '--config', '{"shift": 4}')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout.strip().splitlines()[-1])
    assert rep['scenes_seen'] == 40 and rep['config'] == {'shift': 4} and rep['device'] == 'cpu'
    assert set(rep['categories_3']) == set(rep['categories_1']) == CATEGORIES
    assert 0 <= rep['guidance_3'] <= 1 and 0 <= rep['guidance_1'] <= 1

def test_glide_scaling_refuses_bad_config():
    r = scaling('--config', '{"bogus": 1}')
    assert r.returncode == 2 and 'Traceback' not in r.stderr
    assert "unexpected keyword argument 'bogus'" in r.stderr.splitlines()[-1]
