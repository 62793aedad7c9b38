export const signInPath = '/admin/sign-in';

/** Where the sign-in page sends someone who arrived at `location` without a session. */
export function signInPathFor(location: { pathname: string; search: string; hash: string }): string {
  const next = location.pathname + location.search + location.hash;
  if (next === '/admin' || next === '/admin/') return signInPath;
  return `${signInPath}?next=${encodeURIComponent(next)}`;
}

/**
 * Where to go after signing in: the `next` parameter when it is a back-office page of this site,
 * otherwise the dashboard. Anything else (another origin, `//host`, a script URL) is ignored.
 */
export function pathAfterSignIn(next: string | null, origin = window.location.origin): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/admin';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/admin';
  }
  const backOffice = url.pathname === '/admin' || url.pathname.startsWith('/admin/');
  if (url.origin !== origin || !backOffice || url.pathname.startsWith(signInPath)) return '/admin';
  return url.pathname + url.search + url.hash;
}
