// The map for people: plan an accessible route, read it without the map, download it; planners report barriers.
// Plain ES modules, no build step. The page's URL carries the route's state, so a link restores it and the browser's
// back button steps through planned routes.
import { t, term, setLanguage, loadLanguages, currentLanguage, browserLanguage, distance, duration, number } from './i18n.js';
import { getJson, routeQuery, point, ProblemError, escapeHtml } from './api.js';
import { addLiveElevators, liveElevatorAt } from './elevators.js';
import { createMap, addLayers, routeFeatures, setData, fitTo, marker, renderLegend, showPopup as popupAt } from './mapview.js';
import { elevationFigure } from './chart.js';
import { initPlanner } from './planner.js';
import { initTransit } from './transit.js';

// The limits a request may change, each a row of the service's constraint table (GET /v1/profiles): the form, the
// URL and the requests are built from them, so the app holds no list of its own.
let constraintRows = [];
const isNumber = row => row.kind === 'number' || row.kind === 'whole_number';

const state = { from: null, to: null, via: [], profile: 'wheelchair', constraints: {} };
let config, presets, map, mapLoaded = false, tileVersion = 0, routeCount = 0, markers = [], mode = 'plan', planStartedAt = 0;
/**
 * What was last fitted (west, south, east, north), fitted again when the legend or the sheet changes the map's free
 * room; null once the person has moved the map themselves, so a resize never takes them back.
 */
let fitted = null;
const $ = id => document.getElementById(id);

/** The phone layout (app.css): the map first, the planner a sheet below it, the legend folded. */
const phone = window.matchMedia('(max-width: 52rem), (max-height: 30rem)');

/** Says something to screen readers (and shows nothing): results, errors, what a click did. */
function announce(text) {
  const live = $('live');
  live.textContent = '';
  window.setTimeout(() => { live.textContent = text; }, 30);
}

async function start() {
  const languages = await loadLanguages();
  $('language').innerHTML = languages.map(l => `<option value="${l.code}" lang="${l.code}" dir="${l.dir}">${escapeHtml(l.name)}</option>`).join('');
  const chosen = sessionStorage.getItem('routing.language');
  await setLanguage(chosen ?? browserLanguage());
  $('language').value = currentLanguage();
  const [loaded, profiles] = await Promise.all([getJson('/app/config.json'), getJson('/v1/profiles')]);
  [config, presets, constraintRows] = [loaded, profiles.profiles, profiles.constraints];
  fillProfileControls();
  readUrl();
  // Trips are listed in words, so they need no map: ready before it loads (or if it never does).
  initTransit({ current: () => ({ from: state.from, to: state.to, profile: state.profile, constraints: state.constraints }), announce, getMap: () => (mapLoaded ? map : null) });
  document.body.dataset.mode = mode;
  // On a small screen the open legend would take most of the map: it starts folded there.
  $('legend').open = !phone.matches;
  map = createMap(config, 'map');
  // For the browser tests and the curious: the map and what is planned.
  window.routingApp = { map, state, route: null, leastBad: null };
  map.on('load', () => {
    mapLoaded = true;
    addLayers(map, config, tileUrl());
    addLiveElevators(map);
    map.getCanvas().setAttribute('aria-label', t('mapLabel'));
    renderLegend($('legend-body'));
    initPlanner({ map, announce, onReportsChanged, isActive: () => mode === 'planner' });
    wire();
    drawMarkers();
    if (state.from && state.to) {
      plan({ push: false });
    }
    document.body.dataset.ready = 'true';
    watchReports();
  });
}

/** How often the page looks whether reports in force changed elsewhere (another planner, a window that ended). */
const REPORT_POLL_MS = 15000;

/**
 * Reports changed by someone else move the route too: while the page is visible, it compares the reports in force
 * (id, status, last change) every few seconds and plans again when they differ. Changes made in this tab need no
 * wait: the planner view calls onReportsChanged at once.
 */
let reportsSeen = null;

