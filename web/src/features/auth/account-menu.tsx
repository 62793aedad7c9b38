import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChevronDownIcon, LockIcon, SignOutIcon } from '../../components/icons';
import classes from './account-menu.module.css';
import { useSignOut, useStaffSession } from './auth-hooks';
import { ChangePasswordModal } from './change-password-modal';
import { signInPath } from './sign-in-redirect';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/** The header's signed-in name and role, with the account's actions. */
export function AccountMenu() {
  const { t } = useTranslation();
  const me = useStaffSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const role = me.role ? t(`roles.${me.role}`) : undefined;

  async function signOutAndLeave() {
    try {
      await signOut.mutateAsync();
    } catch {
      // Forgotten here either way: an unreachable server must not keep anyone signed in on this screen.
    }
    await navigate(signInPath, { replace: true });
  }

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton className={classes.trigger} aria-label={t('admin.account.menu', { name: me.name })}>
            <Group gap="sm" wrap="nowrap">
              <Avatar color="indigo" radius="xl" size={34}>
                {initials(me.name)}
              </Avatar>
              <Stack gap={0} visibleFrom="sm" className={classes.identity}>
                <Text size="sm" fw={600} lh={1.25} truncate="end">
                  {me.name}
                </Text>
                {role && (
                  <Text size="xs" c="dimmed" lh={1.25}>
                    {role}
                  </Text>
                )}
              </Stack>
              <ChevronDownIcon size={16} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('admin.account.signedInAs')}</Menu.Label>
          <div className={classes.summary}>
            <Text size="sm" fw={600} truncate="end">
              {me.name}
            </Text>
            {role && (
              <Text size="xs" c="dimmed">
                {role}
              </Text>
            )}
          </div>
          <Menu.Divider />
          <Menu.Item leftSection={<LockIcon size={16} />} onClick={passwordModal.open}>
            {t('admin.account.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<SignOutIcon size={16} />} onClick={signOutAndLeave}>
            {t('admin.account.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </>
  );
}
