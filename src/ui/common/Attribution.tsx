import type { Lang } from './i18n.ts';
import { useT } from './use-t.ts';

// From data/PROVENANCE.md: the licences require it wherever the data is shown, in words the
// reader understands (the names, the licence and the copyright line stay as they are).
export const ATTRIBUTION: Readonly<Record<Lang, readonly string[]>> = {
  vi: [
    'Ranh giới 2019–2024: censusVN2009 © 2017 Marc Choisy (giấy phép MIT), đã làm sạch và gộp.',
    'Tên, mã đơn vị hành chính và dân số Tổng điều tra 2019: Tổng cục Thống kê Việt Nam.',
    'Đường bờ biển: Natural Earth. Trường học, ấp và trạm: dữ liệu mô phỏng để minh họa.',
  ],
  en: [
    'Boundaries 2019–2024: censusVN2009 © 2017 Marc Choisy (MIT), cleaned and dissolved.',
    'Names, codes and 2019 census population: General Statistics Office of Viet Nam.',
    'Coastline: Natural Earth. Schools, hamlets and towers: simulated for demonstration.',
  ],
};

/** The short form kept on the map itself, in the reader's language. */
export const MAP_ATTRIBUTION: Readonly<Record<Lang, string>> = {
  vi: 'censusVN2009 © Marc Choisy (MIT) · Tổng cục Thống kê · Natural Earth · điểm mô phỏng',
  en: 'censusVN2009 © Marc Choisy (MIT) · GSO Viet Nam · Natural Earth · points simulated',
};

export function Attribution() {
  const { t, lang } = useT();
  return (
    <footer className="attribution" aria-label={t('attributionHeading')}>
      {ATTRIBUTION[lang].map((line) => (
        <p key={line}>{line}</p>
      ))}
    </footer>
  );
}
