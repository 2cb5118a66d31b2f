import { useState } from 'react';
import type { DatasetView } from '../../domain/points/dataset-view.ts';
import { canUpgrade, removeTower, updateTower, upgradeTower, type TowerPatch } from '../../domain/plan/plan.ts';
import { DEFAULT_RADIUS_KM, TECHNOLOGIES, type Technology, type Tower } from '../../domain/types.ts';
import { towerInPlan } from '../../domain/plan/diff.ts';
import { useAppStore } from '../../state/store.ts';
import { CommitField, type FieldValue } from '../common/CommitField.tsx';
import { DateField } from '../common/DateField.tsx';
import { formatNumber } from '../common/format.ts';
import { useT } from '../common/use-t.ts';
import { DEFAULT_RADIO_MODEL } from '../../domain/coverage/radio-model.ts';

const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];

function UpgradeForm({ tower, onUpgrade }: { tower: Tower; onUpgrade: (t: Technology, date: string) => void }) {
  const { t, lang } = useT();
  const [technology, setTechnology] = useState<Technology>('4G');
  const [date, setDate] = useState('2022-12-31');
  if (!canUpgrade(tower)) return <p className="note">{t('upgradeNotPossible')}</p>;
  return (
    <fieldset className="subpanel">
      <legend>{t('upgradeHeading')}</legend>
      <label className="field">
        <span>{t('upgradeTo')}</span>
        <select value={technology} onChange={(event) => setTechnology(event.target.value as Technology)}>
          <option value="4G">4G</option>
          <option value="5G">5G</option>
        </select>
      </label>
      <DateField className="field" label={t('upgradeDate')} value={date} lang={lang} onChange={setDate} />
      <button type="button" onClick={() => onUpgrade(technology, date)}>
        {t('upgradeApply')}
      </button>
    </fieldset>
  );
}

const byId = new WeakMap<DatasetView, Map<string, Tower>>();

function loadedById(dataset: DatasetView): Map<string, Tower> {
  let found = byId.get(dataset);
  if (!found) byId.set(dataset, (found = new Map(dataset.towers.map((t) => [t.id, t]))));
  return found;
}

