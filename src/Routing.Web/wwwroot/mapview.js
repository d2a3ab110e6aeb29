// The map: an optional base map, the service's accessibility tiles, the route, waypoints, blockers and the report
// being drawn. Every judgement shown here comes from the tiles (the engine's rules); this file only draws it, and
// each judgement has its own colour AND line pattern, so nothing is told by colour alone.
import * as maplibregl from './vendor/maplibre-gl/maplibre-gl.mjs';
import { liveLegend } from './elevators.js';
import { transitLegend } from './transit.js';
import { t } from './i18n.js';

/** One line style per judgement: colour, dash pattern (in line widths) and width. Legend and layers share it. */
export const JUDGEMENTS = [
  { key: 'usable', color: '#1a7f37', dash: null, width: 3 },
  { key: 'above_comfort', color: '#8a5a00', dash: [4, 2], width: 3.5 },
  { key: 'unknown', color: '#57606a', dash: [0.5, 1.5], width: 3 },
  { key: 'blocked', color: '#c62828', dash: [1.5, 1], width: 4.5 },
];
const ROUTE_LEVEL = '#0b5cad';
const ROUTE_STEEP = '#a34100';
const LEAST_BAD = '#6f42c1';

export function createMap(config, container) {
  const map = new maplibregl.Map({
    container,
    style: baseStyle(config),
    center: config.center,
    zoom: 15,
    maxBounds: padded(config.bbox),
    attributionControl: { compact: true, customAttribution: config.attribution ?? undefined },
    // The map answers the keyboard when focused (arrows pan, +/- zoom); the page adds buttons for the centre.
    keyboard: true,
    fadeDuration: 0,
  });
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: false, showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  zoomOneLevelPerKey(map);
  return map;
}

/**
 * "+" zooms in one level, as the zoom button does. MapLibre zooms two levels when Shift is held, and "+" needs Shift
 * on most keyboards, so the focused map takes "+" and "-" itself before MapLibre's handler sees them.
 */
function zoomOneLevelPerKey(map) {
  map.getContainer().addEventListener('keydown', event => {
    const direction = event.key === '+' || event.key === '=' ? 1 : event.key === '-' || event.key === '_' ? -1 : 0;
    if (direction === 0 || event.altKey || event.ctrlKey || event.metaKey || !event.target.classList.contains('maplibregl-canvas')) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    map.easeTo({ zoom: Math.round(map.getZoom()) + direction, duration: 300 });
  }, { capture: true });
}

function baseStyle(config) {
  if (config.style_url) {
    return config.style_url;
  }
  const style = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f3ee' } }],
  };
  if (config.tile_url) {
    style.sources.base = { type: 'raster', tiles: [config.tile_url], tileSize: 256, maxzoom: 19, attribution: config.attribution ?? '' };
    style.layers.push({ id: 'base', type: 'raster', source: 'base' });
  } else {
    ownBaseMap(style);
  }
  return style;
}

/** The labels of the service's own base map: kept above the accessibility layer (see addLayers) so names stay readable. */
const BASE_LABELS = ['base-street-labels', 'base-place-labels'];
const FONT = ['Noto Sans Regular'];
const FONT_BOLD = ['Noto Sans Medium'];
const ZOOM = ['zoom'];

/**
 * The base map the service draws from its own OSM extract (/v1/basemap): green, water, squares, buildings, railways,
 * streets under the accessibility layer, street names along their lines and names of squares, stops and sights.
 * Glyphs are the bundled Noto Sans ranges (/app/fonts): nothing comes from the internet.
 */
