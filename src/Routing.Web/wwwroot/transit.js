// "With public transport": a choice beside the route form, a departure or arrival time, and the itineraries of
// POST /v1/trips listed by arrival or by effort, each leg in words, each stop's step-free access said (readable without
// the map); the first listed is drawn on the map, each ride in its line's colour. The service judges every walk for
// the chosen profile and limits; this module only asks, lists and draws.
import { t, currentLanguage, distance, duration } from './i18n.js';
import { getJson, ProblemError, escapeHtml } from './api.js';

/** A ride's colour when its feed gives none (GTFS route_color is optional): a purple apart from the route's blue. */
const DEFAULT_LINE_COLOUR = '#6a3d9a';
/** Stops on the map by step-free access; the list says the same in words. */
const STOP_COLOURS = { yes: '#1a7f37', no: '#b42318', unknown: '#6b7280' };

/**
 * Adds the controls after the route form. `current()` gives { from, to, profile, constraints } as the form holds them;
 * `announce(text)` speaks a result to screen readers; `getMap()` the map once it is loaded (null before).
 */
export function initTransit({ current, announce, getMap }) {
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
      <label><span data-i18n="transitOrder">${t('transitOrder')}</span> <select id="transit-order">
        <option value="arrival" data-i18n="transitOrderArrival">${t('transitOrderArrival')}</option>
        <option value="effort" data-i18n="transitOrderEffort">${t('transitOrderEffort')}</option>
      </select></label>
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
  let last = null;
  box.querySelector('#transit-plan').addEventListener('click', async () => { last = await plan(box, current(), announce, getMap); });
  box.querySelector('#transit-order').addEventListener('change', () => {
    if (last) {
      show(box, last, getMap);
    }
  });
}

/** By arrival (then effort), or by effort (then arrival): effort is what the walks cost the person, walk_cost_s. */
function ordered(itineraries, order) {
  const byArrival = (a, b) => a.arrival.localeCompare(b.arrival);
  const byEffort = (a, b) => a.walk_cost_s - b.walk_cost_s;
  return [...itineraries].sort(order === 'effort' ? (a, b) => byEffort(a, b) || byArrival(a, b) : (a, b) => byArrival(a, b) || byEffort(a, b));
}

function show(box, answer, getMap) {
  const itineraries = ordered(answer.itineraries, box.querySelector('#transit-order').value);
  box.querySelector('#transit-result').innerHTML = (answer.demo ? `<p class="notice">${escapeHtml(t('transitDemo'))}</p>` : '')
    + `<ol class="itineraries">${itineraries.map(itinerary).join('')}</ol>`;
  draw(getMap(), itineraries[0]);
  return itineraries;
}

async function plan(box, { from, to, profile, constraints }, announce, getMap) {
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
    const itineraries = show(box, answer, getMap);
    announce(t('transitFound', itineraries.length));
    return answer;
  } catch (error) {
    const blockers = error instanceof ProblemError ? error.problem.blockers ?? [] : [];
    result.innerHTML = `<p>${escapeHtml(blockers.length > 0 ? t('transitNone') : t('error', error.message))}</p>`
      + (blockers.length > 0 ? `<ul>${blockers.map(b => `<li>${escapeHtml(b)}</li>`).join('')}</ul>` : '');
    announce(blockers.length > 0 ? t('transitNone') : t('error', error.message));
    draw(getMap(), null);
    return null;
  }
}

/** The itinerary on the map: rides in their line's colour, walks dashed, stops coloured by step-free access. */
function draw(map, it) {
  if (!map) {
    return; // trips need no map: the list says everything
  }
  const legs = (it?.legs ?? []).map(leg => ({
    type: 'Feature', geometry: leg.geometry,
    properties: { walk: leg.type === 'walk', colour: leg.type === 'walk' ? '#4b5563' : lineColour(leg.route.color) },
  }));
  const stops = (it?.legs ?? []).filter(leg => leg.type === 'transit').flatMap(leg => [leg.from, leg.to]).map(stop => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [stop.lon, stop.lat] },
    properties: { colour: STOP_COLOURS[stop.wheelchair_boarding] ?? STOP_COLOURS.unknown },
  }));
  if (!map.getSource('transit-legs')) {
    map.addSource('transit-legs', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addSource('transit-stops', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'transit-rides', type: 'line', source: 'transit-legs', filter: ['!', ['get', 'walk']],
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['get', 'colour'], 'line-width': 6 } });
    map.addLayer({ id: 'transit-walks', type: 'line', source: 'transit-legs', filter: ['get', 'walk'],
      paint: { 'line-color': ['get', 'colour'], 'line-width': 4, 'line-dasharray': [1.5, 1] } });
    map.addLayer({ id: 'transit-stops', type: 'circle', source: 'transit-stops',
      paint: { 'circle-radius': 7, 'circle-color': ['get', 'colour'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
  }
  map.getSource('transit-legs').setData({ type: 'FeatureCollection', features: legs });
  map.getSource('transit-stops').setData({ type: 'FeatureCollection', features: stops });
}

/** GTFS route_color is six hex digits without '#'; anything else gets the default. */
function lineColour(colour) {
  return /^[0-9A-Fa-f]{6}$/.test(colour ?? '') ? `#${colour}` : DEFAULT_LINE_COLOUR;
}

/** A stop's step-free access in words: what its colour on the map says. */
function stopAccess(stop) {
  const key = { yes: 'transitStopYes', no: 'transitStopNo' }[stop.wheelchair_boarding] ?? 'transitStopUnknown';
  return t(key, stop.name);
}

function itinerary(it) {
  const legs = it.legs.map(leg => leg.type === 'walk'
    ? `<li>${escapeHtml(t('transitWalk', distance(leg.distance_m), duration(leg.duration_s)))}</li>`
    : `<li>${escapeHtml(t('transitRide', clock(leg.departure), leg.mode, leg.route.short_name, leg.from.name, leg.to.name, clock(leg.arrival)))}`
      + (leg.accessibility_unknown ? ` <em>${escapeHtml(t('transitUnknown'))}</em>` : '')
      + ` <span class="stop-access">(${escapeHtml(stopAccess(leg.from))}; ${escapeHtml(stopAccess(leg.to))})</span></li>`).join('');
  return `<li data-effort="${it.walk_cost_s}"><h3>${escapeHtml(t('transitSummary', clock(it.departure), clock(it.arrival), duration(it.duration_s), it.transfers))}</h3>`
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
