import { ActionIcon, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TrashIcon } from '../../components/icons';
import { useMoneyFormat } from '../../i18n/money';
import { type LineDraft, parseQuantity, priceIn } from './line-draft';
import classes from './line-items-editor.module.css';
import { SkuStock } from './sku-stock';

export type LineField = 'sku' | 'quantity';

interface LineItemsEditorProps {
  lines: readonly LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  currency: string;
  /** What is wrong with a line's SKU (the line itself) or quantity, from the form or the server. */
  lineError: (key: string, field: LineField) => string | undefined;
}

/** The lines of an order being keyed in or edited: catalog price, quantity, live stock, amount. */
export function LineItemsEditor({ lines, onChange, currency, lineError }: LineItemsEditorProps) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const change = (key: string, quantity: string) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, quantity } : line)));

  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed" ta="center" py="md">
        {t('orders.lines.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={680} type="native">
      <Table
        verticalSpacing="xs"
        horizontalSpacing="sm"
        className={classes.lines}
        aria-label={t('orders.lines.tableLabel')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.lines.product')}</Table.Th>
            <Table.Th ta="right">{t('orders.lines.unitPrice')}</Table.Th>
            <Table.Th w={96}>{t('orders.lines.quantity')}</Table.Th>
            <Table.Th>{t('orders.lines.available')}</Table.Th>
            <Table.Th ta="right">{t('orders.lines.amount')}</Table.Th>
            <Table.Th w={44}>
              <VisuallyHidden>{t('orders.lines.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => {
            const price = priceIn(line, currency);
            const quantity = parseQuantity(line.quantity);
            const skuError = lineError(line.key, 'sku');
            const quantityError = lineError(line.key, 'quantity');
            return (
              <Table.Tr key={line.key} data-sku={line.sku}>
                <Table.Td className={classes.product}>
                  <Stack gap={0}>
                    <Text size="sm" fw={600} ff="monospace">
                      {line.sku}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {line.title}
                    </Text>
                    {/* Messages sit here, where there is room; the narrow quantity box only turns red. */}
                    {skuError && (
                      <Text size="xs" c="red">
                        {skuError}
                      </Text>
                    )}
                    {quantityError && (
                      <Text id={`${line.key}-quantity-error`} size="xs" c="red">
                        {quantityError}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {price === null ? (
                    <Text size="sm" c="red">
                      {t('orders.lines.noPrice', { currency })}
                    </Text>
                  ) : (
                    <Text size="sm">{money(price, currency)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('orders.lines.quantityOf', { sku: line.sku })}
                    inputMode="numeric"
                    autoComplete="off"
                    size="sm"
                    w={84}
                    value={line.quantity}
                    error={Boolean(quantityError)}
                    aria-describedby={quantityError ? `${line.key}-quantity-error` : undefined}
                    onChange={(event) => change(line.key, event.currentTarget.value)}
                  />
                </Table.Td>
                <Table.Td>
                  <SkuStock sku={line.sku} wanted={quantity} />
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600}>
                    {price !== null && quantity !== null
                      ? money(price * quantity, currency)
                      : t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('orders.lines.remove', { sku: line.sku })}
                    onClick={() => onChange(lines.filter((candidate) => candidate.key !== line.key))}
                  >
                    <TrashIcon size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
