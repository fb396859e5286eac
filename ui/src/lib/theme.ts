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

let following: ((e: MediaQueryListEvent) => void) | null = null;

/** Applies a theme to the page (and keeps it for next time). "system" follows the system's
 * choice as it changes; the page always carries `data-theme` light or dark. */
export function applyTheme(t: Theme, keep = true) {
  const root = document.documentElement;
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  if (following && media) media.removeEventListener('change', following);
  following = null;
  if (t === 'system') {
    root.dataset.theme = media?.matches ? 'dark' : 'light';
    following = (e) => { root.dataset.theme = e.matches ? 'dark' : 'light'; };
    media?.addEventListener('change', following);
  } else {
    root.dataset.theme = t;
  }
  if (keep) {
    try { if (t === 'system') localStorage.removeItem(KEY); else localStorage.setItem(KEY, t); } catch { /* private mode: for this session only */ }
  }
}
