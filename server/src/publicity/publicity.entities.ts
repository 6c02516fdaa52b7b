/** The entities of this module, listed in database/entities.ts. */
export const PUBLICITY_ENTITIES: Function[] = [];
