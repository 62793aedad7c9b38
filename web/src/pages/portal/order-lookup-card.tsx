import { Alert, Button, Card, Group, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Icon } from '../../components/icons';

export interface OrderLookup {
  orderNumber: string;
  email: string;
}

interface OrderLookupCardProps {
  title: string;
  description: string;
  submitLabel: string;
  icon: Icon;
  primary?: boolean;
  /** What to tell the customer after a valid submit; the lookup APIs do not exist yet. */
  notice: (lookup: OrderLookup) => { title: string; body: string };
}

interface FieldErrors {
  orderNumber?: string;
  email?: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Order number + email form, shared by "track an order" and "start a return". */
export function OrderLookupCard({
  title,
  description,
  submitLabel,
  icon: CardIcon,
  primary,
  notice,
}: OrderLookupCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const [orderNumber, setOrderNumber] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState<OrderLookup | null>(null);

  function validate(): FieldErrors {
    const trimmedEmail = email.trim();
    return {
      orderNumber: orderNumber.trim() === '' ? t('portal.validation.orderNumberRequired') : undefined,
      email:
        trimmedEmail === ''
          ? t('portal.validation.emailRequired')
          : emailPattern.test(trimmedEmail)
            ? undefined
            : t('portal.validation.emailInvalid'),
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (found.orderNumber || found.email) {
      setSubmitted(null);
      document.getElementById(found.orderNumber ? `${id}-order` : `${id}-email`)?.focus();
      return;
    }
    setSubmitted({ orderNumber: orderNumber.trim(), email: email.trim() });
  }

  const message = submitted ? notice(submitted) : null;

  return (
    <Card component="section" aria-labelledby={`${id}-title`} withBorder shadow="sm" radius="lg" padding="xl">
      <Stack gap="lg">
        <div>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size={40} radius="md">
              <CardIcon size={22} />
            </ThemeIcon>
            <Title order={2} size="h3" id={`${id}-title`}>
              {title}
            </Title>
          </Group>
          <Text c="dimmed" size="sm" mt="sm">
            {description}
          </Text>
        </div>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              id={`${id}-order`}
              label={t('portal.orderNumber')}
              placeholder={t('portal.orderNumberPlaceholder')}
              autoComplete="off"
              required
              withAsterisk={false}
              value={orderNumber}
              error={errors.orderNumber}
              onChange={(event) => setOrderNumber(event.currentTarget.value)}
            />
            <TextInput
              id={`${id}-email`}
              label={t('portal.email')}
              placeholder={t('portal.emailPlaceholder')}
              type="email"
              autoComplete="email"
              required
              withAsterisk={false}
              value={email}
              error={errors.email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <Button type="submit" fullWidth size="md" variant={primary ? 'filled' : 'light'}>
              {submitLabel}
            </Button>
            {message && (
              <Alert variant="light" color="blue" title={message.title}>
                {message.body}
              </Alert>
            )}
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
