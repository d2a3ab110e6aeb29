// Planner mode: report a barrier by clicking (or adding the map centre) as a point, a line or an area; list, filter,
// verify, resolve, reject and edit reports with their history. The API key lives in this tab only: a variable and
// sessionStorage, never a cookie or localStorage, so closing the tab forgets it.
import { t, number } from './i18n.js';
import { getJson, withKey, escapeHtml } from './api.js';
import { setData } from './mapview.js';
import { initElevatorPlanner } from './elevators.js';

const KINDS = ['blocked_path', 'construction', 'elevator_out_of_service', 'missing_kerb_ramp', 'high_kerb', 'narrow_passage',
  'steep_ramp', 'surface_damage', 'other'];
const KEY_STORAGE = 'routing.apiKey';
const $ = id => document.getElementById(id);

let apiKey = sessionStorage.getItem(KEY_STORAGE) ?? '';
let draft = [];
let ctx;

export function initPlanner(context) {
  ctx = context;
  $('report-kind').innerHTML = KINDS.map(k => `<option value="${k}">${t(`k_${k}`)}</option>`).join('');
  $('filter-kind').innerHTML = `<option value="">${t('any')}</option>` + KINDS.map(k => `<option value="${k}">${t(`k_${k}`)}</option>`).join('');
  $('api-key').value = apiKey;
  $('key-form').addEventListener('submit', event => {
    event.preventDefault();
    apiKey = $('api-key').value.trim();
    sessionStorage.setItem(KEY_STORAGE, apiKey);
    ctx.announce(t('keySaved'));
    loadReports();
  });
  $('forget-key').addEventListener('click', () => {
    apiKey = '';
    $('api-key').value = '';
    sessionStorage.removeItem(KEY_STORAGE);
    ctx.announce(t('keyForgotten'));
  });
  ctx.map.on('click', event => {
    if (ctx.isActive()) {
      addPoint([event.lngLat.lng, event.lngLat.lat]);
    }
  });
  $('report-add-centre').addEventListener('click', () => {
    const c = ctx.map.getCenter();
    addPoint([c.lng, c.lat]);
  });
  $('report-undo').addEventListener('click', () => {
    draft.pop();
    drawDraft();
  });
  for (const radio of document.querySelectorAll('input[name=shape]')) {
    radio.addEventListener('change', drawDraft);
  }
  $('report-form').addEventListener('submit', event => {
    event.preventDefault();
    sendReport();
  });
  $('filter-status').addEventListener('change', loadReports);
  $('filter-kind').addEventListener('change', loadReports);
  $('reports-refresh').addEventListener('click', loadReports);
  $('mode-planner').addEventListener('click', loadReports);
  $('reports').addEventListener('click', onReportAction);
  const loadElevators = initElevatorPlanner({ map: ctx.map, announce: ctx.announce, key: () => apiKey });
  $('mode-planner').addEventListener('click', () => apiKey && loadElevators());
  drawDraft();
}

function shape() {
  return document.querySelector('input[name=shape]:checked').value;
}

function needed() {
  return { Point: 1, LineString: 2, Polygon: 3 }[shape()];
}

function addPoint(coordinates) {
  if (shape() === 'Point') {
    draft = [];
  }
  draft.push(coordinates);
  drawDraft();
}

