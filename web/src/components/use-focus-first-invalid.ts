import { type RefObject, useEffect, useState } from 'react';

/**
 * Returns a function that moves the focus to the first input marked invalid inside `container`,
 * once the errors just found (by the form or the server) are on screen. When no input is to
 * blame (stock, a declined card, a conflict), the alert that says why is brought into view.
 */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const invalid = container.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // Centred, not at the very top where the fixed header would hide it.
    if (invalid) {
      invalid.focus({ preventScroll: true });
      invalid.scrollIntoView({ block: 'center' });
    } else container.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' });
  }, [request, container]);
  return () => setRequest((count) => count + 1);
}
