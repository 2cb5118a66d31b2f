import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { searchFeatures, type MapFeature } from '../../domain/points/features.ts';
import { chooseFeature } from '../../state/feature-actions.ts';
import { useAppStore } from '../../state/store.ts';
import { useT } from '../common/use-t.ts';
import { featureText, towerText } from './feature-text.ts';

const LIMIT = 30;
const LIST_ID = 'feature-finder-list';
const optionId = (i: number) => `feature-finder-option-${i}`;

/** Moves to the plan tab with the chosen tower's editor, its first control focused. */
function openTowerInPlan(): void {
  useAppStore.getState().sidebarTabChosen('plan');
  // After React has shown the tab: a hidden control cannot take focus.
  requestAnimationFrame(() => {
    const control = document.querySelector<HTMLElement>('[data-testid="tower-editor"] :is(select, input, button)');
    control?.focus();
  });
}

/**
 * A searchable list of the hamlets, schools and towers (ARIA combobox): choosing one selects
 * it through the store (the map, the selection panel and the tower editor follow) and frames
 * it on the map. Only the kinds the map shows are listed.
 */
export function FeatureFinder({ dataset }: { dataset: DatasetView }) {
  const texts = useT();
  const { t, tw } = texts;
  const towers = useAppStore((s) => s.towers);
  const coverage = useAppStore((s) => s.coverage);
  const layers = useAppStore((s) => s.layers);
  const selectedTower = useAppStore((s) => s.selectedTower);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // A million points take a moment to search: typing stays smooth.
  const deferred = useDeferredValue(query);
  const kinds = useMemo(() => ({ hamlets: layers.hamlets, schools: layers.schools, towers: layers.towers }), [layers.hamlets, layers.schools, layers.towers]);
  const found = useMemo(() => searchFeatures(dataset.points, towers, deferred, LIMIT + 1, kinds), [dataset, towers, deferred, kinds]);
  const shown = found.slice(0, LIMIT);
  const expanded = open && shown.length > 0;
  const chosenTower = selectedTower === undefined ? undefined : towers.find((tower) => tower?.id === selectedTower);

  const choose = (feature: MapFeature | undefined) => {
    if (!feature) return;
    chooseFeature(feature, true);
    setOpen(false);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (shown.length === 0 ? 0 : (a + step + shown.length) % shown.length));
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      choose(shown[Math.min(active, shown.length - 1)]);
    } else if (event.key === 'Escape' && open) {
      // Closes the list only: the selection panel's Escape (on the window) must not clear the choice.
      event.nativeEvent.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <section className="panel feature-finder" aria-labelledby="finder-heading" data-testid="feature-finder">
      <h2 id="finder-heading">{t('findHeading')}</h2>
      <label className="field">
        <span>{t('findLabel')}</span>
        <input
          type="search"
          id="finder-input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={LIST_ID}
          aria-activedescendant={expanded ? optionId(Math.min(active, shown.length - 1)) : undefined}
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKey}
          onBlur={() => setOpen(false)}
        />
      </label>
      <ul id={LIST_ID} role="listbox" aria-label={t('findHeading')} className="finder-list" hidden={!expanded}>
        {expanded &&
          shown.map((feature, i) => (
            <li
              key={feature.kind === 'point' ? `p${feature.index}` : `t${feature.slot}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              // Chosen on mouse down: the input's blur would close the list before a click.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(feature);
              }}
            >
              {featureText(feature, { dataset, towers, coverage }, texts)}
            </li>
          ))}
      </ul>
      <p className="note" role="status">
        {open && deferred.trim() !== '' ? (shown.length === 0 ? t('findNone') : tw('findResults', { count: shown.length })) : ''}
        {open && found.length > LIMIT ? ` ${tw('findMore', { count: LIMIT })}` : ''}
      </p>
      {chosenTower && (
        <div className="finder-chosen" data-testid="finder-tower">
          <p>{tw('findTowerChosen', { tower: towerText(chosenTower, texts) })}</p>
          <button type="button" onClick={openTowerInPlan}>
            {t('findPlanTower')}
          </button>
        </div>
      )}
      <p className="note">{t('findMapHint')}</p>
    </section>
  );
}
