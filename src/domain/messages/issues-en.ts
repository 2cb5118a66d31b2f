// The English texts of every issue code: what follows "<file>: <place>: ". Faithful to the
// sentences the checks always wrote, so that the CLI's output and its tests keep their words.
import { BINARY_ADVICE, type BinaryFormat } from '../parse/sniff.ts';
import type { Issue } from '../types.ts';
import type { IssueCode } from './codes.ts';
import { V2_EN } from './issues-v2.ts';
import { VALUE_EN } from './values.ts';
import { num, plural, q, quotedList, type Params } from './format.ts';
import { jsonEn as json } from './json-texts.ts';

export type IssueTexts = { readonly [C in IssueCode]: (p: Params, issue: Issue) => string };

export interface IssueLanguage {
  texts: IssueTexts;
  /** The parts of an issue's place ("feature 1 (id "h1")", "line 3", "column "Mã"") */
  place(issue: Issue, p: Params): string[];
  /** A file name, and the contract path it was read as. */
  readAs(file: string, as: string): string;
}

const n = (v: number | string): string => num(v, 'en');

const { typeName, show, isShown, mustBe } = VALUE_EN;

const ENCODING_ADVICE = 'convert the file to UTF-8 (in Excel: "CSV UTF-8"; for TCVN3/VNI text, a converter such as UniKey\'s) and try again';
const DELIVERIES_HELP = 'expected the header date,school_id,kind,quantity (and donor, operator, optional)';
const MEASUREMENTS_HELP = 'expected the header date,lon,lat,operator,download_mbps (and technology, upload_mbps, latency_ms, source, optional)';
const CELLS_HELP =
  'expected an OpenCelliD / Mozilla Location Service cell export: the columns radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal, with or without that header row';
export const EXAMPLE_HEADER: Readonly<Record<string, string>> = {
  hamlets: 'id,name,population,lon,lat',
  schools: 'id,name,level,students,lon,lat',
  towers: 'id,operator,status,technology,lon,lat',
  measurements: 'date,lon,lat,operator,download_mbps',
};
/** One record of a kind, as in "then one row per test". */
const ONE: Readonly<Record<string, string>> = { hamlets: 'hamlet', schools: 'school', towers: 'tower', measurements: 'test' };
const HEADER_HELP: Readonly<Record<string, string>> = { cells: CELLS_HELP, measurements: MEASUREMENTS_HELP };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BOUNDS = 'lon 102–110, lat 8–24';

/** Rows of a CSV: an import's, or measurements.csv's own. */
const byRows = (p: Params): boolean => p.b('csv') || p.s('format') === 'measurements';

/** "; 3 features in this file look the same" */
const same = (p: Params): string => {
  const count = p.n('count');
  return count > 1 ? `; ${count} ${byRows(p) ? 'rows' : 'features'} in this file look the same` : '';
};
/** The once-per-file text faults: how many strings, and in a CSV how many rows. */
const others = (p: Params): string => (p.n('count') > 1 ? `; ${p.n('count')} strings in this file have the same fault` : '');
const rows = (p: Params): string => (p.n('rows') > 1 ? `; ${p.n('rows')} rows in this file have the same fault` : '');

/** "ring 0 of polygon 2", "the line": the part of a geometry. */
function part(p: Params): string {
  switch (p.s('part')) {
    case 'polygon':
      return 'the polygon';
    case 'multipolygon':
      return 'a MultiPolygon';
    case 'multiline':
      return 'a MultiLineString';
    case 'line':
      return p.has('line') ? `line ${p.n('line')}` : 'the line';
    case 'ring':
      return `ring ${p.n('ring')}${p.has('polygon') ? ` of polygon ${p.n('polygon')}` : ''}`;
    default:
      return `polygon ${p.n('polygon')}`;
  }
}

/** A header's columns, the first twelve. */
function listed(p: Params): string {
  const shown = quotedList(p.list('header'));
  const count = p.n('headerCount');
  return count > p.list('header').length ? `${shown}, … (${count} columns)` : shown;
}

