import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

/** First tab stop on every page: lets keyboard users jump past the header and navigation. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useTranslation();
  return (
    <a className={classes.skipLink} href={`#${target}`}>
      {t('common.skipToContent')}
    </a>
  );
}
