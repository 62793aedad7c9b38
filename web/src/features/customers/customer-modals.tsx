import {
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemFieldError, problemOnlyConcerns } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { useLanguageOptions } from '../../i18n/regions';
import {
  type AddressDraft,
  AddressFields,
  addressToSend,
  emptyAddress,
  missingAddressFields,
} from './address-fields';
import { useConsentSources } from './consent';
import { type Customer, type UpdateCustomerInput, useAddAddress, useUpdateCustomer } from './customer-hooks';
import { DuplicateAlert } from './duplicate-alert';

interface CustomerModalProps {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
}

function FormActions({
  onClose,
  submitLabel,
  loading,
}: {
  onClose: () => void;
  submitLabel: string;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

const contactPointers = ['/name', '/email', '/phone', '/language', '/notes'];

/** Name, email, phone, language and the internal notes of a customer. */
export function EditContactModal({ customer, opened, onClose }: CustomerModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.contact.editTitle')} size="lg" centered>
      <EditContactForm customer={customer} onClose={onClose} />
    </Modal>
  );
}

function EditContactForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCustomer();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [name, setName] = useState(customer.name);
  const [email, setEmail] = useState(customer.email ?? '');
  const [phone, setPhone] = useState(customer.phone ?? '');
  const [language, setLanguage] = useState(customer.language);
  const [notes, setNotes] = useState(customer.notes);
  const [nameMissing, setNameMissing] = useState(false);
  const languages = useLanguageOptions(language);
  const failure = update.error;
  const duplicate = failure instanceof ProblemError && failure.status === 409 ? failure : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === '') {
      setNameMissing(true);
      update.reset();
      focusFirstInvalid();
      return;
    }
    setNameMissing(false);
    const nextEmail = email.trim() === '' ? null : email.trim();
    const nextPhone = phone.trim() === '' ? null : phone.trim();
    const changes: UpdateCustomerInput = {
      ...(name.trim() !== customer.name ? { name: name.trim() } : {}),
      ...(nextEmail !== customer.email ? { email: nextEmail } : {}),
      ...(nextPhone !== customer.phone ? { phone: nextPhone } : {}),
      ...(language !== customer.language ? { language } : {}),
      ...(notes !== customer.notes ? { notes } : {}),
    };
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: customer.id, changes }, { onSuccess: onClose, onError: focusFirstInvalid });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        {duplicate ? (
          <DuplicateAlert error={duplicate} />
        ) : failure && !problemOnlyConcerns(failure, contactPointers) ? (
          <ProblemAlert error={failure} title={t('customers.contact.failedTitle')} />
        ) : null}
        <TextInput
          label={t('customers.form.name')}
          required
          autoComplete="off"
          data-autofocus
          value={name}
          error={nameMissing ? t('customers.form.nameRequired') : problemFieldError(failure, '/name')}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label={t('customers.form.email')}
            placeholder={t('customers.form.emailPlaceholder')}
            type="email"
            autoComplete="off"
            value={email}
            error={
              duplicate && problemFieldError(duplicate, '/email')
                ? t('customers.form.alreadyUsed')
                : problemFieldError(failure, '/email')
            }
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <TextInput
            label={t('customers.form.phone')}
            placeholder={t('customers.form.phonePlaceholder')}
            type="tel"
            autoComplete="off"
            value={phone}
            error={
              duplicate && problemFieldError(duplicate, '/phone')
                ? t('customers.form.alreadyUsed')
                : problemFieldError(failure, '/phone')
            }
            onChange={(event) => setPhone(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Select
          label={t('customers.form.language')}
          data={languages}
          searchable
          allowDeselect={false}
          value={language}
          error={problemFieldError(failure, '/language')}
          onChange={(value) => value && setLanguage(value)}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label={t('customers.form.notes')}
          description={t('customers.form.notesDescription')}
          autosize
          minRows={3}
          maxRows={8}
          value={notes}
          error={problemFieldError(failure, '/notes')}
          onChange={(event) => setNotes(event.currentTarget.value)}
        />
        <FormActions onClose={onClose} submitLabel={t('common.saveChanges')} loading={update.isPending} />
      </Stack>
    </form>
  );
}

