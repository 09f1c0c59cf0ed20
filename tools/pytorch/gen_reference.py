#!/usr/bin/env python3
"""Generate reference vectors for the ConvQuiz engine from real PyTorch.

Run with the system Python that has torch (Debian python3-torch 1.13):

    /usr/bin/python3 tools/pytorch/gen_reference.py

It writes src/test/resources/engine/pytorch-vectors.json, which PyTorchReferenceTest reads (the Java
test never needs torch). Everything is float64 and seeded, so re-running gives the same file.
NaN values are written as the bare token NaN (Python's json default); the test enables Jackson's
ALLOW_NON_NUMERIC_NUMBERS to read them.
"""
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(20240531)
torch.set_default_dtype(torch.float64)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "src", "test", "resources", "engine", "pytorch-vectors.json")

cases = []


def t(x):
    return None if x is None else x.detach().tolist()


def rnd(*shape):
    # two decimals keep the JSON small while still exercising non-integer arithmetic
    return torch.round(torch.randn(*shape) * 100) / 100


def conv_case(name, shape, cin, cout, k, stride=1, padding=0, dilation=1, groups=1, bias=True,
              padding_mode="zeros", backward=False):
    conv = torch.nn.Conv2d(cin, cout, k, stride=stride, padding=padding, dilation=dilation,
                           groups=groups, bias=bias, padding_mode=padding_mode)
    with torch.no_grad():
        conv.weight.copy_(rnd(*conv.weight.shape))
        if bias:
            conv.bias.copy_(rnd(*conv.bias.shape))
    x = rnd(*shape).requires_grad_(backward)
    y = conv(x)
    pair = lambda v: list(v) if isinstance(v, (tuple, list)) else [v, v]
    c = {
        "name": name, "op": "conv2d_backward" if backward else "conv2d",
        "params": {"in": cin, "out": cout, "kernel": pair(k), "stride": pair(stride),
                   "padding": padding if isinstance(padding, str) else pair(padding),
                   "dilation": pair(dilation), "groups": groups, "bias": bias,
                   "padding_mode": padding_mode},
        "input": t(x), "weight": t(conv.weight), "bias": t(conv.bias) if bias else None,
        "output": t(y),
    }
    if backward:
        g = rnd(*y.shape)
        y.backward(g)
        c["grad_output"] = t(g)
        c["grad_input"] = t(x.grad)
        c["grad_weight"] = t(conv.weight.grad)
        c["grad_bias"] = t(conv.bias.grad) if bias else None
    cases.append(c)


def convt_case(name, shape, cin, cout, k, stride=1, padding=0, output_padding=0, dilation=1, groups=1,
               bias=True):
    m = torch.nn.ConvTranspose2d(cin, cout, k, stride=stride, padding=padding,
                                 output_padding=output_padding, dilation=dilation, groups=groups, bias=bias)
    with torch.no_grad():
        m.weight.copy_(rnd(*m.weight.shape))
        if bias:
            m.bias.copy_(rnd(*m.bias.shape))
    x = rnd(*shape)
    y = m(x)
    pair = lambda v: list(v) if isinstance(v, (tuple, list)) else [v, v]
    cases.append({
        "name": name, "op": "conv_transpose2d",
        "params": {"in": cin, "out": cout, "kernel": pair(k), "stride": pair(stride), "padding": pair(padding),
                   "output_padding": pair(output_padding), "dilation": pair(dilation), "groups": groups,
                   "bias": bias},
        "input": t(x), "weight": t(m.weight), "bias": t(m.bias) if bias else None, "output": t(y),
    })


def pool_params(kind, k, stride, padding, dilation, ceil, count_include_pad, divisor_override):
    pair = lambda v: list(v) if isinstance(v, (tuple, list)) else [v, v]
    return {"kind": kind, "kernel": pair(k), "stride": pair(stride if stride is not None else k),
            "padding": pair(padding), "dilation": pair(dilation), "ceil_mode": ceil,
            "count_include_pad": count_include_pad, "divisor_override": divisor_override}


def max_case(name, x, k, stride=None, padding=0, dilation=1, ceil=False, backward=False):
    x = x.clone().requires_grad_(backward)
    y, idx = F.max_pool2d(x, k, stride=stride, padding=padding, dilation=dilation, ceil_mode=ceil,
                          return_indices=True)
    c = {"name": name, "op": "max_pool2d_backward" if backward else "max_pool2d",
         "params": pool_params("max", k, stride, padding, dilation, ceil, True, None),
         "input": t(x), "output": t(y), "indices": t(idx.double())}
    if backward:
        g = rnd(*y.shape)
        y.backward(g)
        c["grad_output"] = t(g)
        c["grad_input"] = t(x.grad)
    cases.append(c)


