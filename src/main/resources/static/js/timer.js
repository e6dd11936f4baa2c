// The header timer and the notification bell. The timer lives on the server; this page polls it (every
// data-poll-seconds while visible, and at once when the tab becomes visible or gets focus) and tells the other
// tabs of this browser about its own changes through a BroadcastChannel. See docs/timer.md for why and what it costs.
(() => {
  const $ = (id) => document.getElementById(id);
  const csrf = () => (window.nexus ? window.nexus.csrfHeaders() : {});

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') Object.assign(headers, csrf());
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  // the problem+json answer as one sentence the user can act on
  async function problem(res) {
    try {
      const p = await res.json();
      if (p.errors && p.errors.length) return p.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return p.detail || p.title || `HTTP ${res.status}`;
    } catch (e) {
      return `HTTP ${res.status}`;
    }
  }

  const pad = (n) => String(n).padStart(2, '0');
  const clock = (ms) => { const d = new Date(ms); return `${pad(d.getHours())}:${pad(d.getMinutes())}`; };
  const elapsed = (ms) => {
    const s = Math.max(0, Math.floor(ms / 1000));
    return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  };

  // ---- notifications bell (every signed-in user) ----
  const bellCount = $('bell-count');
  const bellList = $('bell-list');

  function renderBell(inbox) {
    bellCount.textContent = inbox.unread;
    bellCount.classList.toggle('d-none', !Number(inbox.unread)); // counts arrive as strings like ids
    bellList.replaceChildren();
    if (!inbox.notifications.length) {
      const li = document.createElement('li');
      li.innerHTML = '<span class="dropdown-item-text small text-secondary">No notifications.</span>';
      bellList.append(li);
      return;
    }
    for (const n of inbox.notifications) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.className = 'dropdown-item small text-wrap' + (n.readAt ? '' : ' unread');
      a.href = n.link || '#';
      a.textContent = n.message;
      const when = document.createElement('div');
      when.className = 'text-secondary fw-normal';
      when.textContent = new Date(n.createdAt).toLocaleString();
      a.append(when);
      a.addEventListener('click', async (ev) => {
        ev.preventDefault();
        if (!n.readAt) await call('POST', `/api/v1/me/notifications/${n.id}/read`);
        if (n.link) window.location.href = n.link; else loadBell();
      });
      li.append(a);
      bellList.append(li);
    }
  }

  async function loadBell() {
    if (!bellList) return;
    const res = await call('GET', '/api/v1/me/notifications?limit=10');
    if (res.ok) renderBell(await res.json());
  }

  loadBell();
  setInterval(() => { if (!document.hidden) loadBell(); }, 60_000);

  // ---- header timer (people who track time) ----
  const root = $('timer');
  if (!root) {
    document.addEventListener('visibilitychange', () => { if (!document.hidden) loadBell(); });
    return;
  }
  const pollMs = (Number(root.dataset.pollSeconds) || 15) * 1000;
  const tabs = 'BroadcastChannel' in window ? new BroadcastChannel('nexus-timer') : null;
  let timer = null;
  let serverOffset = 0; // server clock minus this browser's, so "elapsed" agrees across devices

  function now() { return Date.now() + serverOffset; }

  function render() {
    $('timer-running').classList.toggle('d-none', !timer);
    $('timer-running').classList.toggle('d-flex', !!timer);
    $('timer-start-toggle').textContent = timer ? 'New timer' : 'Start timer';
    if (timer) {
      const what = `${timer.projectName} · ${timer.activityName}`
        + (timer.artworkName ? ` · Artwork ${timer.artworkName}` : '')
        + (timer.description ? ` — ${timer.description}` : '');
      $('timer-what').textContent = what;
      $('timer-what').title = what;
      tick();
    }
    root.dataset.state = timer ? 'running' : 'stopped';
  }

  function tick() {
    if (timer) $('timer-elapsed').textContent = elapsed(now() - Date.parse(timer.startedAt));
  }

  function show(next, tellOtherTabs) {
    timer = next;
    render();
    if (tellOtherTabs && tabs) tabs.postMessage({ timer: next });
  }

  let lastRefresh = 0;
  async function refresh() {
    lastRefresh = Date.now();
    const sentAt = Date.now();
    const res = await call('GET', '/api/v1/timer');
    const date = Date.parse(res.headers.get('Date') || '');
    if (!Number.isNaN(date)) serverOffset = date + 500 - (sentAt + Date.now()) / 2; // Date has 1 s precision
    if (res.status === 204) show(null, false);
    else if (res.ok) show(await res.json(), false);
  }

  if (tabs) {
    tabs.onmessage = (ev) => {
      if ('timer' in ev.data) show(ev.data.timer, false);
      if (ev.data.idleHandled) closeIdle();
    };
  }
  setInterval(tick, 1000);
  setInterval(() => { if (!document.hidden) refresh(); }, pollMs);
  const refreshSoon = () => { if (Date.now() - lastRefresh > 2000) { refresh(); loadBell(); } };
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refreshSoon(); });
  window.addEventListener('focus', refreshSoon);
  refresh();

  // ---- project and activity pickers: only what the rules allow ----
  let projects = null;
  async function fillProjects(select, selected) {
    if (!projects) {
      // the server offers what the activity-availability rules accept time on; no condition is repeated here
      const res = await call('GET', '/api/v1/projects/available');
      projects = res.ok ? await res.json() : [];
    }
    select.replaceChildren(new Option('Choose a project…', ''),
      ...projects.map((p) => new Option(p.name, p.id, false, String(p.id) === String(selected))));
  }
  async function fillActivities(select, projectId, selected) {
    select.replaceChildren(new Option(projectId ? 'Choose an activity…' : '—', ''));
    if (!projectId) return;
    const res = await call('GET', `/api/v1/activities/available?projectId=${encodeURIComponent(projectId)}`);
    const list = res.ok ? await res.json() : [];
    select.append(...list.map((a) => {
      const option = new Option(a.name, a.id, false, String(a.id) === String(selected));
      option.dataset.billable = a.billable;
      return option;
    }));
  }

  const form = $('timer-form');
  const project = $('timer-project');
  const activity = $('timer-activity');
  const error = $('timer-error');
  const conflict = $('timer-conflict');
  const billable = $('timer-billable');
  // a new timer starts as billable as its activity is marked; the person may still flip the switch
  const billableFromActivity = () => {
    const chosen = activity.selectedOptions[0];
    if (chosen && chosen.dataset.billable !== undefined) billable.checked = chosen.dataset.billable !== 'false';
  };
  activity.addEventListener('change', billableFromActivity);
  // per-piece projects: the artwork picker (fragments/artwork-picker) follows the project select
  const artworkField = $('timer-artwork-field');
  const artwork = $('timer-artwork');
  if (artworkField && window.NexusArtworks) window.NexusArtworks.attach(project, artworkField);

  // purchase-order alerts raised by a stop, where they are seen and read out: just below the header
  const alertsBox = document.createElement('div');
  alertsBox.id = 'timer-alerts';
  alertsBox.className = 'container-fluid';
  alertsBox.setAttribute('role', 'status');
  alertsBox.setAttribute('aria-live', 'polite');
  (root.closest('nav') || root).after(alertsBox);
  function showAlerts(entry) {
    for (const a of (entry && entry.alerts) || []) {
      const box = document.createElement('div');
      box.className = 'alert alert-warning alert-dismissible po-alert';
      const strong = document.createElement('strong');
      strong.textContent = 'Budget alert: ';
      const text = document.createElement('span');
      text.textContent = `PO ${a.poNumber} (${a.invoiceGroup}) has reached ${Number(a.percent)} % of its amount.`;
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'btn-close';
      close.setAttribute('data-bs-dismiss', 'alert');
      close.setAttribute('aria-label', 'Close');
      box.append(strong, text, close);
      alertsBox.append(box);
    }
  }

  $('timer-start-toggle').addEventListener('show.bs.dropdown', async () => {
    error.textContent = '';
    conflict.classList.add('d-none');
    if (!project.options.length) {
      await fillProjects(project, timer && timer.projectId);
      await fillActivities(activity, project.value, timer && timer.activityId);
      billableFromActivity();
      if (artworkField && window.NexusArtworks) {
        artworkField.hidden = !(await window.NexusArtworks.fill(artwork, project.value, timer && timer.artworkId));
      }
    }
  });
  project.addEventListener('change', () => fillActivities(activity, project.value));

  const startRequest = () => ({
    projectId: project.value || null, activityId: activity.value || null,
    description: $('timer-description').value.trim() || null,
    billable: billable.checked,
    artworkId: (artworkField && !artworkField.hidden && artwork.value) || null
  });
  const closeForm = () => {
    const toggle = window.bootstrap && bootstrap.Dropdown.getInstance($('timer-start-toggle'));
    if (toggle) toggle.hide();
    $('timer-description').value = '';
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const res = await call('POST', '/api/v1/timer', startRequest());
    if (res.status === 201) {
      show(await res.json(), true);
      closeForm();
    } else if (res.status === 409) {
      conflict.classList.remove('d-none');
      refresh();
    } else {
      error.textContent = await problem(res);
    }
  });

  $('timer-switch').addEventListener('click', async () => {
    error.textContent = '';
    const res = await call('POST', '/api/v1/timer/switch', startRequest());
    if (res.status === 201) {
      const switched = await res.json();
      show(switched.started, true);
      showAlerts(switched.stopped);
      conflict.classList.add('d-none');
      closeForm();
    } else {
      error.textContent = await problem(res);
    }
  });

  $('timer-stop').addEventListener('click', async () => {
    const res = await call('POST', '/api/v1/timer/stop');
    if (res.ok) {
      show(null, true);
      showAlerts(await res.json());
    } else if (res.status === 404) show(null, true); // already stopped elsewhere
    else window.alert(await problem(res));
  });

  $('timer-discard').addEventListener('click', async () => {
    if (!window.confirm('Discard the running timer? Its time will not be recorded.')) return;
    const res = await call('DELETE', '/api/v1/timer');
    if (res.ok || res.status === 404) show(null, true);
    else window.alert(await problem(res));
  });

  // ---- opt-in idle handling: notice time away, change nothing until the user chooses ----
  const IDLE_ON = 'nexus.idle.enabled';
  const IDLE_MINUTES = 'nexus.idle.minutes';
  const LAST_ACTIVE = 'nexus.idle.lastActive'; // shared by the tabs: working in one tab is not being away
  const idleEnabled = $('idle-enabled');
  const idleMinutes = $('idle-minutes');
  idleEnabled.checked = localStorage.getItem(IDLE_ON) === 'true';
  idleMinutes.value = Number(localStorage.getItem(IDLE_MINUTES)) || 10;
  idleEnabled.addEventListener('change', () => localStorage.setItem(IDLE_ON, idleEnabled.checked));
  idleMinutes.addEventListener('change', () => {
    const n = Math.min(240, Math.max(1, Math.round(Number(idleMinutes.value) || 10)));
    idleMinutes.value = n;
    localStorage.setItem(IDLE_MINUTES, n);
  });

  let lastActive = Date.now();
  let lastShared = 0;
  let away = null; // {from, to} while the dialog waits for a choice
  const dialogEl = $('idle-dialog');
  const dialog = () => bootstrap.Modal.getOrCreateInstance(dialogEl);

  function noticeActivity() {
    const at = Date.now();
    if (idleEnabled.checked && timer && !away && !document.hidden) {
      const shared = Number(localStorage.getItem(LAST_ACTIVE)) || 0;
      const from = Math.max(lastActive, shared, Date.parse(timer.startedAt) - serverOffset);
      if (at - from >= Number(idleMinutes.value) * 60_000) offerIdle(from, at);
    }
    lastActive = at;
    if (at - lastShared > 5000) {
      lastShared = at;
      localStorage.setItem(LAST_ACTIVE, at);
    }
  }
  ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'].forEach((type) =>
    window.addEventListener(type, noticeActivity, { passive: true, capture: true }));
  document.addEventListener('visibilitychange', noticeActivity);

  function offerIdle(from, to) {
    away = { from, to };
    localStorage.setItem(LAST_ACTIVE, to); // the other tabs need not ask again
    $('idle-text').textContent = `You were away from ${clock(from)} to ${clock(to)} (${Math.round((to - from) / 60000)} min).`;
    $('idle-error').textContent = '';
    $('idle-split').classList.add('d-none');
    dialog().show();
  }

  function closeIdle() {
    away = null;
    if (dialogEl.classList.contains('show')) dialog().hide();
  }

  // stop at the start of the time away and run again from the return, on the same work
  async function restartAfterAway() {
    const res = await call('POST', '/api/v1/timer/switch', {
      projectId: timer.projectId, activityId: timer.activityId, description: timer.description,
      billable: timer.billable, artworkId: timer.artworkId || null,
      end: new Date(away.from + serverOffset).toISOString(), startedAt: new Date(away.to + serverOffset).toISOString()
    });
    if (res.status !== 201) {
      $('idle-error').textContent = await problem(res);
      return false;
    }
    show((await res.json()).started, true);
    return true;
  }

  $('idle-keep').addEventListener('click', () => {
    closeIdle();
    if (tabs) tabs.postMessage({ idleHandled: true });
  });
  $('idle-discard').addEventListener('click', async () => {
    if (await restartAfterAway()) {
      closeIdle();
      if (tabs) tabs.postMessage({ idleHandled: true });
    }
  });
  $('idle-split-open').addEventListener('click', async () => {
    $('idle-split').classList.remove('d-none');
    await fillProjects($('idle-project'), timer.projectId);
    await fillActivities($('idle-activity'), $('idle-project').value, timer.activityId);
  });
  $('idle-project').addEventListener('change', () => fillActivities($('idle-activity'), $('idle-project').value));
  $('idle-split-save').addEventListener('click', async () => {
    $('idle-error').textContent = '';
    const entry = await call('POST', '/api/v1/time-entries', {
      type: 'ACTIVITY', projectId: $('idle-project').value || null, activityId: $('idle-activity').value || null,
      description: $('idle-description').value.trim() || null,
      start: new Date(away.from + serverOffset).toISOString(), end: new Date(away.to + serverOffset).toISOString()
    });
    if (entry.status !== 201) {
      $('idle-error').textContent = await problem(entry);
      return;
    }
    if (await restartAfterAway()) {
      closeIdle();
      if (tabs) tabs.postMessage({ idleHandled: true });
    }
  });
  dialogEl.addEventListener('hidden.bs.modal', () => { away = null; });
})();
