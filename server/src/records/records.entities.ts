import { CompoundBoard } from './compound-board.entity.js';
import { RefusalNotice } from './refusal-notice.entity.js';

/** The entities of this module, listed in database/entities.ts. */
export const RECORDS_ENTITIES: Function[] = [RefusalNotice, CompoundBoard];
