import { Complaint } from './complaint.entity.js';

/** The entities of this module, listed in database/entities.ts. */
export const COMPLAINTS_ENTITIES: Function[] = [Complaint];
