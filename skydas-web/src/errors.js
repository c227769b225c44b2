// Field errors as the server sends them: problem.errors = [{field, message, where?}]. They are
// listed, and each input whose data-field names the field is marked with its message beside it.
import { Problem } from './api.js';
import { el } from './dom.js';

/** The structured field errors of an error (empty when it has none). */
export function fieldErrors(e) {
  return e instanceof Problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
}

/** One error as a line: `where: field: message`, leaving out what it does not have. */
export function errorLine(x) {
  return [x.where, x.field, x.message].filter(Boolean).join(': ');
}

/** Lists the errors of `e` in `ul` and marks the fields of `form` (if given) they name. */
export function showErrors(ul, e, form) {
  const errs = fieldErrors(e);
  ul.replaceChildren(...errs.map((x) => el('li', {}, errorLine(x))));
  if (!form) return;
  for (const input of form.querySelectorAll('[data-field]')) {
    const mine = errs.filter((x) => x.field === input.dataset.field);
    input.setAttribute('aria-invalid', mine.length ? 'true' : 'false');
    let msg = input.parentElement.querySelector('.field-error');
    if (!msg) { msg = el('span', { class: 'field-error error' }); input.after(msg); }
    msg.textContent = mine.map((x) => x.message).join('; ');
  }
}
