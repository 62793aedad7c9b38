import { useState } from 'react';

/**
 * The latest non-null `value`. A modal opened for a row keeps showing that row while it animates
 * closed, after the page has already set its selection back to null.
 */
export function useRetainedValue<T>(value: T | null): T | null {
  const [retained, setRetained] = useState(value);
  if (value !== null && value !== retained) setRetained(value);
  return value ?? retained;
}
