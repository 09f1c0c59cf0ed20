// Shared by both calculators: an element with text, and a folded derivation drawn from the server's steps.
const calcDom = (function () {
  'use strict';
  const zh = document.documentElement.lang === 'zh';

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  /** A folded derivation: its steps as the server wrote them (the same list the attempt page draws). */
  function stepList(layerSteps, title, open) {
    const details = el('details', null, open ? { open: '' } : {});
    details.appendChild(el('summary', title));
    const list = el('ol', null, { class: 'steps' });
    layerSteps.forEach((step) => {
      const item = el('li');
      item.appendChild(el('span', zh ? step.zh : step.en, { class: 'desc' }));
      // MathML comes from the server's renderer, which escapes the formula text.
      if (step.formula_mathml) {
        const formula = el('div', null, { class: 'formula' });
        formula.innerHTML = step.formula_mathml;
        item.appendChild(formula);
      }
      const numbers = el('div', null, { class: 'substituted' });
      if (step.substituted_mathml && step.substituted !== step.formula) numbers.innerHTML = step.substituted_mathml;
      if (step.value && !(step.substituted || '').trim().endsWith('= ' + step.value)) {
        numbers.appendChild(el('span', (numbers.childNodes.length ? ' = ' : '') + step.value, { class: 'value' }));
      }
      if (numbers.childNodes.length) item.appendChild(numbers);
      list.appendChild(item);
    });
    details.appendChild(list);
    return details;
  }

  return { el, stepList };
})();

// Conv arithmetic calculator: builds a layer stack from the form and asks /api/engine/shape,
// the same engine that grades quizzes, for shapes, parameter counts, receptive fields and steps.
(function () {
  'use strict';
  const form = document.getElementById('calc-form');
  const result = document.getElementById('calc-result');
  const error = document.getElementById('calc-error');
  const zh = document.documentElement.lang === 'zh';
  let stack = [];

  function dims(text) {
    const parts = String(text).match(/\d+/g);
    return parts ? parts.map(Number) : [];
  }

  function pairOrNumber(text) {
    const t = String(text).trim();
    if (t === 'same' || t === 'valid') return t;
    const d = dims(t);
    if (d.length === 0) return undefined;
    return d.length === 1 ? d[0] : d.slice(0, 2);
  }

  function currentShape() {
    return dims(document.getElementById('input_shape').value);
  }

  function layerFromForm(inChannels) {
    const type = form.type.value;
    const layer = { type: type };
    const value = (id) => pairOrNumber(document.getElementById(id).value);
    layer.kernel_size = value('kernel_size');
    layer.stride = value('stride');
    layer.padding = value('padding');
    if (type === 'conv2d' || type === 'conv_transpose2d') {
      layer.in_channels = inChannels;
      layer.out_channels = value('out_channels');
      layer.dilation = value('dilation');
      layer.groups = value('groups');
      layer.bias = form.bias.checked;
      if (type === 'conv_transpose2d') layer.output_padding = value('output_padding');
    } else {
      layer.ceil_mode = form.ceil_mode.checked;
      if (type === 'max_pool2d') layer.dilation = value('dilation');
      if (type === 'avg_pool2d') layer.count_include_pad = form.count_include_pad.checked;
    }
    Object.keys(layer).forEach((k) => layer[k] === undefined && delete layer[k]);
    return layer;
  }

  function showParamsFor(type) {
    document.querySelectorAll('#params [data-for]').forEach((el) => {
      el.hidden = !el.dataset.for.split(' ').includes(type);
    });
  }

  async function ask(layers) {
    const response = await fetch('/api/engine/shape', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ input_shape: currentShape(), layers: layers })
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || body.title || response.status);
    return body;
  }

  const { el, stepList } = calcDom;

  function render(summary) {
    const labels = result.dataset;
    result.replaceChildren();
    const table = el('table', null, { class: 'summary' });
    const head = el('tr');
    [labels.layer, labels.shape, labels.params, labels.rf].forEach((h) => head.appendChild(el('th', h, { scope: 'col' })));
    table.appendChild(head);
    summary.layers.forEach((layer, i) => {
      const row = el('tr');
      row.appendChild(el('td', (i + 1) + '. ' + layer.type));
      row.appendChild(el('td', layer.output_shape.join('×'), { 'data-testid': 'output-shape' }));
      row.appendChild(el('td', String(layer.params)));
      row.appendChild(el('td', layer.receptive_field.size + '×' + layer.receptive_field.size));
      table.appendChild(row);
    });
    const total = el('tr');
    total.appendChild(el('th', labels.total, { scope: 'row' }));
    total.appendChild(el('td', summary.output_shape.join('×')));
    total.appendChild(el('td', String(summary.total_params), { 'data-testid': 'total-params' }));
    total.appendChild(el('td', ''));
    table.appendChild(total);
    result.appendChild(table);

    summary.layers.forEach((layer, i) => {
      result.appendChild(stepList(layer.steps, labels.steps + ' — ' + (i + 1) + '. ' + layer.type, i === summary.layers.length - 1));
    });
  }

  async function compute(extra) {
    error.textContent = '';
    const layers = stack.slice();
    if (extra) layers.push(extra);
    if (layers.length === 0) return;
    try {
      render(await ask(layers));
    } catch (e) {
      error.textContent = e.message;
    }
  }

  async function inChannelsForNext() {
    if (stack.length === 0) {
      const s = currentShape();
      return s.length >= 3 ? s[s.length - 3] : 1;
    }
    const summary = await ask(stack);
    const s = summary.output_shape;
    return s.length >= 3 ? s[s.length - 3] : 1;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await compute(layerFromForm(await inChannelsForNext()));
    } catch (err) {
      error.textContent = err.message;
    }
  });
  document.getElementById('add-layer').addEventListener('click', async () => {
    try {
      const layer = layerFromForm(await inChannelsForNext());
      await ask(stack.concat([layer]));
      stack.push(layer);
      await compute();
    } catch (err) {
      error.textContent = err.message;
    }
  });
  document.getElementById('clear-stack').addEventListener('click', () => {
    stack = [];
    result.replaceChildren();
    error.textContent = '';
  });
  form.type.addEventListener('change', () => showParamsFor(form.type.value));
  showParamsFor(form.type.value);
})();