function drawDraft() {
  const text = draft.length
    ? t('pointsSoFar', draft.length, draft.map(([lon, lat]) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`).join('; '))
    : t('noPoints');
  $('report-points').textContent = text;
  const features = draft.map(c => ({ type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: {} }));
  const geometry = geometryOf();
  if (geometry && geometry.type !== 'Point') {
    features.push({ type: 'Feature', geometry, properties: {} });
  }
  setData(ctx.map, 'draft', { type: 'FeatureCollection', features });
}

function geometryOf() {
  if (draft.length < needed()) return null;
  switch (shape()) {
    case 'Point': return { type: 'Point', coordinates: draft[draft.length - 1] };
    case 'LineString': return { type: 'LineString', coordinates: draft };
    default: return { type: 'Polygon', coordinates: [[...draft, draft[0]]] };
  }
}

/** A datetime-local value as RFC 3339 with the browser's offset, which the API requires. */
function rfc3339(value) {
  if (!value) return undefined;
  const date = new Date(value);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = n => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${value.length === 16 ? `${value}:00` : value}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

function numberOrUndefined(id) {
  const raw = $(id).value.trim();
  return raw === '' ? undefined : Number(raw);
}

async function sendReport() {
  if (!apiKey) {
    ctx.announce(t('needKey'));
    $('api-key').focus();
    return;
  }
  const location = geometryOf();
  if (!location) {
    ctx.announce(t('needReportPoints', needed()));
    return;
  }
  const body = {
    kind: $('report-kind').value,
    location,
    description: $('report-description').value.trim() || undefined,
    valid_from: rfc3339($('report-from').value),
    valid_until: rfc3339($('report-until').value),
    kerb_height_cm: numberOrUndefined('report-kerb'),
    remaining_width_cm: numberOrUndefined('report-width'),
    incline_pct: numberOrUndefined('report-incline'),
  };
  try {
    const report = await getJson('/v1/barriers', withKey(apiKey, 'POST', body));
    draft = [];
    drawDraft();
    $('report-description').value = '';
    ctx.announce(t('reportSent', report.id, t(`st_${report.status}`)));
    await loadReports();
    await ctx.onReportsChanged();
  } catch (error) {
    ctx.announce(t('error', problemText(error)));
  }
}

function problemText(error) {
  const errors = error.problem?.errors;
  return errors ? Object.entries(errors).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ') : error.message;
}

async function loadReports() {
  const query = new URLSearchParams();
  if ($('filter-status').value) query.set('status', $('filter-status').value);
  if ($('filter-kind').value) query.set('kind', $('filter-kind').value);
  try {
    const answer = await getJson(`/v1/barriers?${query}`, withKey(apiKey));
    renderReports(answer.barriers);
    ctx.announce(t('reportsLoaded', answer.barriers.length));
  } catch (error) {
    $('reports').innerHTML = `<li>${escapeHtml(t('loadFailed', problemText(error)))}</li>`;
  }
}

function when(value) {
  return value ? new Date(value).toLocaleString(document.documentElement.lang === 'de' ? 'de-DE' : 'en-GB') : '–';
}

function renderReports(reports) {
  if (reports.length === 0) {
    $('reports').innerHTML = `<li>${t('noReports')}</li>`;
    return;
  }
  $('reports').innerHTML = reports.map(r => `
    <li class="report" data-id="${r.id}">
      <h4>#${r.id} ${escapeHtml(t(`k_${r.kind}`))} – ${t(`st_${r.status}`)}${r.active ? ' ✓' : ''}</h4>
      ${r.description ? `<p>${escapeHtml(r.description)}</p>` : ''}
      <p class="meta">${t('validFrom')}: ${when(r.valid_from)} · ${t('validUntil')}: ${when(r.valid_until)}
        ${r.kerb_height_cm !== null ? ` · ${t('measuredKerb')}: ${r.kerb_height_cm}` : ''}
        ${r.remaining_width_cm !== null ? ` · ${t('measuredWidth')}: ${r.remaining_width_cm}` : ''}
        ${r.incline_pct !== null ? ` · ${t('measuredIncline')}: ${number(r.incline_pct, 1)}` : ''}</p>
      <div class="row">
        ${r.allowed_actions.filter(a => a !== 'edit').map(a => `<button type="button" class="secondary" data-action="${a}">${t(a)} #${r.id}</button>`).join('')}
        ${r.allowed_actions.includes('edit') ? `<button type="button" class="secondary" data-action="edit">${t('edit')} #${r.id}</button>` : ''}
      </div>
      <details data-history><summary>${t('history')} #${r.id}</summary><ol class="history"></ol></details>
      <div class="edit" hidden></div>
    </li>`).join('');
  for (const details of $('reports').querySelectorAll('details[data-history]')) {
    details.addEventListener('toggle', () => details.open && loadHistory(details));
  }
}

async function loadHistory(details) {
  const id = details.closest('.report').dataset.id;
  const report = await getJson(`/v1/barriers/${id}`, withKey(apiKey));
  details.querySelector('ol').innerHTML = (report.history ?? []).map(h =>
    `<li>${when(h.at)}: ${escapeHtml(h.action)} → ${t(`st_${h.status}`)}${h.changed_fields.length ? ` (${escapeHtml(h.changed_fields.join(', '))})` : ''}${h.by ? ` – ${escapeHtml(h.by.key_id)}` : ''}</li>`).join('');
}

async function onReportAction(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const item = button.closest('.report');
  const id = item.dataset.id;
  const action = button.dataset.action;
  if (action === 'edit') {
    openEditor(item, id);
    return;
  }
  if (action === 'save' || action === 'cancel') {
    return; // handled by the editor's own form
  }
  await change(id, `/v1/barriers/${id}/${action}`, withKey(apiKey, 'POST'), action);
}

async function change(id, url, options, action) {
  try {
    const report = await getJson(url, options);
    ctx.announce(t('reportChanged', id, t(`st_${report.status}`)));
    await loadReports();
    await ctx.onReportsChanged();
    document.querySelector(`.report[data-id="${id}"] button`)?.focus();
  } catch (error) {
    ctx.announce(t('error', `${action}: ${problemText(error)}`));
  }
}

function openEditor(item, id) {
  const editor = item.querySelector('.edit');
  editor.hidden = false;
  editor.innerHTML = `<form class="grid">
      <label for="edit-kind-${id}">${t('kind')}</label>
      <select id="edit-kind-${id}">${KINDS.map(k => `<option value="${k}">${t(`k_${k}`)}</option>`).join('')}</select>
      <label for="edit-description-${id}">${t('description')}</label>
      <textarea id="edit-description-${id}" rows="2" maxlength="2000"></textarea>
      <label for="edit-until-${id}">${t('validUntil')}</label>
      <input id="edit-until-${id}" type="datetime-local">
      <label for="edit-from-${id}">${t('validFrom')}</label>
      <input id="edit-from-${id}" type="datetime-local">
      <label for="edit-kerb-${id}">${t('measuredKerb')}</label>
      <input id="edit-kerb-${id}" type="number" min="0" max="50">
      <label for="edit-width-${id}">${t('measuredWidth')}</label>
      <input id="edit-width-${id}" type="number" min="0" max="1000">
      <label for="edit-incline-${id}">${t('measuredIncline')}</label>
      <input id="edit-incline-${id}" type="number" min="0" max="100" step="0.5">
      <div class="row"><button type="submit" class="primary">${t('save')} #${id}</button>
      <button type="button" class="secondary" data-cancel>${t('cancel')}</button></div>
    </form>`;
  const form = editor.querySelector('form');
  getJson(`/v1/barriers/${id}`, withKey(apiKey)).then(report => {
    form.querySelector(`#edit-kind-${id}`).value = report.kind;
    form.querySelector(`#edit-description-${id}`).value = report.description ?? '';
    form.querySelector(`#edit-kerb-${id}`).value = report.kerb_height_cm ?? '';
    form.querySelector(`#edit-width-${id}`).value = report.remaining_width_cm ?? '';
    form.querySelector(`#edit-incline-${id}`).value = report.incline_pct ?? '';
    form.querySelector(`#edit-kind-${id}`).focus();
  });
  form.querySelector('[data-cancel]').addEventListener('click', () => {
    editor.hidden = true;
    item.querySelector('button[data-action=edit]').focus();
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    // Merge patch: an emptied measure is cleared (null); an empty date field leaves the window as it is.
    const measure = name => {
      const raw = form.querySelector(`#edit-${name}-${id}`).value.trim();
      return raw === '' ? null : Number(raw);
    };
    const patch = {
      kind: form.querySelector(`#edit-kind-${id}`).value,
      description: form.querySelector(`#edit-description-${id}`).value.trim() || null,
      kerb_height_cm: measure('kerb'),
      remaining_width_cm: measure('width'),
      incline_pct: measure('incline'),
    };
    const from = rfc3339(form.querySelector(`#edit-from-${id}`).value);
    const until = rfc3339(form.querySelector(`#edit-until-${id}`).value);
    if (from) patch.valid_from = from;
    if (until) patch.valid_until = until;
    change(id, `/v1/barriers/${id}`, withKey(apiKey, 'PATCH', patch, 'application/merge-patch+json'), 'edit');
  });
}
