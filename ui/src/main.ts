import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { loadBackend } from './lib/backend';

// Under LANG=C the webview reports the language "C", which Intl rejects (WebKit throws on
// `new Intl.NumberFormat("C")`, and so would the chart library). Fall back to a valid tag.
try {
  new Intl.NumberFormat(navigator.language);
} catch {
  Object.defineProperty(navigator, 'language', { value: 'en-US', configurable: true });
  Object.defineProperty(navigator, 'languages', { value: ['en-US'], configurable: true });
}

loadBackend().then((backend) => {
  mount(App, { target: document.getElementById('app')!, props: { backend } });
});
