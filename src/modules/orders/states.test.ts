import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problem } from '../../platform/http/problems.ts';
import { assertTransition, isFinal, type Lifecycle, lifecycles, nextStates } from './states.ts';

const names = Object.keys(lifecycles) as Lifecycle[];

describe('order, payment and fulfilment lifecycles', () => {
  it.each(names)('%s: every state is reachable from the initial one, and every target is a state', (name) => {
    const { table, initial } = lifecycles[name];
    const states = Object.keys(table);
    const seen = new Set<string>([initial]);
    const queue = [initial as string];
    while (queue.length > 0) {
      for (const next of nextStates(name, queue.shift()!)) {
        expect(states, `${name}: ${next} is not a state`).toContain(next);
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...states].sort());
  });

  it.each(names)('%s: a random walk never leaves the table, and refuses what it does not list', (name) => {
    const states = Object.keys(lifecycles[name].table);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...states), { maxLength: 30 }), (targets) => {
        let state: string = lifecycles[name].initial;
        for (const target of targets) {
          const allowed = nextStates(name, state).includes(target);
          if (allowed) {
            assertTransition(name, state, target);
            state = target;
          } else {
            expect(() => assertTransition(name, state, target)).toThrow(Problem);
          }
        }
        expect(states).toContain(state);
      }),
    );
  });

  it('refuses an illegal move with a 409 naming what is allowed', () => {
    try {
      assertTransition('order', 'cancelled', 'confirmed');
      expect.unreachable();
    } catch (error) {
      const problem = error as Problem;
      expect(problem.status).toBe(409);
      expect(problem.toBody()).toMatchObject({
        type: 'https://ordo.dev/problems/invalid-transition',
        from: 'cancelled',
        to: 'confirmed',
        allowed: [],
      });
    }
    expect(isFinal('order', 'completed')).toBe(true);
    expect(isFinal('payment', 'authorized')).toBe(false);
    expect(nextStates('payment', 'captured')).toEqual(['partially_refunded', 'refunded']);
  });
});
