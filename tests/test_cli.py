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
    ['generate'], ['generate', ''], ['generate', '   '], ['generate', 'a zebra'], ['generate', '?!?'], ['generate', 'a red\x07circle'],
    ['generate', 'a red circle and ' * 30], ['generate', 'a red circle', '--model', 'nosuchmodel'], ['generate', 'a red circle', '-n', '0'],
    ['generate', 'a red circle', '-n', '4', '--rerank', '5'], ['generate', 'a red circle', '--out', 'x.txt'],
    ['generate', 'a red circle', '--out', 'no/such/folder/x.png'], ['eval', 'clip', '--rerank', '4'],
    ['generate', 'a red circle', '--model', 'glide', '--guidance', '-1'], ['generate', 'a red circle', '--model', 'glide', '--guidance', 'nan'],
    ['generate', 'a red circle', '--model', 'glide', '--steps', '0'], ['generate', 'a red circle', '--steps', '5'],
    ['eval', 'dalle1', '--guidance', '2'], ['eval', 'glide', '--rerank', '2'], ['eval', 'real', '--steps', '3'],
    ['eval', 'glide', '--reranker', 'clip'], ['generate', 'a red circle', '--reranker', 'probe'],
    ['eval', 'ddpm', '--guidance', '2'], ['eval', 'ddpm', '--steps', '0'], ['train', 'ddpm', '--steps', '-5'],
    ['train', 'probe', '--device', 'gpu0'], ['train', 'probe', '--device', 'cuda:99'], ['generate', 'a red circle', '--device', 'cuda:99'],
    ['generate', 'a red circle', '--device', 'tpu'], ['eval', 'probe', '--device', 'cpu'], ['eval', 'glide', '--device', 'cuda:99'],
    ['eval', 'unclip', '--guidance', '2'], ['eval', 'upsampler32', '--guidance', '2'], ['eval', 'cascade', '--rerank', '2'],
    ['generate', 'a red circle', '--model', 'unclip', '-n', '2', '--rerank', '3'],
    ['vary', 'x.png', '--res', '32'], ['interpolate', 'a.png'], ['interpolate', 'a.png', 'b.png', '-n', '1'], ['interpolate', 'a.png', 'b.png'],
    ['edit', 'x.png'], ['edit', 'x.png', '--to', 'a zebra'], ['edit', 'x.png', '--to', 'a blue circle', '--from', ''],
    ['edit', 'x.png', '--to', 'a blue circle', '--theta', '2'], ['edit', 'x.png', '--to', 'a blue circle', '--out', 'x.gif'],
    ['inpaint', 'x.png', 'a red circle'], ['inpaint', 'x.png', 'a red circle', '--box', '0', '0', '1'],
    ['inpaint', 'x.png', 'a red circle', '--box', '0', '0', '1.5', '1'], ['inpaint', 'x.png', 'a red circle', '--box', '0.7', '0', '0.2', '1'],
    ['inpaint', 'x.png', 'a red circle', '--box', '0', '0.5', '1', '0.5'], ['inpaint', 'x.png', 'a unicorn', '--box', '0', '0', '1', '1'],
    ['inpaint', 'x.png', 'a red circle', '--box', '0', '0', '1', '1'],
    ['caption'], ['caption', 'x.png'], ['generate', 'a red circle', '--no-upsample'], ['generate', 'a red circle', '--model', 'dalle3', '--steps', '5'],
    ['eval', 'captioner', '--guidance', '2'], ['eval', 'dalle3', '--prompts', '0'],
])
def test_bad_input_one_line_no_file(cli_main, tmp_path, argv):
    before = set(os.listdir(tmp_path))
    r = cli_main(*argv, cwd=tmp_path)
    assert_one_line_error(r)
    assert set(os.listdir(tmp_path)) == before     # nothing written, not even a temporary file

@pytest.mark.parametrize('argv', [[], ['generate', 'a zebra'], ['shapes', '--out', 'grid.jpg'], ['eval', 'nosuchmodel']])
def test_bad_input_through_the_console_script(cli, tmp_path, argv):
    r = cli(*argv, cwd=tmp_path, timeout=120)
    assert_one_line_error(r)
    assert os.listdir(tmp_path) == []

