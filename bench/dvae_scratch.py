"""Issue 20, part 1: chapter 12's dVAE trained from scratch (no VQ-VAE warm start), one change at a time against the
book's recipe (KL weight beta: 0 -> 1.65 along a half cosine over the whole run; temperature tau: 1 -> 1/16 the same
way; logit-Laplace likelihood; Adam at 2e-3 with a cosine decay; batch 64), scored as the `dvae` card is scored
(`recon_eval`: 500 held-out scenes, seed 0; probe accuracy of the argmax tokens' reconstructions, perplexity).

    .venv/bin/python bench/dvae_scratch.py --steps 2000 --beta-warmup 0.02            # the paper's early KL warm-up
    .venv/bin/python bench/dvae_scratch.py --steps 2000 --beta 0                       # no KL term
    .venv/bin/python bench/dvae_scratch.py --steps 1000 --likelihood gaussian --beta 0 --tau 0.9 0.9   # a peer's defaults

Prints one JSON line per evaluation (every --eval-every steps and at the end) with the mean KL per cell (nats; log K
= 6.24 is a one-hot encoder) over the last 50 steps.
"""
import argparse, json, math, time

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--steps', type=int, default=2000)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--beta', type=float, default=1.65, help='final KL weight')
    ap.add_argument('--beta-warmup', type=float, default=1.0, help='fraction of the run over which beta rises (half cosine)')
    ap.add_argument('--tau', type=float, nargs=2, default=[1.0, 1 / 16], metavar=('START', 'END'))
    ap.add_argument('--tau-anneal', type=float, default=1.0, help='fraction of the run over which tau falls (half cosine)')
    ap.add_argument('--likelihood', choices=['laplace', 'gaussian'], default='laplace')
    ap.add_argument('--hard', action='store_true', help='straight-through: one-hot codes forward, the relaxed gradient back')
    ap.add_argument('--logit-scale', type=float, default=1.0, help="multiply the encoder's last layer (the logits) by this at initialisation")
    ap.add_argument('--embed-std', type=float, default=0.0, help="draw the code embeddings (the decoder's first layer) from N(0, std^2), as nn.Embedding does with std 1 (0: PyTorch's conv default, about 0.026)")
    ap.add_argument('--eval-every', type=int, default=0)
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args(argv)
    if a.steps < 1 or not a.lr > 0 or a.beta < 0 or not a.logit_scale > 0 or a.embed_std < 0 or not (0 < a.beta_warmup <= 1 and 0 < a.tau_anneal <= 1) or min(a.tau) <= 0:
        ap.error('--steps and --lr must be positive, --beta >= 0, the fractions in (0, 1], the temperatures and --logit-scale positive, --embed-std >= 0')
    import torch                                                  # torch only now: bad arguments are answered at once
    from dalle_edu.dvae import DVAE, DVAEConfig, logit_laplace_nll, kl_uniform, cosine_anneal
    from dalle_edu.gumbel_softmax import gumbel_softmax
    from dalle_edu.vae_vs_vqvae import image_batches, recon_eval
    torch.manual_seed(a.seed); torch.set_flush_denormal(True)     # the Gaussian run's saturated sigmoids give denormals
    m = DVAE(DVAEConfig(beta_max=a.beta))
    with torch.no_grad():
        m.encoder[-1].weight.mul_(a.logit_scale); m.encoder[-1].bias.mul_(a.logit_scale)
        if a.embed_std: m.decoder[0].weight.normal_(0, a.embed_std)
    opt, get = torch.optim.Adam(m.parameters(), lr=a.lr), image_batches(64, 32, a.seed)
    kls, t0 = [], time.perf_counter()
    def report(step):
        m.eval(); r = recon_eval('dvae from scratch', m.reconstruct, 500, 0, tokens=m.tokens, K=m.cfg.K); m.train()
        print(json.dumps({**{k: r[k] for k in ('mse', 'probe_accuracy', 'perplexity', 'codes_used')}, 'step': step,
                          'kl_per_cell': round(sum(kls[-50:]) / len(kls[-50:]), 3), 'train_s': round(time.perf_counter() - t0, 1),
                          'settings': {k: v for k, v in vars(a).items() if k != 'eval_every'}}), flush=True)
    for step in range(a.steps):
        q = step / a.steps
        for g in opt.param_groups: g['lr'] = a.lr * 0.5 * (1 + math.cos(math.pi * q))
        tau = cosine_anneal(min(q / a.tau_anneal, 1.0), *a.tau)
        beta = cosine_anneal(min(q / a.beta_warmup, 1.0), 0.0, a.beta)
        x = get(step)
        logits = m.logits(x)
        mu, log_b = m.stats(gumbel_softmax(logits, tau, hard=a.hard, dim=1))
        if a.likelihood == 'laplace': nll = logit_laplace_nll(x, mu, log_b, m.cfg.eps).flatten(1).sum(1)
        else: nll = 0.5 * ((x - m.decode_stats(mu)) / 0.1).pow(2).flatten(1).sum(1)
        kl = kl_uniform(logits).flatten(1).sum(1)
        loss = (nll + beta * kl).mean() / x[0].numel()
        opt.zero_grad(); loss.backward(); opt.step()
        kls.append(kl.mean().item() / (logits.shape[-2] * logits.shape[-1]))                  # nats per cell
        if a.eval_every and (step + 1) % a.eval_every == 0 and step + 1 < a.steps: report(step + 1)
    report(a.steps)

if __name__ == '__main__': main()
