import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldError, problemOnlyConcernsWithin } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid';
import { type Location, useReceiveStock } from './inventory-hooks';
import {
  checkLines,
  emptyLine,
  type LineDraft,
  type LineProblems,
  linePointers,
  StockLinesEditor,
} from './stock-lines-editor';

interface ReceiveModalProps {
  opened: boolean;
  locations: Location[];
  /** The location the page shows, chosen at first. */
  locationId: string | undefined;
  onClose: () => void;
  onReceived: (count: number) => void;
}

/** Receives goods (a delivery, a purchase order) at a location. */
export function ReceiveModal({ opened, onClose, ...props }: ReceiveModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('inventory.receive.title')} size="lg" centered>
      {opened && <ReceiveForm onClose={onClose} {...props} />}
    </Modal>
  );
}

function ReceiveForm({ locations, locationId, onClose, onReceived }: Omit<ReceiveModalProps, 'opened'>) {
  const { t } = useTranslation();
  const receive = useReceiveStock();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const [location, setLocation] = useState<string | null>(locationId ?? locations[0]?.id ?? null);
  const [reference, setReference] = useState('');
  const [lines, setLines] = useState<LineDraft[]>(() => [emptyLine()]);
  const [problems, setProblems] = useState<LineProblems>({});
  const [locationProblem, setLocationProblem] = useState<string>();
  const failure = receive.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const checked = checkLines(lines, t);
    setProblems(checked.problems);
    setLocationProblem(location ? undefined : t('inventory.locationRequired'));
    if (!location || Object.keys(checked.problems).length > 0) {
      receive.reset();
      focusFirstInvalid();
      return;
    }
    receive.mutate(
      {
        locationId: location,
        lines: checked.lines,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      },
      {
        onSuccess: (result) => {
          onReceived(result.received);
          onClose();
        },
        onError: focusFirstInvalid,
      },
    );
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure &&
        !problemOnlyConcernsWithin(failure, ['/locationId', '/reference', ...linePointers(lines.length)]) ? (
          <ProblemAlert error={failure} title={t('inventory.receive.failedTitle')} />
        ) : null}
        <Group grow align="flex-start" gap="md">
          <Select
            label={t('inventory.location')}
            data={locations.map((l) => ({ value: l.id, label: l.name }))}
            value={location}
            allowDeselect={false}
            required
            error={locationProblem ?? problemFieldError(failure, '/locationId')}
            onChange={setLocation}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('inventory.receive.reference')}
            placeholder={t('inventory.receive.referencePlaceholder')}
            autoComplete="off"
            value={reference}
            error={problemFieldError(failure, '/reference')}
            onChange={(event) => setReference(event.currentTarget.value)}
          />
        </Group>
        <StockLinesEditor lines={lines} onChange={setLines} problems={problems} error={failure} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={receive.isPending}>
            {t('inventory.receive.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
