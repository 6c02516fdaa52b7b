import { ConsultationPublicity } from './consultation-publicity.entity.js';
import { PublicityObjection } from './publicity-objection.entity.js';

/** The entities of this module, listed in database/entities.ts. */
export const PUBLICITY_ENTITIES: Function[] = [ConsultationPublicity, PublicityObjection];
