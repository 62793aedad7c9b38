import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

type Tab = 'stock' | 'movements';

/** The title, lead and Stock / Movements tabs both inventory pages share; the location filter goes along. */
export function InventoryHeader({ tab, actions }: { tab: Tab; actions?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const location = new URLSearchParams(search).get('location');
  const carried = location ? `?${new URLSearchParams({ location })}` : '';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={640}>
          <Title order={1}>{t('inventory.title')}</Title>
          <Text c="dimmed">{t('inventory.lead')}</Text>
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate(
            value === 'movements' ? `/admin/inventory/movements${carried}` : `/admin/inventory${carried}`,
          )
        }
      >
        <Tabs.List>
          <Tabs.Tab value="stock">{t('inventory.tabs.stock')}</Tabs.Tab>
          <Tabs.Tab value="movements">{t('inventory.tabs.movements')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
    </Stack>
  );
}
