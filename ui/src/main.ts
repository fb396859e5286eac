import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { loadBackend } from './lib/backend';

loadBackend().then((backend) => {
  mount(App, { target: document.getElementById('app')!, props: { backend } });
});
