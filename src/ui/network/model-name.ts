// The network and the coverage model an answer counts, in words: the legend, the printed
// report and the exported PNG say them, so a figure is never read without its assumptions.
import { editedModel } from '../../domain/plan/model-edit.ts';
import type { PlanDoc } from '../../domain/plan/plan.ts';
import type { RadioModel, RadiusModelName } from '../../domain/types.ts';
import type { Texts } from '../common/use-t.ts';

export interface ModelNameInputs {
  network: string | undefined;
  /** The model of the answer on screen (what the map draws); else the plan's. */
  answered: RadiusModelName | undefined;
  model: RadioModel | undefined;
  plan: PlanDoc;
}

/** "Mạng: Viettel" and "Mô hình: Suy hao đường truyền (Hata/COST-231) (đã sửa)". */
export function networkAndModel({ network, answered, model, plan }: ModelNameInputs, { t, tw }: Pick<Texts, 't' | 'tw'>): { network: string; model: string } {
  const name = answered ?? editedModel(model, plan.model).radiusModel;
  const modelText = t(name === 'path_loss' ? 'modelPathLoss' : 'modelFixed');
  return {
    network: tw('modelNetwork', { network: network ?? t('networkAll') }),
    model: tw(plan.model ? 'modelNamedEdited' : 'modelNamed', { model: modelText }),
  };
}
