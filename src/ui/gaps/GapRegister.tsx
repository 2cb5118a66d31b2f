import { useVirtualizer } from '@tanstack/react-virtual';
import { AgreementFilter } from './AgreementFilter.tsx';
import { DistrictDisputes } from './DistrictDisputes.tsx';
import { readDecimal } from '../../domain/input/decimal.ts';
import { useEffect, useRef, useState } from 'react';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { gapsToCsv, gapsToGeoJSON } from '../../domain/export/table.ts';
import type { PointFormat } from '../../domain/formats/index.ts';
import { gapRow, type GapFilter, type GapRow, type GapSortKey } from '../../domain/gaps/register.ts';
import { viewRow, type GapView } from '../../domain/gaps/view.ts';
import { operatorOfOrganisation } from '../../domain/gaps/network.ts';
import { LEVEL_GOOD } from '../../domain/coverage/columns.ts';
import { currentGap, GAP_STATUSES, type GapStatus } from '../../domain/gaps/status.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import type { Lang, MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { GapStatusPanel, STATUS_LABEL, statusText } from './GapStatusPanel.tsx';
import { saveFile } from '../common/save-file.ts';

// Rows are drawn only where the table is scrolled to (@tanstack/react-virtual keeps the window
// in step with the scroll): 100k rows stay one screenful of DOM.
const ROW_PX = 32;
const VISIBLE_ROWS = 14;
const OVERSCAN = 8;

const COLUMNS: { key: GapSortKey; label: MessageKey; cell: (r: GapRow, lang: Lang, t: (k: MessageKey) => string) => string; numeric?: boolean }[] = [
  { key: 'name', label: 'gapsColName', cell: (r) => r.name },
  { key: 'kind', label: 'gapsColKind', cell: (r, _, t) => t(r.kind === 'hamlet' ? 'gapsHamlet' : 'gapsSchool') },
  { key: 'level', label: 'gapsColLevel', cell: (r, _, t) => t(r.level === 'none' ? 'gapsNone' : 'gapsWeak') },
  { key: 'districtName', label: 'gapsColDistrict', cell: (r) => r.districtName ?? '–' },
  { key: 'communeName', label: 'gapsColCommune', cell: (r) => r.communeName ?? '–' },
  { key: 'nearestId', label: 'gapsColNearest', cell: (r) => r.nearestId ?? '–' },
  { key: 'nearestOperator', label: 'gapsColOperator', cell: (r) => r.nearestOperator ?? '–' },
  { key: 'nearestKm', label: 'gapsColKm', cell: (r, lang) => (r.nearestKm === null ? '–' : formatNumber(r.nearestKm, lang, 1)), numeric: true },
  { key: 'weight', label: 'gapsColWeight', cell: (r, lang) => formatNumber(r.weight, lang), numeric: true },
  { key: 'studentsInNeed', label: 'gapsColNeed', cell: (r, lang) => (r.studentsInNeed === null ? '–' : formatNumber(r.studentsInNeed, lang)), numeric: true },
  { key: 'gridPower', label: 'gapsColPower', cell: (r, _, t) => (r.gridPower === null ? '–' : t(r.gridPower ? 'gapsYes' : 'gapsNo')) },
];

const NO_CHOICES: Pick<GapView, 'districts' | 'operators'> = { districts: [], operators: [] };

