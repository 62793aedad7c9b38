import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  DataList,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemError, problemFieldError } from '../../../api/client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ArrowLeftIcon, PencilIcon, PlusIcon, TrashIcon } from '../../../components/icons';
import { MissingRecord } from '../../../components/missing-record';
import { ProblemAlert } from '../../../components/problem-alert';
import { hasPermission, useStaffSession } from '../../../features/auth/auth-hooks';
import {
  type Address,
  type Customer,
  useCustomer,
  useRemoveAddress,
  useUpdateCustomer,
} from '../../../features/customers/customer-hooks';
import { AddAddressModal, ConsentModal, EditContactModal } from '../../../features/customers/customer-modals';
import { CustomerTimeline } from '../../../features/customers/customer-timeline';
import { useDateFormat } from '../../../i18n/format';
import { useCountryName, useLanguageName } from '../../../i18n/regions';
import classes from './customers.module.css';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function ContactSection({ customer, canWrite }: { customer: Customer; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const languageName = useLanguageName();
  const [editing, setEditing] = useState(false);
  const none = (
    <Text span size="sm" c="dimmed">
      {t('common.none')}
    </Text>
  );
  return (
    <Section
      title={t('customers.contact.title')}
      action={
        canWrite && (
          <Button
            size="xs"
            variant="default"
            leftSection={<PencilIcon size={14} />}
            onClick={() => setEditing(true)}
          >
            {t('common.edit')}
          </Button>
        )
      }
    >
      <DataList size="sm" gap="sm" labelWidth={110}>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.form.email')}</DataList.ItemLabel>
          <DataList.ItemValue className={classes.email}>
            {customer.email ? (
              <Anchor href={`mailto:${customer.email}`} size="sm">
                {customer.email}
              </Anchor>
            ) : (
              none
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.form.phone')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {customer.phone ? (
              <Anchor href={`tel:${customer.phone}`} size="sm">
                {customer.phone}
              </Anchor>
            ) : (
              none
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.form.language')}</DataList.ItemLabel>
          <DataList.ItemValue>{languageName(customer.language)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.contact.since')}</DataList.ItemLabel>
          <DataList.ItemValue title={format.precise(customer.createdAt)}>
            {format.date(customer.createdAt)}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.form.notes')}</DataList.ItemLabel>
          <DataList.ItemValue className={classes.notes}>{customer.notes || none}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      {canWrite && (
        <EditContactModal customer={customer} opened={editing} onClose={() => setEditing(false)} />
      )}
    </Section>
  );
}

function ConsentSection({ customer, canWrite }: { customer: Customer; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const [changing, setChanging] = useState(false);
  const at = customer.marketingConsentAt;
  const source = customer.marketingConsentSource;
  return (
    <Section
      title={t('customers.consent.title')}
      action={
        canWrite && (
          <Button size="xs" variant="default" onClick={() => setChanging(true)}>
            {customer.marketingConsent ? t('customers.consent.withdraw') : t('customers.consent.grant')}
          </Button>
        )
      }
    >
      <Stack gap={6}>
        <Group gap="sm">
          <Badge variant="dot" color={customer.marketingConsent ? 'green' : 'gray'} size="lg" tt="none">
            {customer.marketingConsent ? t('customers.consent.granted') : t('customers.consent.notGranted')}
          </Badge>
        </Group>
        {at ? (
          <Text size="sm" c="dimmed">
            <span title={format.precise(at)}>
              {customer.marketingConsent
                ? t('customers.consent.grantedWhen', { date: format.dateTime(at), source: source ?? '' })
                : t('customers.consent.withdrawnWhen', { date: format.dateTime(at), source: source ?? '' })}
            </span>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('customers.consent.neverAsked')}
          </Text>
        )}
      </Stack>
      {canWrite && <ConsentModal customer={customer} opened={changing} onClose={() => setChanging(false)} />}
    </Section>
  );
}

function TagsSection({ customer, canWrite }: { customer: Customer; canWrite: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer();
  const [tags, setTags] = useState(customer.tags);
  const changed = JSON.stringify(tags) !== JSON.stringify(customer.tags);
  if (!canWrite) {
    return (
      <Section title={t('customers.tags.title')}>
        {customer.tags.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('customers.tags.none')}
          </Text>
        ) : (
          <Group gap={6}>
            {customer.tags.map((tag) => (
              <Badge key={tag} variant="light" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
      </Section>
    );
  }
  return (
    <Section title={t('customers.tags.title')}>
      <Stack gap="sm">
        {update.error && !problemFieldError(update.error, '/tags') ? (
          <ProblemAlert error={update.error} title={t('customers.tags.failedTitle')} />
        ) : null}
        <TagsInput
          aria-label={t('customers.tags.title')}
          placeholder={t('customers.form.tagsPlaceholder')}
          value={tags}
          splitChars={[',']}
          clearable
          error={problemFieldError(update.error, '/tags')}
          onChange={setTags}
        />
        {changed && (
          <Group justify="flex-end" gap="sm">
            <Button
              size="xs"
              variant="default"
              onClick={() => setTags(customer.tags)}
              disabled={update.isPending}
            >
              {t('common.discard')}
            </Button>
            <Button
              size="xs"
              loading={update.isPending}
              onClick={() => update.mutate({ id: customer.id, changes: { tags } })}
            >
              {t('customers.tags.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function AddressBlock({ address }: { address: Address }) {
  const countryName = useCountryName();
  const lines = [
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    countryName(address.country),
  ].filter((line): line is string => Boolean(line));
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {address.name}
      </Text>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one address, in a fixed order
        <Text key={index} size="sm">
          {line}
        </Text>
      ))}
      {address.phone && (
        <Text size="sm" c="dimmed">
          {address.phone}
        </Text>
      )}
    </Stack>
  );
}

function AddressesSection({ customer, canWrite }: { customer: Customer; canWrite: boolean }) {
  const { t } = useTranslation();
  const remove = useRemoveAddress();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Address | null>(null);
  return (
    <Section
      title={t('customers.address.title')}
      action={
        canWrite && (
          <Button
            size="xs"
            variant="default"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setAdding(true)}
          >
            {t('customers.address.add')}
          </Button>
        )
      }
    >
      {customer.addresses.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customers.address.none')}
        </Text>
      ) : (
        <Stack gap="md" component="ul" className={classes.addresses}>
          {customer.addresses.map((address) => (
            <Group key={address.id} component="li" justify="space-between" align="flex-start" wrap="nowrap">
              <AddressBlock address={address} />
              <Group gap="xs" wrap="nowrap">
                {address.isDefault && (
                  <Badge variant="light" color="indigo">
                    {t('customers.address.default')}
                  </Badge>
                )}
                {canWrite && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('customers.address.removeLabel', { line: address.line1 })}
                    onClick={() => setRemoving(address)}
                  >
                    <TrashIcon size={16} />
                  </ActionIcon>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {canWrite && (
        <>
          <AddAddressModal customer={customer} opened={adding} onClose={() => setAdding(false)} />
          <ConfirmModal
            opened={removing !== null}
            onClose={() => {
              remove.reset();
              setRemoving(null);
            }}
            onConfirm={() =>
              removing &&
              remove.mutate(
                { customerId: customer.id, addressId: removing.id },
                { onSuccess: () => setRemoving(null) },
              )
            }
            title={t('customers.address.removeTitle')}
            body={removing ? <AddressBlock address={removing} /> : null}
            confirmLabel={t('customers.address.removeConfirm')}
            danger
            loading={remove.isPending}
            error={remove.error}
            errorTitle={t('customers.address.removeFailedTitle')}
          />
        </>
      )}
    </Section>
  );
}

/** /admin/customers/:id: contact details, consent, tags and addresses, beside the customer's timeline. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useStaffSession();
  const canWrite = hasPermission(me, 'customers:write');
  const customer = useCustomer(id);
  useDocumentTitle(
    customer.data
      ? t('customers.detail.documentTitle', { name: customer.data.name })
      : t('customers.documentTitle'),
  );
  const missing = customer.error instanceof ProblemError && customer.error.status === 404;
  const data = customer.data;

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/admin/customers" size="sm">
        <Group gap={4} component="span">
          <ArrowLeftIcon size={14} />
          {t('customers.backToList')}
        </Group>
      </Anchor>
      {missing ? (
        <MissingRecord
          title={t('customers.detail.missingTitle')}
          body={t('customers.detail.missingBody')}
          backTo="/admin/customers"
          backLabel={t('customers.backToList')}
        />
      ) : customer.isError && !data ? (
        <ProblemAlert error={customer.error} title={t('customers.detail.loadFailedTitle')} />
      ) : data ? (
        <>
          <Stack gap={6}>
            <Title order={1}>{data.name}</Title>
            <Group gap="xs">
              {data.tags.map((tag) => (
                <Badge key={tag} variant="light" tt="none">
                  {tag}
                </Badge>
              ))}
              <Text size="sm" c="dimmed">
                {[data.email, data.phone].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          </Stack>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6, xl: 5 }}>
              <Stack gap="lg">
                <ContactSection customer={data} canWrite={canWrite} />
                <ConsentSection customer={data} canWrite={canWrite} />
                {/* Re-keyed so the tags start again from what the server kept after a save. */}
                <TagsSection key={data.tags.join(',')} customer={data} canWrite={canWrite} />
                <AddressesSection customer={data} canWrite={canWrite} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6, xl: 7 }}>
              <Section title={t('customers.timeline.title')}>
                <CustomerTimeline customerId={data.id} canWrite={canWrite} />
              </Section>
            </Grid.Col>
          </Grid>
        </>
      ) : (
        <Group justify="center" p="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      )}
    </Stack>
  );
}
