// data/model.json: the contract's defaults written out in full, so that a planner sees every
// parameter of the path-loss model (rule 8) and can change it. `radius_model` stays `fixed`:
// the bundled figures are those of the 2021 story, told with rule 2's fixed radii.
import { DEFAULT_RADIO_MODEL } from '../domain/coverage/radio-model.ts';
import { jsonText } from './serialize.ts';

export function modelText(): string {
  const m = DEFAULT_RADIO_MODEL;
  return jsonText({
    radius_model: m.radiusModel,
    receiver_height_m: m.receiverHeightM,
    band_mhz: { ...m.bandMhz },
    max_path_loss_db: { ...m.maxPathLossDb },
    clutter_loss_db: { ...m.clutterLossDb },
    radius_limits_km: [...m.radiusLimitsKm],
    evidence: {
      radius_m: m.evidence.radiusM,
      min_tests: m.evidence.minTests,
      good_mbps: m.evidence.goodMbps,
      window_days: m.evidence.windowDays,
    },
  });
}
