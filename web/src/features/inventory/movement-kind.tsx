import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type MovementKind, movementKinds } from './inventory-hooks';

const colors: Record<MovementKind, string> = {
  receipt: 'green',
  adjustment: 'orange',
  count: 'yellow',
  transfer_out: 'grape',
  transfer_in: 'violet',
  reservation: 'blue',
  release: 'cyan',
  pick: 'indigo',
  return: 'teal',
};

const isKind = (kind: string): kind is MovementKind => (movementKinds as readonly string[]).includes(kind);

/** A ledger line's kind as a coloured badge; a kind this app does not know yet shows as it is. */
export function MovementKindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={isKind(kind) ? colors[kind] : 'gray'} tt="none">
      {isKind(kind) ? t(`inventory.kinds.${kind}`) : kind}
    </Badge>
  );
}
