"""Classifier-free guidance for the bundled DALL-E 1 (chapter 22's `sample_tokens(guidance=...)`), measured on
ShapesEval prompts of a tuning seed (1 by default; the cards are scored on seed 0): for each guidance scale, `--rerank`
candidates per prompt, and per category the rate of single samples that follow their prompt, the reranker's pick
of all candidates, and the oracle (any candidate right).

    .venv/bin/python bench/dalle1_guidance.py --scales 1 1.5 2 3 --prompts 30 >> bench/dalle1_guidance.jsonl

Prints one JSON line per guidance scale.
"""
import argparse, json, time

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model', default='dalle1', choices=['dalle1', 'dalle1_paper'])
    ap.add_argument('--scales', type=float, nargs='+', default=[1.0, 1.5, 2.0, 3.0], help='guidance scales (1: none)')
    ap.add_argument('--prompts', type=int, default=30, help='ShapesEval prompts per category')
    ap.add_argument('--rerank', type=int, default=32, help='candidates per prompt')
    ap.add_argument('--reranker', choices=['negclip', 'clip'], default='negclip')
    ap.add_argument('--seed', type=int, default=1, help='prompt seed (1: the tuning seed; 0 is the cards\')')
    a = ap.parse_args(argv)
    if a.prompts < 1 or a.rerank < 1 or min(a.scales) < 0: ap.error('--prompts and --rerank must be >= 1, --scales >= 0')
    import torch                                                  # torch only now: bad arguments are answered at once
    from dalle_edu import hub
    from dalle_edu.rerank import Dalle1
    from dalle_edu.evaluation import eval_prompts, followed, load_probe, CATEGORIES
    pipe, probe = Dalle1(hub.load_pretrained(a.model), clip=hub.load_pretrained(a.reranker)), load_probe()
    prompts = eval_prompts(a.prompts, a.seed)
    for s in a.scales:
        t, ok, pick = time.perf_counter(), [], []
        for i in range(0, len(prompts), 30):
            chunk = prompts[i:i + 30]
            texts = [p.text for p in chunk]
            ims = pipe.candidates(texts, a.rerank, a.seed * 1_000_003 + i, guidance=s)
            right = followed(ims, chunk, probe)                                        # (P, N)
            ok.append(right); pick.append(right[torch.arange(len(chunk)), pipe.scores(ims, texts).argmax(1)])
        ok, pick = torch.cat(ok), torch.cat(pick)
        by = lambda v: {c: round(v[[j for j, p in enumerate(prompts) if p.category == c]].float().mean().item(), 4) for c in CATEGORIES}
        single, picked, oracle = by(ok.float().mean(1)), by(pick), by(ok.any(1))
        print(json.dumps({'model': a.model, 'guidance': s, 'single': single, 'picked': picked, 'oracle': oracle,
                          'overall': {k: round(sum(v.values()) / len(v), 4) for k, v in (('single', single), ('picked', picked), ('oracle', oracle))},
                          'prompts': a.prompts, 'rerank': a.rerank, 'reranker': a.reranker, 'seed': a.seed,
                          'seconds': round(time.perf_counter() - t, 1), 'threads': torch.get_num_threads()}), flush=True)

if __name__ == '__main__': main()
