import { useMemo } from 'react';
import { useAppStore } from '../../state/store.ts';
import { useT } from '../common/use-t.ts';
import { chosenFeature, featureText } from './feature-text.ts';

/**
 * Reads out the hamlet, school or tower just chosen (by the list, the arrow keys or a click):
 * a polite live region, present from the start so that screen readers watch it. It speaks
 * when the choice changes, not at each step of the time bar.
 */
export function MapAnnouncer() {
  const texts = useT();
  const dataset = useAppStore((s) => s.dataset);
  const selectedPoint = useAppStore((s) => s.selectedPoint);
  const selectedTower = useAppStore((s) => s.selectedTower);
  const ready = useAppStore((s) => s.coverage !== undefined);
  const text = useMemo(() => {
    const { towers } = useAppStore.getState();
    const coverage = ready ? useAppStore.getState().coverage : undefined;
    const feature = chosenFeature(selectedPoint, selectedTower, towers);
    return dataset && feature ? featureText(feature, { dataset, towers, coverage }, texts, true) : '';
  }, [dataset, selectedPoint, selectedTower, texts, ready]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="map-announcer">
      {text}
    </p>
  );
}
