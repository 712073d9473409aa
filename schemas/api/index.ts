/** The HTTP API's bodies: shared by the runtime (validation, OpenAPI) and the designer (types). */
export * from './api-schemas.js';
export * from './example-schemas.js';
export * from './page-schemas.js';
export * from './identity-schemas.js';
export * from './role-schemas.js';
export * from './export-schemas.js';
export * from './audit-schemas.js';
export * from './live-schemas.js';
export * from './why-schemas.js';
export * from './publish-preview-schemas.js';
