"""Train chapter 43's GLIDE recipe with another batch size, step count or learning rate, on any device, and score it
with ShapesEval on the CPU as its card is scored: the measurement behind chapter 43's table of training lengths.

    .venv/bin/python bench/glide_scaling.py --steps 4000                      # a quarter of the bundled recipe
    .venv/bin/python bench/glide_scaling.py --bs 256 --steps 16000 --device cuda   # four times the scenes

Prints one JSON line: the recipe, the training time, ShapesEval at guidance 3 and 1 with every category.
"""
import argparse, json, time
from dataclasses import asdict
import torch
from dalle_edu.glide import GlideConfig, train_glide, glide_eval

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bs', type=int, default=64, help='scenes per step (the bundled recipe: 64)')
    ap.add_argument('--steps', type=int, default=16000, help='optimiser steps (the bundled recipe: 16000)')
    ap.add_argument('--lr', type=float, default=2e-3, help='peak learning rate of the cosine schedule')
    ap.add_argument('--config', default='{}', help='GlideConfig fields to change, as JSON, e.g. \'{"width": 128}\'')
    ap.add_argument('--device', default='cpu', help="where to train: 'cpu' or 'cuda' (scoring is on the CPU)")
    ap.add_argument('--prompts', type=int, default=50, help='ShapesEval prompts per category (the card: 50, seed 0)')
    a = ap.parse_args(argv)
    try: config = asdict(GlideConfig(**json.loads(a.config)))
    except (ValueError, TypeError) as e: ap.error(f'--config: {e}')
    try: torch.empty(0, device=a.device)
    except (RuntimeError, AssertionError) as e: ap.error(f'--device {a.device}: {e}')
    t = time.perf_counter()
    model = train_glide(config, a.steps, bs=a.bs, lr=a.lr, device=torch.device(a.device))
    train_s = time.perf_counter() - t
    rep = glide_eval(model, a.prompts, 0, guidance=3.0, compare=1.0)
    print(json.dumps({'bs': a.bs, 'steps': a.steps, 'lr': a.lr, 'config': json.loads(a.config), 'device': a.device,
                      'scenes_seen': a.bs * a.steps, 'train_s': round(train_s, 1), 'guidance_3': rep['overall'],
                      'guidance_1': rep['at_guidance_1']['overall'], 'categories_3': rep['categories'],
                      'categories_1': rep['at_guidance_1']['categories'], 'prompts': a.prompts, 'seed': 0}))

if __name__ == '__main__': main()
