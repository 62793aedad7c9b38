import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../features/inventory/inventory-hooks';

const all = 'all';

/** Picks one location, or all of them; the choice lives in the address. */
export function LocationSelect({
  locations,
  value,
  onChange,
}: {
  locations: Location[];
  value: string | undefined;
  onChange: (locationId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('inventory.location')}
      data={[
        { value: all, label: t('inventory.allLocations') },
        ...locations.map((location) => ({
          value: location.id,
          label: location.active ? location.name : t('inventory.closedLocation', { name: location.name }),
        })),
      ]}
      value={value ?? all}
      allowDeselect={false}
      onChange={(next) => onChange(next === all || !next ? undefined : next)}
      w={{ base: '100%', xs: 240 }}
    />
  );
}
