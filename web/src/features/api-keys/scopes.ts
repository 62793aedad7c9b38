import { type ApiKeyScope, apiKeyScopes } from '../../../../src/modules/staff/permissions.ts';
import { en } from '../../i18n/en';

type ScopeArea = keyof typeof en.apiKeys.scopeAreas;
type ScopeAction = keyof typeof en.apiKeys.scopeActions;

export interface ScopeChoice {
  scope: ApiKeyScope;
  /** The translation key of the part after the colon, when the app knows that verb. */
  actionKey: `apiKeys.scopeActions.${ScopeAction}` | undefined;
}

export interface ScopeGroup {
  /** The part before the colon: `orders` in `orders:refund`. */
  area: string;
  areaKey: `apiKeys.scopeAreas.${ScopeArea}` | undefined;
  choices: ScopeChoice[];
}

const isArea = (area: string): area is ScopeArea => Object.hasOwn(en.apiKeys.scopeAreas, area);
const isAction = (action: string): action is ScopeAction => Object.hasOwn(en.apiKeys.scopeActions, action);

/**
 * The scopes the server accepts, grouped by area in its order. A scope added on the server shows up
 * here by itself, under its raw name until it gets a translation.
 */
export const scopeGroups: ScopeGroup[] = apiKeyScopes.reduce<ScopeGroup[]>((groups, scope) => {
  const [area = scope, action = ''] = scope.split(':');
  let group = groups.find((candidate) => candidate.area === area);
  if (!group) {
    group = { area, areaKey: isArea(area) ? `apiKeys.scopeAreas.${area}` : undefined, choices: [] };
    groups.push(group);
  }
  group.choices.push({ scope, actionKey: isAction(action) ? `apiKeys.scopeActions.${action}` : undefined });
  return groups;
}, []);

const choiceByScope = new Map(
  scopeGroups.flatMap((group) => group.choices.map((choice) => [choice.scope as string, { group, choice }])),
);

/** The translation keys that name a scope, or undefined for one this app does not know. */
export function scopeParts(
  scope: string,
): { areaKey: ScopeGroup['areaKey']; actionKey: ScopeChoice['actionKey'] } | undefined {
  const found = choiceByScope.get(scope);
  return found && { areaKey: found.group.areaKey, actionKey: found.choice.actionKey };
}
