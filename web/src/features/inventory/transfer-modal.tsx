import { Alert, Button, Group, List, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldError, problemOnlyConcernsWithin } from '../../api/client';
import { WarningIcon } from '../../components/icons';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { type Location, problemShortages, useTransferStock } from './inventory-hooks';
import {
  checkLines,
  emptyLine,
  type LineDraft,
  type LineProblems,
  linePointers,
  StockLinesEditor,
} from './stock-lines-editor';

interface TransferModalProps {
  opened: boolean;
  locations: Location[];
  /** The location the page shows: stock leaves from there unless changed. */
  locationId: string | undefined;
  onClose: () => void;
  onTransferred: (count: number) => void;
}

/** Moves stock from one location to another: every line or none. */
export function TransferModal({ opened, onClose, ...props }: TransferModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('inventory.transfer.title')} size="lg" centered>
      {opened && <TransferForm onClose={onClose} {...props} />}
    </Modal>
  );
}

function TransferForm({ locations, locationId, onClose, onTransferred }: Omit<TransferModalProps, 'opened'>) {
  const { t } = useTranslation();
  const transfer = useTransferStock();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [from, setFrom] = useState<string | null>(locationId ?? locations[0]?.id ?? null);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [lines, setLines] = useState<LineDraft[]>(() => [emptyLine()]);
  const [problems, setProblems] = useState<LineProblems>({});
  const [local, setLocal] = useState<{ from?: string; to?: string }>({});
  const failure = transfer.error;
  const shortages = problemShortages(failure);
  const options = locations.map((l) => ({ value: l.id, label: l.name }));
  const nameOf = (id: string | undefined) => locations.find((l) => l.id === id)?.name ?? id ?? '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const checked = checkLines(lines, t);
    const placeProblems = {
      from: from ? undefined : t('inventory.locationRequired'),
      to: !to
        ? t('inventory.locationRequired')
        : to === from
          ? t('inventory.transfer.sameLocation')
          : undefined,
    };
    setProblems(checked.problems);
    setLocal(placeProblems);
    if (!from || !to || placeProblems.to || Object.keys(checked.problems).length > 0) {
      transfer.reset();
      focusFirstInvalid();
      return;
    }
    transfer.mutate(
      {
        fromLocationId: from,
        toLocationId: to,
        lines: checked.lines,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: (result) => {
          onTransferred(result.transferred);
          onClose();
        },
        onError: focusFirstInvalid,
      },
    );
  }

  const fieldPointers = ['/fromLocationId', '/toLocationId', '/reason', ...linePointers(lines.length)];
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        {shortages.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            icon={<WarningIcon size={18} />}
            title={t('inventory.transfer.shortTitle')}
          >
            <List size="sm" spacing={2}>
              {shortages.map((shortage) => (
                <List.Item key={shortage.sku}>
                  {t('inventory.transfer.shortage', {
                    sku: shortage.sku,
                    requested: String(shortage.requested),
                    available: String(shortage.available),
                    location: nameOf(shortage.locationId ?? from ?? undefined),
                  })}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : failure && !problemOnlyConcernsWithin(failure, fieldPointers) ? (
          <ProblemAlert error={failure} title={t('inventory.transfer.failedTitle')} />
        ) : null}
        <Group grow align="flex-start" gap="md">
          <Select
            label={t('inventory.transfer.from')}
            data={options}
            value={from}
            allowDeselect={false}
            required
            error={local.from ?? problemFieldError(failure, '/fromLocationId')}
            onChange={setFrom}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('inventory.transfer.to')}
            placeholder={t('inventory.transfer.toPlaceholder')}
            data={options.filter((option) => option.value !== from)}
            value={to}
            required
            error={local.to ?? problemFieldError(failure, '/toLocationId')}
            onChange={setTo}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <StockLinesEditor lines={lines} onChange={setLines} problems={problems} error={failure} />
        <TextInput
          label={t('inventory.transfer.reason')}
          placeholder={t('inventory.transfer.reasonPlaceholder')}
          autoComplete="off"
          maxLength={500}
          value={reason}
          error={problemFieldError(failure, '/reason')}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={transfer.isPending}>
            {t('inventory.transfer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
