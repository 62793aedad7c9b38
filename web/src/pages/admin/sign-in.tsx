import {
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ProblemError, problemFieldError } from '../../api/client';
import { ArrowLeftIcon } from '../../components/icons';
import { OrdoMark } from '../../components/ordo-mark';
import { ProblemAlert } from '../../components/problem-alert';
import { useMe, useSignIn } from '../../features/auth/auth-hooks';
import { pathAfterSignIn } from '../../features/auth/sign-in-redirect';

interface FieldErrors {
  email?: string;
  password?: string;
}

/** /admin/sign-in: staff sign-in. Shows the server's problem details when it refuses. */
export function SignIn() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.documentTitle'));
  const [searchParams] = useSearchParams();
  const next = pathAfterSignIn(searchParams.get('next'));
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {
      email: email.trim() === '' ? t('signIn.emailRequired') : undefined,
      password: password === '' ? t('signIn.passwordRequired') : undefined,
    };
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      const firstInvalid = errors.email ? 'sign-in-email' : 'sign-in-password';
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    // Signing in fills the session query, and the check below takes the staff member on to `next`.
    signIn.mutate({ email: email.trim(), password });
  }

  const failure = signIn.error;
  // Signed in now, or already (another tab, the back button): go where they were heading.
  if (me.data) return <Navigate to={next} replace />;

  return (
    <Center component="main" id="main" mih="100dvh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="lg">
        <Group gap="xs" justify="center">
          <OrdoMark size={36} />
          <Text component="span" fw={700} fz={26}>
            {t('common.productName')}
          </Text>
        </Group>
        <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', xs: 'xl' }}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1} size="h2">
                  {t('signIn.headline')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t('signIn.lead')}
                </Text>
              </div>
              {failure && <ProblemAlert error={failure} title={t(failureTitleKey(failure))} />}
              <TextInput
                id="sign-in-email"
                label={t('signIn.email')}
                placeholder={t('signIn.emailPlaceholder')}
                type="email"
                autoComplete="username"
                required
                withAsterisk={false}
                value={email}
                error={fieldErrors.email ?? problemFieldError(failure, '/email')}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <PasswordInput
                id="sign-in-password"
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                withAsterisk={false}
                value={password}
                error={fieldErrors.password ?? problemFieldError(failure, '/password')}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" fullWidth size="md" loading={signIn.isPending}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Anchor component={Link} to="/" size="sm" ta="center" c="dimmed">
          <Group gap={6} justify="center" component="span">
            <ArrowLeftIcon size={14} />
            {t('signIn.backToShop')}
          </Group>
        </Anchor>
      </Stack>
    </Center>
  );
}

function failureTitleKey(error: Error) {
  if (error instanceof ProblemError && error.status === 429) return 'signIn.throttledTitle' as const;
  return 'signIn.failedTitle' as const;
}
