// The worker's side of an import (src/worker/import-session.ts) over the bundled data: files
// read with progress (text, or a Blob as a file picker gives), staged, then taken in one step
// by `commit` or dropped by `cancel`. Nothing changes the loaded files but a commit of the
// import that is waiting, and `changed` is always relative to the first load.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/cli/folder.ts';
import type { SourceFile } from '../../src/domain/parse/index.ts';
import type { Dataset, Issue } from '../../src/domain/types.ts';
import { parseDataset } from '../../src/domain/parse/index.ts';
import { ImportSession } from '../../src/worker/import-session.ts';
import { isDeferred } from '../../src/domain/import/geojson-stream.ts';
import { issueText } from '../../src/domain/messages/render.ts';
import type { ImportRequestFile } from '../../src/worker/import-session.ts';

const DIR = 'test/fixtures/import/staging/';
const bundled: readonly SourceFile[] = readDataFolder('data');

type Phase = 'reading' | 'checking';
interface Step {
  phase: Phase;
  done: number;
  total: number;
}

const fixtureText = (name: string): string => readFileSync(DIR + name, 'utf8');
const asText = (name: string, extra: Partial<ImportRequestFile> = {}): ImportRequestFile => ({ name, text: fixtureText(name), ...extra });
const asBlob = (name: string, text = fixtureText(name)): ImportRequestFile => ({ name, file: new Blob([text]) });
const textOf = (files: readonly SourceFile[], path: string): string | undefined => files.find((f) => f.path === path)?.text;
const errors = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity === 'error');

function session(): { imports: ImportSession; before: SourceFile[] } {
  const sources = structuredClone(bundled) as SourceFile[];
  return { imports: new ImportSession(sources), before: structuredClone(sources) };
}

/** Runs a check and records its progress calls. */
async function check(imports: ImportSession, importId: number, files: ImportRequestFile[]) {
  const steps: Step[] = [];
  const checked = await imports.check(importId, files, (phase, done, total) => steps.push({ phase, done, total }));
  return { checked, steps };
}

const HAMLETS = bundled.find((f) => f.path === 'hamlets.geojson')?.text ?? '';
const RENAMED = HAMLETS.replace('"id":"H-31999-01","name":"Khóm 1"', '"id":"H-31999-01","name":"Khóm Một"');

