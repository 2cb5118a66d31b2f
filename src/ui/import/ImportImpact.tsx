import type { GoodShares, ImpactLayer, ImportRisk, LayersImpact } from '../../domain/import/impact.ts';
import { formatNumber } from '../common/format.ts';
import type { Lang } from '../common/i18n.ts';
import { formatPercent } from '../common/metrics.ts';

const texts = {
  vi: {
    heading: 'Dữ liệu sẽ thay đổi thế nào',
    layer: 'Lớp',
    before: 'Hiện có',
    after: 'Sau khi nhập',
    inside: 'Trong tỉnh',
    good: 'Ấp, khóm có sóng tốt (hiện tại)',
    computing: 'đang tính…',
    confirm: 'Tôi đã xem các thay đổi trên và vẫn muốn nhập',
    layers: { hamlets: 'Ấp, khóm', schools: 'Trường học', towers: 'Trạm phát sóng', districts: 'Huyện', communes: 'Xã, phường' },
    risk: {
      'import-empties-layer': 'Lớp {layer} sẽ trống: {before} đối tượng hiện có sẽ bị thay bằng 0.',
      'import-removes-most': 'Lớp {layer} sẽ mất phần lớn: từ {before} còn {after} đối tượng.',
      'import-none-inside': 'Không đối tượng nào trong {after} đối tượng mới của lớp {layer} nằm trong tỉnh: tệp có đúng vùng không?',
    },
  },
  en: {
    heading: 'What this import changes',
    layer: 'Layer',
    before: 'Now',
    after: 'After import',
    inside: 'In the province',
    good: 'Hamlets with good signal (current)',
    computing: 'computing…',
    confirm: 'I have seen these changes and still want to import',
    layers: { hamlets: 'Hamlets', schools: 'Schools', towers: 'Towers', districts: 'Districts', communes: 'Communes' },
    risk: {
      'import-empties-layer': 'The {layer} layer would be empty: its {before} features replaced by none.',
      'import-removes-most': 'The {layer} layer would lose most of its features: from {before} to {after}.',
      'import-none-inside': 'None of the {after} new {layer} lies in the province: is this file of the right place?',
    },
  },
} as const;

function riskText(risk: ImportRisk, lang: Lang): string {
  const t = texts[lang];
  const values: Record<string, string> = {
    layer: t.layers[risk.layer].toLocaleLowerCase(lang === 'vi' ? 'vi' : 'en'),
    before: 'before' in risk ? formatNumber(risk.before, lang) : '',
    after: 'after' in risk ? formatNumber(risk.after, lang) : '',
  };
  return t.risk[risk.code].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/**
 * Before → after of each layer an import touches, and the share of hamlets with good signal
 * (`shares`: they follow the rest, once a coverage pass of each data set is made).
 * When the import would empty a layer, remove most of it, or put none of it in the province,
 * the risks are listed and the import waits for the user's explicit word (`confirmed`).
 */
export function ImportImpact({ impact, shares, lang, confirmed, onConfirm }: { impact: LayersImpact; shares?: GoodShares; lang: Lang; confirmed: boolean; onConfirm: (yes: boolean) => void }) {
  const t = texts[lang];
  const touched = impact.layers.filter((l) => l.before !== l.after || l.insideAfter !== undefined);
  const pct = (v: number | null) => formatPercent(v, lang);
  return (
    <div className="import-impact" data-testid="import-impact" data-risks={impact.risks.length}>
      <h3>{t.heading}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.layer}</th>
            <th scope="col">{t.before}</th>
            <th scope="col">{t.after}</th>
            <th scope="col">{t.inside}</th>
          </tr>
        </thead>
        <tbody>
          {touched.map((l) => (
            <tr key={l.layer} data-layer={l.layer}>
              <th scope="row">{t.layers[l.layer as ImpactLayer]}</th>
              <td>{formatNumber(l.before, lang)}</td>
              <td>{formatNumber(l.after, lang)}</td>
              <td>{l.insideAfter === undefined ? '–' : formatNumber(l.insideAfter, lang)}</td>
            </tr>
          ))}
          <tr data-figure="hamlets-good" aria-busy={shares === undefined}>
            <th scope="row">{t.good}</th>
            <td>{shares ? pct(shares.before) : t.computing}</td>
            <td>{shares ? pct(shares.after) : t.computing}</td>
            <td>–</td>
          </tr>
        </tbody>
      </table>
      {impact.risks.length > 0 && (
        <>
          <ul className="issues" role="alert">
            {impact.risks.map((risk) => (
              <li key={`${risk.code}-${risk.layer}`} className="error-text">
                {riskText(risk, lang)}
              </li>
            ))}
          </ul>
          <label className="toggle">
            <input type="checkbox" checked={confirmed} onChange={(event) => onConfirm(event.target.checked)} />
            <span>{t.confirm}</span>
          </label>
        </>
      )}
    </div>
  );
}
