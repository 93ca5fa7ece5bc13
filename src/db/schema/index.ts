export * from './audit.js';
export * from './chains.js';
export * from './cultivation.js';
export * from './enterprises.js';
export * from './jobs.js';
export * from './orgs.js';
export * from './policies.js';
export * from './users.js';
