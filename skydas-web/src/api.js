// The server's JSON API: same-origin fetch with the session cookie, the CSRF token on unsafe
// methods, and RFC 9457 problems turned into errors that carry the problem document.
let csrf = null;

export function setCsrf(token) {
  csrf = token;
}

export class Problem extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.problem = problem;
  }
}

export async function api(method, path, body, type = 'application/json') {
  const headers = { Accept: 'application/json, application/geo+json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = type;
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  let r;
  try {
    r = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new Problem({ title: 'Network error', detail: `the server did not answer (${e.message})`, status: 0 });
  }
  if (r.status === 204) return null;
  const ct = r.headers.get('Content-Type') || '';
  const data = ct.includes('json') ? await r.json() : await r.text();
  if (!r.ok) throw new Problem(typeof data === 'object' ? data : { detail: String(data), status: r.status });
  return data;
}

/**
 * Every record matching `query` (e.g. `kind=depot`) as one FeatureCollection, following the
 * server's pages (a page ends at its limit or its vertex budget, and says where the next starts).
 */
export async function allRecords(query = '') {
  const features = [];
  let offset = 0;
  for (;;) {
    const page = await api('GET', `/api/records?limit=10000&offset=${offset}${query ? `&${query}` : ''}`);
    features.push(...page.features);
    if (page.next_offset === undefined || page.next_offset === null || page.features.length === 0) break;
    offset = page.next_offset;
  }
  return { type: 'FeatureCollection', features };
}
