import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../../../src/modules/staff/permissions.ts';

const roleColors: Record<Role, MantineColor> = {
  owner: 'indigo',
  admin: 'violet',
  manager: 'teal',
  agent: 'blue',
  warehouse: 'orange',
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={roleColors[role]}>
      {t(`roles.${role}`)}
    </Badge>
  );
}

/** The roles as Select options, most rights first, as the server lists them. */
export function useRoleOptions(): { value: Role; label: string }[] {
  const { t } = useTranslation();
  return roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
