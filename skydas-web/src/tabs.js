// The views (map, registry, programme, jobs) as tabs; other modules register what showing a view
// does, so this module depends on none of them.
const onShowing = {};

/** Runs `fn` whenever the tab is shown. */
export function onShow(tab, fn) {
  onShowing[tab] = fn;
}

export function show(tab) {
  document.querySelectorAll('#tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
  document.querySelectorAll('#panel > section').forEach((s) => { s.hidden = s.dataset.view !== tab; });
  if (onShowing[tab]) onShowing[tab]();
}

export function initTabs() {
  document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => show(b.dataset.tab)));
}
