import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { type VariantDraft, type VariantField, variantDraft } from './variant-draft';
import classes from './variants-editor.module.css';

interface VariantsEditorProps {
  rows: VariantDraft[];
  onChange: (rows: VariantDraft[]) => void;
  /** The product's options with a name: each gets a column. */
  options: { name: string; values: string[] }[];
  currencies: readonly string[];
  cellError: (key: string, field: VariantField) => string | undefined;
}

/** The variants of a new product as a table, one row each: SKU, barcode, option values, weight, prices. */
export function VariantsEditor({ rows, onChange, options, currencies, cellError }: VariantsEditorProps) {
  const { t } = useTranslation();
  const setRow = (key: string, changes: Partial<VariantDraft>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  return (
    <>
      <Table.ScrollContainer minWidth={800 + options.length * 130} type="native">
        <Table
          className={classes.table}
          verticalSpacing="xs"
          horizontalSpacing="xs"
          aria-label={t('catalog.variants.editorLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={130}>{t('catalog.variants.sku')}</Table.Th>
              <Table.Th w={150}>{t('catalog.variants.barcode')}</Table.Th>
              {options.map((option) => (
                <Table.Th key={option.name} w={130}>
                  {option.name}
                </Table.Th>
              ))}
              <Table.Th w={95}>{t('catalog.variants.weight')}</Table.Th>
              <Table.Th w={95}>{t('catalog.variants.backorderable')}</Table.Th>
              {currencies.map((currency) => (
                <Table.Th key={currency} w={120}>
                  {t('catalog.variants.priceIn', { currency })}
                </Table.Th>
              ))}
              <Table.Th w={48}>
                <VisuallyHidden>{t('catalog.variants.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const number = String(index + 1);
              return (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <TextInput
                      aria-label={t('catalog.variants.skuOf', { number })}
                      placeholder={t('catalog.variants.skuPlaceholder')}
                      autoComplete="off"
                      spellCheck={false}
                      value={row.sku}
                      error={cellError(row.key, 'sku')}
                      onChange={(event) => setRow(row.key, { sku: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('catalog.variants.barcodeOf', { number })}
                      placeholder={t('catalog.variants.barcodePlaceholder')}
                      inputMode="numeric"
                      autoComplete="off"
                      value={row.barcode}
                      error={cellError(row.key, 'barcode')}
                      onChange={(event) => setRow(row.key, { barcode: event.currentTarget.value })}
                    />
                  </Table.Td>
                  {options.map((option) => {
                    const label = t('catalog.variants.optionOf', { option: option.name, number });
                    const value = row.optionValues[option.name] ?? '';
                    const setValue = (next: string) =>
                      setRow(row.key, { optionValues: { ...row.optionValues, [option.name]: next } });
                    return (
                      <Table.Td key={option.name}>
                        {option.values.length > 0 ? (
                          <Select
                            aria-label={label}
                            placeholder={t('catalog.variants.choose')}
                            data={option.values}
                            value={option.values.includes(value) ? value : null}
                            error={cellError(row.key, `option:${option.name}`)}
                            onChange={(next) => setValue(next ?? '')}
                            comboboxProps={{ withinPortal: true }}
                          />
                        ) : (
                          <TextInput
                            aria-label={label}
                            value={value}
                            error={cellError(row.key, `option:${option.name}`)}
                            onChange={(event) => setValue(event.currentTarget.value)}
                          />
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <TextInput
                      aria-label={t('catalog.variants.weightOf', { number })}
                      inputMode="numeric"
                      rightSection={<Text size="xs">{t('catalog.variants.grams')}</Text>}
                      value={row.weight}
                      error={cellError(row.key, 'weight')}
                      onChange={(event) => setRow(row.key, { weight: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group justify="center" mt={8}>
                      <Checkbox
                        aria-label={t('catalog.variants.backorderableOf', { number })}
                        checked={row.backorderable}
                        error={cellError(row.key, 'backorderable')}
                        onChange={(event) => setRow(row.key, { backorderable: event.currentTarget.checked })}
                      />
                    </Group>
                  </Table.Td>
                  {currencies.map((currency) => (
                    <Table.Td key={currency}>
                      <TextInput
                        aria-label={t('catalog.variants.priceOf', { currency, number })}
                        placeholder="0.00"
                        inputMode="decimal"
                        autoComplete="off"
                        rightSection={<Text size="xs">{currency}</Text>}
                        rightSectionWidth={40}
                        value={row.prices[currency] ?? ''}
                        error={cellError(row.key, `price:${currency}`)}
                        onChange={(event) =>
                          setRow(row.key, {
                            prices: { ...row.prices, [currency]: event.currentTarget.value },
                          })
                        }
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      disabled={rows.length === 1}
                      aria-label={t('catalog.variants.remove', { number })}
                      onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                    >
                      <TrashIcon size={18} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<PlusIcon size={14} />}
          onClick={() => onChange([...rows, variantDraft()])}
        >
          {t('catalog.variants.add')}
        </Button>
      </Group>
    </>
  );
}
