// The API bodies live in schemas/api/ (the designer types its client with them); routes
// keep importing them from here.
export * from '../../../schemas/api/api-schemas.js';
export * from '../../../schemas/api/page-schemas.js';
