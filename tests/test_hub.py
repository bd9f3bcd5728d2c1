"""Every bundled model: its card is true, its files are checked, and together they stay small."""
import json, shutil
import pytest
from dalle_edu import hub

CARDS = sorted(hub.models_dir().glob('*.json'))

def test_something_is_bundled():
    assert [p.stem for p in CARDS], 'no bundled models'

def test_bundle_size_under_80mb():
    "DESIGN.md, section 6: all bundled weights together stay under 80 MB."
    assert sum(p.stat().st_size for p in hub.models_dir().iterdir()) < 80e6

def flat(d, prefix=''):
    for k, v in d.items():
        if isinstance(v, dict): yield from flat(v, f'{prefix}{k}.')
        elif isinstance(v, (int, float)): yield f'{prefix}{k}', v

def reproduce(card_path, ev):
    "Re-run the card's recipe evaluation at `ev`'s size and seed; every figure must come out as `ev` records it."
    model, recipe = hub.load_pretrained(card_path.stem), hub.get_recipe(card_path.stem)
    figures = recipe.evaluate(model, ev['prompts'], ev['seed'])
    want, got = dict(flat(ev['figures'])), dict(flat(figures))
    assert want.keys() == got.keys()
    for k in want: assert got[k] == pytest.approx(want[k], abs=0.01), k

@pytest.mark.parametrize('card_path', CARDS, ids=lambda p: p.stem)
def test_card_figures_reproduce(card_path):
    "The card's quick evaluation if its recipe has one (the full one otherwise) gives the card's figures again."
    card = json.loads(card_path.read_text())
    for key in ('config', 'command', 'seed', 'steps', 'wall_time_s', 'machine', 'commit', 'eval', 'sha256'):
        assert key in card, key
    assert card['command'].startswith(f"dalle-edu train {card_path.stem} ")
    quick = hub.get_recipe(card_path.stem).quick_prompts
    assert ('quick' in card['eval']) == bool(quick), 'the card lacks the quick evaluation its recipe asks for (hub.refresh_card(name, full=False))'
    if quick: assert card['eval']['quick']['prompts'] == quick
    reproduce(card_path, card['eval'].get('quick', card['eval']))

@pytest.mark.slow
@pytest.mark.parametrize('card_path', [p for p in CARDS if 'quick' in json.loads(p.read_text())['eval']], ids=lambda p: p.stem)
def test_card_full_figures_reproduce(card_path):
    "The full evaluation behind the card's main figures (minutes each: run with `pytest --slow`)."
    reproduce(card_path, json.loads(card_path.read_text())['eval'])

@pytest.fixture
def probe_copy(tmp_path):
    for p in hub.models_dir().glob('probe.*'): shutil.copy(p, tmp_path/p.name)
    return tmp_path

def test_damaged_files_give_clear_errors(probe_copy, cli):
    w = probe_copy/'probe.safetensors'
    w.write_bytes(w.read_bytes()[:1000])
    with pytest.raises(hub.CheckpointError, match='truncated or damaged'): hub.load_pretrained('probe', probe_copy)
    r = cli('eval', 'probe', '--prompts', '2', env={'DALLE_EDU_MODELS': str(probe_copy)})
    assert r.returncode == 1 and r.stderr.count('\n') == 1 and 'Traceback' not in r.stderr
    assert str(w) in r.stderr and 'dalle-edu train probe' in r.stderr
    w.unlink()
    with pytest.raises(hub.CheckpointError, match='missing'): hub.load_pretrained('probe', probe_copy)
    (probe_copy/'probe.json').write_text('{not json')
    with pytest.raises(hub.CheckpointError, match='not valid JSON'): hub.load_pretrained('probe', probe_copy)

def test_mismatched_config(probe_copy):
    card = json.loads((probe_copy/'probe.json').read_text())
    card['config']['width'] = 8
    (probe_copy/'probe.json').write_text(json.dumps(card))
    with pytest.raises(hub.CheckpointError, match='does not match'): hub.load_pretrained('probe', probe_copy)

@pytest.mark.parametrize('card_path', CARDS, ids=lambda p: p.stem)
def test_card_rebuilds_the_model(card_path):
    "The card alone rebuilds the model: its config has exactly the recipe's keys, and its training settings are the recipe's."
    card, recipe = json.loads(card_path.read_text()), hub.get_recipe(card_path.stem)
    assert set(card['config']) == set(recipe.config), set(card['config']) ^ set(recipe.config)
    assert card.get('train_args', {}) == recipe.train_args
    model = recipe.build(card['config'])
    assert sum(p.numel() for p in model.parameters()) > 0

@pytest.mark.parametrize('card_path', CARDS, ids=lambda p: p.stem)
def test_bundled_card_passes_its_checks(card_path):
    card = hub.load_card(card_path.stem)
    assert hub.config_problem(card['config'], hub.get_recipe(card_path.stem).config) is None

def test_recipe_table_names_the_registering_module():
    for name, recipe in hub.all_recipes().items():
        assert hub.RECIPE_MODULES[name] == recipe.build.__module__, name

def test_loading_the_probe_imports_only_its_chapter():
    import subprocess, sys
    code = ("import sys; from dalle_edu import hub; hub.load_pretrained('probe'); "
            "print(sorted(m for m in ('dalle_edu.glide', 'dalle_edu.clip', 'dalle_edu.dalle', 'open_clip') if m in sys.modules))")
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == '[]', (r.stdout, r.stderr)
