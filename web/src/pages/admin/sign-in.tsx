import { Alert, Anchor, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemError } from '../../api/client';
import { ArrowLeftIcon } from '../../components/icons';
import { OrdoMark } from '../../components/ordo-mark';
import { authKeys, useSignIn } from '../../features/auth/auth-hooks';

interface FieldErrors {
  email?: string;
  password?: string;
}

/** /admin/sign-in: staff sign-in. Shows the server's problem details when it refuses. */
export function SignIn() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.documentTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
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
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries({ queryKey: authKeys.all });
          await navigate('/admin');
        },
      },
    );
  }

  const failure = signIn.error;

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
              {failure && (
                <Alert color="red" variant="light" title={failureTitle(failure, t('signIn.failedTitle'))}>
                  {failure instanceof ProblemError ? failure.detail : t('signIn.unreachable')}
                </Alert>
              )}
              <TextInput
                id="sign-in-email"
                label={t('signIn.email')}
                placeholder={t('signIn.emailPlaceholder')}
                type="email"
                autoComplete="username"
                required
                withAsterisk={false}
                value={email}
                error={fieldErrors.email ?? serverFieldError(failure, '/email')}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <TextInput
                id="sign-in-password"
                type="password"
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                withAsterisk={false}
                value={password}
                error={fieldErrors.password ?? serverFieldError(failure, '/password')}
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

function failureTitle(error: Error, fallback: string): string {
  return error instanceof ProblemError ? error.title : fallback;
}

/** The server's reason for one input, from the problem's `errors` list. */
function serverFieldError(error: Error | null, pointer: string): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  return error.errors.find((entry) => entry.pointer === pointer)?.detail;
}