/** What a CSV import calls a column: a GeoJSON file's property, when its properties were read as columns. */
const unit = (p: Params): string => (p.b('properties') ? 'property' : 'column');

const columnName = (name: string, index: number, property = false): string =>
  property ? `property ${q(name)}` : name === '' ? `column ${index + 1}` : `column ${q(name)}`;

const coordinateRange = (p: Params): string => {
  const lon = p.s('axis') === 'lon';
  const limit = lon ? 180 : 90;
  const sample = p.has('sample') ? ` in [${p.list('sample').join(', ')}]` : '';
  return `${lon ? 'longitude' : 'latitude'} ${p.s('value')}${sample} is outside [-${limit}, ${limit}]`;
};

/** "lon 105.1, lat 10.2" in a CSV, "[105.1, 10.2]" in GeoJSON. */
const pair = (p: Params): string => (byRows(p) ? `lon ${p.s('lon')}, lat ${p.s('lat')}` : `[${p.s('lon')}, ${p.s('lat')}]`);


const cellRange = (p: Params): string => {
  const limit = p.n('limit');
  return `a ${p.s('axis') === 'lon' ? 'longitude' : 'latitude'} in degrees, -${limit} to ${limit}`;
};

function cellPosition(p: Params): string {
  const text = p.s('text');
  const swapped = p.b('swapped') ? ' (lon and lat swapped?)' : '';
  const what = ((): string => {
    switch (p.s('reason')) {
      case 'empty':
        return `is empty, must be ${cellRange(p)}`;
      case 'comma':
        return `is ${q(text)}, which uses a decimal comma; must be ${cellRange(p)} with a "." for decimals`;
      case 'not-finite':
        return `is ${text}, not a finite number; must be ${cellRange(p)}`;
      case 'outside':
        return `is ${text}, outside [-${p.n('limit')}, ${p.n('limit')}]`;
      case 'null-island':
        return 'lon and lat are both 0, a placeholder for an unknown place ("null island")';
      default:
        return `is ${q(text)}, must be ${cellRange(p)}`;
    }
  })();
  return `${what}${swapped}; the row is left out`;
}

function moreWhere(p: Params, issue: Issue): string {
  if (issue.field === undefined) return '';
  if (p.b('csv')) {
    if (issue.field === 'geometry.coordinates') return ' in the coordinate columns';
    if (p.has('csvColumn')) return ` in ${csvColumn(p)}`;
  }
  return ` in field ${q(issue.field)}`;
}

/** A CSV issue's column: `column "Dân số" (population)`, `column 3`. */
function csvColumn(p: Params): string {
  const name = columnName(p.s('csvColumn'), p.n('csvIndex'), p.b('properties'));
  return p.has('csvField') ? `${name} (${p.s('csvField')})` : name;
}

