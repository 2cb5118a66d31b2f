import { useEffect, useState, type DragEvent } from 'react';
import type { ColumnMapping } from '../../domain/import/csv-points.ts';
import { FEATURE_ID, GEOMETRY_LAT, GEOMETRY_LON } from '../../domain/import/geojson-points.ts';
import type { CellsMode } from '../../domain/import/add-towers.ts';
import type { ImportFix, StagedFile } from '../../domain/import/staging.ts';
import { FILE_KINDS, type FileKind } from '../../domain/types.ts';
import { cancelImport, checkImport, commitImport, revertToBundled } from '../../state/engine-client.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import { FileButton } from '../common/FileButton.tsx';
import type { Lang, MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import type { SkipReason } from '../../domain/import/cells.ts';
import { ImportImpact } from './ImportImpact.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { fieldLabel, FORMAT_LABEL, kindLabel, SKIP_LABEL } from './import-labels.ts';

interface Picked {
  file: File;
  kind?: FileKind;
  mapping?: ColumnMapping;
  /** The repairs the user asked for, applied in the worker before the checks. */
  fixes?: ImportFix[];
  /** A cell export: added to the loaded towers (the default) or replacing them. */
  cells?: CellsMode;
}

/** The button of each fix the checks may offer. */
const FIX_LABEL: Record<ImportFix, MessageKey> = {
  'strip-bom': 'importStripBom',
  'normalize-nfc': 'importNormalizeNfc',
  'swap-coordinates': 'importSwap',
};

/** The fixes with `fix` asked for, or no longer asked for when it already was (a swap undone). */
function toggled(fixes: readonly ImportFix[] | undefined, fix: ImportFix): ImportFix[] {
  const now = fixes ?? [];
  return now.includes(fix) ? now.filter((f) => f !== fix) : [...now, fix];
}

function sizeText(bytes: number, lang: Lang): string {
  return bytes >= 1e6 ? `${formatNumber(bytes / 1e6, lang, 1)} MB` : `${formatNumber(Math.ceil(bytes / 1e3), lang)} KB`;
}

/** The columns a GeoJSON file's point and id become (import/geojson-points.ts), in the user's language. */
const SYNTHETIC_COLUMN = { [GEOMETRY_LON]: 'importGeometryLon', [GEOMETRY_LAT]: 'importGeometryLat', [FEATURE_ID]: 'importFeatureId' } as const;

/**
 * The columns of a CSV (or the properties of GeoJSON points), each choice the user's own: it shows the mapping the user is making
 * (`mapping`), not the last check's, so a choice never snaps back, and each change builds on
 * the ones before it until "check again".
 */
function MappingEditor({ staged, mapping, onChange }: { staged: StagedFile; mapping: ColumnMapping | undefined; onChange: (m: ColumnMapping) => void }) {
  const { t, tw, lang } = useT();
  const header = staged.header ?? [];
  if (!mapping) return null;
  const fields: [string, number | null][] = [
    ['lon', mapping.lon],
    ['lat', mapping.lat],
    ...Object.entries(mapping.properties as Record<string, number | null>),
  ];
  const set = (field: string, value: number | null) => {
    if (field === 'lon' || field === 'lat') onChange({ ...mapping, [field]: value });
    else onChange({ ...mapping, properties: { ...mapping.properties, [field]: value } as ColumnMapping['properties'] });
  };
  return (
    <div className="form-grid">
      {fields.map(([field, column]) => (
        <label className="field" key={field}>
          <span>{tw(staged.format === 'geojson' ? 'importProperty' : 'importColumn', { field: fieldLabel(field, lang) })}</span>
          <select value={column ?? ''} onChange={(event) => set(field, event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{t('importColumnNone')}</option>
            {header.map((name, i) => (
              <option key={`${i}-${name}`} value={i}>
                {Object.hasOwn(SYNTHETIC_COLUMN, name) ? t(SYNTHETIC_COLUMN[name as keyof typeof SYNTHETIC_COLUMN]) : name}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

/** Whether a cell export's towers join the loaded ones (merging those already there) or replace them. */
function CellsChoice({ name, cells, onChange }: { name: string; cells: NonNullable<StagedFile['cells']>; onChange: (mode: CellsMode) => void }) {
  const { t, tw, lang } = useT();
  const modes: [CellsMode, MessageKey][] = [
    ['add', 'importCellsAdd'],
    ['replace', 'importCellsReplace'],
  ];
  return (
    <fieldset className="field">
      <legend>{t('importCellsMode')}</legend>
      {modes.map(([mode, label]) => (
        <label key={mode} className="toggle">
          <input type="radio" name={name} value={mode} checked={cells.mode === mode} onChange={() => onChange(mode)} />
          <span>{t(label)}</span>
        </label>
      ))}
      {cells.mode === 'add' && (
        <p className="note" data-testid="import-cells-added">
          {tw('importCellsAdded', { merged: formatNumber(cells.merged, lang), appended: formatNumber(cells.appended, lang) })}
        </p>
      )}
    </fieldset>
  );
}

/** Import by drop or file picker: checked in the worker, taken only on the user's word. */
export function ImportPanel() {
  const { t, tw, lang } = useT();
  const state = useAppStore((s) => s.importState);
  const imported = useAppStore((s) => s.importedFiles);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [dragging, setDragging] = useState(false);

  const start = (files: Picked[]) => {
    setPicked(files);
    if (files.length > 0) checkImport(files.map((p) => ({ name: p.file.name, file: p.file, kind: p.kind, mapping: p.mapping, fixes: p.fixes, cells: p.cells ?? 'add' })));
  };
  const recheck = (index: number, change: Partial<Picked>) => start(picked.map((p, i) => (i === index ? { ...p, ...change } : p)));

  // A file dropped anywhere on the page is imported, never opened by the browser instead.
  useEffect(() => {
    const over = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: globalThis.DragEvent) => {
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      start([...event.dataTransfer.files].map((file) => ({ file })));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  });

  const onZoneDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setDragging(false);
    start([...event.dataTransfer.files].map((file) => ({ file })));
  };

  // Bytes read, or a table file's rows checked (the whole data set's check says no count).
  const counted =
    state.phase === 'reading'
      ? { ...state, text: tw('importReading', { done: sizeText(state.done, lang), total: sizeText(state.total, lang) }) }
      : state.phase === 'checking' && state.total > 1
        ? { ...state, text: tw('importCheckingRows', { done: formatNumber(state.done, lang), total: formatNumber(state.total, lang) }) }
        : undefined;
  const result = state.phase === 'checked' ? state.result : undefined;
  // An import with risks (it empties or mostly removes a layer, or puts nothing in the
  // province) waits for the user's explicit word, given again for each new check.
  const [confirmedFor, setConfirmedFor] = useState<typeof result>();
  const risky = (result?.impact?.risks.length ?? 0) > 0;
  const blocked = risky && confirmedFor !== result;

  return (
    <section className="panel" aria-labelledby="import-heading" data-testid="import-panel">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p className="note">{t('importIntro')}</p>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onZoneDrop}
      >
        <span>{t('importDrop')} </span>
        <FileButton
          label={t('importPick')}
          multiple
          accept=".geojson,.json,.csv,.txt,.parquet,.geoparquet,.fgb,application/geo+json,application/json,text/csv"
          onFiles={(files) => start(files.map((file) => ({ file })))}
        />
      </div>
      <div role="status" aria-live="polite" data-testid="import-status" data-phase={state.phase}>
        {counted && (
          <>
            <p className="note">{counted.text}</p>
            <progress max={counted.total} value={counted.done} aria-label={t('importHeading')} />
          </>
        )}
        {state.phase === 'checking' && !counted && <p className="note">{t('importChecking')}</p>}
        {state.phase === 'applying' && <p className="note">{t('importApplying')}</p>}
        {state.phase === 'done' && (
          <p className="note">
            {tw(state.validOnly ? 'dataImportDoneValid' : 'dataImportDone', {
              files: state.files.map((f) => f.name).join(', '),
              n: formatNumber(state.dropped, lang),
            })}
          </p>
        )}
        {state.phase === 'failed' && <p className="note error-text">{tw('dataImportFailed', { message: state.message })}</p>}
      </div>
      {result && (
        <div className="import-result" data-testid="import-result" data-check-ms={Math.round(result.elapsedMs)}>
          {result.files.map((staged, i) => (
            <div key={staged.name} className="subpanel">
              <p className="note">
                <strong>
                  {tw('importFileLine', {
                    name: staged.name,
                    kind: staged.kind ? kindLabel(staged.kind, lang) : '?',
                    format: staged.format ? (FORMAT_LABEL[lang][staged.format] ?? staged.format) : '?',
                    valid: formatNumber(staged.validRows, lang),
                    rows: formatNumber(staged.rows, lang),
                  })}
                </strong>
              </p>
              {staged.cells && (
                <p className="note" data-testid="import-cells">
                  {tw('importCells', {
                    rows: formatNumber(staged.cells.rows, lang),
                    cells: formatNumber(staged.cells.cells, lang),
                    towers: formatNumber(staged.cells.towers, lang),
                    skipped: Object.entries(staged.cells.skipped).map(([why, n]) => `${SKIP_LABEL[lang][why as SkipReason] ?? why} ${formatNumber(n, lang)}`).join(', ') || '0',
                  })}
                </p>
              )}
              {staged.cells && <CellsChoice name={`import-cells-mode-${i}`} cells={staged.cells} onChange={(cells) => recheck(i, { cells })} />}
              <label className="field">
                <span>{tw('importKind', { name: staged.name })}</span>
                <select value={picked[i]?.kind ?? ''} onChange={(event) => recheck(i, { kind: (event.target.value || undefined) as FileKind | undefined })}>
                  <option value="">{t('importKindAuto')}</option>
                  {FILE_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {kindLabel(kind, lang)}
                    </option>
                  ))}
                </select>
              </label>
              {staged.mapping !== undefined && <MappingEditor staged={staged} mapping={picked[i]?.mapping ?? staged.mapping} onChange={(mapping) => setPicked((all) => all.map((p, j) => (j === i ? { ...p, mapping } : p)))} />}
              <div className="button-row">
                {(staged.format === 'csv' || staged.mapping !== undefined) && (
                  <button type="button" onClick={() => start(picked)}>
                    {t('importRecheck')}
                  </button>
                )}
                {staged.fixes.map((fix) => (
                  <button key={fix} type="button" data-fix={fix} onClick={() => recheck(i, { fixes: toggled(picked[i]?.fixes, fix) })}>
                    {t(FIX_LABEL[fix])}
                  </button>
                ))}
              </div>
            </div>
          ))}
          {result.issues.length > 0 && <ImportProblems issues={result.issues} lang={lang} />}
          {result.impact && (
            <ImportImpact impact={result.impact} shares={state.phase === 'checked' ? state.shares : undefined} lang={lang} confirmed={confirmedFor === result} onConfirm={(yes) => setConfirmedFor(yes ? result : undefined)} />
          )}
          <div className="button-row">
            {result.canImport && (
              <button type="button" disabled={blocked} onClick={() => commitImport(false)}>
                {t('importAll')}
              </button>
            )}
            {!result.canImport && result.validOnly && (
              <button type="button" disabled={blocked} onClick={() => commitImport(true)}>
                {tw('importValid', { n: formatNumber(result.validOnly.dropped, lang) })}
              </button>
            )}
            <button type="button" onClick={cancelImport}>
              {t('importCancel')}
            </button>
          </div>
        </div>
      )}
      {imported.length > 0 && (
        <div className="note" data-testid="imported-files">
          <p>{tw('importUsing', { files: imported.join(', ') })}</p>
          <button type="button" onClick={revertToBundled}>
            {t('importRevert')}
          </button>
        </div>
      )}
    </section>
  );
}
