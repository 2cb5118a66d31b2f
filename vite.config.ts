/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './src/app/csp.ts';

// The built page carries the strict policy, first thing in <head>. The dev server does not:
// its hot reload injects <style> elements that a strict style-src refuses.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'song-map-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

// Installable and offline after one visit: Workbox (through vite-plugin-pwa) precaches the app,
// the bundled data and the fonts. 'prompt': a new version waits until the user says so, so an
// edit in progress is never reloaded away. The registration lives in src/app/pwa.ts (no inline
// script: the CSP stays strict).
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Sóng Map — Sóng và máy tính cho em, Cà Mau',
    short_name: 'Sóng Map',
    description: 'Bản đồ vùng phủ sóng, trường học và ấp của chương trình "Sóng và máy tính cho em" tỉnh Cà Mau; dùng được khi không có mạng.',
    lang: 'vi',
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5d7a',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,woff,woff2,geojson,csv,json,png,svg,webmanifest,wasm}'],
    // The map chunk (maplibre + deck.gl) is about 1.7 MB: above Workbox's 2 MiB default with margin.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

// Unit test files that change what other files would see (module mocks, stubbed globals, fake
// timers, a DOM): each runs in a fresh module graph. The rest share one per worker, which saves
// importing the domain again for every file (about 60 s of a 145 s run on two cores).
const CHANGES_GLOBALS = /vi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(|@vitest-environment/;
function unitFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join('test', 'browser') ? [] : unitFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
const isolatedUnitFiles = unitFiles('test').filter((file) => CHANGES_GLOBALS.test(readFileSync(file, 'utf8')));
const unitWorkers = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline],
  // Relative asset paths: the built app runs from any folder or sub-path, offline.
  base: './',
  server: { fs: { allow: ['.'] } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The lazy map chunk (maplibre + deck.gl) is about 1.7 MB, 470 KB gzip; the first script stays small.
    chunkSizeWarningLimit: 1800,
  },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/browser/**', ...isolatedUnitFiles],
          testTimeout: 30000,
          // Vitest's default is one worker fewer than the cores: a single one on a 2-core CI
          // runner, idle while the main process transforms the next file's imports and while
          // a CLI test waits on its child. Two keep both cores busy; the files share nothing
          // (temporary folders, port 0). Threads start faster than forked processes.
          pool: 'threads',
          isolate: false,
          maxWorkers: unitWorkers,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: isolatedUnitFiles,
          testTimeout: 30000,
          pool: 'threads',
          maxWorkers: unitWorkers,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 120000,
          hookTimeout: 180000,
          fileParallelism: false,
          // One module graph for every file (none mocks or stubs globals): each file's own import
          // of vitest and playwright-core cost about 2 s (5 files: 89 -> 80 s).
          isolate: false,
        },
      },
    ],
  },
});
