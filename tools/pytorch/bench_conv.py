#!/usr/bin/env python3
"""Single-threaded PyTorch timings to compare with EngineBenchmark (same machine, same session).

    /usr/bin/python3 tools/pytorch/bench_conv.py
"""
import timeit

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)


def bench(label, fn, number):
    for _ in range(3):
        fn()  # warm-up (allocator, kernel selection)
    best = min(timeit.repeat(fn, number=number, repeat=5)) / number
    print(f"{label:48s} {best * 1e6:12.2f} us")
    return best


print(f"torch {torch.__version__}, threads={torch.get_num_threads()}, mkldnn={torch.backends.mkldnn.is_available()}")
for dtype in (torch.float64, torch.float32):
    name = str(dtype).replace("torch.", "")
    x = torch.arange(9, dtype=dtype).view(1, 1, 3, 3)
    k = torch.tensor([[[[0, 1], [2, 3]]]], dtype=dtype)
    bench(f"fig1 correlate 3x3 * 2x2 [{name}]", lambda: F.conv2d(x, k), 20000)
    xp = torch.arange(32, dtype=dtype).view(1, 2, 4, 4)
    bench(f"tutorial MaxPool2d(3,p=1,s=(2,1)) [{name}]", lambda: F.max_pool2d(xp, 3, stride=(2, 1), padding=1), 20000)
    xe = torch.randn(4, 2, 3, 5, dtype=dtype)
    we = torch.randn(3, 2, 3, 5, dtype=dtype)
    be = torch.randn(3, dtype=dtype)
    bench(f"tutorial Conv2d(2,3,(3,5),p=(1,2)) 4x2x3x5 [{name}]", lambda: F.conv2d(xe, we, be, padding=(1, 2)), 20000)
    xb = torch.randn(1, 64, 56, 56, dtype=dtype)
    wb = torch.randn(64, 64, 3, 3, dtype=dtype)
    bb = torch.randn(64, dtype=dtype)
    with torch.no_grad():
        bench(f"conv2d 1x64x56x56 3x3 64->64 p=1 [{name}]", lambda: F.conv2d(xb, wb, bb, padding=1), 20)
