"Training on several processes: the gradient two processes average is the one-process gradient of the whole batch."
import os, subprocess, sys, textwrap
import pytest, torch
from conftest import BIN

SCRIPT = textwrap.dedent('''
    import sys, torch, torch.distributed as dist
    from torch.nn.parallel import DistributedDataParallel
    from dalle_edu.clip import ShapesCLIP, clip_batches, clip_train_loss
    from dalle_edu.learner import LossModule, shard
    two = len(sys.argv) > 2
    if two: dist.init_process_group('gloo')
    torch.manual_seed(0)
    model, batch = ShapesCLIP(), clip_batches(16, 0)(0)
    lm = LossModule(model, clip_train_loss)
    if two: lm, batch = DistributedDataParallel(lm), shard(batch, dist.get_rank(), dist.get_world_size())
    lm(batch)[0].backward()
    if not two or dist.get_rank() == 0: torch.save({n: p.grad for n, p in model.named_parameters()}, sys.argv[1])
    if two: dist.destroy_process_group()
''')

def test_clip_gradient_under_two_processes_is_the_whole_batch_gradient(tmp_path):
    "CLIP's loss needs every pair of the batch as negatives: the two processes' averaged gradient equals one process's on all 16 pairs."
    script, env = tmp_path/'grad.py', {**os.environ, 'DALLE_EDU_QUIET': '1', 'OMP_NUM_THREADS': '1'}
    script.write_text(SCRIPT)
    r = subprocess.run([str(BIN/'torchrun'), '--standalone', '--nproc_per_node', '2', str(script), str(tmp_path/'two.pt'), 'ddp'],
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    r = subprocess.run([sys.executable, str(script), str(tmp_path/'one.pt')], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    one, two = torch.load(tmp_path/'one.pt'), torch.load(tmp_path/'two.pt')
    assert one.keys() == two.keys()
    for k in one: torch.testing.assert_close(two[k], one[k], rtol=1e-4, atol=1e-6, msg=k)
