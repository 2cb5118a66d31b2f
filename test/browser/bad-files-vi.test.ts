// Every bad file of the corpus dropped on the app in Vietnamese, on a browser whose own
// language is English: what the import panel then shows must be Vietnamese (contract names
// in quotes and file names aside), whatever the file.
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../domain/messages/english.ts';
import { drop } from './drop.ts';
import { CONTEXT, executablePath, previewUrl, sharedBrowser } from './session.ts';

const DIR = 'test/fixtures/bad/';
const FILES = readdirSync(DIR).filter((name) => !name.startsWith('.')).sort();

describe.skipIf(!executablePath)('the bad-file corpus in Vietnamese', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The shared Chromium; the context's locale makes the page's language English (navigator,
    // Accept-Language, Intl), as a browser started with --lang=en-US does.
    browser = await sharedBrowser();
    const context = await browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    await page.goto(previewUrl());
    await page.getByTestId('coverage-summary').waitFor({ timeout: 90000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says every problem of every bad file in Vietnamese', async () => {
    expect(FILES.length).toBeGreaterThan(40);
    const english: string[] = [];
    for (const name of FILES) {
      await drop(page, [{ name, text: readFileSync(DIR + name) }]);
      const result = page.getByTestId('import-result');
      await result.waitFor({ timeout: 30000 });
      const shown = await result.innerText();
      const words = englishWords(shown.replaceAll(name, ' '));
      if (words.length > 0) english.push(`${name}: ${words.join(' ')} — ${shown.split('\n').find((l) => englishWords(l.replaceAll(name, ' ')).length > 0)}`);
      await page.getByRole('button', { name: 'Huỷ' }).click();
      await result.waitFor({ state: 'detached', timeout: 10000 });
    }
    expect(english).toEqual([]);
  });
});
