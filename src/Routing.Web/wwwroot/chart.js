// The elevation profile as an SVG line chart with a text alternative that says the same in words.
import { t, number, distance } from './i18n.js';

const WIDTH = 320, HEIGHT = 120, LEFT = 40, BOTTOM = 20, TOP = 8, RIGHT = 8;
/**
 * The height axis spans at least this many metres, centred on the route's heights: a 10 m axis drew a street with a
 * few metres of rise as a hill. A route whose heights differ by less than FLAT_M is said to be flat, in words.
 */
const MIN_SPAN_M = 30, FLAT_M = 5;

/** A <figure> with the chart and its caption, or a sentence when the route has no heights. */
export function elevationFigure(route) {
  const profile = route.elevation_profile;
  const figure = document.createElement('figure');
  figure.className = 'elevation';
  if (!profile || profile.length < 2) {
    figure.innerHTML = `<figcaption>${t('noElevation')}</figcaption>`;
    return figure;
  }
  const heights = profile.map(p => p[1]);
  const lowest = Math.min(...heights), highest = Math.max(...heights);
  const span = Math.max(highest - lowest, MIN_SPAN_M);
  const low = (lowest + highest - span) / 2;
  const total = profile[profile.length - 1][0] || 1;
  const x = d => LEFT + (d / total) * (WIDTH - LEFT - RIGHT);
  const y = h => TOP + (1 - (h - low) / span) * (HEIGHT - TOP - BOTTOM);
  const points = profile.map(([d, h]) => `${x(d).toFixed(1)},${y(h).toFixed(1)}`).join(' ');
  const flat = highest - lowest < FLAT_M ? `${t('flat', number(Math.ceil(highest - lowest)))} ` : '';
  const summary = flat + t('elevationText', number(heights[0]), number(heights[heights.length - 1]), number(lowest), number(highest),
    number(route.ascent_m ?? 0), number(route.descent_m ?? 0));
  const id = `elevation-text-${Math.random().toString(36).slice(2)}`;
  figure.innerHTML = `
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" data-axis-m="${span}" role="img" aria-labelledby="${id}" preserveAspectRatio="none">
      <line x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${WIDTH - RIGHT}" y2="${HEIGHT - BOTTOM}" stroke="#57606a"/>
      <line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${HEIGHT - BOTTOM}" stroke="#57606a"/>
      <text x="${LEFT - 4}" y="${TOP + 8}" text-anchor="end" font-size="10" fill="#24292f">${number(low + span)} m</text>
      <text x="${LEFT - 4}" y="${HEIGHT - BOTTOM}" text-anchor="end" font-size="10" fill="#24292f">${number(low)} m</text>
      <text x="${WIDTH - RIGHT}" y="${HEIGHT - 4}" text-anchor="end" font-size="10" fill="#24292f">${distance(total)}</text>
      <polyline points="${LEFT},${HEIGHT - BOTTOM} ${points} ${WIDTH - RIGHT},${HEIGHT - BOTTOM}" fill="#dbe9f7" stroke="none"/>
      <polyline points="${points}" fill="none" stroke="#0b5cad" stroke-width="2"/>
    </svg>
    <figcaption><strong>${t('elevation')}:</strong> <span id="${id}">${summary}</span></figcaption>`;
  return figure;
}
