import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './audit-changes.module.css';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isAbsent = (value: unknown) => value === null || value === undefined;

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Field by field, in the order the newer state lists them; fields only the old state had come last. */
function compareFields(before: JsonObject, after: JsonObject): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields.map((field) => ({
    field,
    before: before[field],
    after: after[field],
    changed: JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));
}

function JsonValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined) {
    return (
      <Text span size="sm" c="dimmed">
        {t('auditLog.diff.absent')}
      </Text>
    );
  }
  const text = JSON.stringify(value, null, 2);
  return (
    <Text component="pre" size="sm" ff="monospace" className={classes.json}>
      {text}
    </Text>
  );
}

/** What one audit entry changed: the fields that differ between `before` and `after`, side by side. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [showUnchanged, setShowUnchanged] = useState(false);

  if (isAbsent(before) && isAbsent(after)) {
    return (
      <Text size="sm" c="dimmed">
        {t('auditLog.diff.nothing')}
      </Text>
    );
  }
  // A creation has no `before`, a deletion no `after`: compare against an empty object.
  const comparable = (isObject(before) || isAbsent(before)) && (isObject(after) || isAbsent(after));
  if (!comparable) {
    return (
      <Table className={classes.diff} withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('auditLog.diff.before')}</Table.Th>
            <Table.Th>{t('auditLog.diff.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td className={classes.removed}>
              <JsonValue value={before ?? undefined} />
            </Table.Td>
            <Table.Td className={classes.added}>
              <JsonValue value={after ?? undefined} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }

  // A creation shows only the new state, a deletion only the old one: the empty side says nothing.
  const showBefore = !isAbsent(before);
  const showAfter = !isAbsent(after);
  const changes = compareFields(isObject(before) ? before : {}, isObject(after) ? after : {});
  const unchanged = changes.filter((change) => !change.changed).length;
  const rows = showUnchanged ? changes : changes.filter((change) => change.changed);
  return (
    <Stack gap="xs" align="flex-start">
      <Table className={classes.diff} withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.fieldColumn}>{t('auditLog.diff.field')}</Table.Th>
            {showBefore && <Table.Th>{t('auditLog.diff.before')}</Table.Th>}
            {showAfter && <Table.Th>{t('auditLog.diff.after')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((change) => (
            <Table.Tr key={change.field} className={change.changed ? undefined : classes.unchanged}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {change.field}
                </Text>
              </Table.Td>
              {showBefore && (
                <Table.Td className={change.changed && showAfter ? classes.removed : undefined}>
                  <JsonValue value={change.before} />
                </Table.Td>
              )}
              {showAfter && (
                <Table.Td className={change.changed && showBefore ? classes.added : undefined}>
                  <JsonValue value={change.after} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {unchanged > 0 && (
        <Button size="compact-sm" variant="subtle" onClick={() => setShowUnchanged((shown) => !shown)}>
          {showUnchanged
            ? t('auditLog.diff.hideUnchanged')
            : t('auditLog.diff.showUnchanged', { count: unchanged })}
        </Button>
      )}
    </Stack>
  );
}
