import type { ReactNode } from 'react';
import type { CoverageFigures } from '../../domain/coverage/report.ts';
import { formatNumber } from '../common/format.ts';
import type { Lang, MessageKey } from '../common/i18n.ts';
import { useT } from '../common/use-t.ts';

const ROWS: { id: string; label: MessageKey; pick: (f: CoverageFigures) => number }[] = [
  { id: 'hamlets', label: 'hamletsGood', pick: (f) => f.hamlets.good },
  { id: 'population', label: 'populationGood', pick: (f) => f.hamlets.population_good },
  { id: 'schools', label: 'schoolsGood', pick: (f) => f.schools.good },
  { id: 'students', label: 'impactStudents', pick: (f) => f.schools.students_good },
];

function signed(n: number, lang: Lang): string {
  return n > 0 ? `+${formatNumber(n, lang)}` : n < 0 ? `−${formatNumber(-n, lang)}` : '0';
}

/** The programme's figures before → after a what-if (a plan, a model edit), with the change. */
export function FiguresChange({ before, after, caption, testId }: { before: CoverageFigures; after: CoverageFigures; caption?: ReactNode; testId?: string }) {
  const { t, lang } = useT();
  return (
    <table className="compact" data-testid={testId}>
      {caption !== undefined && <caption className="note">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('impactBefore')}</th>
          <th scope="col">{t('impactAfter')}</th>
          <th scope="col">{t('impactChange')}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => {
          const was = row.pick(before);
          const now = row.pick(after);
          return (
            <tr key={row.id} data-figure={row.id}>
              <th scope="row">{t(row.label)}</th>
              <td data-before>{formatNumber(was, lang)}</td>
              <td data-after>{formatNumber(now, lang)}</td>
              <td>{signed(now - was, lang)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
