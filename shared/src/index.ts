export * from './roles.js';
export * from './consultation.js';
export * from './api-types.js';
export * from './household-label.js';
export * from './roster-row.js';
