import { useEffect, useState } from 'react';
import type { TowerReach, WhyLevel as Why } from '../../domain/coverage/why.ts';
import type { ClutterClass } from '../../domain/types.ts';
import { whyOf } from '../../state/engine-client.ts';
import { useAppStore } from '../../state/store.ts';
import { formatKm, formatNumber } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT, type Texts } from '../common/use-t.ts';

const CLUTTER: Record<ClutterClass, MessageKey> = {
  urban: 'clutterUrban',
  suburban: 'clutterSuburban',
  rural: 'clutterRural',
  forest: 'clutterForest',
};

/** The reason as one sentence in the user's language. */
export function whySentence(why: Why, { t, tw, lang }: Texts): string {
  const clutter = t(CLUTTER[why.clutter]);
  const about = (tower: TowerReach) => ({
    operator: tower.operator,
    technology: tower.technology,
    id: tower.id,
    km: formatKm(tower.distanceKm, lang),
    radius: formatKm(tower.radiusKm, lang),
    clutter,
  });
  const { reason } = why;
  switch (reason.code) {
    case 'fixed-broadband':
      return t('whyFixed');
    case 'good':
      return tw('whyGood', about(reason.tower));
    case 'weak':
      return reason.nearest
        ? tw('whyWeak', { ...about(reason.tower), km: formatKm(reason.nearest.distanceKm, lang), radius: formatKm(reason.nearest.radiusKm, lang) })
        : tw('whyWeakNoBroadband', about(reason.tower));
    case 'none':
      return reason.nearest ? tw('whyNone', about(reason.nearest)) : t('whyNoneNoBroadband');
  }
}

/** Why the selected point has its level: the sentence, then every tower that reaches it or nearly does. */
export function WhyLevel({ index }: { index: number }) {
  const texts = useT();
  const { t, lang } = texts;
  const coverage = useAppStore((s) => s.coverage);
  const [answer, setAnswer] = useState<{ index: number; of: unknown; why: Why | undefined }>();
  useEffect(() => {
    let live = true;
    void whyOf(index).then((why) => live && setAnswer({ index, of: coverage, why }));
    return () => {
      live = false;
    };
  }, [index, coverage]);
  const settled = answer?.index === index && answer.of === coverage;
  const why = settled ? answer.why : undefined;
  // No engine or no answer for this point (the data changed): nothing to explain.
  if (settled && !why) return null;
  const db = (value: number | undefined) => (value === undefined ? t('whyUnknown') : `${formatNumber(value, lang, 1)} dB`);
  return (
    <div className="why" data-testid="why" aria-live="polite">
      <h3>{t('whyHeading')}</h3>
      {!why ? (
        <p className="note">{t('whyWaiting')}</p>
      ) : (
        <>
          <p data-testid="why-sentence" data-clutter={why.clutter}>
            {whySentence(why, texts)}
          </p>
          {why.towers.length === 0 ? (
            <p className="note">{t('whyNoTowers')}</p>
          ) : (
            <ul className="why-towers" data-testid="why-list" aria-label={t('whyTableCaption')}>
              {why.towers.map((tower) => (
                <li key={tower.id} data-covers={tower.covers}>
                  <p>
                    <strong>
                      {tower.operator} {tower.technology}
                    </strong>{' '}
                    {tower.id} · {t('whyCovers')}: <strong>{t(tower.covers ? 'whyCoversYes' : 'whyCoversNo')}</strong>
                  </p>
                  <dl>
                    <div>
                      <dt>{t('whyBand')}</dt>
                      <dd>
                        {formatNumber(tower.bandMhz, lang)} MHz{tower.bandIsDefault && ` ${t('whyBandDefault')}`}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('whyHeight')}</dt>
                      <dd>{tower.heightM === undefined ? t('whyUnknown') : `${formatNumber(tower.heightM, lang)} m`}</dd>
                    </div>
                    <div>
                      <dt>{t('whyDistance')}</dt>
                      <dd>{formatKm(tower.distanceKm, lang)}</dd>
                    </div>
                    <div>
                      <dt>{t('whyRadius')}</dt>
                      <dd>{formatKm(tower.radiusKm, lang)}</dd>
                    </div>
                    <div>
                      <dt>{t('whyPathLoss')}</dt>
                      <dd>{db(tower.pathLossDb)}</dd>
                    </div>
                    <div>
                      <dt>{t('whyMargin')}</dt>
                      <dd>{db(tower.marginDb)}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          )}
          <p className="note">{t('whyDbNote')}</p>
        </>
      )}
    </div>
  );
}
