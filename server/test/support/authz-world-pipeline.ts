import { PipelineGate } from '@linyi/shared';

/** Slots of issue 14 (the renovation pipeline); part of `Scope`. Gate names, not ids: the same for every caller. */
export interface PipelineScope {
  /** A gate street staff record by hand with `{met, note}`. */
  gate: string;
  /** The other hand-recorded gate, with `{required, note}`. */
  pledgeGate: string;
  /** A gate that follows its own record: never recorded here (400). */
  recordsGate: string;
  /** No such gate (404). */
  unknownGate: string;
}

export const PIPELINE_SLOTS: PipelineScope = {
  gate: PipelineGate.IllegalStructuresCleared,
  pledgeGate: PipelineGate.FundPledge,
  recordsGate: PipelineGate.OwnersOrganisation,
  unknownGate: 'NO_SUCH_GATE',
};
