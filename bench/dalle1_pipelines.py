"""Issue 20, part 2: the paper's DALL-E 1 (dVAE tokens, sparse row/column/conv layers: the bundled `dalle1_paper`)
against the book's default (VQ-VAE tokens, dense attention: the bundled `dalle1`), side by side in one run:
seconds per training step at the shipped size (batch 64, the same random tokens, Adam), seconds to sample 32
candidates of one prompt (the KV cache; decoding included), and ShapesEval of the bundled weights (best of
`--rerank` candidates picked by `--reranker`, `--prompts` per category, seed 0). Each line names the bundled
card it scored (its steps and commit): the lines kept in `bench/dalle1_pipelines.jsonl` scored the 3000-step
cards of both, so they reproduce at a commit that bundles those (e.g. 05c2026).

    .venv/bin/python bench/dalle1_pipelines.py --prompts 200

Prints one JSON line per model.
"""
import argparse, json, time

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--models', nargs='+', default=['dalle1', 'dalle1_paper'], choices=['dalle1', 'dalle1_paper'])
    ap.add_argument('--prompts', type=int, default=200, help='ShapesEval prompts per category (0: timings only)')
    ap.add_argument('--rerank', type=int, default=32, help='candidates per prompt (1: no reranking)')
    ap.add_argument('--reranker', choices=['negclip', 'clip'], default='negclip')
    ap.add_argument('--repeats', type=int, default=5, help='timed repeats (the median is reported)')
    a = ap.parse_args(argv)
    if a.prompts < 0 or a.rerank < 1 or a.repeats < 1: ap.error('--prompts must be >= 0, --rerank and --repeats >= 1')
    import torch                                                  # torch only now: bad arguments are answered at once
    from dalle_edu import hub
    from dalle_edu.dalle import DALLE, dalle_loss
    from dalle_edu.rerank import Dalle1, dalle1_eval
    def median(f):
        ts = []
        for _ in range(a.repeats):
            t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
        return sorted(ts)[len(ts) // 2]
    g = torch.Generator().manual_seed(0)
    text, z = torch.randint(1, 49, (64, 24), generator=g), torch.randint(0, 512, (64, 64), generator=g)
    for name in a.models:
        card = hub.load_card(name)
        cfg = card['config']
        torch.manual_seed(0)
        m = hub.get_recipe(name).build(cfg)
        opt = torch.optim.Adam(m.parameters(), 1e-3)
        def step():
            loss, _ = dalle_loss(m, (text, z)); opt.zero_grad(); loss.backward(); opt.step()
        step()                                                    # warm-up
        train_s = median(step)
        pipe = Dalle1(hub.load_pretrained(name), clip=hub.load_pretrained(a.reranker))
        sample_s = median(lambda: pipe.candidates(['a red circle above a blue square'], 32, 0))
        row = {'model': name, 'steps': card['steps'], 'card_commit': card['commit'], 'codec': cfg['codec'], 'attention': cfg['attention'], 'train_step_s': round(train_s, 4),
               'sample_32_s': round(sample_s, 4), 'threads': torch.get_num_threads()}
        if a.prompts:
            rep = dalle1_eval(pipe.model, a.prompts, 0, rerank=a.rerank, reranker=a.reranker)
            row.update(categories=rep['categories'], overall=rep['overall'], prompts=a.prompts, rerank=a.rerank, reranker=a.reranker, seed=0)
        print(json.dumps(row), flush=True)

if __name__ == '__main__': main()
