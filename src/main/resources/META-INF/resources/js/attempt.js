// Attempt page: saves exam answers as the student types (so closing the browser loses nothing
// that was saved), counts down the time left, and keeps a double click from sending a form twice.
(function () {
  'use strict';
  // On a phone the derivations start folded (a tap on "steps" opens one): the page stays short.
  if (window.matchMedia('(max-width: 600px)').matches) {
    document.querySelectorAll('details.derivation[open]').forEach((d) => d.removeAttribute('open'));
  }
  const form = document.getElementById('exam-form');
  const status = document.getElementById('draft-status');

  function tokenField(f) {
    return f.querySelector('input[name="csrf-token"]');
  }

  async function saveDraft(part) {
    const position = part.dataset.position;
    const body = new URLSearchParams();
    body.append('csrf-token', tokenField(form).value);
    body.append('position', position);
    body.append('part', part.dataset.part);
    part.querySelectorAll('input, textarea').forEach((input) => {
      if ((input.type === 'radio' || input.type === 'checkbox') && !input.checked) return;
      body.append(input.name, input.value);
    });
    try {
      const response = await fetch(form.dataset.drafts, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body,
        credentials: 'same-origin'
      });
      status.textContent = response.ok ? status.dataset.saved + ' ' + new Date().toLocaleTimeString() : status.dataset.failed;
    } catch (e) {
      status.textContent = status.dataset.failed;
    }
  }

  if (form) {
    const timers = new Map();
    form.querySelectorAll('.part').forEach((part) => {
      const schedule = () => {
        clearTimeout(timers.get(part));
        timers.set(part, setTimeout(() => saveDraft(part), 600));
      };
      part.addEventListener('input', schedule);
      part.addEventListener('change', schedule);
    });
  }

  // Handing in an exam with questions left blank asks first, naming them (the server's hand-in stays final).
  const confirmDialog = document.getElementById('hand-in-confirm');
  if (form && confirmDialog && typeof confirmDialog.showModal === 'function') {
    form.addEventListener('submit', (e) => {
      if (e.submitter && e.submitter.id === 'hand-in-anyway') return;
      const unanswered = [];
      form.querySelectorAll('section.question').forEach((q) => {
        const filled = Array.from(q.querySelectorAll('input, textarea')).some((i) =>
          (i.type === 'radio' || i.type === 'checkbox') ? i.checked : (i.type !== 'hidden' && i.value.trim() !== ''));
        if (!filled) unanswered.push(q.querySelector('h2').textContent);
      });
      if (unanswered.length === 0) return;
      e.preventDefault();
      const list = document.getElementById('hand-in-unanswered');
      list.replaceChildren(...unanswered.map((t) => { const li = document.createElement('li'); li.textContent = t; return li; }));
      confirmDialog.showModal();
    });
    document.getElementById('hand-in-back').addEventListener('click', () => confirmDialog.close());
  }

  document.querySelectorAll('form').forEach((f) => {
    f.addEventListener('submit', (e) => {
      if (e.defaultPrevented) return; // a submit that was stopped (to confirm first) sends nothing
      f.querySelectorAll('button[type=submit]').forEach((b) => { b.disabled = true; });
    });
  });

  const timer = document.querySelector('[data-seconds-left]');
  if (timer) {
    const out = document.getElementById('time-left');
    const end = Date.now() + Number(timer.dataset.secondsLeft) * 1000;
    const tick = () => {
      const left = Math.max(0, Math.round((end - Date.now()) / 1000));
      out.textContent = left > 0 ? Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') : timer.dataset.timeUp;
      if (left > 0) setTimeout(tick, 1000); else if (form) setTimeout(() => location.reload(), 1500);
    };
    tick();
  }
})();
