import {
  ActionIcon,
  Box,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { taxClasses } from '../../../../src/modules/catalog/schema.ts';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { useCountryOptions } from '../../i18n/regions';
import type { Product, ProductStatus } from './catalog-hooks';

export type TaxClass = (typeof taxClasses)[number];
export const taxClassList = ['standard', 'reduced', 'zero', 'exempt'] as const satisfies readonly TaxClass[];
export const statusList = ['draft', 'active', 'archived'] as const satisfies readonly ProductStatus[];
/** The server accepts up to three options (Size, Colour, Material…) per product. */
export const maxOptions = 3;

export interface OptionDraft {
  /** Stable across edits, for React and for mapping the server's errors back to the row. */
  key: string;
  name: string;
  /** As typed: comma-separated values. */
  values: string;
}

/** The product's own fields as the form holds them: text as typed, options as rows. */
export interface ProductDraft {
  title: string;
  handle: string;
  description: string;
  status: ProductStatus;
  taxClass: TaxClass;
  returnable: boolean;
  hsCode: string;
  countryOfOrigin: string | null;
  options: OptionDraft[];
}

let nextKey = 0;
/** A key for a new form row. */
export const rowKey = () => `row-${++nextKey}`;

const isTaxClass = (value: string): value is TaxClass => (taxClassList as readonly string[]).includes(value);

export function productDraft(product?: Product): ProductDraft {
  return {
    title: product?.title ?? '',
    handle: product?.handle ?? '',
    description: product?.description ?? '',
    status: product?.status ?? 'draft',
    taxClass: product && isTaxClass(product.taxClass) ? product.taxClass : 'standard',
    returnable: product?.returnable ?? true,
    hsCode: product?.hsCode ?? '',
    countryOfOrigin: product?.countryOfOrigin ?? null,
    options: (product?.options ?? []).map((option) => ({
      key: rowKey(),
      name: option.name,
      values: option.values.join(', '),
    })),
  };
}

/** "S, M , L," as ["S", "M", "L"]. */
export function splitValues(values: string): string[] {
  return values
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** The option rows worth sending (a row left entirely empty is ignored), with the keys in the order sent. */
export function optionsToSend(draft: ProductDraft): {
  options: { name: string; values: string[] }[];
  keys: string[];
} {
  const rows = draft.options.filter((option) => option.name.trim() !== '' || option.values.trim() !== '');
  return {
    options: rows.map((option) => ({ name: option.name.trim(), values: splitValues(option.values) })),
    keys: rows.map((option) => option.key),
  };
}

interface ProductFieldsProps {
  draft: ProductDraft;
  onChange: (changes: Partial<ProductDraft>) => void;
  /** The server's (or the form's) reason for the input at a JSON pointer of the product body. */
  fieldError: (pointer: string) => string | undefined;
  /** The error of an option row, by its key (the server names options by their index as sent). */
  optionError: (key: string, field: 'name' | 'values') => string | undefined;
  /** Shown, not editable: for roles without catalog:write. */
  readOnly?: boolean;
  idPrefix: string;
}

/** The product's name, handle, description, status, tax class and returns. */
export function ProductDetailsFields({
  draft,
  onChange,
  fieldError,
  readOnly,
  idPrefix,
}: ProductFieldsProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('catalog.form.detailsTitle')}
        </Title>
        <TextInput
          id={`${idPrefix}-title`}
          label={t('catalog.form.title')}
          placeholder={t('catalog.form.titlePlaceholder')}
          required={!readOnly}
          readOnly={readOnly}
          value={draft.title}
          error={fieldError('/title')}
          onChange={(event) => onChange({ title: event.currentTarget.value })}
        />
        <TextInput
          id={`${idPrefix}-handle`}
          label={t('catalog.form.handle')}
          description={readOnly ? undefined : t('catalog.form.handleDescription')}
          placeholder={t('catalog.form.handlePlaceholder')}
          readOnly={readOnly}
          value={draft.handle}
          error={fieldError('/handle')}
          onChange={(event) => onChange({ handle: event.currentTarget.value })}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Textarea
          id={`${idPrefix}-description`}
          label={t('catalog.form.description')}
          autosize
          minRows={3}
          maxRows={10}
          readOnly={readOnly}
          value={draft.description}
          error={fieldError('/description')}
          onChange={(event) => onChange({ description: event.currentTarget.value })}
        />
        <SimpleGrid type="container" cols={{ base: 1, '400px': 2 }} spacing="md">
          <Select<ProductStatus>
            label={t('catalog.form.status')}
            data={statusList.map((status) => ({ value: status, label: t(`catalog.status.${status}`) }))}
            value={draft.status}
            allowDeselect={false}
            readOnly={readOnly}
            error={fieldError('/status')}
            onChange={(status) => status && onChange({ status })}
          />
          <Select<TaxClass>
            label={t('catalog.form.taxClass')}
            data={taxClassList.map((taxClass) => ({
              value: taxClass,
              label: t(`catalog.taxClass.${taxClass}`),
            }))}
            value={draft.taxClass}
            allowDeselect={false}
            readOnly={readOnly}
            error={fieldError('/taxClass')}
            onChange={(taxClass) => taxClass && onChange({ taxClass })}
          />
        </SimpleGrid>
        <Switch
          label={t('catalog.form.returnable')}
          description={t('catalog.form.returnableDescription')}
          checked={draft.returnable}
          disabled={readOnly}
          error={fieldError('/returnable')}
          onChange={(event) => onChange({ returnable: event.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}

/** Up to three options (Size, Colour…) with their values; variants pick one value of each. */
export function ProductOptionsFields({
  draft,
  onChange,
  fieldError,
  optionError,
  readOnly,
}: ProductFieldsProps) {
  const { t } = useTranslation();
  const setOption = (key: string, changes: Partial<OptionDraft>) =>
    onChange({
      options: draft.options.map((option) => (option.key === key ? { ...option, ...changes } : option)),
    });
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('catalog.form.optionsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('catalog.form.optionsLead')}
          </Text>
        </Stack>
        {fieldError('/options') && (
          <Text size="sm" c="red" role="alert">
            {fieldError('/options')}
          </Text>
        )}
        {draft.options.length === 0 && readOnly && (
          <Text size="sm" c="dimmed">
            {t('catalog.form.noOptions')}
          </Text>
        )}
        {draft.options.map((option, index) => (
          <Group key={option.key} gap="sm" align="flex-start" wrap="nowrap">
            <Box style={{ flex: 1, minWidth: 0 }}>
              <SimpleGrid type="container" cols={{ base: 1, '400px': 2 }} spacing="sm">
                <TextInput
                  label={t('catalog.form.optionName', { number: String(index + 1) })}
                  placeholder={t('catalog.form.optionNamePlaceholder')}
                  readOnly={readOnly}
                  value={option.name}
                  error={optionError(option.key, 'name')}
                  onChange={(event) => setOption(option.key, { name: event.currentTarget.value })}
                />
                <TextInput
                  label={t('catalog.form.optionValues', { number: String(index + 1) })}
                  placeholder={t('catalog.form.optionValuesPlaceholder')}
                  readOnly={readOnly}
                  value={option.values}
                  error={optionError(option.key, 'values')}
                  onChange={(event) => setOption(option.key, { values: event.currentTarget.value })}
                />
              </SimpleGrid>
            </Box>
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                mt={25}
                aria-label={t('catalog.form.removeOption', { number: String(index + 1) })}
                onClick={() => onChange({ options: draft.options.filter((row) => row.key !== option.key) })}
              >
                <TrashIcon size={18} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && draft.options.length < maxOptions && (
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<PlusIcon size={14} />}
              onClick={() =>
                onChange({ options: [...draft.options, { key: rowKey(), name: '', values: '' }] })
              }
            >
              {t('catalog.form.addOption')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** What customs declarations need: the HS code and the country of origin. */
export function ProductCustomsFields({
  draft,
  onChange,
  fieldError,
  readOnly,
  idPrefix,
}: ProductFieldsProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('catalog.form.customsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('catalog.form.customsLead')}
          </Text>
        </Stack>
        <SimpleGrid type="container" cols={{ base: 1, '400px': 2 }} spacing="md">
          <TextInput
            id={`${idPrefix}-hsCode`}
            label={t('catalog.form.hsCode')}
            placeholder={t('catalog.form.hsCodePlaceholder')}
            inputMode="numeric"
            readOnly={readOnly}
            value={draft.hsCode}
            error={fieldError('/hsCode')}
            onChange={(event) => onChange({ hsCode: event.currentTarget.value })}
          />
          <Select
            label={t('catalog.form.countryOfOrigin')}
            placeholder={readOnly ? undefined : t('catalog.form.countryPlaceholder')}
            data={countries}
            searchable
            clearable={!readOnly}
            readOnly={readOnly}
            nothingFoundMessage={t('common.nothingFound')}
            value={draft.countryOfOrigin}
            error={fieldError('/countryOfOrigin')}
            onChange={(country) => onChange({ countryOfOrigin: country })}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The product's details, options and customs data, as the new-product page shows them. */
export function ProductFields(props: ProductFieldsProps) {
  return (
    <>
      <ProductDetailsFields {...props} />
      <ProductOptionsFields {...props} />
      <ProductCustomsFields {...props} />
    </>
  );
}
