// "With public transport": a choice beside the route form, a departure or arrival time, and the itineraries of
// POST /v1/trips listed by arrival or by effort, each leg in words, each stop's step-free access said (readable without
// the map); the one the user shows (the first listed until then) is drawn on the map, each ride in its line's colour. The service judges every walk for
// the chosen profile and limits; this module only asks, lists and draws.
import { t, term, currentLanguage, distance, duration } from './i18n.js';
import { getJson, ProblemError, escapeHtml } from './api.js';

/** A ride's colour when its feed gives none (GTFS route_color is optional): a purple apart from the route's blue. */
const DEFAULT_LINE_COLOUR = '#6a3d9a';
/** Stops on the map by step-free access; the list says the same in words, the legend what each colour means. */
const STOP_COLOURS = { yes: '#1a7f37', no: '#b42318', unknown: '#6b7280' };
/** How the map draws rides, walks (dashed grey; dashes in line widths) and stops; the legend draws the same. */
const RIDE_WIDTH = 6;
const WALK_COLOUR = '#4b5563';
const WALK_WIDTH = 4;
const WALK_DASH = [1.5, 1];
const STOP_RADIUS = 7;
/** The route's own line (mapview.js): a drawn itinerary's walks follow the same streets, dashed grey under its blue. */
const ROUTE_LAYERS = ['route-casing', 'route', 'route-uncertain'];
const TRIP_LAYERS = ['transit-rides', 'transit-walks-casing', 'transit-walks', 'transit-stops'];

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
    // The legend says what the trip's colours mean while trips are asked for (app.css shows its rows then).
    document.body.toggleAttribute('data-transit', on.checked);
    layers(getMap(), on.checked && shown !== null);
  });
  // The answer, its itineraries as listed, and the one on the map (kept when the list is ordered anew).
  let last = null;
  let listed = [];
  let shown = null;
  const list = () => ({ itineraries: listed, chosen: shown } = show(box, last, shown, getMap));
  box.querySelector('#transit-plan').addEventListener('click', async () => {
    shown = null;
    last = await plan(box, current(), announce);
    if (last) {
      list();
      announce(t('transitFound', listed.length));
    } else {
      draw(getMap(), null);
    }
  });
  box.querySelector('#transit-order').addEventListener('change', () => {
    if (last) {
      list();
    }
  });
  // "Show on the map" of an itinerary draws it instead of the one drawn; the buttons say which is shown (aria-pressed).
  box.querySelector('#transit-result').addEventListener('click', event => {
    const button = event.target.closest('button.show-itinerary');
    if (!button) {
      return;
    }
    shown = listed[Number(button.dataset.index)];
    for (const other of box.querySelectorAll('button.show-itinerary')) {
      other.setAttribute('aria-pressed', String(other === button));
      other.closest('li').classList.toggle('shown', other === button);
    }
    draw(getMap(), shown);
  });
}

