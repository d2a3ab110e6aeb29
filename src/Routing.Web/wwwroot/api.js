// Calls to the service. Errors are problem+json; callers get the parsed problem and decide what to show.

/** A failed call: the HTTP status and the problem body (type, title, detail, errors, blockers ...). */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export async function getJson(url, options = {}) {
  const response = await fetch(url, options);
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ProblemError(response.status, body);
  }
  return body;
}

/** A JSON call with the planner's key (when there is one) in X-Api-Key. */
export function withKey(apiKey, method = 'GET', body = undefined, contentType = 'application/json') {
  const headers = {};
  if (apiKey) {
    headers['X-Api-Key'] = apiKey;
  }
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
  }
  return { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
}

/** The query string of a route or tile request: waypoints when given, the profile and every constraint set. */
export function routeQuery({ from, to, via = [], profile, constraints = {}, language }) {
  const query = new URLSearchParams();
  if (from) query.set('from', point(from));
  if (to) query.set('to', point(to));
  if (via.length > 0) query.set('via', via.map(point).join(';'));
  if (profile) query.set('profile', profile);
  for (const [name, value] of Object.entries(constraints)) {
    query.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (language) query.set('language', language);
  return query;
}

export function point({ lat, lon }) {
  return `${lat.toFixed(6)},${lon.toFixed(6)}`;
}

/** Text made safe to put into HTML. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
