import { COMPOUND_TIME_ZONE, type CompoundSettings } from '@linyi/shared';
import type { Compound } from '../places/compound.entity.js';

export function toCompoundSettings(compound: Compound): CompoundSettings {
  return { compoundId: compound.id, name: compound.name, address: compound.address, emergencyPhone: compound.emergencyPhone, timeZone: COMPOUND_TIME_ZONE };
}
