// "With public transport": a choice beside the route form, a departure or arrival time, and the itineraries of
// POST /v1/trips listed by time, each leg in words (readable without the map). The service judges every walk for the
// chosen profile and limits; this module only asks and lists.
import { t, currentLanguage, distance, duration } from './i18n.js';
import { getJson, ProblemError, escapeHtml } from './api.js';

/**
 * Adds the controls after the route form. `current()` gives { from, to, profile, constraints } as the form holds them;
 * `announce(text)` speaks a result to screen readers.
 */
export function initTransit({ current, announce }) {
  const form = document.getElementById('route-form');
  const box = document.createElement('fieldset');
  box.id = 'transit';
  box.innerHTML = `
    <legend data-i18n="transitTitle">${t('transitTitle')}</legend>
    <label><input type="checkbox" id="transit-on"> <span data-i18n="transitUse">${t('transitUse')}</span></label>
    <div id="transit-when" hidden>
      <label><input type="radio" name="transit-kind" value="departure" checked> <span data-i18n="transitDepart">${t('transitDepart')}</span></label>
      <label><input type="radio" name="transit-kind" value="arrival"> <span data-i18n="transitArrive">${t('transitArrive')}</span></label>
      <label><span data-i18n="transitTime">${t('transitTime')}</span> <input type="datetime-local" id="transit-time"></label>
      <button type="button" id="transit-plan" data-i18n="transitPlan">${t('transitPlan')}</button>
    </div>
    <section id="transit-result" aria-live="polite" hidden></section>`;
  form.after(box);
  const on = box.querySelector('#transit-on');
  const time = box.querySelector('#transit-time');
  time.value = localInput(new Date());
  on.addEventListener('change', () => {
    box.querySelector('#transit-when').hidden = !on.checked;
    box.querySelector('#transit-result').hidden = !on.checked;
  });
  box.querySelector('#transit-plan').addEventListener('click', () => plan(box, current(), announce));
}

async function plan(box, { from, to, profile, constraints }, announce) {
  const result = box.querySelector('#transit-result');
  if (!from || !to) {
    result.textContent = t('needPoints');
    return;
  }
  const kind = box.querySelector('input[name=transit-kind]:checked').value;
  const body = { from: { lat: from.lat, lon: from.lon }, to: { lat: to.lat, lon: to.lon }, profile, constraints, language: currentLanguage() };
  body[kind] = withOffset(box.querySelector('#transit-time').value);
  result.textContent = t('transitPlanning');
  try {
    const answer = await getJson('/v1/trips', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const itineraries = [...answer.itineraries].sort((a, b) => a.arrival.localeCompare(b.arrival) || a.walk_cost_s - b.walk_cost_s);
    result.innerHTML = (answer.demo ? `<p class="notice">${escapeHtml(t('transitDemo'))}</p>` : '')
      + `<ol class="itineraries">${itineraries.map(itinerary).join('')}</ol>`;
    announce(t('transitFound', itineraries.length));
  } catch (error) {
    const blockers = error instanceof ProblemError ? error.problem.blockers ?? [] : [];
    result.innerHTML = `<p>${escapeHtml(blockers.length > 0 ? t('transitNone') : t('error', error.message))}</p>`
      + (blockers.length > 0 ? `<ul>${blockers.map(b => `<li>${escapeHtml(b)}</li>`).join('')}</ul>` : '');
    announce(blockers.length > 0 ? t('transitNone') : t('error', error.message));
  }
}

function itinerary(it) {
  const legs = it.legs.map(leg => leg.type === 'walk'
    ? `<li>${escapeHtml(t('transitWalk', distance(leg.distance_m), duration(leg.duration_s)))}</li>`
    : `<li>${escapeHtml(t('transitRide', clock(leg.departure), leg.mode, leg.route.short_name, leg.from.name, leg.to.name, clock(leg.arrival)))}`
      + (leg.accessibility_unknown ? ` <em>${escapeHtml(t('transitUnknown'))}</em>` : '') + '</li>').join('');
  return `<li><h3>${escapeHtml(t('transitSummary', clock(it.departure), clock(it.arrival), duration(it.duration_s), it.transfers))}</h3>`
    + `<ol>${legs}</ol>${it.notes.map(n => `<p>${escapeHtml(n)}</p>`).join('')}</li>`;
}

/** "08:10" of an ISO time with offset, as the feed's clock shows it. */
function clock(iso) {
  return iso.slice(11, 16);
}

/** A datetime-local value ("2026-12-07T08:00") for a date, in the browser's time. */
function localInput(date) {
  const local = new Date(date.getTime() - (date.getTimezoneOffset() * 60000));
  return local.toISOString().slice(0, 16);
}

/** The input's local time with the browser's offset, as the API asks (ISO 8601 with offset). */
function withOffset(value) {
  const minutes = -new Date(value).getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${value}:00${sign}${hh}:${mm}`;
}
