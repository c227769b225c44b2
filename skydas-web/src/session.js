// The session: log in (or resume the cookie's session), log out, and enter the app with what the
// server says the caller may do (`may` of /api/me).
import { api, setCsrf } from './api.js';
import { $, problemText } from './dom.js';
import { state, may } from './state.js';

/** Resumes the session or shows the login form; `enter(me)` runs once logged in. */
export async function startSession(enter) {
  $('#login').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    $('#login-error').textContent = '';
    try {
      const m = await api('POST', '/api/login', { username: f.get('username'), password: f.get('password') });
      ev.target.reset();
      enter(m);
    } catch (e) {
      $('#login-error').textContent = problemText(e);
    }
  });
  $('#logout').addEventListener('click', async () => {
    try { await api('POST', '/api/logout'); } catch { /* the session may already be gone */ }
    location.reload();
  });
  try {
    enter(await api('GET', '/api/me'));
  } catch {
    $('#login').hidden = false;
    $('#login [name=username]').focus();
  }
}

/** Shows the app for the caller: name, role, and the parts the role's capabilities allow. */
export function admit(m) {
  state.me = m;
  setCsrf(m.csrf_token);
  $('#login').hidden = true;
  $('#app').hidden = false;
  $('#tabs').hidden = false;
  $('#who').hidden = false;
  $('#who-name').textContent = `${m.username} (${m.role})`;
  document.querySelectorAll('.needs-plan').forEach((x) => { x.hidden = !may('plan'); });
  document.querySelectorAll('.needs-jobs').forEach((x) => { x.hidden = !may('run-jobs'); });
}
