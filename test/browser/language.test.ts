// The whole page in Vietnamese on a browser whose own language is English: every tab, a
// siting answer, a selected gap with its workflow editor and a refused date, and the print
// report. A word the English page also shows is an untranslated text unless it is a name
// (of a place in the data, an operator, a format, a licence): the test lists such words.
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, executablePath, previewUrl, sharedBrowser } from './session.ts';

// Names and symbols that are the same in both languages.
const NAMES = new Set([
  'Sóng', 'Map', 'Mau', 'Viettel', 'VNPT', 'MobiFone', 'MF', 'VT', 'VN', 'GeoJSON', 'CSV', 'JSON', 'PNG', 'PDF', 'SIM',
  'GB', 'Internet', 'OpenCelliD', 'censusVN', 'Marc', 'Choisy', 'MIT', 'Natural', 'Earth', 'Ctrl', 'Shift', 'km', 'Mbps',
  'THCS', 'THPT', 'HS', 'GeoParquet', 'FlatGeobuf',
  // A file name and an address's scheme: "model.json", "ws://…" / "wss://…".
  'model', 'json', 'ws', 'wss',
  // The programme's own name, quoted in both languages: "Sóng và máy tính cho em".
  'cho', 'em',
  // Vietnamese words spelt like English ones: "In báo cáo" (print), "so với" (compared with), "Phóng to" (zoom in).
  'In', 'so', 'to',
  // Keys, units and the names of models and solvers: the same in both languages.
  'Alt', 'Tab', 'Enter', 'MHz', 'dB', 'Hata', 'COST', 'HiGHS',
]);

/** Words of the bundled data's names (places, schools, towers): the same in both languages. */
function dataWords(): Set<string> {
  const words = new Set<string>();
  const files = ['data/hamlets.geojson', 'data/schools.geojson', 'data/towers.geojson', 'data/programme.json', 'data/deliveries.csv'];
  for (const name of readdirSync('data/boundaries')) files.push(`data/boundaries/${name}`);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/"(?:name|title|id|operator|district|commune)"\s*:\s*"([^"]*)"/g)) {
      for (const word of match[1]?.match(/\p{L}+/gu) ?? []) words.add(word);
    }
  }
  return words;
}

async function shown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const own = document.documentElement.lang;
    // A control written in the other language on purpose (the language switch) says so with `lang`.
    const mine = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? own) === own;
    const labels = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')]
      .filter(mine)
      .map((el) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? '').join(' '));
    // The print report is hidden on screen: its text nodes, one by one.
    const report: string[] = [];
    const root = document.querySelector('[data-testid="print-report"]');
    if (root) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) report.push(node.textContent ?? '');
    }
    const visible: string[] = [];
    const body = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = body.nextNode(); node; node = body.nextNode()) {
      const parent = node.parentElement;
      if (parent && mine(parent) && parent.checkVisibility()) visible.push(node.textContent ?? '');
    }
    return `${visible.join(' ')} ${labels.join(' ')} ${report.join(' ')}`;
  });
}

/** What a user sees in one language, walking the page: its words. */
async function walk(browser: Browser, url: string, lang: 'vi' | 'en'): Promise<Set<string>> {
  const context = await browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${url}#v=1&lang=${lang}`);
  await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached', timeout: 90000 });
  await page.getByTestId('coverage-summary').waitFor({ timeout: 90000 });
  let text = await shown(page);
  await page.locator('#tab-plan').click();
  const siting = page.getByTestId('siting-panel');
  await siting.locator('button[type="submit"], button').last().click();
  await page.getByTestId('siting-summary').waitFor({ timeout: 60000 });
  text += await shown(page);
  const row = page.locator('[data-testid="gap-register"] tbody tr[data-gap]').first();
  await row.getByRole('button').click();
  const editor = page.getByTestId('gap-status-editor');
  await editor.waitFor();
  text += await shown(page);
  // A refused date: its message is part of what a user reads.
  await editor.getByRole('combobox').first().selectOption({ index: 1 });
  await editor.locator('input[type="text"]').first().fill('99/99/2022');
  await editor.getByRole('button').last().click();
  text += await shown(page);
  await page.locator('#tab-map').click();
  text += await shown(page);
  await context.close();
  return new Set(text.match(/\p{L}+/gu) ?? []);
}

describe.skipIf(!executablePath)('every word of the page in Vietnamese', () => {
  let browser: Browser;

  beforeAll(async () => {
    // The shared Chromium; the context's locale makes the page's language English (navigator,
    // Accept-Language, Intl), as a browser started with --lang=en-US does.
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows no word of the English page that is not a name', async () => {
    const vi = await walk(browser, previewUrl(), 'vi');
    const en = await walk(browser, previewUrl(), 'en');
    const names = dataWords();
    const both = [...vi].filter((w) => en.has(w) && !NAMES.has(w) && !names.has(w) && !/^[A-Z]$/.test(w));
    expect(vi.size).toBeGreaterThan(300);
    expect(both.sort()).toEqual([]);
  }, 240000);
});
