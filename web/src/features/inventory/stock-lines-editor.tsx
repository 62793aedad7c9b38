import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemFieldErrorWithin } from '../../api/client';
import { PlusIcon, TrashIcon } from '../../components/icons';

/** A line as typed: the quantity stays text until it is checked. */
export interface LineDraft {
  key: number;
  sku: string;
  quantity: string;
}

let nextKey = 1;
export const emptyLine = (sku = ''): LineDraft => ({ key: nextKey++, sku, quantity: '' });

export type LineProblems = Record<number, { sku?: string; quantity?: string }>;

/** Checks the lines before sending: a SKU and a whole quantity of at least 1 on each. */
export function checkLines(
  lines: LineDraft[],
  t: (key: 'inventory.lines.skuRequired' | 'inventory.lines.quantityInvalid') => string,
): { problems: LineProblems; lines: { sku: string; quantity: number }[] } {
  const problems: LineProblems = {};
  const checked = lines.map((line, index) => {
    const sku = line.sku.trim();
    const quantity = Number(line.quantity.trim());
    const problem: { sku?: string; quantity?: string } = {};
    if (!sku) problem.sku = t('inventory.lines.skuRequired');
    if (!/^\d+$/.test(line.quantity.trim()) || quantity < 1)
      problem.quantity = t('inventory.lines.quantityInvalid');
    if (problem.sku || problem.quantity) problems[index] = problem;
    return { sku, quantity };
  });
  return { problems, lines: checked };
}

interface StockLinesEditorProps {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  problems: LineProblems;
  /** The server's refusal, whose pointers name `/lines/<index>/sku` and the like. */
  error: unknown;
}

/** SKU and quantity rows, with the server's reasons under the inputs they concern. */
export function StockLinesEditor({ lines, onChange, problems, error }: StockLinesEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, changes: Partial<LineDraft>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...changes } : line)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('inventory.lines.title')}
      </Text>
      {lines.map((line, index) => (
        <Group key={line.key} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('inventory.lines.skuOf', { line: String(index + 1) })}
            placeholder={t('inventory.lines.skuPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            style={{ flex: 1 }}
            value={line.sku}
            error={problems[index]?.sku ?? problemFieldErrorWithin(error, `/lines/${index}/sku`)}
            onChange={(event) => set(index, { sku: event.currentTarget.value })}
          />
          <TextInput
            aria-label={t('inventory.lines.quantityOf', { line: String(index + 1) })}
            placeholder={t('inventory.lines.quantityPlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            w={110}
            value={line.quantity}
            error={problems[index]?.quantity ?? problemFieldErrorWithin(error, `/lines/${index}/quantity`)}
            onChange={(event) => set(index, { quantity: event.currentTarget.value })}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            mt={2}
            aria-label={t('inventory.lines.remove', { line: String(index + 1) })}
            disabled={lines.length === 1}
            onClick={() => onChange(lines.filter((_, i) => i !== index))}
          >
            <TrashIcon size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<PlusIcon size={14} />}
          onClick={() => onChange([...lines, emptyLine()])}
        >
          {t('inventory.lines.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Line pointers the editor shows next to its inputs. */
export const linePointers = (count: number) => Array.from({ length: count }, (_, index) => `/lines/${index}`);