def avg_case(name, x, k, stride=None, padding=0, ceil=False, count_include_pad=True, divisor_override=None,
             backward=False):
    x = x.clone().requires_grad_(backward)
    y = F.avg_pool2d(x, k, stride=stride, padding=padding, ceil_mode=ceil,
                     count_include_pad=count_include_pad, divisor_override=divisor_override)
    c = {"name": name, "op": "avg_pool2d_backward" if backward else "avg_pool2d",
         "params": pool_params("avg", k, stride, padding, 1, ceil, count_include_pad, divisor_override),
         "input": t(x), "output": t(y)}
    if backward:
        g = rnd(*y.shape)
        y.backward(g)
        c["grad_output"] = t(g)
        c["grad_input"] = t(x.grad)
    cases.append(c)


def linear_case(name, x_shape, fin, fout, bias=True):
    m = torch.nn.Linear(fin, fout, bias=bias)
    with torch.no_grad():
        m.weight.copy_(rnd(*m.weight.shape))
        if bias:
            m.bias.copy_(rnd(*m.bias.shape))
    x = rnd(*x_shape)
    cases.append({"name": name, "op": "linear", "params": {"in": fin, "out": fout, "bias": bias},
                  "input": t(x), "weight": t(m.weight), "bias": t(m.bias) if bias else None,
                  "output": t(m(x))})


# ---- conv2d forward
conv_case("tutorial nn.Conv2d(2,3,(3,5),padding=(1,2))", (4, 2, 3, 5), 2, 3, (3, 5), padding=(1, 2))
conv_case("k3 pad1", (1, 2, 5, 5), 2, 3, 3, padding=1)
conv_case("stride (2,1) pad (1,0)", (2, 2, 6, 5), 2, 2, 3, stride=(2, 1), padding=(1, 0))
conv_case("stride 3 pad 2 k4", (1, 1, 9, 8), 1, 2, 4, stride=3, padding=2)
conv_case("dilation 2 pad 2", (1, 2, 7, 7), 2, 2, 3, padding=2, dilation=2)
conv_case("dilation (2,1) stride 2", (1, 1, 9, 7), 1, 2, (3, 2), stride=2, dilation=(2, 1))
conv_case("groups 2", (1, 4, 5, 5), 4, 6, 3, padding=1, groups=2)
conv_case("depthwise groups 3", (2, 3, 5, 4), 3, 3, 3, padding=1, groups=3)
conv_case("depthwise multiplier 2", (1, 2, 4, 4), 2, 4, 2, groups=2)
conv_case("no bias stride 2", (2, 3, 6, 6), 3, 2, 2, stride=2, bias=False)
conv_case("reflect pad 1", (1, 2, 4, 5), 2, 2, 3, padding=1, padding_mode="reflect")
conv_case("reflect pad (2,1)", (1, 1, 4, 4), 1, 2, 3, padding=(2, 1), padding_mode="reflect")
conv_case("replicate pad 2", (1, 2, 4, 4), 2, 1, 3, padding=2, padding_mode="replicate")
conv_case("circular pad (1,2)", (1, 1, 4, 5), 1, 2, 3, padding=(1, 2), padding_mode="circular")
conv_case("same odd kernel", (1, 2, 5, 6), 2, 2, 3, padding="same")
conv_case("same even kernel 4x2", (1, 1, 5, 6), 1, 2, (4, 2), padding="same")
conv_case("same dilation 2", (1, 1, 6, 6), 1, 1, 2, padding="same", dilation=2)
conv_case("same reflect", (1, 1, 5, 5), 1, 1, 4, padding="same", padding_mode="reflect")
conv_case("valid", (1, 2, 5, 4), 2, 1, 3, padding="valid")
conv_case("unbatched CHW", (2, 4, 4), 2, 3, 3, padding=1)
conv_case("1x1 conv", (1, 3, 3, 4), 3, 2, 1)

# ---- conv_transpose2d
convt_case("transpose stride 2 output_padding 1", (1, 2, 3, 3), 2, 1, 3, stride=2, padding=1, output_padding=1)
convt_case("transpose k2 stride 2", (2, 1, 2, 3), 1, 2, 2, stride=2)
convt_case("transpose dilation 2 output_padding 1", (1, 1, 3, 3), 1, 1, 2, stride=1, dilation=2, output_padding=1)
convt_case("transpose groups 2 stride (2,1)", (1, 2, 3, 3), 2, 4, 3, stride=(2, 1), padding=(0, 1), groups=2)
convt_case("transpose no bias", (1, 2, 2, 2), 2, 2, 3, bias=False)

