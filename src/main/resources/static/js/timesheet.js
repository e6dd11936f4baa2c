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

  // rows as the person sees them: {projectId, projectName, activityId, activityName, artworkId, artworkName
  // (per-piece rows; both undefined for a row on no artwork), values[7], locked[7],
  // server[7] (the hours as last read), note, notes[7], noteTouched, notesTouched[7]}
  let rows = [];
  let days = [];
  let favourites = [];
  // the day a narrow screen shows; the whole week shows from 576 px up
  let currentDay = 0;
  const narrow = window.matchMedia('(max-width: 575.98px)');

  const key = (r) => r.projectId + ':' + r.activityId + ':' + (r.artworkId || '');

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

  // keepTyped keeps what was typed (hours and notes) in rows whose stored hours the answer did not change
  function fromGrid(grid, keepTyped) {
    const typed = new Map(keepTyped ? rows.map((r) => [key(r), r]) : []);
    const firstLoad = days.length === 0;
    days = grid.days;
    rows = grid.rows.map((r) => {
      const server = r.hours.map(display);
      const before = typed.get(key(r));
      const keep = before && before.server.join('|') === server.join('|');
      return {
        projectId: r.projectId, projectName: r.projectName, activityId: r.activityId, activityName: r.activityName,
        artworkId: r.artworkId, artworkName: r.artworkName,
        locked: r.locked, server, values: keep ? before.values : server,
        note: keep && before.noteTouched ? before.note : (r.note || ''),
        notes: (r.notes || new Array(DAYS).fill('')).map((n, d) => (keep && before.notesTouched[d] ? before.notes[d] : n)),
        noteTouched: keep ? before.noteTouched : false,
        notesTouched: keep ? before.notesTouched.slice() : new Array(DAYS).fill(false)
      };
    });
    if (firstLoad) {
      const today = new Date().toISOString().slice(0, 10);
      currentDay = Math.max(0, days.indexOf(today));
    }
    const status = document.getElementById('week-status');
    // the page carries the words for each status (system/web/Labels, the one naming place)
    const word = document.querySelector('#week-status-words [data-status="' + grid.status + '"]');
    status.textContent = word ? word.textContent : grid.status;
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

  const dayLabel = (day, style) => new Date(day + 'T00:00:00').toLocaleDateString('en-GB',
    style || { weekday: 'short', day: 'numeric', month: 'short' });

  const rowName = (row) => row.projectName + ' · ' + row.activityName
    + (row.artworkId ? ' · Artwork ' + row.artworkName : '');

  const isFavourite = (row) => favourites.some((f) => f.projectId === row.projectId && f.activityId === row.activityId);

  function noteButton(label, text) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-sm note-button' + (text ? ' has-note' : '');
    button.textContent = '…';
    button.setAttribute('aria-label', label + (text ? ': ' + text : ''));
    button.title = text || label;
    return button;
  }

  function render() {
    const head = document.getElementById('grid-head');
    head.innerHTML = '<th scope="col">Project · activity</th>';
    days.forEach((day, d) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = 'num';
      th.dataset.day = d;
      th.textContent = dayLabel(day);
      head.appendChild(th);
    });
    head.insertAdjacentHTML('beforeend', '<th scope="col" class="num">Total</th>');

    body.innerHTML = '';
    rows.forEach((row, i) => {
      const tr = document.createElement('tr');
      tr.dataset.row = i;
      const name = document.createElement('th');
      name.scope = 'row';
      name.className = 'fw-normal row-head';
      const line = document.createElement('div');
      line.className = 'row-line';
      const title = document.createElement('span');
      title.className = 'row-name';
      title.textContent = rowName(row);
      const star = document.createElement('button');
      star.type = 'button';
      star.className = 'btn btn-sm row-star';
      star.dataset.starRow = i;
      star.setAttribute('aria-pressed', String(isFavourite(row)));
      star.setAttribute('aria-label', 'Favourite: ' + rowName(row));
      const starIcon = document.createElement('i');
      starIcon.className = 'bi ' + (isFavourite(row) ? 'bi-star-fill' : 'bi-star');
      starIcon.setAttribute('aria-hidden', 'true');
      star.appendChild(starIcon);
      const rowNote = noteButton('Row note, ' + rowName(row), row.note);
      rowNote.dataset.noteRow = i;
      line.append(title, star, rowNote);
      name.appendChild(line);
      if (row.note) {
        const shown = document.createElement('div');
        shown.className = 'row-note small text-secondary';
        shown.textContent = row.note;
        name.appendChild(shown);
      }
      tr.appendChild(name);
      for (let d = 0; d < DAYS; d++) {
        const td = document.createElement('td');
        td.className = 'cell';
        td.dataset.row = i;
        td.dataset.day = d;
        const box = document.createElement('div');
        box.className = 'cell-box';
        const input = document.createElement('input');
        input.className = 'form-control form-control-sm';
        input.inputMode = 'decimal';
        input.autocomplete = 'off';
        input.dataset.row = i;
        input.dataset.day = d;
        input.value = row.values[d];
        input.disabled = row.locked[d];
        input.title = row.locked[d] ? 'Locked' : '';
        input.setAttribute('aria-label', rowName(row) + ', ' + days[d]);
        const cellNote = noteButton('Note for ' + rowName(row) + ', ' + dayLabel(days[d]), row.notes[d]);
        cellNote.dataset.noteRow = i;
        cellNote.dataset.noteDay = d;
        cellNote.disabled = row.locked[d];
        box.append(input, cellNote);
        td.appendChild(box);
        tr.appendChild(td);
      }
      tr.insertAdjacentHTML('beforeend', '<td class="num row-total"></td>');
      body.appendChild(tr);
    });
    const totals = document.getElementById('grid-totals');
    totals.innerHTML = '<th scope="row">Total</th>';
    for (let d = 0; d < DAYS; d++) {
      totals.insertAdjacentHTML('beforeend', '<td class="num day-total" data-day="' + d + '"></td>');
    }
    totals.insertAdjacentHTML('beforeend', '<td class="num" id="week-total"></td>');
    document.getElementById('grid-empty').classList.toggle('d-none', rows.length > 0);
    showDay(currentDay);
    recompute();
  }

  // the day switcher: which day's column a narrow screen shows
  const dayButtons = document.getElementById('day-buttons');

  function showDay(d) {
    currentDay = Math.min(DAYS - 1, Math.max(0, d));
    document.querySelectorAll('#grid [data-day]').forEach((el) => {
      el.classList.toggle('day-current', Number(el.dataset.day) === currentDay);
    });
    if (dayButtons.children.length !== days.length) {
      dayButtons.innerHTML = '';
      days.forEach((day, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'btn btn-outline-secondary';
        b.dataset.showDay = i;
        b.textContent = dayLabel(day, { weekday: 'short' });
        b.setAttribute('aria-label', dayLabel(day, { weekday: 'long', day: 'numeric', month: 'long' }));
        dayButtons.appendChild(b);
      });
    }
    dayButtons.querySelectorAll('button').forEach((b) => {
      const on = Number(b.dataset.showDay) === currentDay;
      b.setAttribute('aria-pressed', String(on));
      b.classList.toggle('active', on);
    });
    if (days[currentDay]) {
      document.getElementById('day-shown').textContent =
        dayLabel(days[currentDay], { weekday: 'long', day: 'numeric', month: 'long' });
    }
    document.getElementById('previous-day').disabled = currentDay === 0;
    document.getElementById('next-day').disabled = currentDay === DAYS - 1;
  }

  dayButtons.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-show-day]');
    if (b) showDay(Number(b.dataset.showDay));
  });
  document.getElementById('previous-day').addEventListener('click', () => showDay(currentDay - 1));
  document.getElementById('next-day').addEventListener('click', () => showDay(currentDay + 1));

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
      if (input && !input.disabled && input.offsetParent !== null) {
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
    if (input.tagName !== 'INPUT' || input.dataset.row === undefined) return;
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
    if (namesRows(text)) pasteRows(text);
    else pasteBlock(Number(input.dataset.row), Number(input.dataset.day), text);
  });

  // a block whose first column is not hours names its rows: the server resolves the names and creates them
  function namesRows(text) {
    const first = text.replace(/\r/g, '').split('\n').find((line) => line.trim() !== '');
    return first !== undefined && Number.isNaN(minutes(first.split('\t')[0]));
  }

  async function pasteRows(text) {
    const payload = { text };
    if (userId) payload.userId = userId;
    try {
      fromGrid(await call('POST', api + '/paste', payload), true);
      say('The pasted rows are in the grid and saved.', 'success');
      return true;
    } catch (problem) {
      showProblem(problem);
      return false;
    }
  }

  document.getElementById('paste-apply').addEventListener('click', async () => {
    const area = document.getElementById('paste-text');
    if (area.value.trim() === '') {
      say('Paste a block first: project, activity and the hours of each day, with tabs between.', 'danger');
      area.focus();
      return;
    }
    if (await pasteRows(area.value)) area.value = '';
  });

  // drag-fill: a handle on the focused cell; dragging it along the row copies the value across the days
  const handle = document.createElement('div');
  handle.className = 'fill-handle';
  handle.title = 'Drag across the week to copy this value';
  let fill = null;

  body.addEventListener('focusin', (e) => {
    if (e.target.tagName !== 'INPUT' || e.target.dataset.row === undefined || e.target.disabled) return;
    e.target.closest('td').appendChild(handle);
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
    const td = handle.closest('td');
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
      const at = /^rows\[(\d+)\](?:\.(?:hours|notes)\[(\d+)\])?/.exec(error.field || '');
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
      rows: rows.map((row) => {
        const saved = {
          projectId: row.projectId, activityId: row.activityId,
          hours: row.values.map((v) => hours(minutes(v)))
        };
        if (row.artworkId) saved.artworkId = row.artworkId;
        // only the notes changed here are sent; the others stay as stored
        if (row.noteTouched) saved.note = row.note;
        if (row.notesTouched.some(Boolean)) saved.notes = row.notes.map((n, d) => (row.notesTouched[d] ? n : null));
        return saved;
      })
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
  // per-piece projects: the row may be for one of the project's artworks (shown only for such projects)
  const artworkField = document.getElementById('new-row-artwork-field');
  const artworkSelect = document.getElementById('new-row-artwork');
  if (artworkField && window.NexusArtworks) window.NexusArtworks.attach(projectSelect, artworkField);

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
    if (artworkSelect && !artworkField.hidden && artworkSelect.value) row.artworkId = artworkSelect.value;
    if (userId) row.userId = userId;
    try {
      fromGrid(await call('POST', api + '/rows', row), true);
      message.className = 'alert d-none';
    } catch (problem) {
      showProblem(problem);
    }
  });

  // notes: one dialog for a row's note and a cell's note; the text is kept until the grid is saved
  const dialog = document.getElementById('note-dialog');
  const noteText = document.getElementById('note-text');
  let editing = null;

  body.addEventListener('click', async (e) => {
    const noteOpen = e.target.closest('button[data-note-row]');
    if (noteOpen) {
      const row = rows[Number(noteOpen.dataset.noteRow)];
      const day = noteOpen.dataset.noteDay;
      editing = { row, day: day === undefined ? null : Number(day), opener: noteOpen };
      const what = day === undefined ? 'Row note: ' + rowName(row)
        : 'Note for ' + dayLabel(days[Number(day)], { weekday: 'long', day: 'numeric', month: 'long' }) + ': ' + rowName(row);
      document.getElementById('note-dialog-title').textContent = what;
      document.getElementById('note-label').textContent = day === undefined ? 'What this row is about' : 'What was done that day';
      noteText.value = day === undefined ? row.note : row.notes[Number(day)];
      dialog.returnValue = '';
      dialog.showModal();
      noteText.focus();
      return;
    }
    const star = e.target.closest('button.row-star');
    if (star) await toggleFavourite(rows[Number(star.dataset.starRow)]);
  });

  dialog.addEventListener('close', () => {
    if (!editing) return;
    const { row, day, opener } = editing;
    editing = null;
    if (dialog.returnValue === 'ok') {
      const text = noteText.value.trim();
      if (day === null) {
        row.note = text;
        row.noteTouched = true;
      } else {
        row.notes[day] = text;
        row.notesTouched[day] = true;
      }
      const at = rows.indexOf(row);
      render();
      const again = body.querySelector(day === null ? 'button[data-note-row="' + at + '"]:not([data-note-day])'
        : 'button[data-note-row="' + at + '"][data-note-day="' + day + '"]');
      if (again) again.focus();
      say('Note kept: save the grid to store it.', 'info');
    } else if (opener.isConnected) {
      opener.focus();
    }
  });

  // favourites: the person's starred project × activity pairs, one click from a row
  const favouriteList = document.getElementById('favourites-list');

  function renderFavourites() {
    favouriteList.innerHTML = '';
    if (!favourites.length) {
      favouriteList.innerHTML = '<li><span class="dropdown-item-text text-secondary small">Star a row (<i class="bi bi-star" aria-hidden="true"></i>) to keep it here.</span></li>';
    }
    favourites.forEach((f) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'dropdown-item';
      b.textContent = f.projectName + ' · ' + f.activityName;
      b.addEventListener('click', async () => {
        const row = { projectId: f.projectId, activityId: f.activityId };
        if (userId) row.userId = userId;
        try {
          fromGrid(await call('POST', api + '/rows', row), true);
          say(f.projectName + ' · ' + f.activityName + ' is in the grid.', 'success');
        } catch (problem) {
          showProblem(problem);
        }
      });
      li.appendChild(b);
      favouriteList.appendChild(li);
    });
  }

  async function loadFavourites() {
    try {
      favourites = await call('GET', '/api/v1/favourites');
    } catch (problem) {
      favourites = [];
    }
    renderFavourites();
    if (days.length) render();
  }

  async function toggleFavourite(row) {
    try {
      if (isFavourite(row)) {
        const response = await fetch('/api/v1/favourites/' + row.projectId + '/' + row.activityId,
          { method: 'DELETE', headers: Object.assign({ Accept: 'application/json' }, nexus.csrfHeaders()) });
        if (!response.ok && response.status !== 404) throw await response.json();
        favourites = favourites.filter((f) => !(f.projectId === row.projectId && f.activityId === row.activityId));
      } else {
        favourites = await call('POST', '/api/v1/favourites', { projectId: row.projectId, activityId: row.activityId });
      }
      renderFavourites();
      const at = rows.indexOf(row);
      render();
      const star = body.querySelector('button.row-star[data-star-row="' + at + '"]');
      if (star) star.focus();
    } catch (problem) {
      say(problem.detail || 'The favourite could not be changed.', 'danger');
    }
  }

  load().then(loadFavourites);
})();