function watchReports() {
  const look = async () => {
    if (document.visibilityState !== 'visible') return;
    try {
      const reports = await getJson('/v1/barriers.geojson');
      const signature = reports.features.map(f => `${f.id}:${f.properties.status}:${f.properties.active}:${f.properties.updated_at}`).sort().join();
      if (reportsSeen !== null && signature !== reportsSeen) {
        await onReportsChanged();
      }
      reportsSeen = signature;
    } catch {
      // A missed look is made up by the next one.
    }
  };
  look();
  window.setInterval(look, REPORT_POLL_MS);
}

// ---- profile and limits --------------------------------------------------------------------------------------------

function fillProfileControls() {
  $('profile').innerHTML = presets.map(p => `<option value="${p.name}"></option>`).join('');
  $('avoid_surfaces').innerHTML = config.surfaces.map(s =>
    `<label><input type="checkbox" value="${s}"> <span data-surface="${s}"></span></label>`).join('');
  nameProfilesAndSurfaces();
  fillLimitFields();
}

/** Profiles and surfaces in words of the page's language, never their API names ("concrete:plates"). */
function nameProfilesAndSurfaces() {
  for (const option of $('profile').options) option.textContent = term('profile', option.value);
  for (const span of $('avoid_surfaces').querySelectorAll('[data-surface]')) span.textContent = term('surface', span.dataset.surface);
}

/** The row's words in the page's language (English when a row has none in it). */
function wordsOf(texts) {
  return texts[currentLanguage()] ?? texts.en;
}

/** One labelled field per row but the surfaces (a fieldset of boxes), in the table's order, in the page's language. */
function fillLimitFields() {
  const field = row => {
    if (isNumber(row)) {
      const mode = row.kind === 'number' ? 'decimal' : 'numeric';
      return `<input id="${row.name}" data-constraint type="number" min="${row.min}" max="${row.max}" step="${row.step}" inputmode="${mode}">`;
    }
    const options = row.kind === 'smoothness'
      ? [['', t('smoothnessAny')], ...config.smoothness.map(s => [s, term('smoothness', s)])]
      : row.choices.map(c => [c, wordsOf(row.choice_labels)[c]]);
    return `<select id="${row.name}" data-constraint>${options.map(([value, text]) => `<option value="${value}">${escapeHtml(text)}</option>`).join('')}</select>`;
  };
  $('limit-fields').innerHTML = constraintRows.filter(row => row.kind !== 'surfaces')
    .map(row => `<label for="${row.name}">${escapeHtml(wordsOf(row.label))}</label>${field(row)}`).join('');
  $('avoid_surfaces-label').textContent = wordsOf(constraintRows.find(row => row.kind === 'surfaces').label);
}

function preset() {
  return presets.find(p => p.name === state.profile) ?? presets[0];
}

/** Shows the preset's values with the request's changes on top, so every limit in force is visible. */
function showLimits(constraints = state.constraints) {
  const p = preset();
  $('profile').value = p.name;
  for (const { name } of constraintRows) {
    const value = constraints[name] ?? p[name] ?? '';
    if (name === 'avoid_surfaces') {
      for (const box of $('avoid_surfaces').querySelectorAll('input')) {
        box.checked = (constraints.avoid_surfaces ?? p.avoid_surfaces).includes(box.value);
      }
    } else {
      $(name).value = value;
    }
  }
}

/** The constraints that differ from the preset: all a request (and the URL) needs to carry. */
function readLimits() {
  const p = preset();
  const constraints = {};
  for (const row of constraintRows) {
    const name = row.name;
    if (name === 'avoid_surfaces') {
      const chosen = [...$('avoid_surfaces').querySelectorAll('input:checked')].map(b => b.value);
      if (chosen.slice().sort().join() !== [...p.avoid_surfaces].sort().join()) {
        constraints.avoid_surfaces = chosen;
      }
      continue;
    }
    const raw = $(name).value.trim();
    if (raw === '') {
      continue; // an emptied field keeps the preset
    }
    const value = isNumber(row) ? Number(raw) : raw;
    if (value !== (p[name] ?? null)) {
      constraints[name] = value;
    }
  }
  return constraints;
}

function tileUrl() {
  const query = routeQuery({ profile: state.profile, constraints: state.constraints });
  query.set('v', String(tileVersion));
  return `${location.origin}/v1/tiles/{z}/{x}/{y}.mvt?${query}`;
}