/** Records that a customer gave or withdrew marketing consent, and where. */
export function ConsentModal({ customer, opened, onClose }: CustomerModalProps) {
  const { t } = useTranslation();
  const granting = !customer.marketingConsent;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={granting ? t('customers.consent.grantTitle') : t('customers.consent.withdrawTitle')}
      centered
    >
      <ConsentForm customer={customer} granting={granting} onClose={onClose} />
    </Modal>
  );
}

function ConsentForm({
  customer,
  granting,
  onClose,
}: {
  customer: Customer;
  granting: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCustomer();
  const sources = useConsentSources();
  const [source, setSource] = useState('');
  const [missing, setMissing] = useState(false);
  const failure = update.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (source.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    update.mutate(
      { id: customer.id, changes: { marketingConsent: { granted: granting, source: source.trim() } } },
      { onSuccess: onClose },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {granting
            ? t('customers.consent.grantBody', { name: customer.name })
            : t('customers.consent.withdrawBody', { name: customer.name })}
        </Text>
        {failure && !problemOnlyConcerns(failure, ['/marketingConsent/source']) ? (
          <ProblemAlert error={failure} title={t('customers.consent.failedTitle')} />
        ) : null}
        <Autocomplete
          label={t('customers.consent.source')}
          description={t('customers.consent.sourceDescription')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data={sources}
          required
          data-autofocus
          value={source}
          error={
            missing
              ? t('customers.consent.sourceRequired')
              : problemFieldError(failure, '/marketingConsent/source')
          }
          onChange={setSource}
          comboboxProps={{ withinPortal: true }}
        />
        <FormActions
          onClose={onClose}
          submitLabel={granting ? t('customers.consent.grantSubmit') : t('customers.consent.withdrawSubmit')}
          loading={update.isPending}
        />
      </Stack>
    </form>
  );
}

const addressPointers = [
  '/name',
  '/line1',
  '/line2',
  '/postalCode',
  '/city',
  '/region',
  '/country',
  '/phone',
];

/** Adds an address to a customer; the first one, or one marked so, becomes the default. */
export function AddAddressModal({ customer, opened, onClose }: CustomerModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.address.addTitle')} size="lg" centered>
      <AddAddressForm customer={customer} onClose={onClose} />
    </Modal>
  );
}

function AddAddressForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddAddress();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const current = customer.addresses.find((address) => address.isDefault) ?? customer.addresses[0];
  const [draft, setDraft] = useState<AddressDraft>(() =>
    emptyAddress(customer.name, current?.country ?? null),
  );
  const [makeDefault, setMakeDefault] = useState(customer.addresses.length === 0);
  const [missing, setMissing] = useState<Partial<Record<keyof AddressDraft, string>>>({});
  const failure = add.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = missingAddressFields(draft, t);
    setMissing(found);
    if (Object.keys(found).length > 0) {
      add.reset();
      focusFirstInvalid();
      return;
    }
    add.mutate(
      { customerId: customer.id, address: { ...addressToSend(draft), isDefault: makeDefault } },
      { onSuccess: onClose, onError: focusFirstInvalid },
    );
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && !problemOnlyConcerns(failure, addressPointers) ? (
          <ProblemAlert error={failure} title={t('customers.address.failedTitle')} />
        ) : null}
        <AddressFields
          draft={draft}
          onChange={(changes) => setDraft((previous) => ({ ...previous, ...changes }))}
          fieldError={(field) => missing[field] ?? problemFieldError(failure, `/${field}`)}
          idPrefix="add-address"
        />
        <Checkbox
          label={t('customers.address.makeDefault')}
          checked={makeDefault}
          disabled={customer.addresses.length === 0}
          onChange={(event) => setMakeDefault(event.currentTarget.checked)}
        />
        <FormActions
          onClose={onClose}
          submitLabel={t('customers.address.addSubmit')}
          loading={add.isPending}
        />
      </Stack>
    </form>
  );
}
