"""Train DALL-E 1's recipe (chapter 22, the bundled `dalle1` or `dalle1_paper`) for another number of steps, batch
size or learning rate, on any device, and score it on the CPU: the compute-scaling measurement that DESIGN.md asks
for before a model may train longer than 30 minutes.

    .venv/bin/python bench/dalle1_scaling.py --steps 3000 --prompts 100 >> bench/dalle1_scaling.jsonl   # the recipe at 3000 steps
    .venv/bin/python bench/dalle1_scaling.py --bundled --prompts 100 >> bench/dalle1_scaling.jsonl      # the bundled weights

One draw of `--rerank` candidates per ShapesEval prompt (`--prompts` per category, seed 0, the cards' seed) gives
three scores per category: a single sample (the first candidate), the reranker's pick of all of them (the command
line's default: NegCLIP, 32 candidates), and the oracle (any candidate right). Prints one JSON line.
"""
import argparse, json, time

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model', default='dalle1', choices=['dalle1', 'dalle1_paper'], help='whose recipe (architecture and codec)')
    ap.add_argument('--steps', type=int, default=3000, help='optimiser steps (the recipes: dalle1 18000, dalle1_paper 3000)')
    ap.add_argument('--bs', type=int, default=64, help='captioned scenes per step (the bundled recipe: 64)')
    ap.add_argument('--lr', type=float, default=1e-3, help='peak learning rate of the cosine schedule')
    ap.add_argument('--pool', type=int, default=60_000, help='train-split scenes tokenised once (the bundled recipe: 60,000)')
    ap.add_argument('--prompts', type=int, default=200, help='ShapesEval prompts per category')
    ap.add_argument('--rerank', type=int, default=32, help='candidates per prompt')
    ap.add_argument('--reranker', choices=['negclip', 'clip'], default='negclip')
    ap.add_argument('--device', default='cpu', help="where to train: 'cpu' or 'cuda' (scoring is on the CPU)")
    ap.add_argument('--bundled', action='store_true', help='score the bundled weights instead of training (steps, time from its card)')
    a = ap.parse_args(argv)
    if min(a.steps, a.bs, a.pool, a.prompts, a.rerank) < 1 or not a.lr > 0:
        ap.error('--steps, --bs, --pool, --prompts and --rerank must be >= 1, --lr > 0')
    import os, torch                                              # torch only now: bad arguments are answered at once
    from dalle_edu import hub
    from dalle_edu.dalle import train_dalle
    from dalle_edu.rerank import Dalle1
    from dalle_edu.evaluation import eval_prompts, followed, load_probe, CATEGORIES
    try: torch.empty(0, device=a.device)
    except (RuntimeError, AssertionError) as e: ap.error(f'--device {a.device}: {e}')
    if a.bundled:
        model = hub.load_pretrained(a.model)
        args = {'bs': 64, 'lr': 1e-3, 'pool': 60_000, **(model.card.get('train_args') or {})}   # train_dalle's defaults unless the card says
        a.steps, a.bs, a.lr, a.pool, train_s = model.card['steps'], args['bs'], args['lr'], args['pool'], model.card['wall_time_s']
    else:
        os.environ['DALLE_EDU_DEVICE'] = a.device                 # the learner trains there (the codec's tokens too)
        t = time.perf_counter()
        model = train_dalle(hub.get_recipe(a.model).config, a.steps, bs=a.bs, lr=a.lr, pool=a.pool)
        train_s = time.perf_counter() - t
        os.environ['DALLE_EDU_DEVICE'] = 'cpu'                    # scored on the CPU, as the cards are
        model = model.cpu().eval()
    pipe, probe, prompts = Dalle1(model, clip=hub.load_pretrained(a.reranker)), load_probe(), eval_prompts(a.prompts, 0)
    ok, pick = [], []
    for i in range(0, len(prompts), 64):                          # as `dalle1_eval` draws them: 64 prompts a batch
        chunk = prompts[i:i + 64]
        texts = [p.text for p in chunk]
        ims = pipe.candidates(texts, a.rerank, i)
        right = followed(ims, chunk, probe)                       # (P, rerank)
        ok.append(right); pick.append(right[torch.arange(len(chunk)), pipe.scores(ims, texts).argmax(1)])
    ok, pick = torch.cat(ok), torch.cat(pick)
    by = lambda v: {c: round(v[[j for j, p in enumerate(prompts) if p.category == c]].float().mean().item(), 4) for c in CATEGORIES}
    scores = {'single': by(ok[:, 0]), 'picked': by(pick), 'oracle': by(ok.any(1))}
    card = {'card_commit': model.card['commit']} if a.bundled else {}
    print(json.dumps({'model': a.model, 'bundled': a.bundled, **card, 'steps': a.steps, 'bs': a.bs, 'lr': a.lr, 'pool': a.pool, 'device': a.device,
                      'scenes_seen': a.steps * a.bs, 'train_s': round(train_s, 1), 'threads': torch.get_num_threads(),
                      **scores, 'overall': {k: round(sum(v.values()) / len(v), 4) for k, v in scores.items()},
                      'prompts': a.prompts, 'rerank': a.rerank, 'reranker': a.reranker, 'seed': 0}), flush=True)

if __name__ == '__main__': main()