// Whole network: pasted nn.Sequential text (or a named network) → /api/engine/sequential → a
// torchsummary-like table with each layer's steps.
(function () {
  'use strict';
  const form = document.getElementById('net-form');
  if (!form) return;
  const result = document.getElementById('net-result');
  const error = document.getElementById('net-error');
  const select = document.getElementById('net_example');
  const text = document.getElementById('net_text');
  const shape = document.getElementById('net_input_shape');
  const zh = document.documentElement.lang === 'zh';
  const labels = result.dataset;
  let networks = null;
  let named = null; // a network without nn.Sequential text, asked for by id

  const { el, stepList } = calcDom;

  const grouped = (n) => Number(n).toLocaleString('en-US');
  const dims = (t) => (String(t).match(/\d+/g) || []).map(Number);

  async function ask(body) {
    const response = await fetch('/api/engine/sequential', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.detail || answer.title || response.status);
    return answer;
  }

  function steps(layer, open) {
    return stepList(layer.steps, labels.steps + ' — ' + layer.layer + (layer.line ? ' (' + labels.line + ' ' + layer.line + ')' : ''), open);
  }

  function render(summary) {
    result.replaceChildren();
    if (named) result.appendChild(el('p', labels.named));
    const wrap = el('div', null, { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': labels.scroll });
    const table = el('table', null, { class: 'summary', 'data-testid': 'network-summary' });
    table.appendChild(el('caption', labels.caption));
    const head = el('tr');
    [labels.index, labels.layer, labels.shape, labels.params, labels.macs, labels.rf].forEach((h) => head.appendChild(el('th', h, { scope: 'col' })));
    table.appendChild(head);
    summary.layers.forEach((layer, i) => {
      const row = el('tr');
      row.appendChild(el('td', String(i + 1)));
      row.appendChild(el('td', layer.layer + (layer.line ? ' (' + labels.line + ' ' + layer.line + ')' : '')));
      row.appendChild(el('td', layer.output_shape.join('×'), { 'data-testid': 'net-shape' }));
      row.appendChild(el('td', grouped(layer.params), { 'data-testid': 'net-params', class: 'num' }));
      row.appendChild(el('td', grouped(layer.macs), { 'data-testid': 'net-macs', class: 'num' }));
      row.appendChild(el('td', layer.receptive_field.size + '×' + layer.receptive_field_width.size, { 'data-testid': 'net-rf' }));
      table.appendChild(row);
    });
    const total = el('tr');
    total.appendChild(el('th', labels.total, { scope: 'row', colspan: '2' }));
    total.appendChild(el('td', summary.output_shape.join('×')));
    total.appendChild(el('td', grouped(summary.total_params), { 'data-testid': 'net-total-params', class: 'num' }));
    total.appendChild(el('td', grouped(summary.total_macs), { 'data-testid': 'net-total-macs', class: 'num' }));
    total.appendChild(el('td', ''));
    table.appendChild(total);
    wrap.appendChild(table);
    result.appendChild(wrap);
    summary.layers.forEach((layer, i) => result.appendChild(steps(layer, i === 0)));
  }

  async function compute() {
    error.textContent = '';
    try {
      const body = { input_shape: dims(shape.value) };
      if (named && !text.value.trim()) body.network = named;
      else body.text = text.value;
      render(await ask(body));
    } catch (e) {
      result.replaceChildren();
      error.textContent = e.message;
    }
  }

  select.addEventListener('change', async () => {
    named = null;
    if (!select.value) return;
    try {
      if (!networks) {
        const response = await fetch('/api/engine/networks', { headers: { Accept: 'application/json' } });
        networks = await response.json();
      }
      const n = networks.find((x) => x.id === select.value);
      if (!n) return;
      shape.value = n.input_shape.join('×');
      if (n.text) {
        text.value = n.text;
      } else {
        text.value = '';
        named = n.id;
      }
      await compute();
    } catch (e) {
      error.textContent = e.message;
    }
  });
  text.addEventListener('input', () => {
    if (text.value.trim()) {
      named = null;
      select.value = '';
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    compute();
  });
})();
