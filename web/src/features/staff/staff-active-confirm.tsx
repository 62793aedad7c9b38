import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/confirm-modal';
import { useRetainedValue } from '../../components/use-retained-value';
import { type StaffMember, useUpdateStaff } from './staff-hooks';

/** Asks before switching an account off (it is signed out at once) or on again. */
export function StaffActiveConfirm({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateStaff();
  const shown = useRetainedValue(member);
  const switchingOff = shown?.active ?? false;
  const texts = switchingOff ? 'staff.confirmOff' : 'staff.confirmOn';
  const close = () => {
    update.reset();
    onClose();
  };

  return (
    <ConfirmModal
      opened={member !== null}
      onClose={close}
      onConfirm={() =>
        shown && update.mutate({ id: shown.id, changes: { active: !shown.active } }, { onSuccess: close })
      }
      title={t(`${texts}.title`, { name: shown?.name ?? '' })}
      body={t(`${texts}.body`, { name: shown?.name ?? '', role: shown ? t(`roles.${shown.role}`) : '' })}
      confirmLabel={t(`${texts}.confirm`)}
      danger={switchingOff}
      loading={update.isPending}
      error={update.error}
      errorTitle={t('staff.toggleFailedTitle')}
    />
  );
}