def test_train_writes_card_and_weights(cli, tmp_path):
    r = cli('train', 'probe', '--steps', '3', '--seed', '1', '--out', tmp_path, timeout=600)
    assert r.returncode == 0, r.stderr
    card = json.loads((tmp_path/'probe.json').read_text())
    assert card['command'] == 'dalle-edu train probe --steps 3 --seed 1'
    assert card['steps'] == 3 and card['seed'] == 1 and (tmp_path/'probe.safetensors').stat().st_size == card['bytes']
    assert sorted(p.name for p in tmp_path.iterdir()) == ['probe.json', 'probe.safetensors']

def test_train_under_torchrun_two_processes(tmp_path):
    "Two processes train one model with DistributedDataParallel; rank 0 alone writes the card and prints."
    import subprocess, sys
    from conftest import BIN
    env = {**os.environ, 'DALLE_EDU_QUIET': '1', 'OMP_NUM_THREADS': '1'}
    r = subprocess.run([str(BIN/'torchrun'), '--standalone', '--nproc_per_node', '2', '-m', 'dalle_edu', 'train', 'probe',
                        '--steps', '3', '--out', str(tmp_path)], capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.count('wrote ') == 1, r.stdout
    card = json.loads((tmp_path/'probe.json').read_text())
    assert card['steps'] == 3 and sorted(p.name for p in tmp_path.iterdir()) == ['probe.json', 'probe.safetensors']

def test_torchrun_refused_by_a_busy_out_ends_at_once(tmp_path):
    "Rank 0 is refused the lock of a live run: it says so in one line and torchrun stops the other rank instead of leaving it waiting."
    import subprocess, time
    from conftest import BIN
    (tmp_path/'probe.lock').write_text(str(os.getpid()))          # this test's own process: a live holder
    env = {**os.environ, 'DALLE_EDU_QUIET': '1', 'OMP_NUM_THREADS': '1'}
    t = time.time()
    r = subprocess.run([str(BIN/'torchrun'), '--standalone', '--nproc_per_node', '2', '-m', 'dalle_edu', 'train', 'probe',
                        '--steps', '3', '--out', str(tmp_path)], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode != 0 and time.time() - t < 120
    assert 'dalle-edu: error: ' in r.stderr and 'is in use by another training run' in r.stderr, r.stderr[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ['probe.lock']

def test_generate_same_seed_same_bytes(cli, tmp_path):
    outs = {}
    for name, seed in (('a', 3), ('b', 3), ('c', 4)):
        out = tmp_path/f'{name}.png'
        r = cli('generate', 'a red circle above a blue square', '-n', '8', '--rerank', '4', '--seed', seed, '--out', out)
        assert r.returncode == 0 and str(out) in r.stdout, r.stderr
        scores = [float(v) for v in r.stdout.splitlines()[1].split()[2:]]
        assert len(scores) == 4 and scores == sorted(scores, reverse=True)
        outs[name] = out.read_bytes()
    assert outs['a'][:8] == b'\x89PNG\r\n\x1a\n' and outs['a'] == outs['b'] and outs['a'] != outs['c']
    assert sorted(p.name for p in tmp_path.iterdir()) == ['a.png', 'b.png', 'c.png']

def test_eval_dalle1_rerank_json(cli):
    r = cli('eval', 'dalle1', '--rerank', '1', '--prompts', '3', '--seed', '2', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'dalle1' and rep['rerank'] == 1 and rep['prompts'] == 3 and list(rep['categories']) == CATEGORIES
    assert rep['reranker'] == 'negclip'                                  # the relation-aware CLIP picks by default

def test_generate_reranker_choice(cli, tmp_path):
    "The same candidates sorted by each CLIP: the same pictures in another order, each reranker's scores falling."
    scores = {}
    for reranker in ('negclip', 'clip'):
        r = cli('generate', 'a red circle to the left of a blue square', '-n', '8', '--seed', '1', '--reranker', reranker,
                '--out', tmp_path/f'{reranker}.png')
        assert r.returncode == 0, r.stderr
        line = r.stdout.splitlines()[1]
        assert line.startswith(f'{reranker} scores: ')
        scores[reranker] = [float(v) for v in line.split()[2:]]
        assert scores[reranker] == sorted(scores[reranker], reverse=True)
    assert scores['negclip'] != scores['clip']

@pytest.mark.parametrize('model, prompt, n, steps', [('glide', 'two blue squares', 3, 8), ('unclip', 'a red circle', 2, 5)])
def test_generate_diffusion_same_seed_same_bytes(cli, tmp_path, model, prompt, n, steps):
    outs = {}
    for name, seed in (('a', 5), ('b', 5), ('c', 6)):
        out = tmp_path/f'{name}.png'
        r = cli('generate', prompt, '--model', model, '-n', str(n), '--steps', str(steps), '--seed', seed, '--out', out)
        assert r.returncode == 0 and str(out) in r.stdout, r.stderr
        scores = [float(v) for v in r.stdout.splitlines()[1].split()[2:]]
        assert len(scores) == n and scores == sorted(scores, reverse=True)
        outs[name] = out.read_bytes()
    assert outs['a'] == outs['b'] and outs['a'] != outs['c']

def test_eval_glide_json(cli):
    r = cli('eval', 'glide', '--guidance', '2', '--steps', '5', '--prompts', '2', '--seed', '1', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'glide' and rep['guidance'] == 2 and rep['steps'] == 5 and rep['prompts'] == 2
    assert list(rep['categories']) == CATEGORIES and list(rep['at_guidance_1']['categories']) == CATEGORIES

def test_eval_ddpm_json(cli):
    r = cli('eval', 'ddpm', '--prompts', '8', '--steps', '20', '--seed', '2', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'ddpm' and rep['samples'] == 8 and rep['steps'] == 20 and rep['seed'] == 2
    assert 0 <= rep['clean_rate'] <= 1 and list(rep['counts']) == ['1', '2', '3', '4']
    assert sum(rep['train_counts'].values()) == pytest.approx(1, abs=0.01) and 0 <= rep['count_tv_distance'] <= 1

def test_help_and_bad_arguments_before_torch():
    import subprocess, sys
    code = ("import sys; from dalle_edu import cli; rc = cli.main(['frobnicate']); "
            "assert 'torch' not in sys.modules, 'torch imported'; print(rc)")
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == '2', r.stderr

def test_generate_imports_nothing_heavy(tmp_path):
    "The main job loads torch and the parts of open_clip it uses: no torchvision, timm, torch._dynamo or plotting library."
    import subprocess, sys
    out = tmp_path/'g.png'
    code = ("import sys; from dalle_edu import cli; "
            f"rc = cli.main(['generate', 'a red circle', '-n', '2', '--out', {str(out)!r}]); "
            "print(rc, [m for m in ('torchvision', 'timm', 'torch._dynamo', 'matplotlib') if m in sys.modules])")
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=120,
                       env={**os.environ, 'DALLE_EDU_QUIET': '1'})
    assert r.returncode == 0 and r.stdout.split('\n')[-2] == '0 []', (r.stdout, r.stderr)
    assert out.read_bytes()[:8] == b'\x89PNG\r\n\x1a\n'

def interrupt_after(seconds, *args, env=None, wait_for=None):
    "Run the console script, press Ctrl-C `seconds` after start (or after `wait_for` appears on stderr); returns (status, stderr)."
    import signal, subprocess, threading, time
    from conftest import BIN
    e = {**os.environ, 'DALLE_EDU_QUIET': '1', 'MPLBACKEND': 'Agg', **(env or {})}
    p = subprocess.Popen([str(BIN/'dalle-edu'), *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))   # a background job's children inherit SIGINT ignored
    err, seen = [], threading.Event()
    def read():
        for line in iter(lambda: p.stderr.read(1), ''):
            err.append(line)
            if wait_for and wait_for in ''.join(err[-200:]): seen.set()
    reader = threading.Thread(target=read, daemon=True); reader.start()
    if wait_for: assert seen.wait(300), ''.join(err)
    time.sleep(seconds); p.send_signal(signal.SIGINT)
    p.wait(timeout=120); reader.join(10)
    return p.returncode, ''.join(err)

@pytest.mark.parametrize('seconds', [1.0, 2.0])
def test_ctrl_c_at_any_moment_is_one_line(tmp_path, seconds):
    status, err = interrupt_after(seconds, 'generate', 'a red circle', '-n', '256', '--out', tmp_path/'x.png')
    assert status == 130 and err == 'dalle-edu: interrupted\n', err
    assert not (tmp_path/'x.png').exists()

def test_train_interrupted_resumes_and_refuses_another_run(cli, tmp_path):
    status, err = interrupt_after(1.0, 'train', 'probe', '--steps', '30', '--out', tmp_path, env={'DALLE_EDU_QUIET': '0'}, wait_for='/30')
    assert status == 130 and 'the same command resumes it' in err and 'Traceback' not in err, err   # (progress bar on, to know training began)
    assert sorted(p.name for p in tmp_path.iterdir()) == ['probe.run.safetensors']
    from dalle_edu.learner import read_run
    first = read_run(tmp_path/'probe.run.safetensors')[1]['callbacks']['ClockCB']['seconds']
    r = cli('train', 'probe', '--steps', '5', '--seed', '1', '--out', tmp_path)
    assert_one_line_error(r)
    assert 'belongs to a different run (seed 0, now 1, steps 30, now 5)' in r.stderr, r.stderr
    r = cli('train', 'probe', '--steps', '30', '--out', tmp_path)
    assert r.returncode == 0 and 'resuming' in r.stderr, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ['probe.json', 'probe.safetensors']
    card = json.loads((tmp_path/'probe.json').read_text())
    assert first >= 1 and card['wall_time_s'] > first                  # the card counts the interrupted process's time too

def test_planted_pickle_is_refused(cli, tmp_path):
    import pickle
    class Payload:
        def __reduce__(self): return (os.system, (f'touch {tmp_path}/pwned',))
    (tmp_path/'probe.run.safetensors').write_bytes(pickle.dumps(Payload()))
    r = cli('train', 'probe', '--steps', '3', '--out', tmp_path)
    assert_one_line_error(r)
    assert 'is not a training checkpoint' in r.stderr and str(tmp_path/'probe.run.safetensors') in r.stderr
    assert not (tmp_path/'pwned').exists()

def write_test_images(d):
    "Pictures a user might give: palette, grey, transparent, JPEG of another size; and files that are not pictures."
    import io, struct, zlib
    from PIL import Image
    from dalle_edu.shapes import sample_scenes, render
    x = (render(sample_scenes(1, 'test', 0), 32)[0].permute(1, 2, 0).numpy() * 255).round().astype('uint8')
    scene = Image.fromarray(x)
    scene.convert('P', palette=Image.Palette.ADAPTIVE).save(d/'palette.png'); scene.convert('L').save(d/'grey.png')
    scene.convert('RGBA').save(d/'alpha.png'); scene.resize((100, 60)).save(d/'wide.jpg')
    (d/'text.png').write_text('not a picture')
    def header_only(path, w, h):                       # a PNG whose header claims w x h pixels
        buf = io.BytesIO(); Image.new('RGB', (1, 1)).save(buf, 'PNG'); b = bytearray(buf.getvalue())
        b[16:24] = struct.pack('>II', w, h); b[29:33] = struct.pack('>I', zlib.crc32(bytes(b[12:29]))); path.write_bytes(bytes(b))
    header_only(d/'bomb.png', 100_000, 100_000); header_only(d/'big.png', 5000, 5000); header_only(d/'truncated.png', 32, 32)
    (d/'folder.png').mkdir()

def test_vary_reads_any_picture_same_seed_same_bytes(cli, cli_main, tmp_path):
    write_test_images(tmp_path)
    outs = {}
    for name, seed in (('palette.png', 0), ('grey.png', 0), ('alpha.png', 0), ('wide.jpg', 0), ('palette.png', 1)):
        out = tmp_path/f'v_{name}_{seed}.png'
        r = cli_main('vary', tmp_path/name, '-n', '3', '--steps', '8', '--seed', seed, '--out', out)
        assert r.returncode == 0 and str(out) in r.stdout, r.stderr
        assert len(r.stdout.splitlines()[1].split()[5:]) == 3
        assert ('note:' in r.stderr) == (name == 'wide.jpg')          # a resize is said, in one line
        outs[name, seed] = out.read_bytes()
    again = tmp_path/'again.png'
    assert cli('vary', tmp_path/'palette.png', '-n', '3', '--steps', '8', '--out', again).returncode == 0
    assert again.read_bytes() == outs['palette.png', 0] != outs['palette.png', 1]

def test_vary_bad_pictures_one_line_no_file(cli_main, tmp_path):
    write_test_images(tmp_path)
    for name in ('text.png', 'bomb.png', 'big.png', 'truncated.png', 'folder.png', 'missing.png'):
        out = tmp_path/'out.png'
        r = cli_main('vary', tmp_path/name, '--out', out)
        assert_one_line_error(r)
        assert name.split('.')[0] in r.stderr and not out.exists(), r.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith('.')]          # no temporary file left

def test_interpolate_edit_inpaint_your_pictures(cli, cli_main, tmp_path):
    write_test_images(tmp_path)
    from PIL import Image
    from dalle_edu.shapes import sample_scenes, render
    other = (render(sample_scenes(1, 'test', 5), 48)[0].permute(1, 2, 0).numpy() * 255).round().astype('uint8')
    Image.fromarray(other).save(tmp_path/'other.png')                                  # another scene, at another size
    r = cli_main('interpolate', tmp_path/'palette.png', tmp_path/'other.png', '-n', '4', '--steps', '10', '--out', tmp_path/'walk.png')
    assert r.returncode == 0 and r.stderr.count('note:') == 1, r.stderr                   # the 48 px picture was resized, and says so
    to_a, to_b = [list(map(float, l.split(':')[1].split())) for l in r.stdout.splitlines()[1:3]]
    assert len(to_a) == 4 and to_a[0] > to_b[0] and to_b[-1] > to_a[-1]
    for res in (16, 64):
        r = cli_main('edit', tmp_path/'alpha.png', '--to', 'a blue circle', '-n', '3', '--steps', '10', '--res', res, '--out', tmp_path/f'edit{res}.png')
        assert r.returncode == 0 and 'reading your picture as' in r.stderr, r.stderr
    widths = [Image.open(tmp_path/f'edit{res}.png').size[0] for res in (16, 64)]
    assert widths == [4 + 2 * (96 + 4), 4 + 2 * (64 + 4)]        # two columns: 16 px frames shown x6, 64 px ones as they are
    outs = []
    for seed in (0, 0, 1):
        outs.append(tmp_path/f'fill{len(outs)}.png')
        r = cli_main('inpaint', tmp_path/'grey.png', 'a yellow triangle', '--box', '0.66', '0', '1', '1', '-n', '2', '--steps', '8',
                     '--seed', seed, '--out', outs[-1])
        assert r.returncode == 0 and len(r.stdout.splitlines()[1].split()[2:]) == 2, r.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes() != outs[2].read_bytes()
    r = cli('inpaint', tmp_path/'text.png', 'a red circle', '--box', '0', '0', '1', '1', '--out', tmp_path/'no.png')
    assert_one_line_error(r)
    assert 'text.png' in r.stderr and not (tmp_path/'no.png').exists()

def test_eval_prior_json_has_both_priors_and_baselines(cli):
    r = cli('eval', 'prior', '--prompts', '8', '--seed', '1', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'prior' and rep['prompts'] == 8 and rep['seed'] == 1
    names = {'diffusion prior', 'autoregressive prior', 'text embedding', 'mean image embedding', 'real image (ceiling)'}
    for kind in ('shape', 'color', 'count'): assert set(rep['zero_shot'][kind]) == names
    assert set(rep['of_ceiling']) == {'diffusion prior', 'autoregressive prior'} and set(rep['cosine_to_image']) == names - {'real image (ceiling)'}

def test_eval_decoder_json(cli):
    r = cli('eval', 'decoder', '--prompts', '4', '--steps', '4', '--guidance', '2', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'decoder' and rep['steps'] == 4 and rep['guidance'] == 2
    for k in ('reconstruction', 'with_caption', 'caption_only'):
        assert list(rep[k]) == ['shape', 'color', 'count', 'shape_color_count', 'objects', 'position'] and all(0 <= v <= 1 for v in rep[k].values())

def test_eval_unclip_json(cli):
    r = cli('eval', 'unclip', '--prompts', '1', '--steps', '4', '--seed', '2', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'unclip' and rep['prompts'] == 1 and rep['steps'] == 4 and rep['seed'] == 2
    for k in ('16px', '64px', '16px_text_embedding', '16px_caption_only'): assert list(rep[k]['categories']) == CATEGORIES
    assert 0 <= rep['variations']['shape'] <= 1 and rep['variations']['eta'] > 0

def test_eval_cascade_json(cli):
    r = cli('eval', 'cascade', '--prompts', '2', '--steps', '2', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'cascade' and rep['steps'] == 2 and set(rep['real_32']) == set(rep['decoder_32']) == {'augmented', 'plain'}
    assert rep['real_64']['same_scene_real'] == 1.0 and 0 <= rep['decoder_64']['position'] <= 1

def test_caption_your_pictures(cli, cli_main, tmp_path):
    write_test_images(tmp_path)
    r = cli_main('caption', tmp_path/'palette.png', tmp_path/'grey.png', tmp_path/'wide.jpg')
    assert r.returncode == 0 and r.stderr.count('note:') == 1, r.stderr                    # the JPEG was resized, and says so
    lines = r.stdout.splitlines()
    assert [l.split(': ')[0] for l in lines] == [str(tmp_path/n) for n in ('palette.png', 'grey.png', 'wide.jpg')]
    from dalle_edu.recaptioning import parse_phrases
    assert parse_phrases(lines[0].split(': ', 1)[1])[0], lines[0]                          # a caption in the shapes world's grammar
    r = cli('caption', tmp_path/'palette.png', tmp_path/'text.png')
    assert_one_line_error(r)
    assert 'text.png' in r.stderr and r.stdout == ''                                      # every picture is checked before any is captioned

def test_generate_dalle3_upsamples_same_seed_same_bytes(cli_main, tmp_path):
    outs = []
    for seed, extra in ((0, ()), (0, ()), (0, ('--no-upsample',))):
        outs.append(tmp_path/f'g{len(outs)}.png')
        r = cli_main('generate', 'two circles', '--model', 'dalle3', '-n', '3', '--seed', seed, *extra, '--out', outs[-1])
        assert r.returncode == 0 and ('upsampled prompt:' in r.stderr) == (not extra), r.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes() != outs[2].read_bytes()

def test_eval_captioner_and_dalle3_json(cli_main):
    r = cli_main('eval', 'captioner', '--prompts', '20', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'captioner' and rep['prompts'] == 20 and 0 <= rep['fully_correct'] <= 1
    assert set(rep) >= {'shape', 'color', 'count', 'position', 'objects', 'single_object', 'fully_correct_by_objects'}
    r = cli_main('eval', 'dalle3', '--prompts', '2', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'dalle3' and list(rep['upsampled']['categories']) == list(rep['as_written']['categories']) == CATEGORIES

def test_eval_negclip_json(cli):
    "`eval negclip` in the shape of `eval clip`, with chapter 31's binding and typographic figures added."
    r = cli('eval', 'negclip', '--prompts', '5', '--seed', '1', '--json')
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep['model'] == 'negclip' and rep['prompts'] == 5 and rep['seed'] == 1
    assert set(rep['zero_shot']) == {'shape', 'color', 'count', 'position'} and set(rep['typographic_flips']) == {'shape', 'color'}
    assert 0 <= rep['binding'] <= 1 and 0 <= rep['retrieval_r1'] <= 1