describe('ImportSession.check', () => {
  it('reports reading progress for a Blob, then checking, and the import can be taken', async () => {
    const { imports, before } = session();
    const text = asText('html_name_hamlets.csv');
    const cells = fixtureText('cells_ca_mau.csv');
    const { checked, steps } = await check(imports, 1, [text, asBlob('cells_ca_mau.csv', cells)]);

    const total = (text.text as string).length + new Blob([cells]).size;
    const reading = steps.filter((s) => s.phase === 'reading');
    expect(reading.length).toBeGreaterThan(0);
    for (const s of reading) expect(s.total).toBe(total);
    // Bytes of the Blob come after the text file's length, and reach the total.
    expect(reading[0]?.done).toBeGreaterThan((text.text as string).length);
    expect(reading.at(-1)?.done).toBe(total);
    expect(reading.map((s) => s.done)).toEqual([...reading.map((s) => s.done)].sort((a, b) => a - b));
    // Checking comes once, last.
    expect(steps.at(-1)).toEqual({ phase: 'checking', done: 0, total: 1 });
    expect(steps.filter((s) => s.phase === 'checking')).toHaveLength(1);

    expect(checked.importId).toBe(1);
    expect(checked.canImport).toBe(true);
    expect(checked.validOnly).toBeUndefined();
    expect(errors(checked.issues)).toEqual([]);
    expect(checked.files.map((f) => [f.name, f.kind, f.format, f.rows, f.validRows])).toEqual([
      ['html_name_hamlets.csv', 'hamlets', 'csv', 2, 2],
      ['cells_ca_mau.csv', 'towers', 'cells', 6, 4],
    ]);
    expect(checked.elapsedMs).toBeGreaterThanOrEqual(0);
    // A check changes nothing.
    expect(imports.files).toStrictEqual(before);
    expect(imports.changedFromOriginal()).toEqual([]);

    const taken = imports.commit(1, false);
    expect(taken?.dataset.hamlets.map((h) => h.id)).toEqual(['H-X-1', 'H-X-2']);
    // A cell export is added to the loaded towers unless the user asks to replace them.
    const loadedTowers = before.find((f) => f.path === 'towers.geojson')?.text.match(/"Feature"/g)?.length ?? 0;
    expect(taken?.dataset.towers).toHaveLength(loadedTowers + 3);
    expect(taken?.dataset.towers.slice(-3).map((t) => t.id)).toEqual(['C-VT-1', 'C-MF-1', 'C-VN-1']);
    expect(taken?.changed.map((f) => f.path)).toEqual(['hamlets.geojson', 'towers.geojson']);
  });

  it('passes the user\'s choice for a cell export (add or replace) to the staging, and says what it did', async () => {
    const { imports } = session();
    const current = parseDataset([...bundled]).dataset as Dataset;
    const added = await imports.check(1, [asBlob('cells_ca_mau.csv')], () => {}, current);
    expect(added.files[0]?.cells).toMatchObject({ mode: 'add', merged: 0, appended: 3 });
    expect(added.impact?.layers.find((l) => l.layer === 'towers')).toMatchObject({ before: current.towers.length, after: current.towers.length + 3 });
    expect(added.impact?.risks).toEqual([]);
    const replaced = await imports.check(2, [{ ...asBlob('cells_ca_mau.csv'), cells: 'replace' }], () => {}, current);
    expect(replaced.files[0]?.cells).toMatchObject({ mode: 'replace' });
    expect(replaced.impact?.layers.find((l) => l.layer === 'towers')).toMatchObject({ before: current.towers.length, after: 3 });
    expect(replaced.impact?.risks.map((r) => r.code)).toEqual(['import-removes-most']);
  });

  it('text files only: no reading progress, one checking step', async () => {
    const { imports } = session();
    const { checked, steps } = await check(imports, 3, [{ name: 'hamlets.geojson', text: RENAMED }]);
    expect(steps).toEqual([{ phase: 'checking', done: 0, total: 1 }]);
    expect(checked.canImport).toBe(true);
  });

  it('a large Blob read in several chunks decodes to the same text (multi-byte UTF-8 across chunk ends)', async () => {
    const { imports, before } = session();
    // Parts of about 8 KB, each cut inside a multi-byte character ("ó" is 2 bytes, "ấ" 3).
    const bytes = new TextEncoder().encode(HAMLETS);
    const parts: BlobPart[] = [];
    let start = 0;
    for (let at = 8000; at < bytes.length; at += 8000) {
      let cut = at;
      while (cut < bytes.length && (bytes[cut] as number) < 0xc0) cut++;
      if (cut >= bytes.length) break;
      parts.push(bytes.subarray(start, cut + 1)); // the lead byte ends this part
      start = cut + 1;
    }
    parts.push(bytes.subarray(start));
    expect(parts.length).toBeGreaterThan(10);
    const blob = new Blob(parts);
    const { checked, steps } = await check(imports, 4, [{ name: 'hamlets.geojson', file: blob }]);
    const reading = steps.filter((s) => s.phase === 'reading');
    expect(reading.length).toBeGreaterThan(10);
    expect(reading.at(-1)).toEqual({ phase: 'reading', done: blob.size, total: blob.size });
    expect(checked.issues).toEqual([]);
    expect(checked.canImport).toBe(true);
    const taken = imports.commit(4, false);
    // The very same text as loaded: nothing changed.
    expect(taken?.changed).toEqual([]);
    expect(imports.files).toStrictEqual(before);
  });

  it('keeps a byte-order mark of a Blob for the checks to see', async () => {
    const { imports } = session();
    const { checked } = await check(imports, 5, [asBlob('hamlets.geojson', `\uFEFF${RENAMED}`)]);
    expect(checked.canImport).toBe(false);
    expect(checked.issues.map((i) => [i.code, i.fix])).toEqual([['bom', 'strip-bom']]);
    expect(checked.files[0]?.fixes).toEqual(['strip-bom']);
  });

  it('a fix asked for travels with the file: the BOM of a Blob stripped, the import taken without it', async () => {
    const { imports } = session();
    const { checked } = await check(imports, 9, [{ ...asBlob('hamlets.geojson', `\uFEFF${RENAMED}`), fixes: ['strip-bom'] }]);
    expect(checked.issues).toEqual([]);
    expect(checked.canImport).toBe(true);
    const features = (JSON.parse(RENAMED) as { features: unknown[] }).features.length;
    expect(checked.files[0]).toMatchObject({ rows: features, validRows: features, fixes: [] });
    expect(imports.commit(9, false)?.changed).toEqual([{ path: 'hamlets.geojson', text: RENAMED }]);
  });

  it('bytes that are not UTF-8 (a Windows-1258 "ó") become U+FFFD and are reported', async () => {
    const { imports } = session();
    const bytes = new TextEncoder().encode(fixtureText('points.geojson').replace('Khóm', 'Kh\u0000m'));
    bytes[bytes.indexOf(0)] = 0xf3; // "ó" in Windows-1258, invalid alone in UTF-8
    const { checked } = await check(imports, 6, [{ name: 'hamlets.geojson', file: new Blob([bytes]) }]);
    expect(checked.canImport).toBe(false);
    expect(checked.issues.map((i) => i.code)).toEqual(['not-utf8']);
    expect(checked.issues[0]?.message).toContain('1 U+FFFD replacement character');
  });
});