const texts: IssueTexts = {
  bom: (p) =>
    p.b('ignored')
      ? 'the file starts with a byte-order mark (U+FEFF), as Excel\'s "CSV UTF-8" writes; it was ignored'
      : 'the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM (the importer can strip it)',
  'not-utf8': (p) =>
    `the text holds ${n(p.n('count'))} U+FFFD replacement character${plural(p.n('count'), '', 's')} (\uFFFD): the file was not saved as UTF-8 (Windows-1258, TCVN3 or VNI?); ${ENCODING_ADVICE}`,
  'not-nfc': (p) =>
    `text ${q(p.s('sample'))} is not in Unicode NFC form (its accents are separate combining marks, which maps misplace)${others(p)}; save the text as NFC (the importer can normalise it)${rows(p)}`,
  mojibake: (p) =>
    `text ${q(p.s('sample'))} looks like UTF-8 that was read as Windows-1252/1258 and saved again ("Cà Mau" shows as "CÃ  Mau")${others(p)}; export the data again as UTF-8${rows(p)}`,
  'legacy-encoding': (p) =>
    `text ${q(p.s('sample'))} looks like Vietnamese typed in a legacy TCVN3 (ABC) or VNI font ("Cà Mau" shows as "Cµ Mau" or "Caø Mau")${others(p)}; ${ENCODING_ADVICE}${rows(p)}`,
  empty: (p) => {
    switch (p.s('format')) {
      case 'deliveries':
        return `the file is empty; ${DELIVERIES_HELP}`;
      case 'measurements':
        return `the file is empty; ${MEASUREMENTS_HELP}`;
      case 'cells':
        return `the file is empty; ${CELLS_HELP}`;
      case 'points':
        return `the file is empty; expected a header row such as ${EXAMPLE_HEADER[p.s('kind')] ?? ''}, then one row per ${ONE[p.s('kind')] ?? p.s('kind')}`;
      default:
        return `the file is empty (${n(p.n('bytes'))} byte${plural(p.n('bytes'), '', 's')}); expected JSON`;
    }
  },
  'json-syntax': (p) => json(p),
  'json-truncated': (p) => `${json(p)}; the file is ${n(p.n('bytes'))} byte${plural(p.n('bytes'), '', 's')} long: is it truncated (an interrupted download or copy)?`,
  'json-array': (p) =>
    `the file holds a JSON array of ${n(p.n('length'))} items, not a GeoJSON FeatureCollection; expected {"type": "FeatureCollection", "features": [...]}`,
  'not-feature-collection': (p) =>
    p.s('reason') === 'type'
      ? `is ${p.type() === 'missing' ? 'missing' : show(p)}, must be "FeatureCollection"`
      : `the file holds ${typeName(p)} (${show(p)}), not a GeoJSON FeatureCollection`,
  'esri-json': () =>
    'this is Esri JSON (ArcGIS features with "attributes" and "spatialReference"), not GeoJSON; export it as GeoJSON (ArcGIS "Features To JSON" with the GeoJSON option, or QGIS "Save As… GeoJSON")',
  'features-not-array': (p) => `is ${typeName(p)}, must be an array of Features`,
  'single-feature': () =>
    'the file holds a single Feature, not a FeatureCollection; wrap it as {"type": "FeatureCollection", "features": [ <the feature> ]}',
  topojson: () => 'this is TopoJSON, not GeoJSON; convert it to a GeoJSON FeatureCollection (e.g. with topojson-client or mapshaper)',
  'bare-geometry': (p) => `the file holds a bare ${p.s('geometry')} geometry, not a FeatureCollection of Features with properties`,
  'no-features': () => 'the FeatureCollection has no features',
  'feature-not-object': (p) => `is ${typeName(p)}, not a GeoJSON Feature object`,
  'feature-type': (p) => `is ${show(p)}, must be "Feature"`,
  'properties-not-object': (p) => `is ${typeName(p)}, must be an object`,
  'forbidden-key': () => 'this property name is not allowed (it can alter objects in JavaScript); rename or remove it',
  'geometry-null': (p) =>
    `is ${p.b('isNull') ? 'null' : 'missing'}; a ${p.s('kind')} feature needs a ${p.list('expected').map((t) => q(t)).join(' or ')} geometry`,
  'geometry-invalid': (p) => `is ${typeName(p)}, must be a GeoJSON geometry object`,
  'geometry-type': (p) =>
    `is ${show(p)}, must be ${p.list('expected').map((t) => q(t)).join(' or ')} in a ${p.s('kind')} file${p.s('value') === 'GeometryCollection' ? ' (GeometryCollection is not supported)' : ''}`,
  'coordinates-invalid': (p) =>
    p.s('reason') === 'positions'
      ? `${part(p)} must be an array of positions, got ${typeName(p)}`
      : `${part(p)} must be a non-empty array, got ${p.type() === 'array' ? 'an empty array' : typeName(p)}`,
  'ring-too-short': (p) => `${part(p)} has ${n(p.n('positions'))} position${plural(p.n('positions'), '', 's')}; a ring needs at least 4, the last repeating the first`,
  'ring-not-closed': (p) =>
    `${part(p)} is not closed: it starts at [${p.list('first').join(', ')}] and ends at [${p.list('last').join(', ')}]; repeat the first position at the end`,
  'ring-self-intersects': (p) =>
    `${part(p)} crosses itself at [${p.list('at').join(', ')}] (segments ${p.list('segments').map((k) => Number(k) + 1).join(' and ')}), so points near there would count as outside it; correct the boundary (QGIS: Vector › Geometry Tools › Check Validity, then Fix Geometries)`,
  'line-too-short': (p) => `${part(p)} has ${n(p.n('positions'))} position${plural(p.n('positions'), '', 's')}; a line needs at least 2`,
  'position-invalid': (p) =>
    p.s('reason') === 'not-array'
      ? `a position must be an array [lon, lat], got ${typeName(p)}`
      : `a position must hold 2 numbers [lon, lat] (3 with altitude), got ${p.n('count')}${p.n('count') > 3 ? ' (a comma decimal such as 105,12 splits one number in two)' : ''}`,
  'coordinate-not-number': (p) => `coordinate ${p.n('index')} ${isShown(p)}, must be a number`,
  'coordinate-not-finite': (p) =>
    p.has('text')
      ? `is ${q(p.s('text'))}, not a finite number (it overflows to Infinity)`
      : `coordinate ${p.n('index')} is ${p.s('value')}, not a finite number (a literal such as 1e400 overflows to Infinity)`,
  'coordinate-missing': () => 'is empty; every row needs a longitude and a latitude',
  'coordinate-range': (p) => coordinateRange(p),
  'coordinates-swapped': (p) =>
    p.s('format') === 'measurements'
      ? `coordinates look swapped: ${pair(p)}, but in Vietnam the longitude is 102–110 and the latitude 8–24${same(p)}; exchange the two columns' names`
      : p.b('csv')
      ? `coordinates look swapped (lat, lon): ${pair(p)}, but in Vietnam the longitude is 102–110 and the latitude 8–24${same(p)}; swap the two columns in the mapping (the importer can do it)`
      : `coordinates look swapped (lat, lon): ${pair(p)}; GeoJSON is [lon, lat]${same(p)}; swap the whole file (the importer can do it)`,
  'coordinates-projected': (p) =>
    `coordinates ${pair(p)} look like projected metres (VN-2000 or UTM zone 48N?), not degrees; the contract needs WGS84 longitude, latitude in degrees${p.s('format') === 'measurements' ? '' : ' (EPSG:4326)'}${same(p)}`,
  'outside-vietnam': (p) => `${pair(p)} lies far outside Vietnam (${BOUNDS})${same(p)}`,
  'points-stacked': (p) =>
    `${n(p.n('count'))} ${p.s('kind')} lie at exactly [${p.n('lon')}, ${p.n('lat')}] (this is the first): positions put on a commune's centre when geocoding? Coverage and siting count them as one place; give each its own position`,
  'missing-property': (p) => {
    const what = p.b('empty') ? 'is empty' : p.b('isNull') ? 'is null' : 'is missing';
    const where = p.s('where') === 'target' ? 'every target' : p.s('where') === 'programme' ? 'programme.json' : `a ${p.s('kind')} file`;
    const hint = p.b('featureId') ? '; the feature has a top-level "id", but the contract reads "id" from "properties"' : '';
    return `${what} (required in ${where})${hint}`;
  },
  'id-not-string': (p) =>
    `is a number (${p.s('value')}), must be a string: write it in double quotes ("${p.s('value')}"); as a number, leading zeros are lost ("007" becomes 7)`,
  'not-string': (p) => `${isShown(p)}, must be a string`,
  'empty-string': (p) =>
    p.b('school')
      ? 'is empty, must name a school id'
      : p.b('operator')
        ? 'is empty, must name the network (as towers.geojson names it)'
        : `is ${p.b('blank') ? `blank (${q(p.s('value'))})` : 'empty'}, must be a non-empty string`,
  'not-finite': (p) =>
    p.has('text')
      ? `is ${q(p.s('text'))}, which overflows to Infinity; must be ${p.has('mustBe') ? mustBe(p) : 'a finite number'}`
      : `is ${p.s('value')}, must be a finite number`,
  'number-as-string': (p) =>
    `is a string (${q(p.s('value'))}), must be a number${p.b('comma') ? ' (and a JSON number uses "." for decimals)' : ''}`,
  'not-number': (p) => (p.has('text') ? `is ${q(p.s('text'))}, must be ${mustBe(p)}` : `${isShown(p)}, must be a number`),
  'ambiguous-number': (p) =>
    p.has('decimal')
      ? `is ${q(p.s('text'))}: the "${p.s('other')}" may be a thousands separator or a decimal ${p.s('other') === ',' ? 'comma' : 'point'}, and neither is guessed; write ${p.s('plain')} or ${p.s('asDecimal')} (this file writes decimals with "${p.s('decimal')}")`
      : `is ${q(p.s('text'))}: the "${p.s('other')}" may be a thousands separator or a decimal mark, and neither is guessed; write ${p.s('plain')} or ${p.s('asDecimal')}`,
  'separators-read': (p) => `${q(p.s('text'))} is read as ${p.s('value')} (a thousands separator)`,
  'polygon-centre': (p) =>
    `a ${p.s('type')}: the centre of its outer ring's corners is taken as its point${p.n('features') > 1 ? `; ${n(p.n('features'))} features in this file are areas` : ''}`,
  'multipoint-first': (p) =>
    `a MultiPoint of ${n(p.n('count'))} points: the first point is taken${p.n('features') > 1 ? `; ${n(p.n('features'))} features in this file are MultiPoints of several points` : ''}`,
  'thousands-separator': (p) =>
    `is ${q(p.s('text'))}: write ${p.b('whole') ? 'whole numbers' : 'numbers'} without thousands separators${p.has('plain') ? ` (${p.s('plain')})` : ''}`,
  'decimal-mark': (p) =>
    `is ${q(p.s('text'))}, which uses ${p.s('other') === ',' ? 'a decimal comma' : 'a decimal point'}, but this file writes decimals with "${p.s('decimal')}": write ${p.s('fixed')}`,
  'not-integer': (p) => `is ${n(p.n('value'))}, must be a whole number ≥ 0`,
  negative: (p) => (p.has('unit') ? `is ${n(p.n('value'))}, must be a number ≥ 0 (${p.s('unit')})` : `is ${n(p.n('value'))}, must be a whole number ≥ 0`),
  'not-positive': (p) => `is ${n(p.n('value'))}, must be a number > 0 (${p.s('unit')})`,
  'large-value': (p) => `is ${n(p.n('value'))} ${p.s('unit')}, more than ${n(p.n('limit'))} ${p.s('unit')}: is the unit right?`,
  'out-of-range': (p) =>
    `is ${n(p.n('value'))}, must be ${p.has('max') ? `between ${n(p.n('min'))} and ${n(p.n('max'))}${p.has('unit') ? ` ${p.s('unit')}` : ''}` : `${p.b('whole') ? 'a whole number ' : ''}≥ ${n(p.n('min'))}`}`,
  'not-boolean': (p) =>
    p.has('text')
      ? `is ${q(p.s('text'))}, must be true or false (1/0, yes/no and có/không are read too)`
      : `${isShown(p)}, must be true or false (a JSON boolean, without quotes)`,
  enum: (p) => `is ${p.type() === 'string' ? q(p.s('value')) : `${typeName(p)} (${show(p)})`}, must be one of ${quotedList(p.list('allowed'))}`,
  'date-format': (p) => `${isShown(p)}, must be a date string "YYYY-MM-DD"`,
  date: (p) => dateText(p),
  'duplicate-id': (p) => {
    const unit = p.s('unit');
    const first = unit === 'line' ? p.n('first') : p.n('first') + 1;
    return `id ${q(p.s('id'))} is already used by ${unit} ${first}; ids must be unique within the file`;
  },
  exceeds: (p) => `is ${n(p.n('value'))}, more than ${p.s('other')} (${n(p.n('otherValue'))})`,
  'upgrade-without-technology': () => 'is given without upgrade_technology; add upgrade_technology or remove it',
  'upgrade-on-planned': () => 'is ignored: the coverage rules upgrade existing towers only, and this tower is planned',
  'upgrade-not-newer': (p) => `is "${p.s('upgrade')}", not newer than technology "${p.s('technology')}"`,
  'not-object': (p) =>
    `the file holds ${p.type() === 'array' ? `a JSON array of ${n(p.n('length'))} items` : typeName(p)}, must be an object ${p.s('kind') === 'model' ? '{"radius_model": …, …}' : '{"name": …, "targets": [ … ]}'}`,
  'target-not-object': (p) => `${isShown(p)}, must be an object`,
  'targets-not-array': (p) => `${p.type() === 'missing' ? 'is missing' : `is ${typeName(p)}`}, must be an array of targets`,
  'unknown-district': (p) => `district ${q(p.s('district'))} is not in ${p.s('in')}`,
  'unknown-school': (p) =>
    `${n(p.n('count'))} of ${n(p.n('total'))} ${plural(p.n('total'), 'row names', 'rows name')} a school that is not in ${p.s('in')} (${n(p.n('schools'))} ${plural(p.n('schools'), 'school', 'schools')}: ${quotedList(p.list('ids'))}${p.n('schools') > p.list('ids').length ? ', …' : ''}); they are kept and count for the province only, not for a school or its district`,
  'outside-districts': (p) =>
    `${n(p.n('count'))} of ${n(p.n('total'))} ${p.s('kind')} lie inside no district of ${p.s('in')} (${quotedList(p.list('ids'))}${p.n('count') > p.list('ids').length ? ', …' : ''}); they are kept, with no district (contract rule 7)`,
  'missing-file': (p, issue) =>
    `the file is missing (a data folder needs it)${p.has('found') ? `; found ${q(p.s('found'))}: move or rename it to ${issue.file}` : ''}`,
  internal: (p) => `the file could not be checked (${p.s('detail')}); please report this`,
  'csv-syntax': (p) => `${p.s('detail')} (a value that opens a double quote must close it)`,
  'csv-delimiter': (p) =>
    `the columns are separated by ${p.s('delimiter') === ';' ? '";"' : 'tabs'}, as spreadsheets in a Vietnamese locale save CSV; ${p.s('format') === 'cells' ? 'a cell export has' : 'the contract needs'} "," between columns and "." for decimals: save as "CSV UTF-8 (Comma delimited)" or set the list separator to ","`,
  'csv-header': (p) =>
    p.list('missing').length > 0
      ? `the header lacks ${p.list('missing').map((m) => `"${m}"`).join(', ')} (it has ${quotedList(p.list('has'))}); ${HEADER_HELP[p.s('format')] ?? DELIVERIES_HELP}`
      : `the header names ${quotedList(p.list('duplicated'))} twice`,
  'csv-columns': (p) => {
    const has = `has ${n(p.n('fields'))} field${plural(p.n('fields'), '', 's')}`;
    switch (p.s('format')) {
      case 'cells':
        return `${has}, ${p.b('header') ? 'the header has' : 'a cell export has'} ${n(p.n('expected'))} (a value with an unquoted comma, or a decimal comma such as 105,12?); the row is left out`;
      case 'points': {
        const d = p.s('delimiter');
        const name = d === ';' ? '";"' : d === '\t' ? 'a tab' : '","';
        return `${has}, the header has ${n(p.n('expected'))} (a value with an unquoted ${name}${d === ',' ? ', or a decimal comma such as 1,5' : ''}?)`;
      }
      default:
        return `${has}, the header has ${n(p.n('expected'))} (a value with an unquoted comma, or a decimal comma such as 1,5?)`;
    }
  },
  'csv-no-header': (p) =>
    `the first row looks like data (${listed(p)}), not a header naming the columns; add a header row such as ${EXAMPLE_HEADER[p.s('kind')] ?? ''}`,
  'csv-mapping': (p) =>
    p.s('reason') === 'twice'
      ? `${columnName(p.s('column'), p.n('index'))} is mapped to both "${p.s('other')}" and "${p.s('key')}"; map each column once`
      : `the mapping puts "${p.s('key')}" in column ${p.s('index')}, but the header has columns 0 to ${p.n('max')}`,
  'csv-unmapped': (p) => {
    const name = p.s('name');
    if (name === 'lon' || name === 'lat') {
      const names = name === 'lon' ? ['longitude', 'kinh_do', 'x'] : ['latitude', 'vi_do', 'y'];
      return `no ${unit(p)} is mapped to the ${name === 'lon' ? 'longitude' : 'latitude'}; ${p.b('properties') ? 'the features have' : 'the header has'} ${listed(p)}; name a ${unit(p)} "${name}" (or ${names.map((x) => `"${x}"`).join(', ')}), or choose it in the mapping`;
    }
    const alias = p.has('alias') ? ` (or "${p.s('alias')}")` : '';
    return `no ${unit(p)} is mapped to "${name}" (required in a ${p.s('kind')} file); ${p.b('properties') ? 'the features have' : 'the header has'} ${listed(p)}; name a ${unit(p)} "${name}"${alias}, or choose it in the mapping`;
  },
  'csv-ignored-columns': (p) => {
    const indexes = p.list('indexes').map(Number);
    const names = p.list('columns').map((name, i) => (name === '' ? `column ${(indexes[i] ?? 0) + 1} (no name)` : q(name)));
    return names.length === 1
      ? `${unit(p)} ${names[0] ?? ''} is not in the ${p.s('kind')} contract and is ignored`
      : `${p.b('properties') ? 'properties' : 'columns'} ${names.join(', ')} are not in the ${p.s('kind')} contract and are ignored`;
  },
  'csv-optional-unmapped': (p) =>
    `no ${unit(p)} is mapped to ${p.list('fields').map((f) => `"${f}"`).join(', ')}, which the contract reads; if one of the ignored ${p.b('properties') ? 'properties' : 'columns'} holds it, choose it in the mapping`,
  'no-rows': () => 'the file has a header but no rows',
  quantity: (p) => {
    const text = p.s('text');
    switch (p.s('reason')) {
      case 'zero':
        return `is ${text}, must be a whole number ≥ 1`;
      case 'empty':
        return 'is empty, must be a whole number ≥ 1';
      case 'thousands':
        return `is ${q(text)}: write whole numbers without thousands separators (${p.s('plain')})`;
      case 'decimal-comma':
        return `is ${q(text)}, which uses a decimal comma; quantity must be a whole number ≥ 1`;
      default:
        return `is ${q(text)}, must be a whole number ≥ 1`;
    }
  },
  'not-cell-export': (p) =>
    `the first row (${n(p.n('fields'))} field${plural(p.n('fields'), '', 's')}, starting ${q(p.s('start'))}) is neither the header of a cell export nor a cell; ${CELLS_HELP}`,
  'cell-radio': (p) =>
    `${p.s('value') === '' ? 'is empty' : `is ${q(p.s('value'))}`}, not one of "GSM", "UMTS", "LTE", "NR" (2G to 5G); the rows with this radio are left out`,
  'cell-mcc': (p) => `is ${p.s('value') === '' ? 'empty' : q(p.s('value'))}, must be a mobile country code such as 452; the row is left out`,
  'cell-net': (p) => `is ${p.s('value') === '' ? 'empty' : q(p.s('value'))}, must be a mobile network code such as 4; the row is left out`,
  'cell-position': (p) => cellPosition(p),
  'import-kind': () => 'cannot tell what this file holds; name it after its kind (hamlets, schools, towers, deliveries, …) or choose the kind',
  'import-no-cells': () => 'no usable cell of the chosen network code (MCC) in this file',
  'binary-file': (p) => `${BINARY_ADVICE[p.s('format') as BinaryFormat]?.en ?? BINARY_ADVICE.unknown.en}; the importer reads GeoJSON and CSV text (and GeoParquet, FlatGeobuf)`,
  'utf16-decoded': () => 'the file is UTF-16 text (as Excel\'s "Unicode Text" saves it); it was read as such, but save it as UTF-8 next time',
  'import-format': (p) => `a ${p.s('kind')} file must be GeoJSON, not ${p.has('format') ? p.s('format') : 'CSV'}`,
  'import-nothing': () => 'Nothing to import: drop or choose at least one file',
  'import-twice': () => 'Two of the files are of the same kind: import one file per kind at a time',
  'more-not-listed': (p, issue) => {
    const rest = p.n('count');
    const severity = p.s('severity') === 'warning' ? plural(rest, 'warning', 'warnings') : plural(rest, 'error', 'errors');
    return `${n(rest)} more ${severity} of kind "${p.s('of')}"${moreWhere(p, issue)} not listed (${n(p.n('total'))} in all)`;
  },
  ...V2_EN,
};

