// One `vite preview` of dist/ and one Chromium for every browser test file: starting them
// per file cost seconds each. A file opens its own contexts (fresh storage each), so files
// stay independent; one that needs its own server or browser flags still starts its own.
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { browserPath, CHROMIUM_ARGS } from './chromium.mjs';
import { startPreview } from './server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    previewUrl: string;
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = browserPath();
  const server = await startPreview();
  const browser = executablePath ? await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS }) : undefined;
  project.provide('previewUrl', server.url);
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? '');
  return async () => {
    await browser?.close();
    server.stop();
  };
}