/** The legend's rows for public transport: a ride, a walk and the stops' three colours, as the map draws them. */
export function transitLegend() {
  const line = (colour, dash, width) =>
    `<svg width="44" height="12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="42" y2="6" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash.map(d => d * width).join(' ')}"` : ''}/></svg>`;
  const stop = colour =>
    `<svg width="44" height="18" aria-hidden="true" focusable="false"><circle cx="22" cy="9" r="${STOP_RADIUS}" fill="${colour}" stroke="#fff" stroke-width="2"/></svg>`;
  return `<li>${line(DEFAULT_LINE_COLOUR, null, RIDE_WIDTH)} ${t('legendTransitRide')}</li>
    <li>${line(WALK_COLOUR, WALK_DASH, WALK_WIDTH)} ${t('legendTransitWalk')}</li>
    <li>${stop(STOP_COLOURS.yes)} ${t('legendTransitStopYes')}</li>
    <li>${stop(STOP_COLOURS.no)} ${t('legendTransitStopNo')}</li>
    <li>${stop(STOP_COLOURS.unknown)} ${t('legendTransitStopUnknown')}</li>`;
}

/** By arrival (then effort), or by effort (then arrival): effort is what the walks cost the person, walk_cost_s. */
function ordered(itineraries, order) {
  const byArrival = (a, b) => a.arrival.localeCompare(b.arrival);
  const byEffort = (a, b) => a.walk_cost_s - b.walk_cost_s;
  return [...itineraries].sort(order === 'effort' ? (a, b) => byEffort(a, b) || byArrival(a, b) : (a, b) => byArrival(a, b) || byEffort(a, b));
}

/** Lists the answer's itineraries and draws the chosen one: `selected` when it is among them, else the first listed. */
function show(box, answer, selected, getMap) {
  const itineraries = ordered(answer.itineraries, box.querySelector('#transit-order').value);
  const chosen = itineraries.includes(selected) ? selected : itineraries[0] ?? null;
  box.querySelector('#transit-result').innerHTML = (answer.demo ? `<p class="notice">${escapeHtml(t('transitDemo'))}</p>` : '')
    + `<ol class="itineraries">${itineraries.map((it, index) => itinerary(it, index, it === chosen)).join('')}</ol>`;
  draw(getMap(), chosen);
  return { itineraries, chosen };
}

/** Asks for trips and gives the answer, or null after saying in the result what went wrong (what blocks, in words). */
async function plan(box, { from, to, profile, constraints }, announce) {
  const result = box.querySelector('#transit-result');
  if (!from || !to) {
    result.textContent = t('needPoints');
    return null;
  }
  const kind = box.querySelector('input[name=transit-kind]:checked').value;
  const body = { from: { lat: from.lat, lon: from.lon }, to: { lat: to.lat, lon: to.lon }, profile, constraints, language: currentLanguage() };
  body[kind] = withOffset(box.querySelector('#transit-time').value);
  result.textContent = t('transitPlanning');
  try {
    return await getJson('/v1/trips', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    const blockers = error instanceof ProblemError ? error.problem.blockers ?? [] : [];
    result.innerHTML = `<p>${escapeHtml(blockers.length > 0 ? t('transitNone') : t('error', error.message))}</p>`
      + (blockers.length > 0 ? `<ul>${blockers.map(b => `<li>${escapeHtml(b)}</li>`).join('')}</ul>` : '');
    announce(blockers.length > 0 ? t('transitNone') : t('error', error.message));
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
    properties: { walk: leg.type === 'walk', colour: leg.type === 'walk' ? WALK_COLOUR : lineColour(leg.route.color) },
  }));
  const stops = (it?.legs ?? []).filter(leg => leg.type === 'transit').flatMap(leg => [leg.from, leg.to]).map(stop => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [stop.lon, stop.lat] },
    properties: { name: stop.name, colour: STOP_COLOURS[stop.wheelchair_boarding] ?? STOP_COLOURS.unknown },
  }));
  if (!map.getSource('transit-legs')) {
    map.addSource('transit-legs', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addSource('transit-stops', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'transit-rides', type: 'line', source: 'transit-legs', filter: ['!', ['get', 'walk']],
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['get', 'colour'], 'line-width': RIDE_WIDTH } });
    // A white casing, as the route has: the base map draws footways in greys and dashes too, and the walk must stand out.
    map.addLayer({ id: 'transit-walks-casing', type: 'line', source: 'transit-legs', filter: ['get', 'walk'],
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': WALK_WIDTH + 4 } });
    map.addLayer({ id: 'transit-walks', type: 'line', source: 'transit-legs', filter: ['get', 'walk'],
      paint: { 'line-color': ['get', 'colour'], 'line-width': WALK_WIDTH, 'line-dasharray': WALK_DASH } });
    map.addLayer({ id: 'transit-stops', type: 'circle', source: 'transit-stops',
      paint: { 'circle-radius': STOP_RADIUS, 'circle-color': ['get', 'colour'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
  }
  map.getSource('transit-legs').setData({ type: 'FeatureCollection', features: legs });
  map.getSource('transit-stops').setData({ type: 'FeatureCollection', features: stops });
  layers(map, it !== null);
}

/**
 * Either the trip or the route on the map, not one over the other: the route's line would hide a walk's dashes (a
 * walk-only itinerary is the route itself), so it is hidden while an itinerary is drawn, and shown again, the trip
 * hidden, when "with public transport" is turned off.
 */
function layers(map, trip) {
  if (!map) {
    return;
  }
  for (const id of [...ROUTE_LAYERS, ...TRIP_LAYERS].filter(id => map.getLayer(id))) {
    map.setLayoutProperty(id, 'visibility', TRIP_LAYERS.includes(id) === trip ? 'visible' : 'none');
  }
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

/** An itinerary in words, with the button that shows it on the map (pressed while it is the one drawn). */
function itinerary(it, index, drawn) {
  const legs = it.legs.map(leg => leg.type === 'walk'
    ? `<li>${escapeHtml(t('transitWalk', distance(leg.distance_m), duration(leg.duration_s)))}</li>`
    : `<li>${escapeHtml(t('transitRide', clock(leg.departure), term('mode', leg.mode), leg.route.short_name, leg.from.name, leg.to.name, clock(leg.arrival)))}`
      + (leg.accessibility_unknown ? ` <em>${escapeHtml(t('transitUnknown'))}</em>` : '')
      + ` <span class="stop-access">(${escapeHtml(stopAccess(leg.from))}; ${escapeHtml(stopAccess(leg.to))})</span></li>`).join('');
  return `<li data-effort="${it.walk_cost_s}"${drawn ? ' class="shown"' : ''}>`
    + `<h3 id="itinerary-${index}">${escapeHtml(t('transitSummary', clock(it.departure), clock(it.arrival), duration(it.duration_s), it.transfers))}</h3>`
    + `<button type="button" class="show-itinerary" data-index="${index}" aria-pressed="${drawn}" aria-describedby="itinerary-${index}">${escapeHtml(t('transitShow'))}</button>`
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
