import { type RefObject, useEffect, useState } from 'react';

/**
 * Returns a function that moves the focus to the first input marked invalid inside `container`,
 * once the errors just found (by the form or the server) are on screen.
 */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request, container]);
  return () => setRequest((count) => count + 1);
}
