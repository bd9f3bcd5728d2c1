"""Chapter 60's blend ablation: chapter 22's DALL-E trained on the recaptioned pool with a fraction p of synthetic
captions (the bundled captioner's) and 1 - p of alt text, each for the same number of steps, scored as the `dalle3`
card is scored (ShapesEval, one sample per prompt, prompts as written and upsampled).

    .venv/bin/python bench/recaption_blend.py --steps 1000 --blends 0 0.65 0.8 0.9 0.95 1

Prints one JSON line per blend.
"""
import argparse, json, time
from dataclasses import asdict

def fraction(s):
    v = float(s)
    if not 0 <= v <= 1: raise argparse.ArgumentTypeError(f'{s} is not a fraction in 0..1')
    return v

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--blends', type=fraction, nargs='+', default=[0, 0.65, 0.8, 0.9, 0.95, 1], help='fractions p of synthetic captions')
    ap.add_argument('--steps', type=int, default=1000, help='optimiser steps per blend (the bundled dalle3: 3000)')
    ap.add_argument('--pool', type=int, default=60_000, help='train-split pictures in the pool (the bundled dalle3: 60000)')
    ap.add_argument('--prompts', type=int, default=50, help='ShapesEval prompts per category (the card: 50, seed 0)')
    a = ap.parse_args(argv)
    if a.steps < 1 or a.pool < 1 or a.prompts < 1: ap.error('--steps, --pool and --prompts must be positive')
    from dalle_edu.dalle import DalleConfig                   # torch only now: bad arguments are answered at once
    from dalle_edu.recaptioning import train_dalle3, dalle3_eval
    for p in a.blends:
        t = time.perf_counter()
        model = train_dalle3(asdict(DalleConfig()), a.steps, pool=a.pool, p_synthetic=p)
        train_s = time.perf_counter() - t
        rep = dalle3_eval(model, a.prompts, 0)
        print(json.dumps({'p_synthetic': p, 'steps': a.steps, 'pool': a.pool, 'train_s': round(train_s, 1),
                          'as_written': rep['as_written'], 'upsampled': rep['upsampled'], 'prompts': a.prompts, 'seed': 0}), flush=True)

if __name__ == '__main__': main()
