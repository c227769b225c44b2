// What the views share: the caller (from /api/me), the map, the catalog, activity kinds and
// statuses the server offers, and whether map clicks currently belong to drawing or editing.
export const state = {
  me: null,
  ui: null,
  catalog: [], // obstacle and sensor types of /api/catalog, each with its geometry
  activityKinds: [],
  statuses: [], // [{id, standing, in_ground}] from /api/statuses, in lifecycle order
  drawing: false,
  drawEndedAt: -1, // performance.now() when the last drawing ended: clicks before it drew
};

/** Whether the server lists this capability for the caller's role (`plan`, `run-jobs` …). */
export function may(what) {
  return !!state.me && state.me.may.includes(what);
}

/** Reloads the registry's layers on the map. */
export function refreshRecords() {
  state.ui.layers.obstacles.getSource().refresh();
  state.ui.layers.minefields.getSource().refresh();
  state.ui.layers.sensors.getSource().refresh();
  state.ui.layers.coverage.getSource().refresh(); // the server recomputes it when sensors change
}
