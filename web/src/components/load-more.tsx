import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert';

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  /** The error of the last "load more", shown above the button so it can be tried again. */
  error: unknown;
}

/** Cursor pagination: asks for the page the server's `next` points at. */
export function LoadMore({ hasNextPage, isFetchingNextPage, fetchNextPage, error }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!hasNextPage) return null;
  return (
    <Group justify="center" mt="md" gap="sm">
      {error ? <ProblemAlert error={error} title={t('common.loadFailedTitle')} w="100%" /> : null}
      <Button variant="default" loading={isFetchingNextPage} onClick={() => fetchNextPage()}>
        {t('common.loadMore')}
      </Button>
    </Group>
  );
}
