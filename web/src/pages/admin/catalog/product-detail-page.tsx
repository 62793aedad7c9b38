import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Code,
  DataList,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  ProblemError,
  problemFieldError,
  problemFieldErrorWithin,
  problemOnlyConcernsWithin,
} from '../../../api/client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ArchiveIcon, ArrowLeftIcon, PencilIcon, PlusIcon } from '../../../components/icons';
import { MissingRecord } from '../../../components/missing-record';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { hasPermission, useStaffSession } from '../../../features/auth/auth-hooks';
import {
  type Product,
  type UpdateProductInput,
  useArchiveProduct,
  useProduct,
  useUpdateProduct,
} from '../../../features/catalog/catalog-hooks';
import {
  optionsToSend,
  ProductCustomsFields,
  ProductDetailsFields,
  type ProductDraft,
  ProductOptionsFields,
  productDraft,
} from '../../../features/catalog/product-fields';
import { ProductStatusBadge } from '../../../features/catalog/product-status';
import { VariantModal, type VariantTarget } from '../../../features/catalog/variant-modal';
import { useDateFormat } from '../../../i18n/format';
import { useMoneyFormat } from '../../../i18n/money';
import classes from './catalog.module.css';

const editablePointers = [
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

/** The fields of the draft that differ from the product, as a PATCH body. */
function changesOf(draft: ProductDraft, product: Product): UpdateProductInput {
  const options = optionsToSend(draft).options;
  const hsCode = draft.hsCode.trim() || null;
  return {
    ...(draft.title.trim() !== product.title ? { title: draft.title.trim() } : {}),
    ...(draft.handle.trim() !== product.handle ? { handle: draft.handle.trim() } : {}),
    ...(draft.description !== product.description ? { description: draft.description } : {}),
    ...(draft.status !== product.status ? { status: draft.status } : {}),
    ...(draft.taxClass !== product.taxClass ? { taxClass: draft.taxClass } : {}),
    ...(draft.returnable !== product.returnable ? { returnable: draft.returnable } : {}),
    ...(hsCode !== product.hsCode ? { hsCode } : {}),
    ...(draft.countryOfOrigin !== product.countryOfOrigin ? { countryOfOrigin: draft.countryOfOrigin } : {}),
    ...(JSON.stringify(options) !== JSON.stringify(product.options) ? { options } : {}),
  };
}

function VariantsSection({ product, canWrite }: { product: Product; canWrite: boolean }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const [target, setTarget] = useState<VariantTarget | null>(null);
  const hasOptions = product.options.length > 0;

  return (
    <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
      <Group justify="space-between" p={{ base: 'md', sm: 'lg' }} pb="sm">
        <Title order={2} size="h4">
          {t('catalog.detail.variantsTitle', { count: product.variants.length })}
        </Title>
        {canWrite && (
          <Button
            variant="default"
            size="xs"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setTarget({ kind: 'add' })}
          >
            {t('catalog.variants.add')}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={560} type="native">
        <Table
          verticalSpacing="sm"
          horizontalSpacing="sm"
          className={classes.variants}
          aria-label={t('catalog.detail.variantsLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              {hasOptions && <Table.Th>{t('catalog.variants.variant')}</Table.Th>}
              <Table.Th>{t('catalog.variants.sku')}</Table.Th>
              <Table.Th>{t('catalog.variants.barcode')}</Table.Th>
              <Table.Th ta="right">{t('catalog.variants.weight')}</Table.Th>
              <Table.Th>{t('catalog.variants.prices')}</Table.Th>
              {canWrite && (
                <Table.Th ta="right">
                  <VisuallyHidden>{t('catalog.variants.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {product.variants.map((variant) => (
              <Table.Tr key={variant.id}>
                {hasOptions && (
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {variant.title}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Code>{variant.sku}</Code>
                  {variant.backorderable && (
                    <Badge size="xs" variant="outline" color="gray" ml={6}>
                      {t('catalog.variants.backorderableBadge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" c={variant.barcode ? undefined : 'dimmed'}>
                    {variant.barcode ?? t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text
                    size="sm"
                    className={classes.nowrap}
                    c={variant.weightGrams === null ? 'dimmed' : undefined}
                  >
                    {variant.weightGrams === null
                      ? t('common.none')
                      : t('catalog.variants.gramsValue', { count: variant.weightGrams })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {variant.prices.map((price) => (
                      <Badge key={price.currency} variant="light" color="gray" tt="none" size="lg" fw={500}>
                        {money(price.amount, price.currency)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                {canWrite && (
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label={t('catalog.detail.editVariant', { sku: variant.sku })}
                      title={t('catalog.detail.editVariant', { sku: variant.sku })}
                      onClick={() => setTarget({ kind: 'edit', variant })}
                    >
                      <PencilIcon size={16} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canWrite && <VariantModal product={product} target={target} onClose={() => setTarget(null)} />}
    </Paper>
  );
}

function ProductEditor({ product, canWrite }: { product: Product; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const update = useUpdateProduct();
  const archive = useArchiveProduct();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [draft, setDraft] = useState<ProductDraft>(() => productDraft(product));
  const [missing, setMissing] = useState<{ title?: string; handle?: string }>({});
  const [archiving, setArchiving] = useState(false);
  const [sentOptionKeys, setSentOptionKeys] = useState<string[]>([]);
  const changes = changesOf(draft, product);
  const dirty = Object.keys(changes).length > 0;
  const failure = update.error;
  const fieldError = (pointer: string) =>
    (pointer === '/title' ? missing.title : pointer === '/handle' ? missing.handle : undefined) ??
    problemFieldError(failure, pointer);
  const optionError = (key: string, field: 'name' | 'values') => {
    const index = sentOptionKeys.indexOf(key);
    return index < 0 ? undefined : problemFieldErrorWithin(failure, `/options/${index}/${field}`);
  };
  const fieldProps = {
    draft,
    onChange: (next: Partial<ProductDraft>) => setDraft((current) => ({ ...current, ...next })),
    fieldError,
    optionError,
    readOnly: !canWrite,
    idPrefix: 'product',
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty) return;
    const found = {
      title: draft.title.trim() === '' ? t('catalog.form.titleRequired') : undefined,
      handle: draft.handle.trim() === '' ? t('catalog.form.handleRequired') : undefined,
    };
    setMissing(found);
    if (found.title || found.handle) {
      update.reset();
      focusFirstInvalid();
      return;
    }
    setSentOptionKeys(optionsToSend(draft).keys);
    update.mutate({ id: product.id, changes }, { onError: focusFirstInvalid });
  }

  function discard() {
    setDraft(productDraft(product));
    setMissing({});
    update.reset();
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{product.title}</Title>
          <Group gap="sm">
            <ProductStatusBadge status={product.status} />
            <Text size="sm" c="dimmed" ff="monospace">
              {product.handle}
            </Text>
          </Group>
        </Stack>
        {canWrite && product.status !== 'archived' && (
          <Button
            variant="default"
            color="red"
            leftSection={<ArchiveIcon size={16} />}
            onClick={() => setArchiving(true)}
          >
            {t('catalog.detail.archive')}
          </Button>
        )}
      </Group>

      <form ref={form} onSubmit={submit} noValidate>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              {failure && !problemOnlyConcernsWithin(failure, editablePointers) ? (
                <ProblemAlert error={failure} title={t('catalog.detail.saveFailedTitle')} />
              ) : null}
              <ProductDetailsFields {...fieldProps} />
              <VariantsSection product={product} canWrite={canWrite} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <ProductOptionsFields {...fieldProps} />
              <ProductCustomsFields {...fieldProps} />
              <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
                <DataList size="sm" gap="xs" labelWidth={100}>
                  <DataList.Item>
                    <DataList.ItemLabel>{t('catalog.detail.created')}</DataList.ItemLabel>
                    <DataList.ItemValue title={format.precise(product.createdAt)}>
                      {format.dateTime(product.createdAt)}
                    </DataList.ItemValue>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.ItemLabel>{t('catalog.detail.updated')}</DataList.ItemLabel>
                    <DataList.ItemValue title={format.precise(product.updatedAt)}>
                      {format.dateTime(product.updatedAt)}
                    </DataList.ItemValue>
                  </DataList.Item>
                  <DataList.Item>
                    <DataList.ItemLabel>{t('catalog.detail.id')}</DataList.ItemLabel>
                    <DataList.ItemValue>
                      <Text size="xs" ff="monospace" className={classes.breakAll}>
                        {product.id}
                      </Text>
                    </DataList.ItemValue>
                  </DataList.Item>
                </DataList>
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
        {canWrite && (dirty || update.isPending) && (
          <Paper withBorder shadow="md" radius="lg" p="sm" className={classes.saveBar}>
            <Group justify="space-between" gap="sm">
              <Text size="sm" fw={500}>
                {t('catalog.detail.unsaved')}
              </Text>
              <Group gap="sm">
                <Button variant="default" onClick={discard} disabled={update.isPending}>
                  {t('common.discard')}
                </Button>
                <Button type="submit" loading={update.isPending}>
                  {t('common.saveChanges')}
                </Button>
              </Group>
            </Group>
          </Paper>
        )}
      </form>

      <ConfirmModal
        opened={archiving}
        onClose={() => {
          archive.reset();
          setArchiving(false);
        }}
        onConfirm={() => archive.mutate(product.id, { onSuccess: () => setArchiving(false) })}
        title={t('catalog.archive.title', { title: product.title })}
        body={t('catalog.archive.body')}
        confirmLabel={t('catalog.archive.confirm')}
        danger
        loading={archive.isPending}
        error={archive.error}
        errorTitle={t('catalog.archive.failedTitle')}
      />
    </Stack>
  );
}

/** /admin/catalog/:id: a product's details, variants and prices; catalog writers edit and archive it. */
export function ProductDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useStaffSession();
  const product = useProduct(id);
  useDocumentTitle(
    product.data
      ? t('catalog.detail.documentTitle', { title: product.data.title })
      : t('catalog.documentTitle'),
  );

  const missing = product.error instanceof ProblemError && product.error.status === 404;

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/admin/catalog" size="sm">
        <Group gap={4} component="span">
          <ArrowLeftIcon size={14} />
          {t('catalog.backToList')}
        </Group>
      </Anchor>
      {missing ? (
        <MissingRecord
          title={t('catalog.detail.missingTitle')}
          body={t('catalog.detail.missingBody')}
          backTo="/admin/catalog"
          backLabel={t('catalog.backToList')}
        />
      ) : product.isError && !product.data ? (
        <ProblemAlert error={product.error} title={t('catalog.detail.loadFailedTitle')} />
      ) : product.data ? (
        // A saved change brings a new updatedAt: the form starts again from what the server kept.
        <ProductEditor
          key={product.data.updatedAt}
          product={product.data}
          canWrite={hasPermission(me, 'catalog:write')}
        />
      ) : (
        <Group justify="center" p="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      )}
    </Stack>
  );
}
