// The map's label font ships with the app (no glyph server): maplibre draws labels from
// these files through the style's `font-faces`, one file per Unicode subset.
import latinUrl from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url';
import latinExtUrl from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff2?url';
import vietnameseUrl from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url';
import type { FontFacesSpecification } from 'maplibre-gl';

export const LABEL_FONT = 'Song Label';

function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

export function labelFontFaces(): FontFacesSpecification {
  return {
    [LABEL_FONT]: [
      {
        url: absolute(vietnameseUrl),
        'unicode-range': [
          'U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1',
          'U+01AF-01B0', 'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329',
          'U+1EA0-1EF9', 'U+20AB',
        ],
      },
      { url: absolute(latinExtUrl), 'unicode-range': ['U+0100-02BA', 'U+1E00-1E9F', 'U+1EF2-1EFF'] },
      { url: absolute(latinUrl), 'unicode-range': ['U+0000-00FF', 'U+2000-206F'] },
    ],
  };
}
