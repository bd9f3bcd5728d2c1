"""What the GPU preset `glide64` (chapter 43) costs: its parameters, and the time and memory of one training step at a
given batch size on this machine's CPU (or on `--device cuda`), for the README's "what it needs".

    .venv/bin/python bench/gpu_preset.py --bs 16
    .venv/bin/python bench/gpu_preset.py --bs 128 --device cuda

Prints one JSON line. Memory: on the CPU, the process's peak resident set minus its size before the first step; on a GPU,
torch's peak allocation. Activation memory grows in proportion to the batch size, so two runs give the slope.
"""
import argparse, json, resource, statistics, time

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bs', type=int, default=16, help='pictures per step (the recipe: 128)')
    ap.add_argument('--steps', type=int, default=3, help='timed steps, after one untimed')
    ap.add_argument('--device', default='cpu', help="'cpu' or 'cuda'")
    a = ap.parse_args(argv)
    if a.bs < 1 or a.steps < 1: ap.error('--bs and --steps must be positive')
    import torch                                                    # torch only now: bad arguments are answered at once
    from dataclasses import asdict
    from dalle_edu.glide import GLIDE, GLIDE64, glide_batches
    from dalle_edu.ddpm import ddpm_loss
    try: dev = torch.device(a.device); torch.empty(0, device=dev)
    except (RuntimeError, AssertionError) as e: ap.error(f'--device {a.device}: {e}')
    torch.manual_seed(0)
    model = GLIDE(GLIDE64).to(dev)
    opt, sched, get = torch.optim.AdamW(model.parameters(), lr=1e-3), model.scheduler(), glide_batches(GLIDE64, model.tokenizer, a.bs, 0)
    rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024                # MB (Linux reports kB)
    before, times = rss(), []
    for step in range(a.steps + 1):
        x, ids = (t.to(dev) for t in get(step))
        t0 = time.perf_counter()
        loss = ddpm_loss(model, x, sched, text=ids)
        opt.zero_grad(); loss.backward(); opt.step()
        if dev.type == 'cuda': torch.cuda.synchronize()
        if step: times.append(time.perf_counter() - t0)
    mem = torch.cuda.max_memory_allocated() / 2**20 if dev.type == 'cuda' else rss() - before
    print(json.dumps({'model': 'glide64', 'parameters': sum(p.numel() for p in model.parameters()), 'bs': a.bs, 'device': a.device,
                      'threads': torch.get_num_threads(), 'step_s': round(statistics.median(times), 3), 'step_memory_mb': round(mem),
                      'config': asdict(GLIDE64)}))

if __name__ == '__main__': main()