/** The chosen tower's properties; planned towers are edited, existing ones can get an upgrade. */
export function TowerEditor({ dataset }: { dataset: DatasetView }) {
  const { t, tw, lang } = useT();
  const plan = useAppStore((s) => s.plan);
  const id = useAppStore((s) => s.selectedTower);
  const { planEdited, towerSelected } = useAppStore.getState();
  // The plan document's own value (what the user edits, undo included), not the worker's
  // answer: the fields follow an edit or an undo at once.
  const tower = id === undefined ? undefined : towerInPlan(loadedById(dataset), plan, id);
  if (!tower) {
    return (
      <section className="panel" aria-labelledby="tower-heading">
        <h2 id="tower-heading">{tw('towerHeading', { id: '' })}</h2>
        <p className="note">{t('towerNone')}</p>
      </section>
    );
  }
  const base = dataset.towers;
  const edit = (patch: TowerPatch) => planEdited(updateTower(plan, base, tower.id, patch));
  // Limits a value cannot pass, and beyond which a value is possible but asked about.
  const commitNumber = (field: 'radiusKm' | 'heightM', max: number) => (value: FieldValue) => {
    if (value !== null && (typeof value !== 'number' || value <= 0 || value > max)) return tw('valueOutOfRange', { max: formatNumber(max, lang) });
    edit({ [field]: value === null ? undefined : value });
    return true;
  };
  const commitCoordinate = (field: 'lon' | 'lat') => (value: FieldValue) => {
    const limit = field === 'lon' ? 180 : 90;
    if (typeof value !== 'number' || Math.abs(value) > limit) return tw('coordinateOutOfRange', { max: formatNumber(limit, lang) });
    edit({ [field]: value });
    return true;
  };
  const ask = (key: 'unusualRadius' | 'unusualHeight', threshold: number) => (value: number) =>
    value > threshold ? tw(key, { value: formatNumber(value, lang, 2) }) : undefined;
  const planned = tower.status === 'planned';
  const inPlan = plan.added.some((x) => x.id === tower.id) || tower.id in plan.changed;
  const upgradedInPlan = plan.changed[tower.id]?.upgradeTechnology !== undefined;

  return (
    <section className="panel" aria-labelledby="tower-heading" data-testid="tower-editor">
      <h2 id="tower-heading">{tw('towerHeading', { id: tower.id })}</h2>
      {planned ? (
        <div className="form-grid" key={tower.id}>
          <label className="field">
            <span>{t('towerOperator')}</span>
            <select value={tower.operator} onChange={(event) => edit({ operator: event.target.value })}>
              {[...new Set([...OPERATORS, tower.operator])].map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('towerTechnology')}</span>
            <select value={tower.technology} onChange={(event) => edit({ technology: event.target.value as Technology })}>
              {TECHNOLOGIES.map((tech) => (
                <option key={tech}>{tech}</option>
              ))}
            </select>
          </label>
          <CommitField
            label={t('towerRadius')}
            type="decimal"
            lang={lang}
            value={tower.radiusKm}
            placeholder={tw('towerRadiusDefault', { km: formatNumber(DEFAULT_RADIUS_KM[tower.technology], lang, 1) })}
            unusual={ask('unusualRadius', 35)}
            onCommit={commitNumber('radiusKm', 100)}
          />
          <CommitField
            label={t('towerHeight')}
            type="decimal"
            lang={lang}
            value={tower.heightM}
            unusual={ask('unusualHeight', 300)}
            onCommit={commitNumber('heightM', 1000)}
          />
          <CommitField
            label={t('towerBand')}
            type="decimal"
            lang={lang}
            value={tower.bandMhz}
            placeholder={tw('towerBandDefault', { technology: tower.technology, mhz: formatNumber(DEFAULT_RADIO_MODEL.bandMhz[tower.technology], lang) })}
            onCommit={(value) => {
              if (value !== null && (typeof value !== 'number' || value < 100 || value > 6000)) return t('bandOutOfRange');
              edit({ bandMhz: value === null ? undefined : value });
              return true;
            }}
          />
          <CommitField
            label={t('towerServiceDate')}
            type="day"
            lang={lang}
            value={tower.serviceDate}
            onCommit={(day) => {
              edit({ serviceDate: typeof day === 'string' ? day : undefined });
              return true;
            }}
          />
          <CommitField label={t('towerLon')} type="decimal" lang={lang} value={Number(tower.lon.toFixed(5))} onCommit={commitCoordinate('lon')} />
          <CommitField label={t('towerLat')} type="decimal" lang={lang} value={Number(tower.lat.toFixed(5))} onCommit={commitCoordinate('lat')} />
          <button
            type="button"
            className="danger"
            onClick={() => {
              planEdited(removeTower(plan, base, tower.id));
              towerSelected(undefined);
            }}
          >
            {t('towerDelete')}
          </button>
        </div>
      ) : (
        <>
          <p className="note">
            {tower.operator} · {tower.technology}
            {tower.upgradeTechnology ? ` → ${tower.upgradeTechnology} (${tower.upgradeDate ?? '–'})` : ''}
          </p>
          <p className="note">{t('towerExistingNote')}</p>
          {upgradedInPlan ? (
            <button
              type="button"
              onClick={() => edit({ upgradeTechnology: undefined, upgradeDate: undefined, upgradeRadiusKm: undefined })}
            >
              {t('upgradeRemove')}
            </button>
          ) : (
            <UpgradeForm
              tower={tower}
              onUpgrade={(technology, date) => planEdited(upgradeTower(plan, base, tower.id, technology, date))}
            />
          )}
        </>
      )}
      {inPlan && <p className="note">{t('planIntro')}</p>}
    </section>
  );
}
