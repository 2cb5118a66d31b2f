import { Fragment, useMemo, useState } from 'react';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import type { AreaRow } from '../../domain/progress/snapshot.ts';
import { bboxOfGeometry } from '../../domain/geo/polygon.ts';
import type { Boundary } from '../../domain/types.ts';
import { areaTable } from '../../state/dashboard.ts';
import { changeSince, type AreaChange } from '../../domain/progress/change.ts';
import { toDay } from '../../domain/progress/days.ts';
import { sinceFor, useSince } from '../../state/since.ts';
import { formatDate } from '../common/format.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import type { Lang, MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';
import { formatPercent } from '../common/metrics.ts';
import { ConfirmedShare } from './ConfirmedShare.tsx';
import { StatusBadge } from './StatusBadge.tsx';

type Column = 'name' | 'hamlets' | 'population' | 'schools' | 'hamletsGoodPct' | 'studentsInNeed' | 'computers' | 'equippedPct' | 'status';

const COLUMNS: { id: Column; label: MessageKey }[] = [
  { id: 'name', label: 'colName' },
  { id: 'hamlets', label: 'colHamlets' },
  { id: 'population', label: 'colPopulation' },
  { id: 'schools', label: 'colSchools' },
  { id: 'hamletsGoodPct', label: 'colHamletsGood' },
  { id: 'studentsInNeed', label: 'colStudentsInNeed' },
  { id: 'computers', label: 'colComputers' },
  { id: 'equippedPct', label: 'colEquipped' },
  { id: 'status', label: 'colStatus' },
];

const STATUS_ORDER = ['overdue', 'behind', 'at_risk', 'met_late', 'on_track', 'met', 'no_data'];
const collator = new Intl.Collator('vi');

interface Sort {
  column: Column;
  descending: boolean;
}

/** Orders rows by a column; names by Vietnamese collation, missing values last. */
export function sortRows(rows: readonly AreaRow[], names: readonly string[], sort: Sort): AreaRow[] {
  const sign = sort.descending ? -1 : 1;
  const key = (row: AreaRow): number | null => {
    if (sort.column === 'status') return STATUS_ORDER.indexOf(row.status);
    if (sort.column === 'name') return null;
    return row[sort.column];
  };
  const byName = (a: AreaRow, b: AreaRow) => collator.compare(names[a.index] ?? '', names[b.index] ?? '');
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return sign * byName(a, b);
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === null ? (kb === null ? byName(a, b) : 1) : -1;
    return sign * (ka - kb) || byName(a, b);
  });
}

function Cells({ row, lang, change, district }: { row: AreaRow; lang: Lang; change: (scope: number) => AreaChange; district?: number }) {
  const n = (v: number) => formatNumber(v, lang);
  const since = change(row.scope);
  const gained = since.hamletsGained > 0 ? `+${n(since.hamletsGained)}` : since.hamletsGained < 0 ? `−${n(-since.hamletsGained)}` : '0';
  return (
    <>
      <td>{n(row.hamlets)}</td>
      <td>{n(row.population)}</td>
      <td>{n(row.schools)}</td>
      <td>
        {formatPercent(row.hamletsGoodPct, lang)}
        {district !== undefined && <ConfirmedShare metric="hamlets_good_pct" district={district} />}
      </td>
      <td>{n(row.studentsInNeed)}</td>
      <td>{n(row.computers)}</td>
      <td>{formatPercent(row.equippedPct, lang)}</td>
      <td>
        <StatusBadge status={row.status} lang={lang} />
      </td>
      <td data-since="gained">{gained}</td>
      <td data-since="missing">{n(since.hamletsMissing + since.schoolsMissing)}</td>
    </>
  );
}

function bboxOf(boundary: Boundary): [number, number, number, number] {
  return bboxOfGeometry(boundary.geometry) as [number, number, number, number];
}

/** Districts on the as-of day, sortable, each expandable to its communes; a name zooms the map. */
export function DistrictTable({ dataset }: { dataset: DatasetView }) {
  const { t, tw, lang } = useT();
  const timeline = useAppStore((s) => s.timeline);
  const asOf = useAppStore((s) => s.asOf);
  const areaFocused = useAppStore((s) => s.areaFocused);
  const [sort, setSort] = useState<Sort>({ column: 'name', descending: false });
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const table = useMemo(() => (timeline ? areaTable(timeline, dataset, asOf) : undefined), [timeline, dataset, asOf]);
  const since = sinceFor(useSince((s) => s.since), asOf);
  const districtNames = useMemo(() => dataset.districts.map((d) => d.name), [dataset]);
  const communeNames = useMemo(() => (dataset.communes ?? []).map((c) => c.name), [dataset]);
  if (!table || !timeline) return null;
  const change = (scope: number) => changeSince(timeline, scope, toDay(since), toDay(asOf));

  const communesOf = (districtIndex: number) => {
    const id = dataset.districts[districtIndex]?.id;
    return table.communes.filter((row) => dataset.communes?.[row.index]?.districtId === id);
  };
  const toggle = (k: number) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  const sortBy = (column: Column) =>
    setSort((s) => ({ column, descending: s.column === column ? !s.descending : column !== 'name' && column !== 'status' }));

  return (
    <section className="district-table" aria-labelledby="district-table-heading">
      <h2 id="district-table-heading">{t('districtTableHeading')}</h2>
      <p className="note screen-only">{t('sortHint')}</p>
      <div className="table-scroll">
        <table data-testid="district-table">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={sort.column === column.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="sort" onClick={() => sortBy(column.id)}>
                    {t(column.label)}
                    <span aria-hidden="true">{sort.column === column.id ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col">{tw('colGainedSince', { date: formatDate(since, lang) })}</th>
              <th scope="col">{t('colMissing')}</th>
            </tr>
          </thead>
          <tbody>
            {sortRows(table.districts, districtNames, sort).map((row) => {
              const district = dataset.districts[row.index] as Boundary;
              const communes = communesOf(row.index);
              const expanded = open.has(row.index);
              return (
                <Fragment key={district.id}>
                  <tr data-district={district.id}>
                    <th scope="row">
                      {communes.length > 0 && (
                        <button
                          type="button"
                          className="expand screen-only"
                          aria-expanded={expanded}
                          aria-label={tw('expandCommunes', { name: district.name })}
                          onClick={() => toggle(row.index)}
                        >
                          {expanded ? '−' : '+'}
                        </button>
                      )}
                      <button
                        type="button"
                        className="link"
                        title={tw('zoomTo', { name: district.name })}
                        onClick={() => areaFocused(bboxOf(district))}
                      >
                        {district.name}
                      </button>
                    </th>
                    <Cells row={row} lang={lang} change={change} district={row.index} />
                  </tr>
                  {expanded &&
                    sortRows(communes, communeNames, sort).map((c) => {
                      const commune = dataset.communes?.[c.index] as Boundary;
                      return (
                        <tr key={commune.id} className="commune-row" data-commune={commune.id}>
                          <th scope="row">
                            <button
                              type="button"
                              className="link"
                              title={tw('zoomTo', { name: commune.name })}
                              onClick={() => areaFocused(bboxOf(commune))}
                            >
                              {commune.name}
                            </button>
                          </th>
                          <Cells row={c} lang={lang} change={change} />
                        </tr>
                      );
                    })}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('provinceTotal')}</th>
              <Cells row={table.province} lang={lang} change={change} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
