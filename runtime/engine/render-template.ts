import { Liquid, type Template } from 'liquidjs';

const liquid = new Liquid({
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  // No file access: templates come from models, not from disk.
  relativeReference: false,
  dynamicPartials: false,
});
const cache = new Map<string, Template[]>();

/** Renders a Liquid template; an unknown placeholder throws (a recorded failure). */
export function renderTemplate(text: string, context: Record<string, unknown>): string {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = liquid.parse(text);
    if (cache.size > 5000) cache.clear();
    cache.set(text, parsed);
  }
  return String(liquid.renderSync(parsed, context));
}
