"""Chapter 32's mix ablation: NegCLIP fine-tuned from the bundled CLIP with a fraction p of two-object scenes given the
position edit (the rest: any edit), each for the same number of steps, scored as the `negclip` card is scored
(`negclip_eval`, 200 tests per figure, seed 0).

    .venv/bin/python bench/negclip_mix.py --steps 1000 --mix 0.5 0.8 0.95

Prints one JSON line per fraction.
"""
import argparse, json, time

def fraction(s):
    v = float(s)
    if not 0 <= v <= 1: raise argparse.ArgumentTypeError(f'{s} is not a fraction in 0..1')
    return v

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--mix', type=fraction, nargs='+', default=[0.5, 0.8, 0.95], help='fractions p_two of two-object scenes with the position edit')
    ap.add_argument('--steps', type=int, default=1000, help='optimiser steps per fraction (the bundled negclip: 3000)')
    ap.add_argument('--lr', type=float, default=3e-3, help='peak learning rate (the bundled negclip: 3e-3)')
    ap.add_argument('--tests', type=int, default=200, help='tests per figure (the card: 200, seed 0)')
    a = ap.parse_args(argv)
    if a.steps < 1 or a.tests < 1 or not a.lr > 0: ap.error('--steps, --tests and --lr must be positive')
    from dalle_edu.negclip import train_negclip, negclip_eval     # torch only now: bad arguments are answered at once
    for p in a.mix:
        t = time.perf_counter()
        model = train_negclip({}, a.steps, lr=a.lr, p_two=p)
        train_s = time.perf_counter() - t
        rep = negclip_eval(model, a.tests, 0)
        print(json.dumps({'p_two': p, 'steps': a.steps, 'lr': a.lr, 'train_s': round(train_s, 1),
                          **{k: rep[k] for k in ('zero_shot', 'binding', 'retrieval_r1', 'typographic_flips')}, 'tests': a.tests, 'seed': 0}), flush=True)

if __name__ == '__main__': main()
