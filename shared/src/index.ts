export * from './roles.js';
export * from './consultation.js';
export * from './api-types.js';
export * from './household-label.js';
export * from './roster-row.js';
export * from './decision-rules.js';
export * from './consultation-api.js';
export * from './plumbing-disclosures.js';
