import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** One ajv setup for every document, so designer, runtime and CLI judge alike. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, discriminator: true, strict: false });
  addFormats(ajv);
  return ajv;
}