function refreshTiles() {
  map.getSource('a11y')?.setTiles([tileUrl()]);
}

// ---- waypoints -----------------------------------------------------------------------------------------------------

function roles() {
  return [{ key: 'from', label: t('start'), letter: 'A' },
    ...state.via.map((_, i) => ({ key: `via-${i}`, label: t('via', i + 1), letter: String(i + 1) })),
    { key: 'to', label: t('destination'), letter: 'B' }];
}

function getPoint(key) {
  return key === 'from' ? state.from : key === 'to' ? state.to : state.via[Number(key.slice(4))];
}

function setPoint(key, value) {
  if (key === 'from') state.from = value;
  else if (key === 'to') state.to = value;
  else state.via[Number(key.slice(4))] = value;
}

function renderWaypoints() {
  $('waypoints').innerHTML = roles().map(({ key, label }) => {
    const current = getPoint(key);
    return `<div class="waypoint" data-key="${key}">
      <label for="wp-${key}">${label}</label>
      <div class="row">
        <input id="wp-${key}" type="search" autocomplete="off" placeholder="${t('searchOrCoords')}" value="${escapeHtml(current?.label ?? '')}">
        <button type="button" class="secondary" data-action="search">${t('search')}</button>
      </div>
      <div class="row">
        <button type="button" class="secondary" data-action="centre">${t('mapCentre')}</button>
        <button type="button" class="secondary" data-action="locate">${t('myLocation')}</button>
        ${key.startsWith('via-') ? `<button type="button" class="secondary" data-action="remove">${t('remove')}</button>` : ''}
      </div>
      <ul class="results" id="results-${key}" aria-label="${label}: ${t('search')}" hidden></ul>
    </div>`;
  }).join('');
}

function labelOf(lngLat) {
  return point({ lat: lngLat.lat, lon: lngLat.lng ?? lngLat.lon }).replace(',', ', ');
}

function place(key, lat, lon, label, { replan = true } = {}) {
  setPoint(key, { lat, lon, label: label ?? labelOf({ lat, lon }) });
  const input = $(`wp-${key}`);
  if (input) input.value = getPoint(key).label;
  drawMarkers();
  const role = roles().find(r => r.key === key);
  announce(t('set', role?.label ?? key, getPoint(key).label));
  if (replan && state.from && state.to) {
    plan();
  }
}

function drawMarkers() {
  markers.forEach(m => m.remove());
  markers = roles().filter(r => getPoint(r.key)).map(r => {
    const p = getPoint(r.key);
    return marker(map, [p.lon, p.lat], r.letter, `${r.label}: ${p.label}`, lngLat => place(r.key, lngLat.lat, lngLat.lng));
  });
}

async function search(key) {
  const input = $(`wp-${key}`);
  const text = input.value.trim();
  const list = $(`results-${key}`);
  const coordinates = text.match(/^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/);
  if (coordinates) {
    list.hidden = true;
    place(key, Number(coordinates[1]), Number(coordinates[2]));
    return;
  }
  if (!text) return;
  announce(t('searching'));
  try {
    const centre = map.getCenter();
    const near = point({ lat: centre.lat, lon: centre.lng });
    const answer = await getJson(`/v1/places?${new URLSearchParams({ q: text, limit: '8', near })}`);
    const features = answer.features;
    list.innerHTML = features.map((f, i) => {
      const p = f.properties;
      return `<li><button type="button" class="result" data-index="${i}">${escapeHtml(p.name ?? t(`place_${p.kind}`))}
        <span class="meta">${t(`place_${p.kind}`)}${p.district ? ` · ${escapeHtml(p.district)}` : ''}${p.kind === 'street' ? '' : ` · ${t(`wheelchair_${p.wheelchair}`)}`}</span></button></li>`;
    }).join('');
    list.hidden = features.length === 0;
    list.onclick = event => {
      const button = event.target.closest('button.result');
      if (!button) return;
      const f = features[Number(button.dataset.index)];
      list.hidden = true;
      place(key, f.geometry.coordinates[1], f.geometry.coordinates[0], f.properties.name ?? t(`place_${f.properties.kind}`));
      map.jumpTo({ center: f.geometry.coordinates });
      input.focus();
    };
    announce(features.length ? t('found', features.length) : t('nothingFound', text));
    list.querySelector('button')?.focus();
  } catch (error) {
    announce(t('error', error.message));
  }
}

