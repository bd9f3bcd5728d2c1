"""A stand-in for a GPU on a machine without one: tensors that say they are on `cuda:0` but hold CPU data.

Every op checks its tensors' devices as a real device's kernels do (one device per op, CPU 0-dim scalars and CPU indices
allowed, a generator on the op's device), then runs on the CPU. So code that would fail on a GPU with "Expected all tensors
to be on the same device" fails here the same way, and code that passes gives the CPU's numbers."""
import torch
from torch.utils._pytree import tree_flatten, tree_map
from torch.utils._python_dispatch import TorchDispatchMode

GPU, aten = torch.device('cuda', 0), torch.ops.aten
CROSS_DEVICE = {aten._to_copy.default, aten.copy_.default}                      # ops that move data between devices
CUDA_ONLY = {aten.cudnn_batch_norm.default:                                     # the CUDA-only kernels a composite op picks for a GPU tensor,
             lambda *a: (*aten.native_batch_norm.default(*a), torch.empty(0, dtype=torch.uint8))}   # and the CPU kernel that computes the same
CPU_INDICES = {aten.index.Tensor, aten.index_put_.default, aten.index_put.default, aten._index_put_impl_.default}

class OnGPU(torch.Tensor):
    "CPU data that reports `GPU` as its device."
    @staticmethod
    def __new__(cls, data: torch.Tensor):
        r = torch.Tensor._make_wrapper_subclass(cls, data.size(), strides=data.stride(), storage_offset=data.storage_offset(),
                                                dtype=data.dtype, device=GPU, requires_grad=data.requires_grad)
        r.cpu_data = data
        return r
    def tolist(self): return self.cpu_data.tolist()             # as a CUDA tensor's: copied to the host
    @classmethod
    def __torch_dispatch__(cls, func, types, args=(), kwargs=None):
        raise RuntimeError(f'{func} on a stand-in GPU tensor outside `Elsewhere()`')

def _device(t): return t.device if isinstance(t, torch.Tensor) else None

class Elsewhere(TorchDispatchMode):
    "Inside, `device='cuda'` makes stand-in GPU tensors, and every op checks devices as CUDA would."
    def __init__(self):
        super().__init__()
        self._mode_key = torch._C._TorchDispatchModeKey.FAKE     # the key under which torch skips initialising CUDA, as for FakeTensorMode

    def __enter__(self):
        torch._C._ensureCUDADeviceGuardSet()                     # no CUDA here: a device guard that does nothing, as FakeTensorMode installs
        self.lift = torch._C._only_lift_cpu_tensors()
        torch._C._set_only_lift_cpu_tensors(True)                # torch.tensor(..., device='cuda') builds on the CPU, then moves through us
        return super().__enter__()

    def __exit__(self, *exc):
        torch._C._set_only_lift_cpu_tensors(self.lift)
        return super().__exit__(*exc)

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        tensors = [t for t in tree_flatten((args, kwargs))[0] if isinstance(t, torch.Tensor)]
        if func in CPU_INDICES: tensors = tensors[:1] + [t for t in tensors[1:] if t.device != torch.device('cpu')]
        devices = {t.device for t in tensors if not (t.device.type == 'cpu' and t.dim() == 0)}
        if func not in CROSS_DEVICE and len(devices) > 1:
            raise RuntimeError(f'Expected all tensors to be on the same device, but found at least two devices, {" and ".join(sorted(map(str, devices)))}! ({func})')
        gen = kwargs.get('generator')
        if gen is not None and devices and gen.device.type != next(iter(devices)).type:
            raise RuntimeError(f"Expected a '{next(iter(devices)).type}' device type for generator but found '{gen.device.type}' ({func})")
        want = kwargs.get('device')
        target = torch.device(want) if want is not None else (next(iter(devices)) if devices else torch.device('cpu'))
        if target.type == 'cuda': target = GPU
        if want is not None: kwargs = {**kwargs, 'device': torch.device('cpu')}
        unwrap = lambda t: t.cpu_data if isinstance(t, OnGPU) else t
        out = CUDA_ONLY.get(func, func)(*tree_map(unwrap, args), **tree_map(unwrap, kwargs))
        if func is aten.copy_.default: return args[0]                           # in place: the destination keeps its device
        wrap = lambda t: OnGPU(t) if isinstance(t, torch.Tensor) and target == GPU and not isinstance(t, OnGPU) else t
        return tree_map(wrap, out)
