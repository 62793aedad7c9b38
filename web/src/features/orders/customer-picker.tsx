import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SearchPicker } from '../../components/search-picker';
import { useLanguageOptions } from '../../i18n/regions';
import { type Customer, useCustomerSearch } from '../customers/customer-hooks';
import type { CustomerDraft } from './new-order-draft';

interface CustomerPickerProps {
  value: CustomerDraft;
  onChange: (changes: Partial<CustomerDraft>) => void;
  /** A customer was chosen from the search: the form fills in their address. */
  onPicked: (customer: Customer) => void;
  /** The form's or the server's reason for a `/customer…` pointer. */
  fieldError: (pointer: string) => string | undefined;
}

const contactLine = (customer: Customer) => [customer.email, customer.phone].filter(Boolean).join(' · ');

/** Who the order is for: an existing customer found by name, email or phone, or a new one. */
export function CustomerPicker({ value, onChange, onPicked, fieldError }: CustomerPickerProps) {
  const { t } = useTranslation();
  const languages = useLanguageOptions(value.language);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const search = useCustomerSearch(q);
  const picked = value.picked;

  return (
    <Stack gap="sm">
      <SegmentedControl
        value={value.mode}
        onChange={(mode) => onChange({ mode: mode as CustomerDraft['mode'] })}
        data={[
          { value: 'existing', label: t('orders.new.existingCustomer') },
          { value: 'new', label: t('orders.new.newCustomer') },
        ]}
        w={{ base: '100%', xs: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
      />
      {value.mode === 'existing' ? (
        picked ? (
          <Paper withBorder radius="md" p="sm" bg="gray.0">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0} miw={0}>
                <Anchor
                  component={Link}
                  to={`/admin/customers/${picked.id}`}
                  fw={600}
                  size="sm"
                  target="_blank"
                >
                  {picked.name}
                </Anchor>
                <Text size="sm" c="dimmed" truncate>
                  {contactLine(picked)}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="default"
                style={{ flexShrink: 0 }}
                onClick={() => onChange({ picked: null })}
              >
                {t('orders.new.changeCustomer')}
              </Button>
            </Group>
          </Paper>
        ) : (
          <SearchPicker<Customer>
            id="new-order-customer"
            label={t('orders.new.findCustomer')}
            placeholder={t('orders.new.findCustomerPlaceholder')}
            required
            value={text}
            onChange={setText}
            items={q === '' ? [] : (search.data ?? [])}
            searching={search.isFetching || text.trim() !== q}
            keyOf={(customer) => customer.id}
            emptyText={t('orders.new.findCustomerEmpty')}
            error={fieldError('/customer') ?? fieldError('/customer/id')}
            onPick={(customer) => {
              setText('');
              onChange({ picked: customer });
              onPicked(customer);
            }}
            renderItem={(customer) => (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {customer.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {contactLine(customer)}
                </Text>
              </Stack>
            )}
          />
        )
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            id="new-order-customer-name"
            label={t('orders.new.customerName')}
            required
            autoComplete="off"
            value={value.name}
            error={fieldError('/customer/name')}
            onChange={(event) => onChange({ name: event.currentTarget.value })}
          />
          <TextInput
            id="new-order-customer-email"
            label={t('orders.new.customerEmail')}
            type="email"
            autoComplete="off"
            placeholder={t('customers.form.emailPlaceholder')}
            value={value.email}
            error={fieldError('/customer/email') ?? fieldError('/customer')}
            onChange={(event) => onChange({ email: event.currentTarget.value })}
          />
          <TextInput
            id="new-order-customer-phone"
            label={t('orders.new.customerPhone')}
            type="tel"
            autoComplete="off"
            placeholder={t('customers.form.phonePlaceholder')}
            value={value.phone}
            error={fieldError('/customer/phone')}
            onChange={(event) => onChange({ phone: event.currentTarget.value })}
          />
          <Select
            id="new-order-customer-language"
            label={t('orders.new.customerLanguage')}
            data={languages}
            allowDeselect={false}
            value={value.language}
            error={fieldError('/customer/language')}
            onChange={(language) => language && onChange({ language })}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
