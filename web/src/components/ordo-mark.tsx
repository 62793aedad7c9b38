import classes from './ordo-mark.module.css';

/** The Ordo logo mark; decorative, the product name always sits beside it as text. */
export function OrdoMark({ size = 28 }: { size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      className={classes.mark}
    >
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <circle cx="16" cy="16" r="8" fill="none" stroke="#fff" strokeWidth="3.5" />
    </svg>
  );
}