describe('ImportSession.commit', () => {
  it('a PNG renamed .geojson is named as an image, in Vietnamese too, and nothing is read or taken', async () => {
    const { imports } = session();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const { checked } = await check(imports, 7, [{ name: 'hamlets.geojson', file: new Blob([png]) }]);
    expect(checked.canImport).toBe(false);
    expect(checked.issues.map((i) => [i.code, i.params?.format])).toEqual([['binary-file', 'png']]);
    expect(issueText(checked.issues[0] as Issue, 'vi')).toBe(
      'hamlets.geojson: đây là một ảnh PNG, không phải tệp dữ liệu; chương trình đọc văn bản GeoJSON và CSV (và GeoParquet, FlatGeobuf)',
    );
  });

  it('an Excel workbook is named as one, with how to save it as CSV', async () => {
    const { imports } = session();
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('....[Content_Types].xml....xl/workbook.xml')]);
    const { checked } = await check(imports, 8, [{ name: 'hamlets.csv', file: new Blob([xlsx]) }]);
    expect(issueText(checked.issues[0] as Issue, 'vi')).toContain('CSV UTF-8');
  });

  it('UTF-16 text (Excel "Unicode Text") is read as such, with a note, not called Windows-1258', async () => {
    const { imports } = session();
    const text = fixtureText('one_bad_row_hamlets.csv');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const utf16 = await check(imports, 9, [{ name: 'one_bad_row_hamlets.csv', file: new Blob([bytes]) }]);
    const utf8 = await check(session().imports, 10, [asBlob('one_bad_row_hamlets.csv')]);
    expect(utf16.checked.canImport).toBe(utf8.checked.canImport);
    expect(utf16.checked.issues.map((i) => i.code)).toEqual(['utf16-decoded', ...utf8.checked.issues.map((i) => i.code)]);
    expect(utf16.checked.issues.some((i) => i.code === 'not-utf8')).toBe(false);
  });

  it('says what an import would do: a header-only hamlets CSV empties the layer, which needs the user\'s word', async () => {
    const { imports } = session();
    const current = parseDataset([...bundled]).dataset as Dataset;
    const header = 'id,name,population,lon,lat\n';
    const checked = await imports.check(11, [{ name: 'hamlets.csv', text: header }], () => {}, current);
    expect(checked.impact?.risks).toEqual([{ code: 'import-empties-layer', layer: 'hamlets', before: current.hamlets.length }]);
    expect(checked.impact?.layers.find((l) => l.layer === 'hamlets')).toMatchObject({ before: current.hamlets.length, after: 0 });
    // The same file again, re-checked: the same answer; a harmless import has no risk.
    const same = await imports.check(12, [asBlob('one_bad_row_hamlets.csv')], () => {}, current);
    expect(same.impact === undefined || same.impact.risks.every((r) => r.layer === 'hamlets')).toBe(true);
  });

  it('changed is only the imported file, then both files after a second import, always relative to the first load', async () => {
    const { imports, before } = session();
    const first = await check(imports, 1, [{ name: 'hamlets.geojson', text: RENAMED }]);
    expect(first.checked.canImport).toBe(true);
    const one = imports.commit(1, false);
    expect(one?.dataset.hamlets.find((h) => h.id === 'H-31999-01')?.name).toBe('Khóm Một');
    expect(one?.changed).toEqual([{ path: 'hamlets.geojson', text: RENAMED }]);
    expect(textOf(imports.files, 'hamlets.geojson')).toBe(RENAMED);
    for (const f of before) if (f.path !== 'hamlets.geojson') expect(textOf(imports.files, f.path)).toBe(f.text);

    // The second import is staged over the first: the renamed hamlet stays.
    const second = await check(imports, 2, [{ ...asBlob('cells_ca_mau.csv'), cells: 'replace' }]);
    expect(second.checked.canImport).toBe(true);
    const two = imports.commit(2, false);
    expect(two?.dataset.hamlets.find((h) => h.id === 'H-31999-01')?.name).toBe('Khóm Một');
    expect(two?.dataset.towers).toHaveLength(3);
    expect(two?.changed.map((f) => f.path)).toEqual(['hamlets.geojson', 'towers.geojson']);
    expect(two?.changed[0]?.text).toBe(RENAMED);

    // Importing the bundled hamlets again: only the towers differ from the first load.
    await check(imports, 3, [{ name: 'hamlets.geojson', text: HAMLETS }]);
    const three = imports.commit(3, false);
    expect(three?.changed.map((f) => f.path)).toEqual(['towers.geojson']);

    // A session over the current files keeps the first load as its reference.
    expect(imports.over([...imports.files]).changedFromOriginal().map((f) => f.path)).toEqual(['towers.geojson']);

    // The same as a file, read as it streams in (its bytes compared with the loaded text):
    // still nothing new; one letter changed (the same length) is a change.
    await check(imports, 4, [{ name: 'hamlets.geojson', file: new Blob([HAMLETS]) }]);
    expect(imports.commit(4, false)?.changed.map((f) => f.path)).toEqual(['towers.geojson']);
    await check(imports, 5, [{ name: 'hamlets.geojson', file: new Blob([HAMLETS.replace('"name":"Khóm 1"', '"name":"Khóm 9"')]) }]);
    expect(imports.commit(5, false)?.changed.map((f) => f.path)).toEqual(['hamlets.geojson', 'towers.geojson']);
  });

  it('a stale id returns undefined and leaves the files as they were; the newer import still goes in', async () => {
    const { imports, before } = session();
    const files = imports.files;
    await check(imports, 1, [{ name: 'hamlets.geojson', text: RENAMED }]);
    await check(imports, 2, [asText('html_name_hamlets.csv')]);
    expect(imports.commit(1, false)).toBeUndefined();
    expect(imports.commit(1, true)).toBeUndefined();
    expect(imports.files).toBe(files);
    expect(imports.files).toStrictEqual(before);
    expect(imports.changedFromOriginal()).toEqual([]);

    const taken = imports.commit(2, false);
    expect(taken?.changed.map((f) => f.path)).toEqual(['hamlets.geojson']);
    // Taken once: the same id cannot be committed again.
    expect(imports.commit(2, false)).toBeUndefined();
  });

  it('cancel drops the pending import; cancelling another id does not', async () => {
    const { imports, before } = session();
    await check(imports, 1, [{ name: 'hamlets.geojson', text: RENAMED }]);
    imports.cancel(1);
    expect(imports.commit(1, false)).toBeUndefined();
    expect(imports.files).toStrictEqual(before);

    await check(imports, 2, [{ name: 'hamlets.geojson', text: RENAMED }]);
    imports.cancel(99);
    expect(imports.commit(2, false)?.changed.map((f) => f.path)).toEqual(['hamlets.geojson']);
  });

  it('a failing import cannot be committed, whole or valid-only, and the files stay', async () => {
    const { imports, before } = session();
    const { checked } = await check(imports, 7, [asBlob('truncated_hamlets.geojson')]);
    expect(checked.canImport).toBe(false);
    expect(checked.validOnly).toBeUndefined();
    expect(checked.issues.map((i) => i.code)).toEqual(['json-truncated']);
    expect(imports.commit(7, false)).toBeUndefined();
    expect(imports.commit(7, true)).toBeUndefined();
    expect(imports.files).toStrictEqual(before);
    expect(imports.changedFromOriginal()).toEqual([]);
  });

  it('commit(id, true) takes the valid rows when they are offered', async () => {
    const { imports, before } = session();
    const { checked } = await check(imports, 8, [asText('negative_population_hamlets.geojson')]);
    expect(checked.canImport).toBe(false);
    expect(checked.validOnly).toEqual({ dropped: 1 });
    expect(checked.issues.map((i) => [i.code, i.featureIndex])).toEqual([['negative', 1]]);
    // The whole file cannot be taken, and trying does not lose the valid-only choice.
    expect(imports.commit(8, false)).toBeUndefined();
    expect(imports.files).toStrictEqual(before);

    const taken = imports.commit(8, true);
    expect(taken?.dataset.hamlets.map((h) => h.id)).toEqual(['H-T-01', 'H-T-03']);
    expect(taken?.changed.map((f) => f.path)).toEqual(['hamlets.geojson']);
    const kept = JSON.parse(taken?.changed[0]?.text ?? '{}') as { features: { properties: { id: string } }[] };
    expect(kept.features.map((f) => f.properties.id)).toEqual(['H-T-01', 'H-T-03']);
    expect(textOf(imports.files, 'hamlets.geojson')).toBe(taken?.changed[0]?.text);
    expect(imports.commit(8, true)).toBeUndefined();
  });

  it('a file with errors read as it streams in says and keeps what the whole-text read does', async () => {
    const bad = HAMLETS.replace('"coordinates":[105.15244,9.20629]', '"coordinates":[200,95]').replace('"population":1808', '"population":-3');
    const streamed = session();
    const asFile = await check(streamed.imports, 1, [{ name: 'hamlets.geojson', file: new Blob([bad]) }]);
    const ordinary = session();
    const asWhole = await check(ordinary.imports, 1, [{ name: 'hamlets.geojson', text: bad }]);
    const { elapsedMs: _a, ...fromFile } = asFile.checked;
    const { elapsedMs: _b, ...fromText } = asWhole.checked;
    expect(fromFile.validOnly).toEqual({ dropped: 2 });
    expect(fromFile.issues.map((i) => [i.code, i.featureIndex])).toEqual([['negative', 0], ['coordinate-range', 1]]);
    expect(fromFile).toEqual(fromText);
    const [a, b] = [streamed.imports.commit(1, true), ordinary.imports.commit(1, true)];
    expect(a?.dataset).toEqual(b?.dataset);
    expect(a?.dataset.hamlets.length).toBe(HAMLETS.split('"type":"Feature"').length - 1 - 2);
    // Read the streamed way indeed: the kept rows' text is written from their records when first asked for.
    const file = (imports: ImportSession) => imports.files.find((f) => f.path === 'hamlets.geojson') as SourceFile;
    expect([isDeferred(file(streamed.imports)), isDeferred(file(ordinary.imports))]).toEqual([true, false]);
  });
});

describe('ImportSession: checks that overlap', () => {
  // Once a bug: an older check still reading a Blob overwrote a newer one that finished
  // first, so the id the user sees could no longer be committed.
  it('the newest check is the one waiting, whichever finishes last', async () => {
    const { imports } = session();
    const older = imports.check(1, [{ name: 'hamlets.geojson', file: new Blob([RENAMED]) }], () => {});
    const newer = await imports.check(2, [asText('html_name_hamlets.csv')], () => {});
    await older;
    expect(newer.canImport).toBe(true);
    expect(imports.commit(2, false)).toBeDefined();
  });

  // Once a bug: an import cancelled while its Blob was still being read was staged afterwards.
  it('an import cancelled while it is still reading stays cancelled', async () => {
    const { imports } = session();
    const reading = imports.check(1, [{ name: 'hamlets.geojson', file: new Blob([RENAMED]) }], () => {});
    imports.cancel(1);
    await reading;
    expect(imports.commit(1, false)).toBeUndefined();
  });
});