function ownBaseMap(style) {
  style.glyphs = `${location.origin}/app/fonts/{fontstack}/{range}.pbf`;
  style.sources.basemap = {
    type: 'vector', tiles: [`${location.origin}/v1/basemap/{z}/{x}/{y}.mvt`], minzoom: 12, maxzoom: 16,
    attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  };
  const layer = (id, type, sourceLayer, extra) => style.layers.push({ id, type, source: 'basemap', 'source-layer': sourceLayer, ...extra });
  const byClass = (values, fallback) => ['match', ['get', 'class'], ...values, fallback];
  const width = (stops) => ['interpolate', ['exponential', 1.6], ZOOM, ...stops];
  layer('base-green', 'fill', 'green', { paint: { 'fill-color': byClass(['wood', '#c8dfb8', 'pitch', '#dfeccf'], '#d8eac4') } });
  layer('base-water', 'fill', 'water', { paint: { 'fill-color': '#a9cfe0' } });
  layer('base-waterways', 'line', 'waterways', { paint: { 'line-color': '#a9cfe0', 'line-width': width([12, 1, 18, byClass(['river', 12], 4)]) } });
  layer('base-squares', 'fill', 'squares', { paint: { 'fill-color': '#ece8e1', 'fill-outline-color': '#cfc8bc' } });
  layer('base-buildings', 'fill', 'buildings', { paint: { 'fill-color': '#ddd5cc', 'fill-outline-color': '#c2b5a8' } });
  layer('base-railways', 'line', 'railways', {
    paint: { 'line-color': '#8c8c8c', 'line-width': width([12, 1, 18, byClass(['tram', 2], 3)]), 'line-dasharray': [3, 1.5] },
  });
  // Streets: a pale band under the accessibility layer's coloured lines, wider for main roads.
  layer('base-streets-casing', 'line', 'streets', {
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': '#c9c3b8', 'line-width': width([12, byClass(['major', 3, 'medium', 2], 1), 18, byClass(['major', 22, 'medium', 18, 'minor', 14, 'pedestrian', 12], 6)]) },
  });
  layer('base-streets', 'line', 'streets', {
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': byClass(['major', '#fbf3d9', 'path', '#f7f5f0', 'steps', '#f7f5f0', 'track', '#f1ece2'], '#ffffff'),
      'line-width': width([12, byClass(['major', 2, 'medium', 1.4], 0.6), 18, byClass(['major', 19, 'medium', 15, 'minor', 12, 'pedestrian', 10], 4)]) },
  });
  layer('base-street-labels', 'symbol', 'streets', {
    filter: ['all', ['has', 'name'], ['match', ['get', 'class'], ['major', 'medium'], ['>=', ZOOM, 14], ['>=', ZOOM, 15]]],
    layout: {
      'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': FONT, 'text-max-angle': 35, 'symbol-spacing': 300,
      'text-size': ['interpolate', ['linear'], ZOOM, 14, 11, 18, 15],
    },
    paint: { 'text-color': '#2b2b2b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  });
  layer('base-place-labels', 'symbol', 'labels', {
    layout: {
      'text-field': ['get', 'name'], 'text-font': FONT_BOLD, 'text-size': ['interpolate', ['linear'], ZOOM, 13, 11, 18, 14],
      'text-max-width': 8, 'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': 0.6,
    },
    paint: { 'text-color': '#3d3226', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  });
}

function padded([minLon, minLat, maxLon, maxLat]) {
  return [[minLon - 0.05, minLat - 0.05], [maxLon + 0.05, maxLat + 0.05]];
}

/** Adds the accessibility layer and the app's own sources; call once the style has loaded. */
export function addLayers(map, config, tileUrl) {
  addIcons(map);
  map.addSource('a11y', { type: 'vector', tiles: [tileUrl], minzoom: config.tiles_min_zoom, maxzoom: 18 });
  for (const j of JUDGEMENTS) {
    map.addLayer({
      id: `ways-${j.key}`, type: 'line', source: 'a11y', 'source-layer': 'ways',
      filter: ['==', ['get', 'judgement'], j.key],
      layout: { 'line-cap': j.dash && j.dash[0] < 1 ? 'round' : 'butt', 'line-join': 'round' },
      paint: { 'line-color': j.color, 'line-width': j.width, ...(j.dash ? { 'line-dasharray': j.dash } : {}) },
    });
  }
  // Steps: a wide "ladder" of short bars under the way's own line.
  map.addLayer({
    id: 'steps', type: 'line', source: 'a11y', 'source-layer': 'steps',
    paint: { 'line-color': '#3b2266', 'line-width': 9, 'line-dasharray': [0.25, 0.35], 'line-opacity': 0.9 },
  }, 'ways-usable');
  map.addLayer({
    id: 'kerbs', type: 'circle', source: 'a11y', 'source-layer': 'kerbs', minzoom: 15,
    paint: {
      'circle-radius': 4.5,
      'circle-color': ['match', ['get', 'judgement'], ...JUDGEMENTS.flatMap(j => [j.key, j.color]), '#57606a'],
      'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({ id: 'elevators', type: 'symbol', source: 'a11y', 'source-layer': 'elevators', layout: { 'icon-image': 'elevator', 'icon-allow-overlap': true } });
  map.addLayer({
    id: 'barrier-areas', type: 'fill', source: 'a11y', 'source-layer': 'barriers', filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': '#c62828', 'fill-opacity': 0.18 },
  });
  map.addLayer({
    id: 'barrier-lines', type: 'line', source: 'a11y', 'source-layer': 'barriers', filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': '#000000', 'line-width': 5, 'line-dasharray': [1, 1] },
  });
  map.addLayer({
    id: 'barrier-points', type: 'symbol', source: 'a11y', 'source-layer': 'barriers', filter: ['==', ['geometry-type'], 'Point'],
    layout: { 'icon-image': 'barrier', 'icon-allow-overlap': true },
  });

  // Names above the coloured ways, under the route: the route stays on top, and names stay readable.
  for (const id of BASE_LABELS) {
    if (map.getLayer(id)) map.moveLayer(id);
  }

  map.addSource('route', emptyGeoJson());
  map.addSource('least-bad', emptyGeoJson());
  map.addSource('blockers', emptyGeoJson());
  map.addSource('draft', emptyGeoJson());
  map.addLayer({ id: 'least-bad', type: 'line', source: 'least-bad', paint: { 'line-color': LEAST_BAD, 'line-width': 5, 'line-dasharray': [2, 1.5] } });
  map.addLayer({ id: 'route-casing', type: 'line', source: 'route', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 10 } });
  map.addLayer({
    id: 'route', type: 'line', source: 'route', layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ['case', ['get', 'steep'], ROUTE_STEEP, ROUTE_LEVEL], 'line-width': ['case', ['get', 'steep'], 8, 6] },
  });
  // Uncertain stretches get white dashes inside the line: visible on either route colour, and not a colour.
  map.addLayer({
    id: 'route-uncertain', type: 'line', source: 'route', filter: ['get', 'uncertain'],
    paint: { 'line-color': '#ffffff', 'line-width': 2, 'line-dasharray': [2, 2] },
  });
  map.addLayer({ id: 'blockers', type: 'symbol', source: 'blockers', layout: { 'icon-image': 'blocker', 'icon-allow-overlap': true } });
  map.addLayer({ id: 'draft-area', type: 'fill', source: 'draft', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#6f42c1', 'fill-opacity': 0.2 } });
  map.addLayer({ id: 'draft-line', type: 'line', source: 'draft', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#6f42c1', 'line-width': 3, 'line-dasharray': [1, 1] } });
  map.addLayer({ id: 'draft-points', type: 'circle', source: 'draft', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#6f42c1', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
}

function emptyGeoJson() {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

/** Icons drawn on a canvas: no sprite file, no font, so they work offline. */
function addIcons(map) {
  const icon = (name, draw) => {
    const size = 24, scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size * scale;
    const g = canvas.getContext('2d');
    g.scale(scale, scale);
    draw(g, size);
    map.addImage(name, g.getImageData(0, 0, size * scale, size * scale), { pixelRatio: scale });
  };
  icon('elevator', (g, s) => {
    g.fillStyle = '#0b5cad'; g.fillRect(2, 2, s - 4, s - 4);
    g.strokeStyle = '#fff'; g.lineWidth = 2; g.strokeRect(2, 2, s - 4, s - 4);
    g.fillStyle = '#fff';
    triangle(g, 12, 5, 17, 10, 7, 10); triangle(g, 12, 19, 17, 14, 7, 14);
  });
  const warning = color => (g, s) => {
    g.fillStyle = color; g.strokeStyle = '#fff'; g.lineWidth = 2;
    g.beginPath(); g.moveTo(s / 2, 2); g.lineTo(s - 2, s - 3); g.lineTo(2, s - 3); g.closePath(); g.fill(); g.stroke();
    g.fillStyle = '#fff'; g.fillRect(s / 2 - 1.5, 8, 3, 7); g.fillRect(s / 2 - 1.5, 16.5, 3, 3);
  };
  icon('barrier', warning('#000000'));
  icon('blocker', (g, s) => {
    g.fillStyle = '#c62828'; g.strokeStyle = '#fff'; g.lineWidth = 2;
    g.beginPath(); g.arc(s / 2, s / 2, s / 2 - 2, 0, 2 * Math.PI); g.fill(); g.stroke();
    g.strokeStyle = '#fff'; g.lineWidth = 3;
    g.beginPath(); g.moveTo(7, 7); g.lineTo(s - 7, s - 7); g.moveTo(s - 7, 7); g.lineTo(7, s - 7); g.stroke();
  });
}

function triangle(g, x1, y1, x2, y2, x3, y3) {
  g.beginPath(); g.moveTo(x1, y1); g.lineTo(x2, y2); g.lineTo(x3, y3); g.closePath(); g.fill();
}

/** The route's segments as features: steep where the service's verdict says so, uncertain where facts are unknown. */
export function routeFeatures(route) {
  return {
    type: 'FeatureCollection',
    features: route.segments.map(segment => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: route.geometry.coordinates.slice(segment.first_point, segment.last_point + 1).map(c => [c[0], c[1]]) },
      properties: { steep: segment.steep !== null, uncertain: segment.unknown.length > 0 },
    })),
  };
}

export function setData(map, source, data) {
  map.getSource(source)?.setData(data ?? { type: 'FeatureCollection', features: [] });
}

/** Room kept around what is fitted, in pixels: a marker's pin and the route's width stand out of its bounds. */
const FIT_MARGIN_PX = 28;

/**
 * Fits the map to a box (west, south, east, north) so that nothing drawn over the map covers it: the legend, the map
 * keys and the map's own controls. Each of them pads the side of the map it gives up least by (a corner box: its
 * width or its height, whichever is the smaller share of the map).
 */
export function fitTo(map, bbox) {
  map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: paddingForOverlays(map), duration: 0, maxZoom: 17 });
}

/** What lies over the map: the page's overlays (data-over-map) and MapLibre's controls in its four corners. */
export function overlaysOf(map) {
  const area = map.getContainer().closest('.map-area') ?? map.getContainer();
  return [...area.querySelectorAll('[data-over-map], .maplibregl-ctrl-top-left > *, .maplibregl-ctrl-top-right > *, .maplibregl-ctrl-bottom-left > *, .maplibregl-ctrl-bottom-right > *')]
    .filter(element => element.getClientRects().length > 0);
}

function paddingForOverlays(map) {
  const frame = map.getContainer().getBoundingClientRect();
  const padding = { top: FIT_MARGIN_PX, right: FIT_MARGIN_PX, bottom: FIT_MARGIN_PX, left: FIT_MARGIN_PX };
  for (const element of overlaysOf(map)) {
    const box = element.getBoundingClientRect();
    const covered = {
      left: Math.min(box.right, frame.right) - frame.left, right: frame.right - Math.max(box.left, frame.left),
      top: Math.min(box.bottom, frame.bottom) - frame.top, bottom: frame.bottom - Math.max(box.top, frame.top),
    };
    if (Math.min(covered.left, covered.right, covered.top, covered.bottom) <= 0) {
      continue; // not over the map
    }
    const share = side => covered[side] / (side === 'left' || side === 'right' ? frame.width : frame.height);
    const side = ['left', 'right', 'top', 'bottom'].reduce((best, next) => (share(next) < share(best) ? next : best));
    padding[side] = Math.max(padding[side], covered[side] + (FIT_MARGIN_PX / 2));
  }
  // A map too small for all of it keeps a third of each direction for what is fitted (MapLibre refuses a padding
  // larger than the map).
  for (const [a, b, size] of [['left', 'right', frame.width], ['top', 'bottom', frame.height]]) {
    const room = (size * 2) / 3;
    if (padding[a] + padding[b] > room) {
      const scale = room / (padding[a] + padding[b]);
      padding[a] *= scale;
      padding[b] *= scale;
    }
  }
  return padding;
}

/** A waypoint marker that says what it is in text ("A", "B", "1"), with a name for screen readers. */
export function marker(map, lngLat, letter, label, onMove) {
  const element = document.createElement('div');
  element.className = 'waypoint-marker';
  element.textContent = letter;
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
  const result = new maplibregl.Marker({ element, draggable: true }).setLngLat(lngLat).addTo(map);
  result.on('dragend', () => onMove(result.getLngLat()));
  return result;
}

/** The legend: each judgement and route style drawn as the map draws it, with its words. */
export function renderLegend(container) {
  const line = (color, dash, width) => {
    const dashAttr = dash ? ` stroke-dasharray="${dash.map(d => d * width).join(' ')}"` : '';
    return `<svg width="44" height="12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="42" y2="6" stroke="${color}" stroke-width="${width}"${dashAttr}/></svg>`;
  };
  container.innerHTML = `
    <h3>${t('legendWays')}</h3>
    <ul>${JUDGEMENTS.map(j => `<li>${line(j.color, j.dash, j.width)} ${t(`judgement_${j.key}`)}</li>`).join('')}
      <li><svg width="44" height="12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="42" y2="6" stroke="#3b2266" stroke-width="9" stroke-dasharray="2 3"/></svg> ${t('legendSteps')}</li>
    </ul>
    <h3>${t('legendPoints')}</h3>
    <ul>
      <li><svg width="44" height="16" aria-hidden="true" focusable="false"><circle cx="22" cy="8" r="5" fill="#57606a" stroke="#fff" stroke-width="1.5"/></svg> ${t('legendKerb')}</li>
      <li><svg width="44" height="18" aria-hidden="true" focusable="false"><rect x="14" y="1" width="16" height="16" fill="#0b5cad"/><path d="M22 4 L26 8 L18 8 Z M22 14 L26 10 L18 10 Z" fill="#fff"/></svg> ${t('legendElevator')}</li>
      <li><svg width="44" height="18" aria-hidden="true" focusable="false"><path d="M22 1 L31 17 L13 17 Z" fill="#000"/><rect x="21" y="6" width="2" height="6" fill="#fff"/><rect x="21" y="13" width="2" height="2" fill="#fff"/></svg> ${t('legendBarrier')}</li>
      ${liveLegend()}
    </ul>
    <h3>${t('legendRoute')}</h3>
    <ul>
      <li>${line(ROUTE_LEVEL, null, 6)} ${t('routeLevel')}</li>
      <li>${line(ROUTE_STEEP, null, 8)} ${t('routeSteep')}</li>
      <li><svg width="44" height="12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="42" y2="6" stroke="${ROUTE_LEVEL}" stroke-width="6"/><line x1="2" y1="6" x2="42" y2="6" stroke="#fff" stroke-width="2" stroke-dasharray="4 4"/></svg> ${t('routeUncertain')}</li>
      <li>${line(LEAST_BAD, [2, 1.5], 5)} ${t('routeLeastBad')}</li>
    </ul>
    <div class="transit-legend">
      <h3>${t('transitTitle')}</h3>
      <ul>${transitLegend()}</ul>
    </div>`;
}

/** A small note on the map at a point (text only, closable by keyboard with its close button). */
export function showPopup(map, lngLat, text) {
  new maplibregl.Popup({ closeButton: true, maxWidth: '18rem' }).setLngLat(lngLat).setText(text).addTo(map);
}
