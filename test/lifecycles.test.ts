import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fulfillmentLifecycle, orderLifecycle } from '../src/modules/orders/index.ts';
import { paymentLifecycle } from '../src/modules/payments/index.ts';
import { Problem } from '../src/platform/http/problems.ts';
import type { Lifecycle } from '../src/platform/lifecycle.ts';

const lifecycles: [string, Lifecycle<string>][] = [
  ['order', orderLifecycle as Lifecycle<string>],
  ['payment', paymentLifecycle as Lifecycle<string>],
  ['fulfilment', fulfillmentLifecycle as Lifecycle<string>],
];

describe.each(lifecycles)('the %s lifecycle', (_name, lifecycle) => {
  it('reaches every state from the initial one, and names only states as targets', () => {
    const seen = new Set([lifecycle.initial]);
    const queue = [lifecycle.initial];
    while (queue.length > 0) {
      for (const next of lifecycle.nextStates(queue.shift()!)) {
        expect(lifecycle.states).toContain(next);
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...lifecycle.states].sort());
  });

  it('stays inside the table on a random walk and refuses what it does not list', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lifecycle.states), { maxLength: 30 }), (targets) => {
        let state = lifecycle.initial;
        for (const target of targets) {
          if (lifecycle.can(state, target)) {
            lifecycle.assert(state, target);
            state = target;
          } else {
            expect(() => lifecycle.assert(state, target)).toThrow(Problem);
          }
        }
      }),
    );
  });
});

describe('an illegal transition', () => {
  it('is a 409 naming what is allowed', () => {
    try {
      orderLifecycle.assert('cancelled', 'confirmed');
      expect.unreachable();
    } catch (error) {
      expect((error as Problem).status).toBe(409);
      expect((error as Problem).toBody()).toMatchObject({
        type: 'https://ordo.dev/problems/invalid-transition',
        detail: 'The order cannot go from cancelled to confirmed.',
        from: 'cancelled',
        to: 'confirmed',
        allowed: [],
      });
    }
    expect(paymentLifecycle.nextStates('captured')).toEqual(['partially_refunded', 'refunded']);
    expect(orderLifecycle.isFinal('completed')).toBe(true);
  });
});
