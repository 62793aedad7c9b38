import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductStatus } from './catalog-hooks';

const statusColors: Record<ProductStatus, MantineColor> = {
  draft: 'gray',
  active: 'green',
  archived: 'orange',
};

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  const { t } = useTranslation();
  return (
    // A squeezed table cell would otherwise shorten the status to "Acti…".
    <Badge variant="light" color={statusColors[status]} style={{ minWidth: 'max-content' }}>
      {t(`catalog.status.${status}`)}
    </Badge>
  );
}
