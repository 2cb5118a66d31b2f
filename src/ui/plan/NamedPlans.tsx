import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { STATUSES, type Status } from '../../domain/progress/status.ts';
import { isConflict, type NamedPlan, type PlanSummary } from '../../io/plan-store.ts';
import { namedPlans, openNamedPlan, saveNamedPlan, summaryOf } from '../../state/named-plans.ts';
import { useAppStore } from '../../state/store.ts';
import { StatusBadge } from '../dashboard/StatusBadge.tsx';
import { formatInstant, formatNumber, timeOf } from '../common/format.ts';
import type { MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

const FIGURES: { key: keyof PlanSummary['figures']; label: MessageKey }[] = [
  { key: 'hamlets', label: 'hamletsGood' },
  { key: 'population', label: 'populationGood' },
  { key: 'schools', label: 'schoolsGood' },
  { key: 'students', label: 'impactStudents' },
];

const isStatus = (s: string): s is Status => (STATUSES as readonly string[]).includes(s);

interface Column {
  name: string;
  title: string;
  savedAt?: string;
  plan: NamedPlan['plan'];
  summary: PlanSummary | undefined;
}

/** Named plans on this device: save the working plan under a name, open one, compare them. */
export function NamedPlans({ dataset }: { dataset: DatasetView }) {
  const { t, tw, lang } = useT();
  const plan = useAppStore((s) => s.plan);
  const coverage = useAppStore((s) => s.coverage);
  const timeline = useAppStore((s) => s.timeline);
  const working = useMemo(() => summaryOf({ coverage, timeline, dataset }), [coverage, timeline, dataset]);
  const [list, setList] = useState<{ plans: NamedPlan[]; unreadable: number }>({ plans: [], unreadable: 0 });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error?: boolean } | undefined>();

  const reload = useCallback(() => namedPlans(dataset).then(setList), [dataset]);
  useEffect(() => {
    void reload();
    // Another tab may have saved one: read the list again when this one comes back.
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  const trimmed = name.trim();
  const existing = list.plans.find((p) => p.name === trimmed);
  const save = async () => {
    if (trimmed === '' || busy) return;
    setBusy(true);
    setNote({ text: t('namedSaving') });
    try {
      const result = await saveNamedPlan(dataset, trimmed, existing?.revision ?? 0);
      if (result.ok) setNote({ text: tw('namedSaved', { name: trimmed }) });
      else if (isConflict(result)) setNote({ text: tw('namedConflict', { name: trimmed, time: timeOf(result.theirs.savedAt) }), error: true });
      else setNote({ text: tw('namedFailed', { message: result.message }), error: true });
      await reload();
    } finally {
      setBusy(false);
    }
  };

  const columns: Column[] = [
    ...list.plans.map((p) => ({ name: p.name, title: p.name, savedAt: p.savedAt, plan: p.plan, summary: p.summary })),
    { name: '', title: t('namedWorking'), plan, summary: working },
  ];
  const targets = dataset.programme?.targets ?? [];
  const cell = (summary: PlanSummary | undefined, render: (s: PlanSummary) => ReactNode) => (summary ? render(summary) : <span className="note">{t('namedNoFigures')}</span>);

  return (
    <section className="panel" aria-labelledby="named-heading" data-testid="named-plans">
      <h2 id="named-heading">{t('namedHeading')}</h2>
      <p className="note">{t('namedIntro')}</p>
      <form
        className="named-save"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('namedName')}</span>
          <input type="text" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" disabled={trimmed === '' || busy}>
          {existing ? tw('namedOverwrite', { name: trimmed }) : t('namedSave')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {note && <p className={note.error ? 'note error-text' : 'note'}>{note.text}</p>}
      </div>
      {list.unreadable > 0 && <p className="note error-text">{tw('namedUnreadable', { n: list.unreadable })}</p>}
      {list.plans.length === 0 ? (
        <p className="note">{t('namedNone')}</p>
      ) : (
        <div
          className="named-scroll"
          role="region"
          aria-labelledby="named-compare"
          // A scrollable region must take focus, or keyboard users cannot scroll it (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          <table className="compact named-compare" data-testid="named-compare">
            <caption id="named-compare">{t('namedCompare')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('namedColumn')}</th>
                {columns.map((c) => (
                  <th scope="col" key={c.name || '\u0000working'} data-plan={c.name}>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('namedSavedAt')}</th>
                {columns.map((c) => (
                  <td key={c.name || '\u0000working'}>{c.savedAt ? formatInstant(c.savedAt, lang) : '–'}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('namedTowers')}</th>
                {columns.map((c) => (
                  <td key={c.name || '\u0000working'}>{`${c.plan.added.length} / ${Object.keys(c.plan.changed).length} / ${c.plan.removed.length}`}</td>
                ))}
              </tr>
              {FIGURES.map((f) => (
                <tr key={f.key} data-figure={f.key}>
                  <th scope="row">{t(f.label)}</th>
                  {columns.map((c) => (
                    <td key={c.name || '\u0000working'}>{cell(c.summary, (s) => formatNumber(s.figures[f.key], lang))}</td>
                  ))}
                </tr>
              ))}
              {targets.map((target) => (
                <tr key={target.id} data-target={target.id}>
                  <th scope="row">{lang === 'vi' ? target.labelVi : target.labelEn}</th>
                  {columns.map((c) => (
                    <td key={c.name || '\u0000working'}>
                      {cell(c.summary, (s) => {
                        const status = s.targets.find((x) => x.id === target.id)?.status;
                        return status && isStatus(status) ? <StatusBadge status={status} lang={lang} /> : '–';
                      })}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row" />
                {columns.map((c) => (
                  <td key={c.name || '\u0000working'}>
                    {c.name !== '' && (
                      <button
                        type="button"
                        onClick={() => {
                          openNamedPlan(c.plan);
                          setNote({ text: tw('namedOpened', { name: c.name }) });
                        }}
                      >
                        {tw('namedOpen', { name: c.name })}
                      </button>
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