/** What is wrong with a date (code 'date'); also parse/dates.ts's `dateProblem`. */
export function dateText(p: Params): string {
  const text = p.s('text');
  switch (p.s('reason')) {
    case 'empty':
      return 'is empty, must be a date YYYY-MM-DD';
    case 'month':
      return `${q(text)} is not a real date: there is no month ${p.n('month')}`;
    case 'day':
      return `${q(text)} is not a real date: ${MONTHS[p.n('month') - 1] ?? ''} ${p.n('year')} has ${p.n('days')} days`;
    case 'time':
      return `${q(text)} has a time part; write the date alone as YYYY-MM-DD (${p.s('iso')})`;
    default:
      return `${q(text)} is not an ISO date YYYY-MM-DD${p.has('iso') ? ` (if it is day/month/year, write ${p.s('iso')})` : ''}`;
  }
}

function place(issue: Issue, p: Params): string[] {
  const parts: string[] = [];
  if (p.b('csv')) {
    if (issue.line !== undefined) parts.push(`line ${issue.line}${issue.id ? ` (id ${q(issue.id)})` : ''}`);
    // A GeoJSON file's properties read as columns (import/geojson-points.ts).
    if (issue.featureIndex !== undefined) parts.push(`feature ${issue.featureIndex + 1}${issue.id ? ` (id ${q(issue.id)})` : ''}`);
    if (p.has('csvPair')) {
      const [lon = '', lat = ''] = p.list('csvPair');
      parts.push(p.b('properties') ? `properties ${q(lon)} and ${q(lat)}` : `columns ${q(lon)} and ${q(lat)}`);
    } else if (p.has('csvColumn')) parts.push(csvColumn(p));
    return parts;
  }
  if (issue.featureIndex !== undefined) parts.push(`feature ${issue.featureIndex + 1}${issue.id ? ` (id ${q(issue.id)})` : ''}`);
  if (p.has('target')) parts.push(`target ${p.n('target') + 1}`);
  if (issue.line !== undefined) parts.push(`line ${issue.line}`);
  if (issue.column !== undefined) parts.push(`column ${issue.column}`);
  if (issue.field !== undefined) parts.push(`field ${q(issue.field)}`);
  return parts;
}

export const EN: IssueLanguage = {
  texts,
  place,
  readAs: (file, as) => `${file} (read as ${as})`,
};
