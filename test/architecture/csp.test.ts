// The built page's Content-Security-Policy: strict, and nothing from another origin.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../src/app/csp.ts';

describe('Content-Security-Policy', () => {
  const sources = Object.values(CSP_DIRECTIVES).flat();

  it('allows no inline script or style, no eval and no plugins', () => {
    expect(sources.filter((s) => /unsafe|nonce-|sha\d+-/.test(s))).toEqual([]);
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['style-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['base-uri']).toEqual(["'none'"]);
  });

  it('names no other origin: the app runs offline; only live sync may open a WebSocket to the server the user sets', () => {
    expect(CSP_DIRECTIVES['default-src']).toEqual(["'self'"]);
    expect(sources.filter((s) => !["'self'", "'none'", 'data:', 'blob:', 'ws:', 'wss:'].includes(s))).toEqual([]);
    const sockets = Object.entries(CSP_DIRECTIVES).filter(([, list]) => list.some((s) => s === 'ws:' || s === 'wss:'));
    expect(sockets.map(([name]) => name)).toEqual(['connect-src']);
  });

  it('is written as one policy string, directive by directive', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toHaveLength(Object.keys(CSP_DIRECTIVES).length);
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'self'; script-src 'self';")).toBe(true);
  });
});
