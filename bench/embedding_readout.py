"""How much of a scene the bundled CLIP's image embedding holds: the most a decoder could give back (chapter 51).

    .venv/bin/python bench/embedding_readout.py >> bench/embedding_readout.jsonl

A reader (an MLP on the unit-norm embedding times sqrt(d), as the decoder scales it) is trained on the embeddings of
`--scenes` train-split scenes to predict, with one head each, how many objects of each shape, of each colour and of
each (shape, colour) a scene holds, and its board (what sits in each of the 9 cells). Scored on `--test` test-split
scenes with chapter 51's attributes: shape from the shape counts, colour and count from the colour counts, objects
from the (shape, colour) counts, position from the board. Prints one JSON line.
"""
import argparse, json, time

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--scenes', type=int, default=100_000, help='train-split scenes the reader learns from')
    ap.add_argument('--steps', type=int, default=8000, help='optimiser steps (batch 512, one-cycle Adam to 1e-3)')
    ap.add_argument('--test', type=int, default=2000, help='test-split scenes it is scored on')
    ap.add_argument('--clip', default='clip', help='the bundled CLIP whose embeddings are read')
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args(argv)
    if min(a.scenes, a.steps, a.test) < 1: ap.error('--scenes, --steps and --test must be >= 1')
    import torch, torch.nn as nn, torch.nn.functional as F   # torch only now: bad arguments are answered at once
    from dalle_edu import hub
    from dalle_edu.shapes import sample_scenes, SHAPES, COLOR_NAMES, MAX_OBJECTS
    from dalle_edu.evaluation import board, N_CLASSES
    from dalle_edu.prior import image_embeddings
    from dalle_edu.decoder import attributes
    torch.manual_seed(a.seed)
    t0, clip, ns, nc, cells = time.time(), hub.load_pretrained(a.clip).eval(), len(SHAPES), len(COLOR_NAMES), 9
    def data(split, n):
        scenes = sample_scenes(n, split, a.seed)
        b = board(scenes)                                                          # (n, 9): 0 empty, 1 + shape * nc + colour
        kinds = F.one_hot(b, N_CLASSES)[:, :, 1:].sum(1).view(n, ns, nc)            # objects of each (shape, colour)
        with torch.no_grad(): z = image_embeddings(clip, scenes) * clip.cfg.embed_dim ** 0.5
        return z, [kinds.sum(2), kinds.sum(1), kinds.flatten(1), b]                  # targets: per shape, per colour, per kind, per cell
    (z, ys), (zt, yts) = data('train', a.scenes), data('test', a.test)
    k, width = MAX_OBJECTS + 1, 1024
    classes = [k, k, k, N_CLASSES]                                                 # 0..4 objects; a cell's class
    sizes = [y.shape[1] * c for y, c in zip(ys, classes)]
    reader = nn.Sequential(nn.Linear(z.shape[1], width), nn.GELU(), nn.Linear(width, width), nn.GELU(), nn.Linear(width, sum(sizes)))
    heads = lambda x: [h.view(len(x), -1, c) for h, c in zip(reader(x).split(sizes, 1), classes)]
    opt = torch.optim.Adam(reader.parameters(), 1e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 1e-3, total_steps=a.steps)
    for step in range(a.steps):
        i = torch.randint(len(z), (512,))
        loss = sum(F.cross_entropy(h.flatten(0, 1), y[i].flatten()) for h, y in zip(heads(z[i]), ys))
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
    with torch.no_grad(): shapes, colours, kinds, boards = [h.argmax(-1) for h in heads(zt)]
    truth = attributes(yts[3])
    as_list = lambda counts: [sum(([j] * n for j, n in enumerate(row)), []) for row in counts.tolist()]   # counts -> sorted items
    read = {'shape': as_list(shapes), 'color': as_list(colours), 'count': colours.sum(1).tolist(),
            'objects': [[divmod(j, nc) for j in row] for row in as_list(kinds)], 'position': boards.tolist()}
    agree = {att: sum(t[att] == r for t, r in zip(truth, read[att])) / len(truth) for att in read}
    print(json.dumps({'clip': a.clip, 'clip_commit': clip.card.get('commit'), 'scenes': a.scenes, 'steps': a.steps, 'test': a.test,
                      'seed': a.seed, 'read_back': {k2: round(v, 4) for k2, v in agree.items()}, 'seconds': round(time.time() - t0, 1)}))

if __name__ == '__main__': main()
