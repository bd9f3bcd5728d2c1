"`--device`: every model of a generator loads on the chosen device and its inputs follow it; checked on a stand-in GPU (tests/elsewhere.py) when there is no real one."
import pytest, torch
from elsewhere import Elsewhere

PROMPT = 'a red circle above a blue square'

@pytest.fixture
def on_gpu(monkeypatch):
    "Run code with `DALLE_EDU_DEVICE` set to the GPU: a real one if torch sees one, else the stand-in."
    monkeypatch.setenv('DALLE_EDU_QUIET', '1')
    monkeypatch.delenv('DALLE_EDU_DEVICE', raising=False)
    def run(fn):
        monkeypatch.setenv('DALLE_EDU_DEVICE', 'cuda:0')
        old = torch.__future__.get_overwrite_module_params_on_conversion()
        torch.__future__.set_overwrite_module_params_on_conversion(True)    # `module.to` makes new parameters for the stand-in tensors
        try:
            if torch.cuda.is_available(): return fn()
            with Elsewhere(): return fn()
        finally:
            torch.__future__.set_overwrite_module_params_on_conversion(old)
            monkeypatch.delenv('DALLE_EDU_DEVICE')
    return run

def generate(model):
    "What `dalle-edu generate PROMPT --model MODEL -n 4` computes: pictures best first, and their scores."
    from dalle_edu import hub
    reranker = hub.load_pretrained('negclip')
    if model in ('dalle1', 'dalle1_paper'):
        from dalle_edu.rerank import Dalle1
        ims, scores = Dalle1(hub.load_pretrained(model), clip=reranker).generate(PROMPT, 4, 0)
    elif model == 'glide':
        from dalle_edu.glide import Glide
        ims, scores = Glide(clip=reranker).generate(PROMPT, 4, 0, None, 5)
    else:
        from dalle_edu.unclip import UnCLIP
        ims, scores = UnCLIP(reranker=reranker).generate(PROMPT, 2, 0, None, 3)
    return ims.device, ims.cpu(), scores.tolist()

@pytest.mark.parametrize('model', ['dalle1', 'dalle1_paper', 'glide', 'unclip'])
def test_generate_on_a_gpu_draws_what_the_cpu_draws(on_gpu, model):
    "Every model and every tensor of the pipeline on the GPU (else an op would refuse), and the same seed gives the same pictures (noise is drawn on the CPU)."
    device, ims, scores = on_gpu(lambda: generate(model))
    assert device.type == 'cuda'
    _, ims_cpu, scores_cpu = generate(model)
    torch.testing.assert_close(ims, ims_cpu, atol=1e-3, rtol=0)          # kernels may differ in the last bits
    assert scores == pytest.approx(scores_cpu, abs=1e-4)

@pytest.mark.parametrize('model, options', [('dalle1', dict(rerank=2)), ('glide', dict(steps=3)), ('unclip', dict(steps=2))])
def test_eval_on_a_gpu_gives_the_cpu_figures(on_gpu, model, options):
    "What `dalle-edu eval MODEL --device cuda` computes: ShapesEval's probe reads pictures made on the GPU, and the figures are the CPU's."
    from dalle_edu.cli import evaluate, flatten
    run = lambda: dict(flatten(evaluate(model, 2, 0, **options)))
    gpu, cpu = on_gpu(run), run()
    assert gpu.keys() == cpu.keys()
    for k, v in cpu.items(): assert gpu[k] == (pytest.approx(v, abs=1e-6) if isinstance(v, float) else v), k   # rates equal; a mean distance to the last bits

def test_the_stand_in_refuses_what_a_gpu_refuses():
    "The stand-in is only worth its passes if it fails where CUDA fails: a CPU tensor meeting a GPU one, a CPU generator drawing on the GPU."
    if torch.cuda.is_available(): pytest.skip('a real GPU is here')
    from dalle_edu.ddpm import sample
    from dalle_edu.glide import GLIDE, GlideConfig, guided
    old = torch.__future__.get_overwrite_module_params_on_conversion()
    torch.__future__.set_overwrite_module_params_on_conversion(True)
    try:
        with Elsewhere():
            m = GLIDE(GlideConfig(channels=(8, 16, 16))).to('cuda:0')
            with pytest.raises(RuntimeError, match='same device'):                        # the noise left on the CPU
                sample(guided(m, ['a red circle']), m.scheduler(), (1, 3, 16, 16), torch.Generator().manual_seed(0), 2)
            x = sample(guided(m, ['a red circle']), m.scheduler(), (1, 3, 16, 16), torch.Generator().manual_seed(0), 2, device='cuda:0')
            assert x.device.type == 'cuda'
            with pytest.raises(RuntimeError, match='generator'):
                torch.multinomial(torch.ones(3, device='cuda:0'), 1, generator=torch.Generator())
    finally: torch.__future__.set_overwrite_module_params_on_conversion(old)