function Filters({ choices, filter, onChange }: { choices: Pick<GapView, 'districts' | 'operators'>; filter: GapFilter; onChange: (f: GapFilter) => void }) {
  const { t, tw, lang } = useT();
  const author = useAppStore((s) => s.gapAuthor);
  // A partner's own network; a link may carry another's, shown so that it can be cleared.
  const mine = filter.inNetworkOf ?? (author.role === 'partner' ? operatorOfOrganisation(author.org) : undefined);
  const { districts, operators } = choices;
  const pick = <K extends keyof GapFilter>(key: K, value: GapFilter[K] | undefined) => {
    const next = { ...filter };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <div className="gap-filters">
      <label className="field wide">
        <span>{t('gapsSearch')}</span>
        <input type="search" value={filter.query ?? ''} onChange={(e) => pick('query', e.target.value || undefined)} />
      </label>
      <label className="field">
        <span>{t('gapsDistrict')}</span>
        <select value={filter.districtId ?? ''} onChange={(e) => pick('districtId', e.target.value || undefined)}>
          <option value="">{t('gapsAll')}</option>
          {districts.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('gapsOperator')}</span>
        <select value={filter.operator ?? ''} onChange={(e) => pick('operator', e.target.value || undefined)}>
          <option value="">{t('gapsAll')}</option>
          {operators.map((op) => (
            <option key={op}>{op}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('gapsLevel')}</span>
        <select value={filter.level ?? ''} onChange={(e) => pick('level', (e.target.value || undefined) as GapFilter['level'])}>
          <option value="">{t('gapsAll')}</option>
          <option value="none">{t('gapsNone')}</option>
          <option value="weak">{t('gapsWeak')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('gapsPower')}</span>
        <select value={filter.gridPower === undefined ? '' : String(filter.gridPower)} onChange={(e) => pick('gridPower', e.target.value === '' ? undefined : e.target.value === 'true')}>
          <option value="">{t('gapsAll')}</option>
          <option value="true">{t('gapsYes')}</option>
          <option value="false">{t('gapsNo')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('gapsStatus')}</span>
        <select value={filter.status ?? ''} onChange={(e) => pick('status', (e.target.value || undefined) as GapStatus | undefined)}>
          <option value="">{t('gapsAll')}</option>
          {GAP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_LABEL[status])}
            </option>
          ))}
        </select>
      </label>
      <label className="field check">
        <input type="checkbox" checked={filter.overdue === true} onChange={(e) => pick('overdue', e.target.checked || undefined)} />
        <span>{t('gapsOverdueOnly')}</span>
      </label>
      {mine !== undefined && (
        <label className="field check">
          <input type="checkbox" checked={filter.inNetworkOf !== undefined} onChange={(e) => pick('inNetworkOf', e.target.checked ? mine : undefined)} />
          <span>{tw('gapsMyNetwork', { operator: mine })}</span>
        </label>
      )}
      <label className="field">
        <span>{t('gapsMinWeight')}</span>
        <MinWeightField value={filter.minWeight} lang={lang} onChange={(n) => pick('minWeight', n)} />
      </label>
    </div>
  );
}

