// Moved to runtime/domain/ (services map it to 503); re-exported for older imports.
export { StoreUnavailableError } from '../domain/store-unavailable-error.js';
