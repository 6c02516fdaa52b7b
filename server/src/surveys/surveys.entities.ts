/** The entities of this module, listed in database/entities.ts. */
export const SURVEYS_ENTITIES: Function[] = [];