/** Every hamlet and school not well covered: filter, sort, export; in step with the map. */
export function GapRegister({ dataset }: { dataset: DatasetView }) {
  const { t, tw, lang } = useT();
  const coverage = useAppStore((s) => s.coverage);
  const towers = useAppStore((s) => s.towers);
  const filter = useAppStore((s) => s.gapFilter);
  const sort = useAppStore((s) => s.gapSort);
  const selectedPoint = useAppStore((s) => s.selectedPoint);
  const statuses = useAppStore((s) => s.gapStatuses);
  const { gapFilterChanged, gapSortChosen, pointSelected, areaFocused } = useAppStore.getState();
  const scroller = useRef<HTMLDivElement>(null);

  // The worker filters and sorts (domain/gaps/view.ts): here only the rows on screen become objects.
  const view = useAppStore((s) => s.gapView);
  const count = view?.points.length ?? 0;
  const rowAt = (j: number) => viewRow(dataset, towers, dataset.district, view as GapView, j);
  const code = selectedPoint === undefined ? undefined : coverage?.level[selectedPoint];
  const selectedRow =
    selectedPoint === undefined || code === undefined || code >= LEVEL_GOOD
      ? undefined
      : gapRow(dataset, towers, dataset.district, selectedPoint, code, coverage?.nearestTower[selectedPoint] ?? -1, coverage?.nearestKm[selectedPoint] ?? NaN);
  const agreement = coverage?.evidence?.agreement;

  // A point chosen on the map: its row is scrolled into view.
  useEffect(() => {
    const index = selectedPoint === undefined || !view ? -1 : view.points.indexOf(selectedPoint);
    const element = scroller.current;
    if (index < 0 || !element) return;
    const top = index * ROW_PX;
    if (top < element.scrollTop || top > element.scrollTop + (VISIBLE_ROWS - 1) * ROW_PX) element.scrollTop = Math.max(0, top - 3 * ROW_PX);
  }, [selectedPoint, view]);

  // The build does not run the React Compiler, so a hook whose results it could not memoize is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: OVERSCAN,
    // Before the region is measured, draw as many rows as it will show.
    initialRect: { width: 0, height: VISIBLE_ROWS * ROW_PX },
    getItemKey: (i) => view?.points[i] ?? -1 - i,
  });
  const drawn = virtualizer.getVirtualItems();
  const first = drawn[0]?.index ?? 0;
  const last = drawn.length ? (drawn[drawn.length - 1]?.index ?? 0) + 1 : 0;
  const choose = (row: GapRow) => {
    pointSelected(row.point);
    const d = 0.02;
    areaFocused([row.lon - d, row.lat - d, row.lon + d, row.lat + d]);
  };
  const exportAs = async (format: 'csv' | 'geojson' | PointFormat) => {
    const shown = Array.from({ length: count }, (_, j) => rowAt(j));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'csv') saveFile(`gaps-${stamp}.csv`, new Blob([gapsToCsv(shown, statuses, lang)], { type: 'text/csv;charset=utf-8' }));
    else if (format === 'geojson') saveFile(`gaps-${stamp}.geojson`, new Blob([JSON.stringify(gapsToGeoJSON(shown, statuses))], { type: 'application/geo+json' }));
    else {
      // The Parquet and FlatGeobuf writers load on the first such export, not with the page.
      const { gapsFile } = await import('../../domain/formats/gap-files.ts');
      const type = format === 'geoparquet' ? 'application/vnd.apache.parquet' : 'application/flatgeobuf';
      saveFile(`gaps-${stamp}${format === 'geoparquet' ? '.parquet' : '.fgb'}`, new Blob([gapsFile(shown, format, statuses) as Uint8Array<ArrayBuffer>], { type }));
    }
  };

  return (
    <section className="gap-register" aria-labelledby="gaps-heading" data-testid="gap-register">
      <div className="section-head">
        <h2 id="gaps-heading">{t('gapsHeading')}</h2>
        <p className="note" role="status" data-testid="gaps-count">
          {view ? tw('gapsCount', { n: formatNumber(count, lang), total: formatNumber(view.total, lang) }) : t('gapsWaiting')}
        </p>
      </div>
      <Filters choices={view ?? NO_CHOICES} filter={filter} onChange={gapFilterChanged} />
      {agreement && <AgreementFilter filter={filter} onChange={gapFilterChanged} />}
      {agreement && <DistrictDisputes />}
      <div className="button-row">
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('gapsExportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('geojson')}>
          {t('gapsExportGeoJSON')}
        </button>
        <button type="button" onClick={() => void exportAs('geoparquet')}>
          {t('gapsExportGeoParquet')}
        </button>
        <button type="button" onClick={() => void exportAs('flatgeobuf')}>
          {t('gapsExportFlatGeobuf')}
        </button>
      </div>
      <div
        className="gap-scroll"
        ref={scroller}
        role="region"
        aria-label={t('gapsTable')}
        // A scrollable region must take focus, or keyboard users cannot scroll it (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        style={{ height: `${Math.max(3, Math.min(VISIBLE_ROWS, count)) * ROW_PX + 40}px` }}
      >
        <table aria-rowcount={count + 1}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={c.numeric ? 'num' : undefined}>
                  <button type="button" className="sort" onClick={() => gapSortChosen(c.key)}>
                    {t(c.label)}
                    {sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">{t('gapsColStatus')}</th>
            </tr>
          </thead>
          <tbody>
            <tr aria-hidden="true" style={{ height: `${first * ROW_PX}px` }} />
            {Array.from({ length: last - first }, (_, i) => rowAt(first + i)).map((row, i) => (
              <tr
                key={row.gapId}
                aria-rowindex={first + i + 2}
                aria-selected={row.point === selectedPoint}
                className={row.point === selectedPoint ? 'selected' : undefined}
                data-gap={row.gapId}
              >
                {COLUMNS.map((c, j) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {j === 0 ? (
                      <button type="button" className="link" onClick={() => choose(row)}>
                        {c.cell(row, lang, t)}
                      </button>
                    ) : (
                      c.cell(row, lang, t)
                    )}
                  </td>
                ))}
                <td>{statusText(currentGap(statuses, row.gapId), lang)}</td>
              </tr>
            ))}
            <tr aria-hidden="true" style={{ height: `${(count - last) * ROW_PX}px` }} />
          </tbody>
        </table>
        {view && count === 0 && <p className="note">{t('gapsEmpty')}</p>}
      </div>
      <GapStatusPanel row={selectedRow} />
    </section>
  );
}

/** A whole number typed as the language writes it ("1.500" in Vietnamese); what is not one is marked, not applied. */
function MinWeightField({ value, lang, onChange }: { value: number | undefined; lang: Lang; onChange: (n: number | undefined) => void }) {
  const [draft, setDraft] = useState<string | undefined>();
  const read = draft === undefined ? undefined : readDecimal(draft, lang);
  const invalid = read !== undefined && !read.ok && read.reason !== 'empty';
  return (
    <input
      type="text"
      inputMode="numeric"
      value={draft ?? (value === undefined ? '' : String(value))}
      aria-invalid={invalid}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        const next = readDecimal(text, lang);
        if (next.ok && next.value >= 0) onChange(next.value);
        else if (!next.ok && next.reason === 'empty') onChange(undefined);
      }}
      onBlur={() => !invalid && setDraft(undefined)}
    />
  );
}
