import type { BuiltInRole } from '../identity/built-in-roles.js';

export const BUILT_IN_ROLE_NAMES: Readonly<Record<BuiltInRole, string>> = {
  owner: 'Owner',
  administrator: 'Administrator',
  automation_editor: 'Automation editor',
  integrator: 'Integrator',
  manager: 'Manager',
  viewer: 'Viewer',
};
