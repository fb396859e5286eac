import { mount, unmount } from 'svelte';
import App from './App.svelte';
import Recovery from './lib/components/Recovery.svelte';
import './app.css';
import { loadBackend } from './lib/backend';
import { applyTheme, savedTheme } from './lib/theme';

// The owner's theme, before anything is drawn (no light flash in a dark setting).
applyTheme(savedTheme(), false);

// Under LANG=C the webview reports the language "C", which Intl rejects (WebKit throws on
// `new Intl.NumberFormat("C")`, and so would the chart library). Fall back to a valid tag.
try {
  new Intl.NumberFormat(navigator.language);
} catch {
  Object.defineProperty(navigator, 'language', { value: 'en-US', configurable: true });
  Object.defineProperty(navigator, 'languages', { value: ['en-US'], configurable: true });
}

loadBackend().then(async (backend) => {
  const target = document.getElementById('app')!;
  const problem = await backend.startupProblem();
  if (!problem) {
    mount(App, { target, props: { backend } });
    return;
  }
  // The database could not be opened: offer the ways out; once a backup is restored and the
  // engine runs, the inbox takes the window.
  const recovery = mount(Recovery, {
    target,
    props: { backend, problem, onrestored: () => { unmount(recovery); mount(App, { target, props: { backend } }); } },
  });
});
