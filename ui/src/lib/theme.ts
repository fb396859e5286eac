// The colour theme: the system's (light or dark, followed as it changes) unless the owner picks
// one in Settings → Appearance. The choice is this computer's, kept in the web view's storage.

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'earshot-theme';

export function savedTheme(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch { return 'system'; }
}

/** Applies a theme to the page (and keeps it for next time). */
export function applyTheme(t: Theme, keep = true) {
  const root = document.documentElement;
  if (t === 'system') delete root.dataset.theme; else root.dataset.theme = t;
  if (keep) {
    try { if (t === 'system') localStorage.removeItem(KEY); else localStorage.setItem(KEY, t); } catch { /* private mode: for this session only */ }
  }
}
