import { LEVEL_GOOD, LEVEL_WEAK } from '../../domain/coverage/columns.ts';
import { areaPath, boundsOf, fitBounds } from '../../domain/geo/fit.ts';
import { labelPoint } from '../../domain/geo/label.ts';
import type { PointTable } from '../../domain/points/table.ts';
import type { Boundary, Metric } from '../../domain/types.ts';
import { CHOROPLETH_BREAKS, CHOROPLETH_COLORS, choroplethClass, COLORS } from '../../map/palette.ts';
import type { ChoroplethValues } from '../../state/dashboard.ts';
import { formatNumber } from '../common/format.ts';
import { translate, translateWith, type Lang } from '../common/i18n.ts';
import { METRIC_LABEL } from '../common/metrics.ts';

/** Towers on air, as columns: position and whether 4G/5G. */
export interface ReportTowers {
  count: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  broadband: ArrayLike<number>;
}

export interface ReportMapProps {
  lang: Lang;
  province: Boundary | undefined;
  districts: readonly Boundary[];
  /** The area to frame: the province, or one district. */
  focus?: Boundary;
  metric: Metric;
  values: ChoroplethValues;
  points: PointTable;
  level: Uint8Array | undefined;
  towers: ReportTowers | undefined;
}

// The box is 1000 units wide and as tall as the area's shape asks (within limits), so the area
// fills it; printed about 110 mm tall (styles.css), sizes below are in units of that box.
const WIDTH = 1000;
// Over this many points the report draws the shading alone: a vector page of a million dots
// would not print.
const MAX_POINTS = 20_000;

const LEVEL_COLOR = [COLORS.levelNone, COLORS.levelWeak, COLORS.levelGood];

function classRanges(metric: Metric, lang: Lang): string[] {
  const breaks = CHOROPLETH_BREAKS[metric] ?? [];
  const pct = (v: number) => `${formatNumber(v, lang)} %`;
  return CHOROPLETH_COLORS.map((_, k) => {
    if (k === 0) return `< ${pct(breaks[0] ?? 0)}`;
    const from = breaks[k - 1] ?? 0;
    const to = breaks[k];
    return to === undefined ? pct(from) : `${pct(from)} – < ${pct(to)}`;
  });
}

/** A point's symbol: hamlets as circles, schools as squares (shape as well as colour). */
function pointMark(kind: 'hamlet' | 'school', x: number, y: number, level: number, u: number, key: number) {
  const fill = LEVEL_COLOR[level] ?? COLORS.levelUnknown;
  if (kind === 'hamlet') return <circle key={key} cx={x.toFixed(1)} cy={y.toFixed(1)} r={(5 * u).toFixed(1)} fill={fill} stroke="#fff" strokeWidth={u} />;
  const h = 4.6 * u;
  return <rect key={key} x={(x - h).toFixed(1)} y={(y - h).toFixed(1)} width={(2 * h).toFixed(1)} height={(2 * h).toFixed(1)} fill={fill} stroke="#fff" strokeWidth={u} />;
}

function towerMark(x: number, y: number, broadband: boolean, u: number, key: number) {
  const p = (dx: number, dy: number) => `${(x + dx * u).toFixed(1)} ${(y + dy * u).toFixed(1)}`;
  const d = `M${p(0, -8)}L${p(7, 5.5)}L${p(-7, 5.5)}Z`;
  return broadband ? (
    <path key={key} d={d} fill={COLORS.tech4g} stroke="#fff" strokeWidth={u} />
  ) : (
    <path key={key} d={d} fill="#fff" stroke={COLORS.tech2g3g} strokeWidth={2 * u} />
  );
}

/**
 * The report's map, drawn from the data (not a still of the screen): it frames the province
 * or the chosen district whatever the screen shows, fills its box, prints sharp at any size,
 * and carries its own key for the points, towers and shading.
 */
