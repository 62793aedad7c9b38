import { InvalidTransition } from './http/problems.ts';

/**
 * A lifecycle as a literal transition table: keys are the states, values the states each may move
 * to. Modules define theirs in `states.ts`; everything else asks the table, never re-derives it.
 */
export interface Lifecycle<S extends string> {
  name: string;
  initial: S;
  states: readonly S[];
  /** The states `from` may move to: what the UI offers. */
  nextStates(from: S): readonly S[];
  can(from: S, to: S): boolean;
  /** Refuses a move the table does not list with a 409 naming what is allowed. */
  assert(from: S, to: S): void;
  isFinal(state: S): boolean;
}

export function defineLifecycle<const T extends Record<string, readonly (keyof T & string)[]>>(
  name: string,
  table: T,
  initial: keyof T & string,
): Lifecycle<keyof T & string> {
  type S = keyof T & string;
  const nextStates = (from: S): readonly S[] => table[from] ?? [];
  return {
    name,
    initial,
    states: Object.keys(table) as S[],
    nextStates,
    can: (from, to) => nextStates(from).includes(to),
    assert: (from, to) => {
      if (!nextStates(from).includes(to)) throw new InvalidTransition(name, from, to, nextStates(from));
    },
    isFinal: (state) => nextStates(state).length === 0,
  };
}
