// Live elevator states on the map (issue 27): each elevator a feed reports, at the graph element it was matched to,
// drawn by state with a shape of its own (a tick, a cross, a question mark: never colour alone), refreshed while the
// page is visible. A click says what routes are told: "elevator at Heidelberg Hbf: working, checked 2 min ago".
import { getJson, withKey, escapeHtml } from './api.js';
import { t, number } from './i18n.js';

const REFRESH_MS = 30000;
const STATES = {
  working: { color: '#1b7f3b', mark: 'tick' },
  out_of_service: { color: '#c62828', mark: 'cross' },
  unknown: { color: '#57606a', mark: 'question' },
};

export function addLiveElevators(map) {
  for (const [state, look] of Object.entries(STATES)) {
    addIcon(map, `live-elevator-${state}`, look);
  }
  map.addSource('live-elevators', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'live-elevators', type: 'symbol', source: 'live-elevators',
    layout: { 'icon-image': ['concat', 'live-elevator-', ['get', 'state']], 'icon-allow-overlap': true, 'icon-offset': [14, -14] },
  });
  const refresh = async () => {
    if (document.visibilityState !== 'visible') return;
    try {
      const list = await getJson('/v1/elevators');
      map.getSource('live-elevators').setData({
        type: 'FeatureCollection',
        features: list.elevators.filter(e => e.match).map(e => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [e.match.lon, e.match.lat] },
          properties: { state: e.state, name: e.description ?? e.station ?? e.id, age_s: e.age_s, since: e.since },
        })),
      });
    } catch {
      // The layer keeps what it showed; the next refresh tries again.
    }
  };
  refresh();
  setInterval(refresh, REFRESH_MS);
  document.addEventListener('visibilitychange', refresh);
}

/** "elevator at …: working, checked 2 min ago" for a clicked live elevator, or null when the click hit none. */
export function liveElevatorAt(map, point) {
  const feature = map.queryRenderedFeatures(point, { layers: ['live-elevators'] })[0];
  if (!feature) return null;
  const { state, name, age_s: ageS, since } = feature.properties;
  const said = state === 'out_of_service' ? t('liveOut', new Date(since).toLocaleString()) : t(state === 'working' ? 'liveWorking' : 'liveUnknown');
  return { coordinates: feature.geometry.coordinates, text: t('liveElevator', name, said, Math.floor(Number(ageS) / 60)) };
}

/** The legend's rows for the three states. */
export function liveLegend() {
  return Object.entries(STATES).map(([state, look]) =>
    `<li><svg width="44" height="18" aria-hidden="true" focusable="false"><circle cx="22" cy="9" r="8" fill="${look.color}" stroke="#fff" stroke-width="1.5"/>${markSvg(look.mark)}</svg> ${t(`legendLive_${state}`)}</li>`).join('');
}

function markSvg(mark) {
  if (mark === 'tick') return '<path d="M18 9 L21 12 L26 6" stroke="#fff" stroke-width="2" fill="none"/>';
  if (mark === 'cross') return '<path d="M18 5 L26 13 M26 5 L18 13" stroke="#fff" stroke-width="2"/>';
  return '<text x="22" y="13" font-size="11" font-family="sans-serif" text-anchor="middle" fill="#fff">?</text>';
}

function addIcon(map, name, look) {
  const size = 20, scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size * scale;
  const g = canvas.getContext('2d');
  g.scale(scale, scale);
  g.fillStyle = look.color; g.strokeStyle = '#fff'; g.lineWidth = 1.5;
  g.beginPath(); g.arc(size / 2, size / 2, size / 2 - 1.5, 0, 2 * Math.PI); g.fill(); g.stroke();
  g.strokeStyle = '#fff'; g.fillStyle = '#fff'; g.lineWidth = 2;
  if (look.mark === 'tick') {
    g.beginPath(); g.moveTo(5.5, 10); g.lineTo(8.5, 13); g.lineTo(14.5, 7); g.stroke();
  } else if (look.mark === 'cross') {
    g.beginPath(); g.moveTo(6, 6); g.lineTo(14, 14); g.moveTo(14, 6); g.lineTo(6, 14); g.stroke();
  } else {
    g.font = 'bold 12px sans-serif'; g.textAlign = 'center'; g.textBaseline = 'middle'; g.fillText('?', size / 2, size / 2 + 1);
  }
  map.addImage(name, g.getImageData(0, 0, size * scale, size * scale), { pixelRatio: scale });
}

/**
 * Planner mode's elevator part: the elevators with the most hours out of service in the last 30 days, and the hand fix
 * of a match (to the graph's elevator under the map centre, or "not on this graph"). `planner` gives the map, the
 * announcer and the tab's key.
 */
export function initElevatorPlanner({ map, announce, key }) {
  const section = document.createElement('section');
  section.id = 'elevator-ranking';
  section.setAttribute('aria-labelledby', 'elevator-ranking-title');
  // data-i18n: the page's language switch words the section anew.
  section.innerHTML = `<h3 id="elevator-ranking-title" data-i18n="elevatorRanking">${t('elevatorRanking')}</h3>
    <p class="hint" data-i18n="elevatorMatchHint">${t('elevatorMatchHint')}</p>
    <button type="button" class="secondary" data-load data-i18n="elevatorRankingLoad">${t('elevatorRankingLoad')}</button>
    <ol class="elevators"></ol>`;
  document.getElementById('planner-view').append(section);
  const list = section.querySelector('ol');

  const load = async () => {
    if (!key()) {
      announce(t('needKey'));
      return;
    }
    try {
      const answer = await getJson('/v1/elevators/out-of-service?days=30&limit=20', withKey(key()));
      list.innerHTML = answer.elevators.length === 0 ? `<li>${t('elevatorRankingEmpty')}</li>` : answer.elevators.map(e => {
        const name = escapeHtml(e.description ?? e.station ?? e.id);
        return `<li data-id="${escapeHtml(e.id)}"><p>${name}: ${t('elevatorHours', number(e.hours, 1), e.outages, t(`liveState_${e.state}`))}</p>
          <div class="row"><button type="button" class="secondary" data-match="centre">${t('elevatorMatchCentre')} – ${name}</button>
          <button type="button" class="secondary" data-match="none">${t('elevatorMatchNone')} – ${name}</button></div></li>`;
      }).join('');
      announce(t('elevatorRankingLoaded', answer.elevators.length));
    } catch (error) {
      announce(t('error', error.message));
    }
  };

  section.querySelector('[data-load]').addEventListener('click', load);
  list.addEventListener('click', async event => {
    const button = event.target.closest('button[data-match]');
    if (!button) return;
    const id = button.closest('li').dataset.id;
    const centre = map.getCenter();
    const body = button.dataset.match === 'centre' ? { lat: centre.lat, lon: centre.lng } : { lat: null, lon: null };
    try {
      const elevator = await getJson(`/v1/elevators/${encodeURIComponent(id)}/match`, withKey(key(), 'PUT', body));
      announce(elevator.match ? t('elevatorMatched', id, elevator.match.lat.toFixed(6), elevator.match.lon.toFixed(6)) : t('elevatorUnmatched', id));
    } catch (error) {
      announce(t('error', error.message));
    }
  });
  return load;
}
