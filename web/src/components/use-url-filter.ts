import { useSearchParams } from 'react-router';

/**
 * A list's filters, kept in the address so a filtered view can be shared, bookmarked and survives
 * a reload. Changing them replaces the history entry: Back leaves the list rather than undoing
 * each keystroke of a search.
 */
export function useUrlFilter<Name extends string>(
  names: readonly Name[],
): [Partial<Record<Name, string>>, (changes: Partial<Record<Name, string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const filter: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  const change = (changes: Partial<Record<Name, string | undefined>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes) as [Name, string | undefined][]) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  return [filter, change];
}
