// The weekly grid: draws the week from the API, edits cells in place, saves the whole grid with one PUT.
(function () {
  const root = document.getElementById('timesheet');
  if (!root) return;

  const DAYS = 7;
  const weekStart = root.dataset.weekStart;
  const userId = root.dataset.userId || '';
  const api = '/api/v1/timesheets/' + weekStart;
  const ownerQuery = userId ? '?userId=' + encodeURIComponent(userId) : '';
  const body = document.getElementById('grid-rows');
  const message = document.getElementById('grid-message');
  const STATUS_STYLE = { OPEN: 'secondary', SUBMITTED: 'info', APPROVED: 'success', REJECTED: 'danger' };

  // rows as the person sees them: {projectId, projectName, activityId, activityName, values[7], locked[7]}
  let rows = [];
  let days = [];

  const key = (r) => r.projectId + ':' + r.activityId;

  // "1.50" from the server shows as 1.5; zero shows as an empty cell
  function display(hours) {
    const n = Number(hours);
    return n === 0 ? '' : String(n);
  }

  // minutes for what was typed (1.5, 1,5, 1:30, empty), NaN when it is not hours
  function minutes(text) {
    const value = (text || '').trim();
    if (value === '') return 0;
    let m = /^(\d{1,2}):(\d{2})$/.exec(value);
    if (m) return Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : NaN;
    m = /^\d{0,2}([.,]\d{0,4})?$/.exec(value);
    if (m && !/^[.,]?$/.test(value)) return Math.round(Number(value.replace(',', '.')) * 60);
    return NaN;
  }

  const hours = (mins) => (mins / 60).toFixed(2);

  function fromGrid(grid, keepTyped) {
    const typed = new Map(keepTyped ? rows.map((r) => [key(r), r.values]) : []);
    days = grid.days;
    rows = grid.rows.map((r) => ({
      projectId: r.projectId, projectName: r.projectName, activityId: r.activityId, activityName: r.activityName,
      locked: r.locked, values: typed.get(key(r)) || r.hours.map(display)
    }));
    const status = document.getElementById('week-status');
    status.textContent = grid.status;
    status.className = 'badge text-bg-' + (STATUS_STYLE[grid.status] || 'secondary');
    const comment = document.getElementById('week-comment');
    comment.textContent = grid.comment ? 'Your manager sent the week back: ' + grid.comment : '';
    comment.classList.toggle('d-none', !grid.comment);
    showReviewButtons(grid.status);
    render();
  }

  // submit and recall belong to the week's owner; a manager looking at a report's week sees neither
  function showReviewButtons(status) {
    const submit = document.getElementById('submit-week');
    const recall = document.getElementById('recall-week');
    if (!submit || !recall) return;
    submit.hidden = userId !== '' || !(status === 'OPEN' || status === 'REJECTED');
    recall.hidden = userId !== '' || status !== 'SUBMITTED';
  }

  function render() {
    const head = document.getElementById('grid-head');
    head.innerHTML = '<th scope="col">Project · activity</th>';
    days.forEach((day) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = 'num';
      th.textContent = new Date(day + 'T00:00:00').toLocaleDateString('en-GB',
        { weekday: 'short', day: 'numeric', month: 'short' });
      head.appendChild(th);
    });
    head.insertAdjacentHTML('beforeend', '<th scope="col" class="num">Total</th>');

    body.innerHTML = '';
    rows.forEach((row, i) => {
      const tr = document.createElement('tr');
      tr.dataset.row = i;
      const name = document.createElement('th');
      name.scope = 'row';
      name.className = 'fw-normal';
      name.textContent = row.projectName + ' · ' + row.activityName;
      tr.appendChild(name);
      for (let d = 0; d < DAYS; d++) {
        const td = document.createElement('td');
        td.className = 'cell';
        td.dataset.row = i;
        td.dataset.day = d;
        const input = document.createElement('input');
        input.className = 'form-control form-control-sm';
        input.inputMode = 'decimal';
        input.autocomplete = 'off';
        input.dataset.row = i;
        input.dataset.day = d;
        input.value = row.values[d];
        input.disabled = row.locked[d];
        input.title = row.locked[d] ? 'Locked' : '';
        input.setAttribute('aria-label', row.projectName + ' · ' + row.activityName + ', ' + days[d]);
        td.appendChild(input);
        tr.appendChild(td);
      }
      tr.insertAdjacentHTML('beforeend', '<td class="num row-total"></td>');
      body.appendChild(tr);
    });
    const totals = document.getElementById('grid-totals');
    totals.innerHTML = '<th scope="row">Total</th>';
    for (let d = 0; d < DAYS; d++) totals.insertAdjacentHTML('beforeend', '<td class="num day-total"></td>');
    totals.insertAdjacentHTML('beforeend', '<td class="num" id="week-total"></td>');
    document.getElementById('grid-empty').classList.toggle('d-none', rows.length > 0);
    recompute();
  }

  // row, day and week totals from what is typed; unreadable cells are marked and count as nothing
  function recompute() {
    const dayTotals = new Array(DAYS).fill(0);
    rows.forEach((row, i) => {
      let rowTotal = 0;
      row.values.forEach((value, d) => {
        const mins = minutes(value);
        const input = cell(i, d);
        if (input) input.classList.toggle('is-invalid', Number.isNaN(mins));
        if (!Number.isNaN(mins)) {
          rowTotal += mins;
          dayTotals[d] += mins;
        }
      });
      body.querySelector('tr[data-row="' + i + '"] .row-total').textContent = hours(rowTotal);
    });
    document.querySelectorAll('#grid-totals .day-total').forEach((td, d) => { td.textContent = hours(dayTotals[d]); });
    document.getElementById('week-total').textContent = hours(dayTotals.reduce((a, b) => a + b, 0));
  }

  const cell = (i, d) => body.querySelector('input[data-row="' + i + '"][data-day="' + d + '"]');

  function setCell(i, d, value) {
    const input = cell(i, d);
    if (!input || input.disabled) return;
    input.value = value;
    rows[i].values[d] = value;
  }

  // moves to the next editable cell in a direction, skipping locked ones
  function move(i, d, di, dd) {
    for (let r = i + di, c = d + dd; r >= 0 && r < rows.length && c >= 0 && c < DAYS; r += di, c += dd) {
      const input = cell(r, c);
      if (input && !input.disabled) {
        input.focus();
        input.select();
        return;
      }
    }
  }

  body.addEventListener('input', (e) => {
    const input = e.target;
    if (input.dataset.row === undefined) return;
    rows[input.dataset.row].values[input.dataset.day] = input.value;
    input.title = '';
    recompute();
  });

  body.addEventListener('keydown', (e) => {
    const input = e.target;
    if (input.tagName !== 'INPUT') return;
    const i = Number(input.dataset.row);
    const d = Number(input.dataset.day);
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) move(i, d, -1, 0);
    else if (e.key === 'ArrowDown' || e.key === 'Enter') move(i, d, 1, 0);
    else if (e.key === 'ArrowLeft' && (atStart || allSelected)) move(i, d, 0, -1);
    else if (e.key === 'ArrowRight' && (atEnd || allSelected)) move(i, d, 0, 1);
    else return;
    e.preventDefault();
  });

  // a block copied from a spreadsheet (tabs between days, lines between rows) fills from the focused cell
  function pasteBlock(i, d, text) {
    const lines = text.replace(/\r/g, '').split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    lines.forEach((line, li) => {
      if (i + li >= rows.length) return;
      line.split('\t').forEach((value, ci) => {
        if (d + ci < DAYS) setCell(i + li, d + ci, value.trim());
      });
    });
    recompute();
  }

  body.addEventListener('paste', (e) => {
    const input = e.target;
    if (input.dataset.row === undefined) return;
    const text = (e.clipboardData || window.clipboardData).getData('text');
    if (!/[\t\n]/.test(text)) return; // one value: the browser's own paste does
    e.preventDefault();
    pasteBlock(Number(input.dataset.row), Number(input.dataset.day), text);
  });

  // drag-fill: a handle on the focused cell; dragging it along the row copies the value across the days
  const handle = document.createElement('div');
  handle.className = 'fill-handle';
  handle.title = 'Drag across the week to copy this value';
  let fill = null;

  body.addEventListener('focusin', (e) => {
    if (e.target.dataset.row === undefined || e.target.disabled) return;
    e.target.parentElement.appendChild(handle);
  });

  function fillRange(toDay) {
    const lo = Math.min(fill.day, toDay);
    const hi = Math.max(fill.day, toDay);
    body.querySelectorAll('td.cell').forEach((td) => {
      const d = Number(td.dataset.day);
      td.classList.toggle('fill-target', Number(td.dataset.row) === fill.row && d >= lo && d <= hi);
    });
    fill.to = toDay;
  }

  handle.addEventListener('mousedown', (e) => {
    e.preventDefault(); // keep the focus in the source cell
    const td = handle.parentElement;
    fill = { row: Number(td.dataset.row), day: Number(td.dataset.day), to: Number(td.dataset.day) };
    fill.value = rows[fill.row].values[fill.day];
    fillRange(fill.day);
  });

  document.addEventListener('mousemove', (e) => {
    if (!fill) return;
    const over = document.elementFromPoint(e.clientX, e.clientY);
    const td = over && over.closest('td.cell');
    if (td && Number(td.dataset.row) === fill.row) fillRange(Number(td.dataset.day));
  });

  document.addEventListener('mouseup', () => {
    if (!fill) return;
    const lo = Math.min(fill.day, fill.to);
    const hi = Math.max(fill.day, fill.to);
    for (let d = lo; d <= hi; d++) setCell(fill.row, d, fill.value);
    body.querySelectorAll('.fill-target').forEach((td) => td.classList.remove('fill-target'));
    fill = null;
    recompute();
  });

  // "PO 4711 (Design) has reached 96 % of its amount." from {poNumber, invoiceGroup, percent: "96.00"}
  function alertText(alert) {
    return 'PO ' + alert.poNumber + ' (' + alert.invoiceGroup + ') has reached ' + Number(alert.percent) + ' % of its amount.';
  }

  function say(text, kind) {
    message.textContent = text;
    message.className = 'alert alert-' + kind;
  }

  // the problem's fields point at cells (rows[2].hours[3]) or rows; mark them without touching what was typed
  function showProblem(problem) {
    say(problem.detail || problem.title || 'The grid could not be saved.', 'danger');
    (problem.errors || []).forEach((error) => {
      const at = /^rows\[(\d+)\](?:\.hours\[(\d+)\])?/.exec(error.field || '');
      if (!at) return;
      const targets = at[2] !== undefined ? [cell(at[1], at[2])]
        : body.querySelectorAll('input[data-row="' + at[1] + '"]');
      targets.forEach((input) => {
        if (!input) return;
        input.classList.add('is-invalid');
        input.title = error.message;
      });
    });
  }

  async function call(method, url, payload) {
    const response = await fetch(url, {
      method,
      headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, nexus.csrfHeaders()),
      body: payload === undefined ? undefined : JSON.stringify(payload)
    });
    const json = await response.json().catch(() => ({ detail: 'The server answered ' + response.status + '.' }));
    if (!response.ok) throw json;
    return json;
  }

  async function load() {
    try {
      fromGrid(await call('GET', api + ownerQuery), false);
    } catch (problem) {
      say(problem.detail || 'The week could not be loaded.', 'danger');
    }
  }

  for (const [button, action, done] of [['submit-week', 'submit', 'Submitted to your manager.'],
    ['recall-week', 'recall', 'Recalled: the week is yours to change again.']]) {
    const element = document.getElementById(button);
    if (!element) continue;
    element.addEventListener('click', async () => {
      element.disabled = true;
      try {
        await call('POST', api + '/' + action, {});
        fromGrid(await call('GET', api + ownerQuery), true);
        say(done, 'success');
      } catch (problem) {
        say(problem.detail || 'That did not work.', 'danger');
      } finally {
        element.disabled = false;
      }
    });
  }

  document.getElementById('save-grid').addEventListener('click', async () => {
    const unreadable = body.querySelector('input.is-invalid:not(:disabled)');
    if (rows.some((row) => row.values.some((v) => Number.isNaN(minutes(v))))) {
      say('Some cells are not hours: type them like 1.5 or 1:30.', 'danger');
      if (unreadable) unreadable.focus();
      return;
    }
    const payload = {
      rows: rows.map((row) => ({
        projectId: row.projectId, activityId: row.activityId,
        hours: row.values.map((v) => hours(minutes(v)))
      }))
    };
    if (userId) payload.userId = userId;
    try {
      const saved = await call('PUT', api, payload);
      fromGrid(saved, false);
      const alerts = saved.alerts || [];
      if (alerts.length) {
        say('Saved. Budget alert: ' + alerts.map(alertText).join(' '), 'warning');
      } else {
        say('Saved.', 'success');
      }
    } catch (problem) {
      showProblem(problem);
    }
  });

  document.getElementById('copy-previous').addEventListener('click', async () => {
    try {
      fromGrid(await call('POST', api + '/copy-previous' + ownerQuery), true);
      say("Last week's rows are in the grid; their hours are yours to fill.", 'success');
    } catch (problem) {
      showProblem(problem);
    }
  });

  const projectSelect = document.getElementById('new-row-project');
  const activitySelect = document.getElementById('new-row-activity');
  const addButton = document.getElementById('add-row');

  projectSelect.addEventListener('change', async () => {
    activitySelect.innerHTML = '<option value="">Choose an activity…</option>';
    activitySelect.disabled = true;
    addButton.disabled = true;
    if (!projectSelect.value) return;
    try {
      const activities = await call('GET', '/api/v1/activities/available?projectId=' + encodeURIComponent(projectSelect.value));
      activities.forEach((a) => activitySelect.add(new Option(a.name, a.id)));
      activitySelect.disabled = false;
    } catch (problem) {
      say(problem.detail || 'The activities could not be loaded.', 'danger');
    }
  });

  activitySelect.addEventListener('change', () => { addButton.disabled = !activitySelect.value; });

  addButton.addEventListener('click', async () => {
    const row = { projectId: projectSelect.value, activityId: activitySelect.value };
    if (userId) row.userId = userId;
    try {
      fromGrid(await call('POST', api + '/rows', row), true);
      message.className = 'alert d-none';
    } catch (problem) {
      showProblem(problem);
    }
  });

  load();
})();
