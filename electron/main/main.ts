// The desktop app's entry (bundled to dist/electron/main.js): the scheme first, then one instance.
import { app } from 'electron';
import { registerAppScheme } from './app-protocol.js';
import { startDesktop } from './desktop.js';
import { shellFailureText } from './shell-failure-text.js';

registerAppScheme();
// One app per user: a second launch focuses the first instead of opening the vault twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  startDesktop().catch((error: unknown) => {
    console.error(`Keyturn could not start: ${shellFailureText(error)}`);
    app.exit(1);
  });
}
