// Small DOM helpers shared by every view: query, element builder, the flash line.
import { Problem } from './api.js';

export const $ = (sel) => document.querySelector(sel);

/** An element with attributes (`onclick` becomes a listener) and children (nodes or text). */
export function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'onclick') e.addEventListener('click', v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids.flat()) e.append(k instanceof Node ? k : document.createTextNode(String(k ?? '')));
  return e;
}

/** Shows a message in the flash line; good ones fade after 6 s. */
export function flash(msg, good = false) {
  const f = $('#flash');
  f.textContent = msg;
  f.className = msg ? (good ? 'good' : 'bad') : '';
  if (good && msg) setTimeout(() => { if (f.textContent === msg) flash(''); }, 6000);
}

/** The human line of an error (a problem's detail). */
export function problemText(e) {
  if (e instanceof Problem) return e.message;
  return String(e && e.message ? e.message : e);
}

/** Underscored ids as words: `start_construction` → `start construction`. */
export const words = (id) => String(id).replaceAll('_', ' ');