export function ReportMap({ lang, province, districts, focus, metric, values, points, level, towers }: ReportMapProps) {
  const frame = focus ?? province;
  const bounds = boundsOf(frame ? [frame.geometry] : districts.map((d) => d.geometry));
  if (!bounds) return null;
  const midLat = ((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180);
  const aspect = (bounds.maxLat - bounds.minLat) / Math.max((bounds.maxLon - bounds.minLon) * Math.cos(midLat), 1e-9);
  const HEIGHT = Math.round(WIDTH * Math.min(Math.max(aspect, 0.5), 1.6));
  // One unit of marks and lines: constant on paper whatever the box's shape.
  const u = HEIGHT / 1000;
  const fit = fitBounds(bounds, WIDTH, HEIGHT);
  const inside = (x: number, y: number) => x >= 0 && x <= WIDTH && y >= 0 && y <= HEIGHT;
  const breaks = CHOROPLETH_BREAKS[metric] ?? [];
  const drawPoints = level !== undefined && points.count <= MAX_POINTS;
  const marks = [];
  if (drawPoints) {
    for (let i = 0; i < points.count; i++) {
      const x = fit.x(points.lon[i] as number);
      const y = fit.y(points.lat[i] as number);
      if (inside(x, y)) marks.push(pointMark(i < points.hamletCount ? 'hamlet' : 'school', x, y, level[i] as number, u, i));
    }
  }
  const towerMarks = [];
  if (towers && towers.count <= MAX_POINTS) {
    for (let t = 0; t < towers.count; t++) {
      const x = fit.x(towers.lon[t] as number);
      const y = fit.y(towers.lat[t] as number);
      if (inside(x, y)) towerMarks.push(towerMark(x, y, towers.broadband[t] === 1, u, t));
    }
  }
  const ranges = classRanges(metric, lang);
  const label = translateWith(lang, 'reportMapLabel', { area: frame?.name ?? '' });
  return (
    <figure className="report-map" data-testid="report-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <rect width={WIDTH} height={HEIGHT} fill={COLORS.water} />
        {districts.map((d, k) => {
          const cls = choroplethClass(values.districts[k] ?? null, breaks);
          return (
            <path
              key={d.id}
              d={areaPath(d.geometry, fit)}
              fill={cls === null ? COLORS.land : CHOROPLETH_COLORS[cls]}
              stroke={COLORS.districtLine}
              strokeWidth={2 * u}
              fillRule="evenodd"
            />
          );
        })}
        {province && <path d={areaPath(province.geometry, fit)} fill="none" stroke={COLORS.provinceLine} strokeWidth={4 * u} />}
        {towerMarks}
        {marks}
        {districts.map((d) => {
          const [lon, lat] = d.labelLon !== undefined && d.labelLat !== undefined ? [d.labelLon, d.labelLat] : labelPoint(d.geometry);
          const x = fit.x(lon);
          const y = fit.y(lat);
          if (!inside(x, y)) return null;
          return (
            <text key={`label-${d.id}`} x={x.toFixed(1)} y={y.toFixed(1)} fontSize={(26 * u).toFixed(1)} className="report-map-label" textAnchor="middle">
              {d.name}
            </text>
          );
        })}
      </svg>
      <figcaption className="report-key">
        <span>
          <svg viewBox="0 0 10 10" aria-hidden="true">
            <circle cx={5} cy={5} r={4} fill={COLORS.levelUnknown} />
          </svg>
          {translate(lang, 'layerHamlets')}{' '}
          <svg viewBox="0 0 10 10" aria-hidden="true">
            <rect x={1} y={1} width={8} height={8} fill={COLORS.levelUnknown} />
          </svg>
          {translate(lang, 'layerSchools')}
        </span>
        {[LEVEL_GOOD, LEVEL_WEAK, 0].map((lv) => (
          <span key={lv}>
            <svg viewBox="0 0 10 10" aria-hidden="true">
              <rect width={10} height={10} fill={LEVEL_COLOR[lv]} />
            </svg>
            {translate(lang, lv === LEVEL_GOOD ? 'levelGood' : lv === LEVEL_WEAK ? 'levelWeak' : 'levelNone')}
          </span>
        ))}
        <span>
          <svg viewBox="0 0 10 10" aria-hidden="true">
            <path d="M5 0.5L9.5 9H0.5Z" fill={COLORS.tech4g} />
          </svg>
          {translate(lang, 'reportKeyTower4g')}
        </span>
        <span>
          <svg viewBox="0 0 10 10" aria-hidden="true">
            <path d="M5 1L9 8.5H1Z" fill="#fff" stroke={COLORS.tech2g3g} strokeWidth={1.2} />
          </svg>
          {translate(lang, 'reportKeyTower2g3g')}
        </span>
        <span className="report-key-classes">
          {translate(lang, METRIC_LABEL[metric])}:
          {CHOROPLETH_COLORS.map((color, k) => (
            <span key={color}>
              <svg viewBox="0 0 10 10" aria-hidden="true">
                <rect width={10} height={10} fill={color} stroke={COLORS.districtLine} strokeWidth={0.8} />
              </svg>
              {ranges[k]}
            </span>
          ))}
        </span>
        {!drawPoints && level !== undefined && <span>{translateWith(lang, 'reportPointsOmitted', { n: formatNumber(points.count, lang) })}</span>}
      </figcaption>
    </figure>
  );
}
