import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryOptions } from '../../i18n/regions';
import type { NewAddressInput } from './customer-hooks';

/** An address as a form holds it: every field as typed. */
export interface AddressDraft {
  name: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  region: string;
  country: string | null;
  phone: string;
}

export type AddressField = keyof AddressDraft;

export function emptyAddress(name = '', country: string | null = null): AddressDraft {
  return { name, line1: '', line2: '', postalCode: '', city: '', region: '', country, phone: '' };
}

/** True while nothing but the name and country (which the form may fill in) has been typed. */
export function addressUntouched(draft: AddressDraft): boolean {
  return [draft.line1, draft.line2, draft.postalCode, draft.city, draft.region, draft.phone].every(
    (value) => value.trim() === '',
  );
}

/** The required fields left empty, with what to say about each. */
export function missingAddressFields(
  draft: AddressDraft,
  t: TFunction,
): Partial<Record<AddressField, string>> {
  return {
    ...(draft.name.trim() === '' ? { name: t('customers.address.nameRequired') } : {}),
    ...(draft.line1.trim() === '' ? { line1: t('customers.address.line1Required') } : {}),
    ...(draft.city.trim() === '' ? { city: t('customers.address.cityRequired') } : {}),
    ...(!draft.country ? { country: t('customers.address.countryRequired') } : {}),
  };
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

export function addressToSend(draft: AddressDraft): NewAddressInput {
  return {
    name: draft.name.trim(),
    line1: draft.line1.trim(),
    line2: optional(draft.line2),
    postalCode: optional(draft.postalCode),
    city: draft.city.trim(),
    region: optional(draft.region),
    country: draft.country ?? '',
    phone: optional(draft.phone),
  };
}

interface AddressFieldsProps {
  draft: AddressDraft;
  onChange: (changes: Partial<AddressDraft>) => void;
  fieldError: (field: AddressField) => string | undefined;
  idPrefix: string;
}

/** A postal address: the server checks the postcode for the country and stores the phone in E.164. */
export function AddressFields({ draft, onChange, fieldError, idPrefix }: AddressFieldsProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const input = (field: Exclude<AddressField, 'country'>) => ({
    id: `${idPrefix}-${field}`,
    value: draft[field],
    error: fieldError(field),
    onChange: (event: ChangeEvent<HTMLInputElement>) => onChange({ [field]: event.currentTarget.value }),
  });
  return (
    <Stack gap="sm">
      <TextInput label={t('customers.address.name')} autoComplete="off" required {...input('name')} />
      <TextInput label={t('customers.address.line1')} autoComplete="off" required {...input('line1')} />
      <TextInput label={t('customers.address.line2')} autoComplete="off" {...input('line2')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label={t('customers.address.postalCode')} autoComplete="off" {...input('postalCode')} />
        <TextInput label={t('customers.address.city')} autoComplete="off" required {...input('city')} />
        <TextInput label={t('customers.address.region')} autoComplete="off" {...input('region')} />
        <Select
          id={`${idPrefix}-country`}
          label={t('customers.address.country')}
          placeholder={t('customers.address.countryPlaceholder')}
          required
          data={countries}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          value={draft.country}
          error={fieldError('country')}
          onChange={(country) => onChange({ country })}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <TextInput
        label={t('customers.address.phone')}
        description={t('customers.address.phoneDescription')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        type="tel"
        autoComplete="off"
        {...input('phone')}
      />
    </Stack>
  );
}