function locate(key) {
  if (!navigator.geolocation) {
    announce(t('noLocation', 'geolocation'));
    return;
  }
  announce(t('locating'));
  navigator.geolocation.getCurrentPosition(
    position => {
      place(key, position.coords.latitude, position.coords.longitude, t('myLocation'));
      map.jumpTo({ center: [position.coords.longitude, position.coords.latitude] });
    },
    error => announce(t('noLocation', error.message)),
    { enableHighAccuracy: true, timeout: 10000 });
}

function atCentre(key) {
  const c = map.getCenter();
  place(key, c.lat, c.lng);
}

// ---- planning ------------------------------------------------------------------------------------------------------

async function plan({ push = true } = {}) {
  if (!state.from || !state.to) {
    announce(t('needPoints'));
    return;
  }
  const query = routeQuery({ ...state, language: currentLanguage() });
  if (push) {
    writeUrl();
  }
  announce(t('planning'));
  $('map').dataset.route = 'planning';
  planStartedAt = performance.now();
  try {
    const answer = await getJson(`/v1/routes?${query}`);
    showRoute(answer.routes[0], query);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 422 && error.problem.blockers) {
      showRefusal(error.problem);
    } else {
      showError(error);
    }
  }
}

/** Fits the map to a box grown by the waypoints (and any further points), clear of the legend and controls. */
function fit(bbox, points = []) {
  const all = [...points, ...[state.from, ...state.via, state.to].filter(Boolean).map(p => [p.lon, p.lat])];
  fitted = all.reduce((b, [lon, lat]) => [Math.min(b[0], lon), Math.min(b[1], lat), Math.max(b[2], lon), Math.max(b[3], lat)], bbox);
  fitTo(map, fitted);
}

/** On a phone the result is read in the sheet: it scrolls there, the map keeps its place above. */
function showResultInSheet() {
  if (phone.matches) {
    $('result-title').scrollIntoView({ block: 'start' });
  }
}

function showRoute(route, query) {
  window.routingApp.route = route;
  window.routingApp.leastBad = null;
  setData(map, 'route', routeFeatures(route));
  setData(map, 'least-bad', null);
  setData(map, 'blockers', null);
  fit(route.bbox);
  const s = route.summary;
  const body = $('result-body');
  body.innerHTML = `
    <dl class="summary">
      <div><dt>${t('distance')}</dt><dd>${distance(route.distance_m)}</dd></div>
      <div><dt>${t('duration')}</dt><dd>${duration(route.duration_s)}</dd></div>
      <div><dt>${t('climb')}</dt><dd>${route.ascent_m === null ? '–' : t('m', number(route.ascent_m))}</dd></div>
      <div><dt>${t('descent')}</dt><dd>${route.descent_m === null ? '–' : t('m', number(route.descent_m))}</dd></div>
      <div><dt>${t('unknownShare')}</dt><dd>${number(s.unknown_share * 100)} %</dd></div>
    </dl>
    <div class="row downloads" role="group" aria-label="${t('downloads')}">
      <button type="button" class="secondary" data-format="gpx">${t('downloads')}: ${t('gpx')}</button>
      <button type="button" class="secondary" data-format="geojson">${t('downloads')}: ${t('geojson')}</button>
    </div>
    <div id="chart"></div>
    <h3>${t('instructions')}</h3>
    <ol class="instructions">${route.instructions.map(i =>
      `<li>${escapeHtml(i.text)}${i.distance_m > 0 ? ` <span class="meta">(${distance(i.distance_m)})</span>` : ''}</li>`).join('')}</ol>
    <h3>${t('warnings')}</h3>
    ${route.warnings.length ? `<ul class="warnings">${route.warnings.map(w => `<li>${escapeHtml(w.message)}</li>`).join('')}</ul>` : `<p>${t('noWarnings')}</p>`}`;
  $('chart').append(elevationFigure(route));
  for (const button of body.querySelectorAll('[data-format]')) {
    button.addEventListener('click', () => download(query, button.dataset.format));
  }
  $('result').hidden = false;
  showResultInSheet();
  markDrawn('drawn');
  announce(t('planned', distance(route.distance_m), duration(route.duration_s), route.instructions.length));
}

