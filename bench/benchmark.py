"""Measure the budgets of DESIGN.md section 8 that exist so far (a script, not a test).

    .venv/bin/python bench/benchmark.py            # rendering speed, probe speed, bundled training times
    .venv/bin/python bench/benchmark.py --book     # also time every chapter under nbdev_test (a few minutes)
"""
import argparse, json, subprocess, sys, time
from pathlib import Path
import torch

ROOT = Path(__file__).resolve().parent.parent

def rate(fn, n_per_call, seconds=3.0):
    "Items per second of `fn()` (each call makes `n_per_call` items), after one warm-up call."
    fn(0)
    t, calls = time.perf_counter(), 0
    while time.perf_counter() - t < seconds: fn(calls); calls += 1
    return calls * n_per_call / (time.perf_counter() - t)

def timeit(f):
    "Seconds one call of `f()` takes."
    t = time.perf_counter(); f(); return time.perf_counter() - t

def row(what, budget, measured, ok):
    print(f"{what:48s} {budget:>16s} {measured:>16s}  {'ok' if ok else 'OVER BUDGET'}")

GEN = '''
import resource, sys, time, tempfile
t = time.perf_counter()
from dalle_edu.cli import main
assert main(['generate', 'two red circles above a blue square', '--model', MODEL, '-n', '16', '--out', tempfile.mktemp(suffix='.png')]) == 0
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20)
'''

def generate_budget(model: str = 'dalle1'):
    "`dalle-edu generate --model MODEL` with 16 samples + rerank: seconds beyond start-up (Python, torch and the open_clip parts the console script imports), the whole command, peak memory."
    run = lambda code: subprocess.run([sys.executable, '-c', code], check=True, capture_output=True, text=True, cwd=ROOT)
    best = None
    for _ in range(3):
        t = time.perf_counter(); out = run(GEN.replace('MODEL', repr(model))).stdout.split()[-2:]; total = time.perf_counter() - t
        t = time.perf_counter(); run('import torch; from dalle_edu.cli import import_open_clip_parts; import_open_clip_parts()'); startup = time.perf_counter() - t
        if best is None or total - startup < best[0]: best = (total - startup, total, startup, float(out[1]))
    extra, total, startup, gb = best
    budget = model == 'dalle1'                          # DESIGN.md's budget is for the tiny DALL-E 1
    row(f'generate {model}: 16 samples + rerank beyond start-up', '<= 3 s' if budget else '-', f'{extra:.2f} s', extra <= 3 or not budget)
    row(f'generate {model}: whole command (start-up included)', '<= 3.5 s' if budget else '-', f'{total:.2f} s ({startup:.2f} start-up)', total <= 3.5 or not budget)
    row(f'generate {model}: peak memory', '<= 1.5 GB' if budget else '-', f'{gb:.2f} GB', gb <= 1.5 or not budget)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--book', action='store_true', help='time every chapter under nbdev_test')
    a = ap.parse_args()
    from dalle_edu.shapes import shapes_batch
    from dalle_edu import hub
    print(f'{hub.machine()}, torch threads {torch.get_num_threads()}')
    row('budget', 'limit', 'measured', True)
    for res in (16, 32, 64):
        r = rate(lambda i: shapes_batch(500, res, start=i * 500), 500)
        row(f'shapes world: {res}x{res} scenes per second', '>= 2000' if res == 32 else '-', f'{r:,.0f}', res != 32 or r >= 2000)
    from dalle_edu.evaluation import load_probe
    probe, x = load_probe(), shapes_batch(256, 32)[0]
    r = rate(lambda i: probe.read(x), 256)
    row('probe: images read per second (32x32)', '-', f'{r:,.0f}', True)
    from dalle_edu.sparse_attention import attention, dalle_mask, sparse_attention
    q, k, v = torch.randn(3, 1, 4, 1280, 64).unbind(0)                 # the paper's 1280 tokens, 4 heads of 64
    med = lambda f: sorted(timeit(f) for _ in range(9))[4]
    for kind in ('row', 'column'):
        mask = dalle_mask(256, 32, 32, kind)
        dense, sparse = med(lambda: attention(q, k, v, mask)), med(lambda: sparse_attention(q, k, v, 256, 32, 32, kind))
        row(f'{kind} attention at 1280 tokens: masked dense / gathered', '-',
            f'{1e3 * dense:.0f}/{1e3 * sparse:.0f} ms = {dense / sparse:.1f}x', True)
    for m in ('dalle1', 'glide'):
        if (hub.models_dir()/f'{m}.json').exists(): generate_budget(m)
    for card in sorted(hub.models_dir().glob('*.json')):
        c = json.loads(card.read_text())
        row(f"train {card.stem} ({c['command']})", '<= 1800 s', f"{c['wall_time_s']:.0f} s", c['wall_time_s'] <= 1800)
    if a.book:
        total = 0.0
        for nb in sorted((ROOT/'nbs').glob('*.ipynb')):
            if nb.name.startswith('_'): continue
            t = time.perf_counter()
            subprocess.run([str(Path(sys.executable).parent/'nbdev_test'), '--path', str(nb)], check=True,
                           capture_output=True, cwd=ROOT)
            dt = time.perf_counter() - t; total += dt
            row(f'nbdev_test {nb.name}', '<= 120 s', f'{dt:.1f} s', dt <= 120)
        row('nbdev_test, whole book (one at a time)', '<= 600 s', f'{total:.1f} s', total <= 600)

if __name__ == '__main__': main()