# ---- max pool
tutorial = torch.arange(32.).view(1, 2, 4, 4)
max_case("tutorial MaxPool2d(3,padding=1,stride=(2,1))", tutorial, 3, stride=(2, 1), padding=1)
max_case("k3 s2 p1 ceil", rnd(1, 2, 6, 6), 3, stride=2, padding=1, ceil=True)
max_case("k2 s2 ceil odd input", rnd(1, 1, 5, 7), 2, ceil=True)
max_case("dilation 2", rnd(1, 1, 7, 7), 3, stride=1, dilation=2)
max_case("dilation 2 pad 1 ceil", rnd(1, 1, 8, 6), 3, stride=2, padding=1, dilation=2, ceil=True)
max_case("ties", torch.randint(0, 3, (1, 2, 5, 5)).double(), 2, stride=1)
nan_in = rnd(1, 1, 4, 4)
nan_in[0, 0, 1, 1] = float("nan")
nan_in[0, 0, 3, 2] = float("nan")
nan_in[0, 0, 3, 3] = float("nan")
max_case("nan propagates", nan_in, 2, stride=1)
max_case("unbatched CHW", rnd(2, 5, 5), 3, stride=2, padding=1)

# ---- avg pool
avg_case("count_include_pad True", rnd(1, 1, 5, 5), 3, stride=2, padding=1, count_include_pad=True)
avg_case("count_include_pad False", rnd(1, 1, 5, 5), 3, stride=2, padding=1, count_include_pad=False)
avg_case("ceil overhang include pad", rnd(1, 2, 5, 5), 2, stride=2, padding=1, ceil=True, count_include_pad=True)
avg_case("ceil overhang exclude pad", rnd(1, 2, 5, 5), 2, stride=2, padding=1, ceil=True, count_include_pad=False)
avg_case("ceil k3 s2 no pad", rnd(1, 1, 6, 6), 3, stride=2, ceil=True)
avg_case("divisor_override 3", rnd(1, 1, 4, 4), 2, stride=1, padding=1, divisor_override=3)
avg_case("k (2,3) s (1,2)", rnd(2, 1, 4, 7), (2, 3), stride=(1, 2), padding=(1, 1))

# ---- linear
linear_case("linear batch", (3, 5), 5, 4)
linear_case("linear vector no bias", (6,), 6, 3, bias=False)

# ---- backward
max_case("max backward overlapping k3 s1 p1", rnd(1, 2, 4, 4), 3, stride=1, padding=1, backward=True)
max_case("max backward ties", torch.randint(0, 2, (1, 1, 4, 5)).double(), 2, stride=1, backward=True)
max_case("max backward ceil dilation", rnd(2, 1, 6, 5), 2, stride=2, padding=1, dilation=2, ceil=True, backward=True)
avg_case("avg backward include pad ceil", rnd(1, 2, 5, 5), 2, stride=2, padding=1, ceil=True, backward=True)
avg_case("avg backward exclude pad", rnd(1, 1, 5, 6), 3, stride=2, padding=1, count_include_pad=False, backward=True)
avg_case("avg backward overlapping", rnd(1, 1, 4, 4), 2, stride=1, backward=True)
avg_case("avg backward divisor_override", rnd(1, 1, 4, 5), 3, stride=1, padding=1, divisor_override=5, backward=True)
conv_case("conv backward k3 pad1", (2, 2, 4, 4), 2, 3, 3, padding=1, backward=True)
conv_case("conv backward stride 2 dilation 2", (1, 2, 7, 6), 2, 2, 2, stride=2, dilation=2, padding=1, backward=True)
conv_case("conv backward groups 2 no bias", (1, 4, 4, 5), 4, 2, (2, 3), groups=2, bias=False, backward=True)
conv_case("conv backward reflect", (1, 1, 4, 4), 1, 2, 3, padding=1, padding_mode="reflect", backward=True)
conv_case("conv backward circular", (1, 2, 3, 4), 2, 1, 3, padding=(1, 2), padding_mode="circular", backward=True)
conv_case("conv backward replicate same", (1, 1, 5, 4), 1, 1, (2, 3), padding="same", padding_mode="replicate",
          backward=True)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"generator": "tools/pytorch/gen_reference.py", "torch": torch.__version__, "cases": cases}, f,
              separators=(",", ":"))
print(f"wrote {len(cases)} cases to {OUT} ({os.path.getsize(OUT)} bytes)")
