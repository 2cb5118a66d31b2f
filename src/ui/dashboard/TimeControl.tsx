import { useEffect, useState } from 'react';
import { fromDay, toDay } from '../../domain/progress/days.ts';
import { programmeStartDay, timeScale } from '../../domain/progress/period.ts';
import { useAppStore } from '../../state/store.ts';
import { DateField } from '../common/DateField.tsx';
import { formatDate } from '../common/format.ts';
import { useT } from '../common/use-t.ts';

// Playing moves a week per tick: a year of the programme in about ten seconds.
const PLAY_STEP_DAYS = 7;
const PLAY_TICK_MS = 200;

/**
 * The as-of day: a slider over the data's dates with play/pause, a date field, and the
 * deadlines. The slider gives the programme's period a position per day and older history a
 * position per month (progress/period.ts), so the programme has most of its length.
 */
export function TimeControl() {
  const { t, lang } = useT();
  const timeline = useAppStore((s) => s.timeline);
  const programme = useAppStore((s) => s.dataset?.programme);
  const asOf = useAppStore((s) => s.asOf);
  const asOfChosen = useAppStore((s) => s.asOfChosen);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing || !timeline) return;
    const timer = setInterval(() => {
      const { asOf: now, asOfChosen: choose } = useAppStore.getState();
      const next = Math.min(toDay(now) + PLAY_STEP_DAYS, timeline.lastDay);
      choose(fromDay(next));
      if (next >= timeline.lastDay) setPlaying(false);
    }, PLAY_TICK_MS);
    return () => clearInterval(timer);
  }, [playing, timeline]);

  if (!timeline) return null;
  const { firstDay, lastDay } = timeline;
  const day = toDay(asOf);
  const startDay = programmeStartDay(programme, firstDay);
  const scale = timeScale(firstDay, startDay, lastDay);
  const deadlines = [...new Set(programme?.targets.map((target) => target.deadline) ?? [])].sort();

  const togglePlay = () => {
    if (!playing && day >= lastDay) {
      // From the end, replay the programme from its start.
      asOfChosen(fromDay(startDay));
    }
    setPlaying(!playing);
  };
  return (
    <section className="timebar" aria-labelledby="time-heading" data-testid="time-control">
      <h2 id="time-heading" className="visually-hidden">
        {t('timeHeading')}
      </h2>
      <button type="button" className="play" aria-pressed={playing} aria-label={t('playLabel')} onClick={togglePlay}>
        {playing ? t('pause') : t('play')}
      </button>
      <label className="slider">
        <span className="visually-hidden">{t('asOfSlider')}</span>
        <input
          type="range"
          min={0}
          max={scale.positions - 1}
          step={1}
          value={scale.toPosition(day)}
          aria-valuetext={formatDate(asOf, lang)}
          onChange={(event) => asOfChosen(fromDay(scale.toDay(Number(event.target.value))))}
        />
        <span className="slider-ends" aria-hidden="true">
          <span>{formatDate(fromDay(firstDay), lang)}</span>
          {startDay > firstDay && (
            <span className="slider-start" style={{ left: `${(100 * scale.toPosition(startDay)) / Math.max(1, scale.positions - 1)}%` }}>
              {formatDate(fromDay(startDay), lang)}
            </span>
          )}
          <span>{formatDate(fromDay(lastDay), lang)}</span>
        </span>
      </label>
      <DateField className="inline" label={t('asOfLabel')} value={asOf} lang={lang} min={fromDay(firstDay)} max={fromDay(lastDay)} onChange={asOfChosen} />
      <span className="as-of-text" aria-live={playing ? 'off' : 'polite'} data-testid="as-of">
        {formatDate(asOf, lang)}
      </span>
      <div className="deadline-jumps" role="group" aria-label={t('jumpToDeadline')}>
        {deadlines.map((deadline) => (
          <button key={deadline} type="button" aria-pressed={deadline === asOf} onClick={() => asOfChosen(deadline)}>
            {t('jumpToDeadline')} {formatDate(deadline, lang)}
          </button>
        ))}
      </div>
    </section>
  );
}
