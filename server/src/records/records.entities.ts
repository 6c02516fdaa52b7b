/** The entities of this module, listed in database/entities.ts. */
export const RECORDS_ENTITIES: Function[] = [];
