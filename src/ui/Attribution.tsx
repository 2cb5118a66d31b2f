import { useAppStore } from '../state/store.ts';
import { translate } from './i18n.ts';

// Verbatim from data/PROVENANCE.md: the licences require it wherever the data is shown.
export const ATTRIBUTION = [
  'Boundaries 2019–2024: censusVN2009 © 2017 Marc Choisy (MIT), cleaned and dissolved.',
  'Names, codes and 2019 census population: General Statistics Office of Viet Nam.',
  'Coastline: Natural Earth. Schools, hamlets and towers: simulated for demonstration.',
];

/** The short form kept on the map itself. */
export const MAP_ATTRIBUTION = 'censusVN2009 © Marc Choisy (MIT) · GSO Viet Nam · Natural Earth · points simulated';

export function Attribution() {
  const lang = useAppStore((s) => s.lang);
  return (
    <footer className="attribution" aria-label={translate(lang, 'attributionHeading')}>
      {ATTRIBUTION.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </footer>
  );
}
