// Under the layer toggles: what the tests of the answer's window say, in counts, and the
// key to the measured shapes (status by shape and glyph, not colour alone).
import { useMemo } from 'react';
import { agreementCounts } from '../../domain/evidence/summary.ts';
import { testIconUrl, verdictIconUrl } from '../../map/icons.ts';
import { useAppStore } from '../../state/store.ts';
import { formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';
import { CalibrationPanel } from './CalibrationPanel.tsx';

export function EvidenceSummary() {
  const { t, tw, lang } = useT();
  const evidence = useAppStore((s) => s.coverage?.evidence);
  const hasTests = useAppStore((s) => s.dataset?.measurements !== undefined);
  const mbps = useAppStore((s) => s.dataset?.model?.evidence.goodMbps ?? 10);
  const counts = useMemo(() => evidence && agreementCounts(evidence.agreement), [evidence]);
  const tests = useMemo(() => evidence?.counted.reduce((a, b) => a + b, 0) ?? 0, [evidence]);
  if (!hasTests) return <p className="hint">{t('evidenceNone')}</p>;
  const n = (x: number) => formatNumber(x, lang);
  return (
    <div className="evidence-summary">
      {counts && (
        <p data-testid="evidence-counts" data-confirmed={counts.confirmed} data-contradicted={counts.contradicted} data-understated={counts.understated} data-tests={tests}>
          {tw('evidenceSummary', {
            tests: n(tests),
            confirmed: n(counts.confirmed),
            contradicted: n(counts.contradicted),
            understated: n(counts.understated),
            unverified: n(counts.unverified),
          })}
        </p>
      )}
      <ul className="legend">
        <li>
          <img src={testIconUrl('testGood')} alt="" width={14} height={14} />
          {tw('evidenceTestGood', { mbps: n(mbps) })}
        </li>
        <li>
          <img src={testIconUrl('testPoor')} alt="" width={14} height={14} />
          {tw('evidenceTestPoor', { mbps: n(mbps) })}
        </li>
        <li>
          <img src={verdictIconUrl('confirmed')} alt="" width={18} height={18} />
          {t('agreementConfirmed')}
        </li>
        <li>
          <img src={verdictIconUrl('contradicted')} alt="" width={18} height={18} />
          {t('agreementContradicted')}
        </li>
        <li>
          <img src={verdictIconUrl('understated')} alt="" width={18} height={18} />
          {t('agreementUnderstated')}
        </li>
        <li className="legend-note">{t('evidenceNote')}</li>
      </ul>
      <CalibrationPanel />
    </div>
  );
}