/** A refusal: every blocker on the map and in the list, each with the limit that would lift it. */
function showRefusal(problem) {
  window.routingApp.route = null;
  setData(map, 'route', null);
  const least = problem.least_violating_route;
  window.routingApp.leastBad = least ?? null;
  setData(map, 'least-bad', least ? routeFeatures(least) : null);
  setData(map, 'blockers', {
    type: 'FeatureCollection',
    features: problem.blockers.filter(b => b.location).map(b => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [b.location.lon, b.location.lat] },
      properties: { message: b.message, lift: hasLift(b) ? liftText(b) : '' },
    })),
  });
  const located = problem.blockers.filter(b => b.location).map(b => [b.location.lon, b.location.lat]);
  if (least) {
    fit(least.bbox, located);
  } else if (located.length) {
    fit([...located[0], ...located[0]], located);
  }
  const body = $('result-body');
  body.innerHTML = `<p class="problem"><strong>${t('noRoute')}</strong> ${escapeHtml(problem.detail ?? '')}</p>
    <h3>${t('blockers')}</h3>
    <ul class="blockers">${problem.blockers.map((b, i) => {
      return `<li>${escapeHtml(b.message)}
        <div class="row">
          ${b.location ? `<button type="button" class="secondary" data-show="${i}">${t('showOnMap')}</button>` : ''}
          ${b.osm_way_id || b.osm_node_id ? `<a class="meta" href="https://www.openstreetmap.org/${b.osm_way_id ? `way/${b.osm_way_id}` : `node/${b.osm_node_id}`}">${t('osmLink')}</a>` : ''}
          ${hasLift(b) ? `<button type="button" class="secondary" data-lift="${i}">${escapeHtml(liftText(b))}</button>`
            : `<span class="meta">${t('noLift')}</span>`}
        </div></li>`;
    }).join('')}</ul>
    ${least ? `<p>${t('leastBad')}</p>` : ''}`;
  body.onclick = event => {
    const show = event.target.closest('[data-show]');
    const liftButton = event.target.closest('[data-lift]');
    if (show) {
      const b = problem.blockers[Number(show.dataset.show)];
      map.jumpTo({ center: [b.location.lon, b.location.lat], zoom: 17 });
    } else if (liftButton) {
      const b = problem.blockers[Number(liftButton.dataset.lift)];
      const row = constraintRows.find(r => r.name === b.request_field);
      state.constraints = { ...state.constraints, [b.request_field]: constraintValue(row, b.lift) };
      showLimits();
      refreshTiles();
      plan();
    }
  };
  $('result').hidden = false;
  showResultInSheet();
  markDrawn('refused');
  announce(`${t('noRoute')} ${problem.blockers.map(b => b.message).join('; ')}`);
}

/** A constraint's value from its query-string text (the URL's, or a blocker's lift): a list, a number or a word. */
function constraintValue(row, text) {
  return row.kind === 'surfaces' ? text.split(',').filter(Boolean) : isNumber(row) ? Number(text) : text;
}

/** Whether the engine named a value that lifts what blocks (an empty list of surfaces is one). */
function hasLift(blocker) {
  return blocker.lift !== null && blocker.lift !== undefined;
}

/** What the lift button does, in words: "Allow downhill slopes up to 12 %", never the API's field name. */
function liftText(blocker) {
  const field = blocker.request_field;
  const row = constraintRows.find(r => r.name === field);
  const value = field === 'avoid_surfaces' ? term('surface', blocker.detail ?? '')
    : field === 'min_smoothness' ? term('smoothness', blocker.lift)
    : row && isNumber(row) ? number(Number(blocker.lift), Number.isInteger(Number(blocker.lift)) ? 0 : 1) : blocker.lift;
  return term('constraint', `${field}.lift`, value);
}

