import { useEffect, useState } from 'react';
import { fromDay, toDay } from '../domain/progress/days.ts';
import { useAppStore } from '../state/store.ts';
import { formatDate } from './format.ts';
import { translate } from './i18n.ts';

// Playing moves a week per tick: a year of the programme in about ten seconds.
const PLAY_STEP_DAYS = 7;
const PLAY_TICK_MS = 200;

/** The as-of day: a slider over the data's dates with play/pause, a date field, and the deadlines. */
export function TimeControl() {
  const lang = useAppStore((s) => s.lang);
  const timeline = useAppStore((s) => s.timeline);
  const programme = useAppStore((s) => s.dataset?.programme);
  const asOf = useAppStore((s) => s.asOf);
  const asOfChosen = useAppStore((s) => s.asOfChosen);
  const [playing, setPlaying] = useState(false);
  const [draft, setDraft] = useState<string | undefined>();
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);

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
  const deadlines = [...new Set(programme?.targets.map((target) => target.deadline) ?? [])].sort();

  const togglePlay = () => {
    if (!playing && day >= lastDay) {
      // From the end, replay the programme's year: a year before its first deadline.
      const start = deadlines[0] ? Math.max(firstDay, toDay(deadlines[0]) - 365) : firstDay;
      asOfChosen(fromDay(start));
    }
    setPlaying(!playing);
  };
  const typed = (value: string) => {
    setDraft(value);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    let typedDay: number;
    try {
      typedDay = toDay(value);
    } catch {
      return; // 2021-02-30 and the like: the field stays marked invalid
    }
    if (typedDay >= firstDay && typedDay <= lastDay) {
      asOfChosen(value);
      setDraft(undefined);
    }
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
          min={firstDay}
          max={lastDay}
          step={1}
          value={day}
          aria-valuetext={formatDate(asOf, lang)}
          onChange={(event) => asOfChosen(fromDay(Number(event.target.value)))}
        />
        <span className="slider-ends" aria-hidden="true">
          <span>{formatDate(fromDay(firstDay), lang)}</span>
          <span>{formatDate(fromDay(lastDay), lang)}</span>
        </span>
      </label>
      <label className="date-field inline">
        <span>{t('asOfLabel')}</span>
        <input
          type="date"
          value={draft ?? asOf}
          min={fromDay(firstDay)}
          max={fromDay(lastDay)}
          aria-invalid={draft !== undefined}
          onChange={(event) => typed(event.target.value)}
          onBlur={() => setDraft(undefined)}
        />
      </label>
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
