import type { ExtraApi } from '../../designer/src/api/extra-api.js';
import { createFakeExtraApi } from './fake-extra-api.js';
import { EXAMPLE_MODELS } from './fixtures.js';
import { GALLERY } from './gallery-fixtures.js';
import {
  CONTRACT_TO_ACT,
  INVOICE_TO_FEEDBACK,
  MESSAGE_TEMPLATES,
  NOBODY_REACTS,
  REACTION_TIME_WITH_SCRIPTS,
  TAKEN_AT_10_MINUTES,
} from './simulation-fixtures.js';
import { REACTION_TIME_VERSIONS } from './version-fixtures.js';

/**
 * The default versions/gallery/simulation client of every story: the nine examples in
 * the gallery, scenario 4 with two published versions, and recorded simulations of
 * scenario 4 (nobody reacts, then taken at 10 minutes on a rerun), message templates and
 * document flow.
 */
export function storyExtraApi(): ExtraApi {
  return createFakeExtraApi({
    models: [...EXAMPLE_MODELS, REACTION_TIME_WITH_SCRIPTS, MESSAGE_TEMPLATES],
    versions: { [REACTION_TIME_WITH_SCRIPTS.id]: REACTION_TIME_VERSIONS },
    gallery: GALLERY,
    simulations: {
      [REACTION_TIME_WITH_SCRIPTS.id]: [NOBODY_REACTS, TAKEN_AT_10_MINUTES],
      [MESSAGE_TEMPLATES.id]: [INVOICE_TO_FEEDBACK],
      'document-flow': [CONTRACT_TO_ACT],
    },
  });
}
