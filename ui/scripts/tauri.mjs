// Runs the Tauri CLI with this project's folders named (the front end here, the Rust shell in
// ../src-tauri), so it never guesses them from the first package.json it finds: the repository
// has others (interop/). `npm run tauri -- build`, from any folder, on any platform.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logError, run } from '@tauri-apps/cli';

const ui = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.env.TAURI_FRONTEND_PATH = ui;
process.env.TAURI_APP_PATH = resolve(ui, '../src-tauri');
run(process.argv.slice(2), 'npm run tauri').catch((e) => {
  logError(e.message);
  process.exit(1);
});