function showError(error) {
  window.routingApp.route = null;
  window.routingApp.leastBad = null;
  fitted = null;
  setData(map, 'route', null);
  $('result-body').innerHTML = `<p class="problem">${escapeHtml(error.message)}</p>`;
  $('result').hidden = false;
  markDrawn('error');
  announce(t('error', error.message));
}

/** Tells tests (and anyone watching) that the map has finished drawing what was planned. */
function markDrawn(outcome) {
  routeCount++;
  const count = routeCount;
  map.once('idle', () => {
    if (count === routeCount) {
      // How long from asking to a drawn map, and from opening the page (benchmarks/README.md reports both).
      window.routingApp.timings = { planToDrawnMs: performance.now() - planStartedAt, pageToDrawnMs: performance.now() };
      $('map').dataset.route = outcome;
      $('map').dataset.routeCount = String(count);
    }
  });
  map.triggerRepaint();
}

async function download(query, format) {
  const q = new URLSearchParams(query);
  q.set('format', format);
  const response = await fetch(`/v1/routes?${q}`);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `route.${format === 'gpx' ? 'gpx' : 'geojson'}`;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function showPopup(lngLat, text) {
  popupAt(map, lngLat, text);
  announce(text);
}

// ---- the URL -------------------------------------------------------------------------------------------------------

function writeUrl() {
  const query = routeQuery(state);
  history.pushState(null, '', `/?${query}`);
}

function readUrl() {
  const query = new URLSearchParams(location.search);
  const pointOf = text => {
    const [lat, lon] = (text ?? '').split(',').map(Number);
    return Number.isFinite(lat) && Number.isFinite(lon) && text ? { lat, lon, label: labelOf({ lat, lon }) } : null;
  };
  state.from = pointOf(query.get('from'));
  state.to = pointOf(query.get('to'));
  state.via = (query.get('via') ?? '').split(';').map(pointOf).filter(Boolean);
  state.profile = presets.some(p => p.name === query.get('profile')) ? query.get('profile') : 'wheelchair';
  state.constraints = {};
  for (const row of constraintRows) {
    const value = query.get(row.name);
    if (value !== null) {
      state.constraints[row.name] = constraintValue(row, value);
    }
  }
  renderWaypoints();
  showLimits();
}

// ---- wiring --------------------------------------------------------------------------------------------------------

function wire() {
  $('route-form').addEventListener('submit', event => {
    event.preventDefault();
    plan();
  });
  $('waypoints').addEventListener('click', event => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const key = button.closest('.waypoint').dataset.key;
    const action = button.dataset.action;
    if (action === 'search') search(key);
    else if (action === 'centre') atCentre(key);
    else if (action === 'locate') locate(key);
    else if (action === 'remove') {
      state.via.splice(Number(key.slice(4)), 1);
      renderWaypoints();
      drawMarkers();
      if (state.from && state.to) plan();
    }
  });
  $('waypoints').addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target.matches('input[type=search]')) {
      event.preventDefault();
      search(event.target.closest('.waypoint').dataset.key);
    } else if (event.key === 'Escape') {
      // Escape closes the hits and goes back to the field they belong to.
      const waypoint = event.target.closest('.waypoint');
      waypoint.querySelector('.results').hidden = true;
      waypoint.querySelector('input[type=search]').focus();
    }
  });
  $('add-via').addEventListener('click', () => {
    const c = map.getCenter();
    state.via.push({ lat: c.lat, lon: c.lng, label: labelOf(c) });
    renderWaypoints();
    drawMarkers();
    $(`wp-via-${state.via.length - 1}`).focus();
  });
  // A move by mouse, touch or key (not the app's own fit) leaves the fitted view.
  map.on('movestart', event => {
    if (event.originalEvent) fitted = null;
  });
  // Opening the legend (or growing the sheet) takes room from the map: what was fitted is fitted again, clear of it.
  $('legend').addEventListener('toggle', refit);
  $('sheet-toggle').addEventListener('click', () => {
    const grow = $('sheet-toggle').getAttribute('aria-expanded') !== 'true';
    $('sheet-toggle').setAttribute('aria-expanded', String(grow));
    $('sheet-toggle').dataset.i18n = grow ? 'sheetShrink' : 'sheetGrow';
    $('sheet-toggle').textContent = t($('sheet-toggle').dataset.i18n);
    document.body.dataset.sheet = grow ? 'full' : '';
  });
  // The map's frame changes size with the sheet (after its transition) and the window: fit again.
  new ResizeObserver(() => {
    map.resize();
    refit();
  }).observe($('map'));
  $('centre-start').addEventListener('click', () => atCentre('from'));
  $('centre-to').addEventListener('click', () => atCentre('to'));
  $('centre-via').addEventListener('click', () => {
    const c = map.getCenter();
    state.via.push({ lat: c.lat, lon: c.lng, label: labelOf(c) });
    renderWaypoints();
    place(`via-${state.via.length - 1}`, c.lat, c.lng);
  });
  $('profile').addEventListener('change', () => {
    state.profile = $('profile').value;
    state.constraints = {};
    showLimits();
    refreshTiles();
    if (state.from && state.to) plan();
  });
  $('limits').addEventListener('change', () => {
    state.constraints = readLimits();
    refreshTiles();
  });
  $('reset-limits').addEventListener('click', () => {
    state.constraints = {};
    showLimits();
    refreshTiles();
  });
  map.on('click', event => {
    if (mode !== 'plan') return;
    // A click on a blocker says what blocks and, in words, what would lift it (the list below the route says the same).
    const blocker = map.queryRenderedFeatures(event.point, { layers: ['blockers'] })[0];
    if (blocker) {
      const { message, lift } = blocker.properties;
      showPopup(blocker.geometry.coordinates, lift ? `${message}. ${lift}` : message);
      return;
    }
    // A click on a live elevator says its state and age, as a route through it does.
    const elevator = liveElevatorAt(map, event.point);
    if (elevator) {
      showPopup(elevator.coordinates, elevator.text);
      return;
    }
    const { lat, lng } = event.lngLat;
    const choice = $('click-sets').value;
    if (choice === 'via') {
      state.via.push({ lat, lon: lng, label: labelOf({ lat, lon: lng }) });
      renderWaypoints();
      place(`via-${state.via.length - 1}`, lat, lng);
      return;
    }
    place(choice === 'auto' ? (!state.from ? 'from' : 'to') : choice, lat, lng);
  });
  window.addEventListener('popstate', () => {
    readUrl();
    drawMarkers();
    refreshTiles();
    if (state.from && state.to) plan({ push: false });
  });
  $('language').addEventListener('change', async () => {
    sessionStorage.setItem('routing.language', $('language').value);
    await setLanguage($('language').value);
    nameProfilesAndSurfaces();
    renderWaypoints();
    relabelLimitFields();
    renderLegend($('legend-body'));
    map.getCanvas().setAttribute('aria-label', t('mapLabel'));
    if (state.from && state.to) plan({ push: false });
  });
  for (const [button, other, view, otherView, name] of [
    ['mode-plan', 'mode-planner', 'plan-view', 'planner-view', 'plan'],
    ['mode-planner', 'mode-plan', 'planner-view', 'plan-view', 'planner']]) {
    $(button).addEventListener('click', () => {
      mode = name;
      $(button).setAttribute('aria-pressed', 'true');
      $(other).setAttribute('aria-pressed', 'false');
      $(view).hidden = false;
      $(otherView).hidden = true;
      document.body.dataset.mode = name;
    });
  }
}

function refit() {
  if (fitted) {
    fitTo(map, fitted);
  }
}

/** The limit fields in the new language, keeping what the person has typed into them. */
function relabelLimitFields() {
  const typed = readLimits();
  fillLimitFields();
  showLimits(typed);
}

/** A report changed: the tiles show it, and the planned route is planned again so it can move. */
async function onReportsChanged() {
  reportsSeen = null; // the next look takes the reports as they are now, without planning a second time
  tileVersion++;
  refreshTiles();
  if (state.from && state.to) {
    await plan({ push: false });
    announce(t('replanned'));
  }
}

start().catch(error => {
  document.body.dataset.ready = 'failed';
  announce(t('error', error.message));
  console.error(error);
});
