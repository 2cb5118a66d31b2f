import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './test/browser/chromium.mjs';
import { startPreview } from './test/browser/server.mjs';
import { writeFileSync } from 'node:fs';
const out = '/work/shots/';
const server = await startPreview();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--lang=en-US'] });
const words: Record<string, Set<string>> = { vi: new Set(), en: new Set() };
const widths = (process.env.WIDTHS ?? '1280').split(',').map(Number);
for (const width of widths) for (const lang of ['vi', 'en'] as const) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}#lang=${lang}`);
  await page.getByTestId('coverage-summary').waitFor({ timeout: 90000 });
  await page.waitForTimeout(2500);
  for (const tab of ['map', 'plan']) {
    await page.locator(`#tab-${tab}`).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}${lang}-${width}-${tab}.png`, fullPage: true });
    const side = page.locator('.sidebar');
    const [sh, ch] = await side.evaluate((el) => [el.scrollHeight, el.clientHeight]);
    for (let k = 0; k * ch < sh; k++) {
      await side.evaluate((el, top) => { el.scrollTop = top; }, k * ch);
      await page.waitForTimeout(150);
      await side.screenshot({ path: `${out}${lang}-${width}-${tab}-side${k}.png` });
    }
    const text = await page.evaluate(() => document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label],[title],[placeholder]')].map(e => (e.getAttribute('aria-label') ?? '') + ' ' + (e.getAttribute('title') ?? '') + ' ' + (e.getAttribute('placeholder') ?? '')).join(' '));
    writeFileSync(`${out}${lang}-${width}-${tab}.txt`, text);
    for (const w of text.match(/\p{L}+/gu) ?? []) words[lang].add(w);
  }
  await context.close();
}
const both = [...words.vi].filter((w) => words.en.has(w) && /^[A-Za-z]+$/.test(w));
writeFileSync(out + 'both.txt', both.sort().join('\n'));
console.log(both.length, 'words in both');
await browser.close(); server.stop();
