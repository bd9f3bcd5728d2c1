"""The benchmark scripts run: GLIDE's scaling, the DDPM objectives, the recaption blend, the NegCLIP mix, the dVAE from scratch, the two DALL-E 1 pipelines, DALL-E 1's scaling and the GPU preset end to end on tiny budgets; bad input refused in one line."""
import json, subprocess, sys
from conftest import ROOT

CATEGORIES = {'single_object', 'two_objects', 'counting', 'colors', 'position', 'color_attribution'}

def scaling(*args):
    return subprocess.run([sys.executable, 'bench/glide_scaling.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_glide_scaling_trains_and_scores():
    r = scaling('--bs', '8', '--steps', '5', '--prompts', '1', '--config', '{"width": 32}')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout.strip().splitlines()[-1])
    assert rep['scenes_seen'] == 40 and rep['config'] == {'width': 32} and rep['device'] == 'cpu'
    assert set(rep['categories_3']) == set(rep['categories_1']) == CATEGORIES
    assert 0 <= rep['guidance_3'] <= 1 and 0 <= rep['guidance_1'] <= 1

def test_glide_scaling_refuses_bad_config():
    r = scaling('--config', '{"bogus": 1}')
    assert r.returncode == 2 and 'Traceback' not in r.stderr
    assert "unexpected keyword argument 'bogus'" in r.stderr.splitlines()[-1]

def objectives(*args):
    return subprocess.run([sys.executable, 'bench/ddpm_objectives.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_ddpm_objectives_trains_and_measures():
    r = objectives('--prediction-type', 'v_prediction', '--min-snr-gamma', '5', '--steps', '3', '--bs', '4', '--samples', '4', '--sample-steps', '5')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout.strip().splitlines()[-1])
    assert rep['prediction_type'] == 'v_prediction' and rep['min_snr_gamma'] == 5 and rep['steps'] == 3 and rep['sample_steps'] == 5
    assert 0 <= rep['clean_rate'] <= 1 and list(rep['counts']) == ['1', '2', '3', '4']

def test_ddpm_objectives_refuses_bad_input():
    for args in (('--prediction-type', 'noise'), ('--steps', '0'), ('--min-snr-gamma', '-1')):
        r = objectives(*args)
        assert r.returncode == 2 and 'Traceback' not in r.stderr and 'error:' in r.stderr.strip().splitlines()[-1]

def blend(*args):
    return subprocess.run([sys.executable, 'bench/recaption_blend.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_recaption_blend_trains_and_scores():
    r = blend('--blends', '0', '1', '--steps', '2', '--pool', '40', '--prompts', '1')
    assert r.returncode == 0, r.stderr
    reps = [json.loads(l) for l in r.stdout.strip().splitlines()]
    assert [rep['p_synthetic'] for rep in reps] == [0, 1] and all(rep['steps'] == 2 and rep['pool'] == 40 for rep in reps)
    assert all(set(rep[k]['categories']) == CATEGORIES for rep in reps for k in ('as_written', 'upsampled'))

def test_recaption_blend_refuses_bad_input():
    for args in (('--blends', '1.5'), ('--steps', '0'), ('--blends', 'half')):
        r = blend(*args)
        assert r.returncode == 2 and 'Traceback' not in r.stderr and 'error:' in r.stderr.strip().splitlines()[-1]

def mix(*args):
    return subprocess.run([sys.executable, 'bench/negclip_mix.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_negclip_mix_trains_and_scores():
    r = mix('--mix', '0', '1', '--steps', '2', '--tests', '4')
    assert r.returncode == 0, r.stderr
    reps = [json.loads(l) for l in r.stdout.strip().splitlines()]
    assert [rep['p_two'] for rep in reps] == [0, 1] and all(rep['steps'] == 2 and rep['tests'] == 4 for rep in reps)
    assert all(set(rep['zero_shot']) == {'shape', 'color', 'count', 'position'} and 0 <= rep['binding'] <= 1 for rep in reps)

def test_negclip_mix_refuses_bad_input():
    for args in (('--mix', '1.5'), ('--steps', '0'), ('--lr', '-1'), ('--mix', 'most')):
        r = mix(*args)
        assert r.returncode == 2 and 'Traceback' not in r.stderr and 'error:' in r.stderr.strip().splitlines()[-1]

def scratch(*args):
    return subprocess.run([sys.executable, 'bench/dvae_scratch.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_dvae_scratch_trains_and_scores():
    r = scratch('--steps', '2', '--beta-warmup', '0.5', '--likelihood', 'gaussian', '--embed-std', '1')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout.strip().splitlines()[-1])
    assert rep['step'] == 2 and rep['settings']['beta_warmup'] == 0.5 and rep['settings']['likelihood'] == 'gaussian' and rep['settings']['embed_std'] == 1
    assert 0 <= rep['probe_accuracy'] <= 1 and 1 <= rep['perplexity'] <= 512 and 0 <= rep['kl_per_cell'] <= 6.25

def test_dvae_scratch_refuses_bad_input():
    for args in (('--steps', '0'), ('--beta', '-1'), ('--beta-warmup', '0'), ('--likelihood', 'bernoulli'), ('--tau', '1', '0'), ('--embed-std', '-1')):
        r = scratch(*args)
        assert r.returncode == 2 and 'Traceback' not in r.stderr and 'error:' in r.stderr.strip().splitlines()[-1]

def pipelines(*args):
    return subprocess.run([sys.executable, 'bench/dalle1_pipelines.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_dalle1_pipelines_times_and_scores():
    r = pipelines('--prompts', '1', '--rerank', '2', '--repeats', '1')
    assert r.returncode == 0, r.stderr
    reps = [json.loads(l) for l in r.stdout.strip().splitlines()]
    assert [(rep['model'], rep['codec'], rep['attention']) for rep in reps] == [('dalle1', 'vqvae', 'dense'), ('dalle1_paper', 'dvae', 'sparse')]
    assert all(rep['train_step_s'] > 0 and rep['sample_32_s'] > 0 and set(rep['categories']) == CATEGORIES for rep in reps)

def test_dalle1_pipelines_refuses_bad_input():
    for args in (('--prompts', '-1'), ('--rerank', '0'), ('--models', 'glide'), ('--reranker', 'probe')):
        r = pipelines(*args)
        assert r.returncode == 2 and 'Traceback' not in r.stderr and 'error:' in r.stderr.strip().splitlines()[-1]

def dalle1_scaling(*args):
    return subprocess.run([sys.executable, 'bench/dalle1_scaling.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_dalle1_scaling_trains_and_scores():
    r = dalle1_scaling('--steps', '2', '--bs', '4', '--pool', '40', '--prompts', '1', '--rerank', '2')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout.strip().splitlines()[-1])
    assert rep['scenes_seen'] == 8 and rep['pool'] == 40 and rep['rerank'] == 2 and rep['reranker'] == 'negclip'
    assert all(set(rep[k]) == CATEGORIES and 0 <= rep['overall'][k] <= 1 for k in ('single', 'picked', 'oracle'))
    assert all(rep['oracle'][c] >= max(rep['single'][c], rep['picked'][c]) for c in CATEGORIES)   # the oracle bounds both
    r = dalle1_scaling('--bundled', '--prompts', '1', '--rerank', '2')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout.strip().splitlines()[-1])
    card = json.loads((ROOT/'dalle_edu'/'models'/'dalle1.json').read_text())
    assert rep['bundled'] and rep['steps'] == card['steps'] and rep['card_commit'] == card['commit'] and rep['train_s'] == card['wall_time_s']
    assert rep['oracle']['single_object'] >= rep['single']['single_object']

def test_dalle1_scaling_refuses_bad_input():
    for args in (('--steps', '0'), ('--lr', '0'), ('--model', 'glide'), ('--device', 'tpu')):
        r = dalle1_scaling(*args)
        assert r.returncode == 2 and 'Traceback' not in r.stderr and 'error:' in r.stderr.strip().splitlines()[-1]

def preset(*args):
    return subprocess.run([sys.executable, 'bench/gpu_preset.py', *args], cwd=ROOT, capture_output=True, text=True)

def test_gpu_preset_steps_and_measures():
    r = preset('--bs', '1', '--steps', '1')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout.strip().splitlines()[-1])
    assert rep['model'] == 'glide64' and rep['bs'] == 1 and rep['config']['res'] == 64 and rep['parameters'] > 5e6
    assert rep['step_s'] > 0 and rep['step_memory_mb'] >= 0

def test_gpu_preset_refuses_bad_input():
    for args in (('--bs', '0'), ('--steps', '0'), ('--device', 'cuda:99')):
        r = preset(*args)
        assert r.returncode == 2 and 'Traceback' not in r.stderr and 'error:' in r.stderr.strip().splitlines()[-1]
