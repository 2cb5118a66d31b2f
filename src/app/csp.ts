/**
 * The built app's Content-Security-Policy (vite.config.ts puts it in index.html). Everything
 * comes from the app's own origin: no remote scripts, styles, fonts, tiles or APIs, no inline
 * script or style, no eval. `data:` and `blob:` are for what the app makes itself: icon
 * images, map stills, exported files, the map's worker. The one exception is live sync
 * (state/sync.ts): a WebSocket to the sync server whose address the user types in, so
 * `connect-src` allows the ws: and wss: schemes (a script of the app's own opens them).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'style-src': ["'self'"],
  'connect-src': ["'self'", 'data:', 'blob:', 'ws:', 'wss:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
