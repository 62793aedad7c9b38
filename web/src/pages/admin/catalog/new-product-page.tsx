import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  problemFieldError,
  problemFieldErrorAt,
  problemFieldErrorWithin,
  problemOnlyConcernsWithin,
} from '../../../api/client';
import { ArrowLeftIcon } from '../../../components/icons';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { type CreateProductInput, useCreateProduct } from '../../../features/catalog/catalog-hooks';
import {
  optionsToSend,
  type ProductDraft,
  ProductFields,
  productDraft,
  splitValues,
} from '../../../features/catalog/product-fields';
import {
  formCurrencies,
  prepareVariant,
  type VariantDraft,
  type VariantField,
  variantBodyParts,
  variantDraft,
  variantPointers,
} from '../../../features/catalog/variant-draft';
import { VariantsEditor } from '../../../features/catalog/variants-editor';

const productPointers = [
  '/title',
  '/handle',
  '/description',
  '/status',
  '/taxClass',
  '/returnable',
  '/options',
  '/hsCode',
  '/countryOfOrigin',
];

/** What the last submission sent, in order: the server names options, variants and prices by index. */
interface Sent {
  optionKeys: string[];
  variantKeys: string[];
  currencies: string[][];
}

/** /admin/catalog/new: a product with its options, customs data and variants with prices. */
export function NewProductPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.new.documentTitle'));
  const navigate = useNavigate();
  const create = useCreateProduct();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [draft, setDraft] = useState<ProductDraft>(() => productDraft());
  const [rows, setRows] = useState<VariantDraft[]>(() => [variantDraft()]);
  // The form's own findings, by `title` or `<row key>.<field>`; the server's come from create.error.
  const [local, setLocal] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<Sent>({ optionKeys: [], variantKeys: [], currencies: [] });

  const options = draft.options
    .filter((option) => option.name.trim() !== '')
    .map((option) => ({ name: option.name.trim(), values: splitValues(option.values) }));
  const failure = create.error;

  const fieldError = (pointer: string) =>
    (pointer === '/title' ? local.title : undefined) ?? problemFieldError(failure, pointer);
  const optionError = (key: string, field: 'name' | 'values') => {
    const index = sent.optionKeys.indexOf(key);
    return index < 0 ? undefined : problemFieldErrorWithin(failure, `/options/${index}/${field}`);
  };
  const cellError = (key: string, field: VariantField) => {
    const mine = local[`${key}.${field}`];
    if (mine) return mine;
    const index = sent.variantKeys.indexOf(key);
    if (index < 0) return undefined;
    return problemFieldErrorAt(
      failure,
      variantPointers(field, sent.currencies[index] ?? []).map(({ pointer, nested }) => ({
        pointer: `/variants/${index}${pointer}`,
        nested,
      })),
    );
  };
  const shownPointers = [
    ...productPointers,
    ...sent.variantKeys.flatMap((_key, index) => variantBodyParts.map((part) => `/variants/${index}${part}`)),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (draft.title.trim() === '') found.title = t('catalog.form.titleRequired');
    const { options: sentOptions, keys: optionKeys } = optionsToSend(draft);
    const optionNames = sentOptions.map((option) => option.name).filter((name) => name !== '');
    const prepared = rows.map((row) => prepareVariant(row, optionNames, formCurrencies, t));
    prepared.forEach((variant, index) => {
      for (const [field, problem] of Object.entries(variant.problems))
        if (problem) found[`${rows[index]?.key}.${field}`] = problem;
    });
    setLocal(found);
    if (Object.keys(found).length > 0) {
      create.reset();
      focusFirstInvalid();
      return;
    }
    const input: CreateProductInput = {
      title: draft.title.trim(),
      description: draft.description,
      status: draft.status,
      taxClass: draft.taxClass,
      returnable: draft.returnable,
      ...(draft.handle.trim() ? { handle: draft.handle.trim() } : {}),
      ...(draft.hsCode.trim() ? { hsCode: draft.hsCode.trim() } : {}),
      ...(draft.countryOfOrigin ? { countryOfOrigin: draft.countryOfOrigin } : {}),
      ...(sentOptions.length > 0 ? { options: sentOptions } : {}),
      variants: prepared.map((variant) => variant.variant),
    };
    setSent({
      optionKeys,
      variantKeys: rows.map((row) => row.key),
      currencies: prepared.map((variant) => variant.currencies),
    });
    create.mutate(input, {
      onSuccess: (product) => navigate(`/admin/catalog/${product.id}`),
      onError: focusFirstInvalid,
    });
  }

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Anchor component={Link} to="/admin/catalog" size="sm">
          <Group gap={4} component="span">
            <ArrowLeftIcon size={14} />
            {t('catalog.backToList')}
          </Group>
        </Anchor>
        <Title order={1}>{t('catalog.new.title')}</Title>
        <Text c="dimmed">{t('catalog.new.lead')}</Text>
      </Stack>

      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="lg">
          {failure && !problemOnlyConcernsWithin(failure, shownPointers) ? (
            <ProblemAlert error={failure} title={t('catalog.new.failedTitle')} />
          ) : null}
          <ProductFields
            draft={draft}
            onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
            fieldError={fieldError}
            optionError={optionError}
            idPrefix="new-product"
          />
          <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={2} size="h4">
                  {t('catalog.variants.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('catalog.variants.lead')}
                </Text>
              </Stack>
              <VariantsEditor
                rows={rows}
                onChange={setRows}
                options={options}
                currencies={formCurrencies}
                cellError={cellError}
              />
            </Stack>
          </Paper>
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to="/admin/catalog" variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('catalog.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
