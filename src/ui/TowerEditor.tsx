import { useState } from 'react';
import type { DatasetView } from '../domain/points/dataset-view.ts';
import { canUpgrade, removeTower, updateTower, upgradeTower, type TowerPatch } from '../domain/plan/plan.ts';
import { DEFAULT_RADIUS_KM, TECHNOLOGIES, type Technology, type Tower } from '../domain/types.ts';
import { towerInPlan } from '../domain/plan/diff.ts';
import { useAppStore } from '../state/store.ts';
import { CommitField } from './CommitField.tsx';
import { formatNumber } from './format.ts';
import { translate, translateWith, type Lang, type MessageKey } from './i18n.ts';

const OPERATORS = ['Viettel', 'VNPT', 'MobiFone'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function UpgradeForm({ tower, lang, onUpgrade }: { tower: Tower; lang: Lang; onUpgrade: (t: Technology, date: string) => void }) {
  const [technology, setTechnology] = useState<Technology>('4G');
  const [date, setDate] = useState('2022-12-31');
  const t = (key: MessageKey) => translate(lang, key);
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
      <label className="field">
        <span>{t('upgradeDate')}</span>
        <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      </label>
      <button type="button" disabled={!ISO_DATE.test(date)} onClick={() => onUpgrade(technology, date)}>
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
  const lang = useAppStore((s) => s.lang);
  const plan = useAppStore((s) => s.plan);
  const id = useAppStore((s) => s.selectedTower);
  const { planEdited, towerSelected } = useAppStore.getState();
  const t = (key: MessageKey) => translate(lang, key);
  // The plan document's own value (what the user edits, undo included), not the worker's
  // answer: the fields follow an edit or an undo at once.
  const tower = id === undefined ? undefined : towerInPlan(loadedById(dataset), plan, id);
  if (!tower) {
    return (
      <section className="panel" aria-labelledby="tower-heading">
        <h2 id="tower-heading">{translateWith(lang, 'towerHeading', { id: '' })}</h2>
        <p className="note">{t('towerNone')}</p>
      </section>
    );
  }
  const base = dataset.towers;
  const edit = (patch: TowerPatch) => planEdited(updateTower(plan, base, tower.id, patch));
  const number = (text: string, min: number, max: number): number | null | undefined => {
    if (text.trim() === '') return null;
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
  };
  const commitNumber = (field: 'radiusKm' | 'heightM', max: number) => (text: string) => {
    const n = number(text, field === 'radiusKm' ? 0.01 : 0, max);
    if (n === undefined || n === 0) return false;
    edit({ [field]: n === null ? undefined : n });
    return true;
  };
  const commitCoordinate = (field: 'lon' | 'lat') => (text: string) => {
    const n = number(text, field === 'lon' ? -180 : -90, field === 'lon' ? 180 : 90);
    if (n === undefined || n === null) return false;
    edit({ [field]: n });
    return true;
  };
  const planned = tower.status === 'planned';
  const inPlan = plan.added.some((x) => x.id === tower.id) || tower.id in plan.changed;
  const upgradedInPlan = plan.changed[tower.id]?.upgradeTechnology !== undefined;

  return (
    <section className="panel" aria-labelledby="tower-heading" data-testid="tower-editor">
      <h2 id="tower-heading">{translateWith(lang, 'towerHeading', { id: tower.id })}</h2>
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
            type="number"
            step="0.1"
            value={tower.radiusKm === undefined ? '' : String(tower.radiusKm)}
            placeholder={translateWith(lang, 'towerRadiusDefault', { km: formatNumber(DEFAULT_RADIUS_KM[tower.technology], lang, 1) })}
            onCommit={commitNumber('radiusKm', 100)}
          />
          <CommitField
            label={t('towerHeight')}
            type="number"
            step="1"
            value={tower.heightM === undefined ? '' : String(tower.heightM)}
            onCommit={commitNumber('heightM', 500)}
          />
          <CommitField
            label={t('towerServiceDate')}
            type="date"
            value={tower.serviceDate ?? ''}
            onCommit={(text) => {
              if (text !== '' && !ISO_DATE.test(text)) return false;
              edit({ serviceDate: text === '' ? undefined : text });
              return true;
            }}
          />
          <CommitField label={t('towerLon')} type="number" step="0.0001" value={tower.lon.toFixed(5)} onCommit={commitCoordinate('lon')} />
          <CommitField label={t('towerLat')} type="number" step="0.0001" value={tower.lat.toFixed(5)} onCommit={commitCoordinate('lat')} />
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
              lang={lang}
              onUpgrade={(technology, date) => planEdited(upgradeTower(plan, base, tower.id, technology, date))}
            />
          )}
        </>
      )}
      {inPlan && <p className="note">{t('planIntro')}</p>}
    </section>
  );
}
