// How the inbox is drawn on this computer: comfortable rows (two lines of the post and why it
// ranks) or compact ones (one line each, two to three times as many in view). Kept in the web
// view's storage, like the theme.

export type Density = 'comfortable' | 'compact';
const KEY = 'earshot-density';

function saved(): Density {
  try { return localStorage.getItem(KEY) === 'compact' ? 'compact' : 'comfortable'; } catch { return 'comfortable'; }
}

export const prefs = $state<{ density: Density }>({ density: saved() });

/** Row heights before they are measured, per density (the list measures each as it draws it). */
export function rowEstimate(): number {
  return prefs.density === 'compact' ? 34 : 84;
}

export function setDensity(d: Density) {
  prefs.density = d;
  try { if (d === 'comfortable') localStorage.removeItem(KEY); else localStorage.setItem(KEY, d); } catch { /* this session only */ }
}
