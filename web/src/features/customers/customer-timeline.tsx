import { Button, Group, Loader, type MantineColor, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldError, problemOnlyConcerns } from '../../api/client';
import {
  DotIcon,
  type Icon,
  MailIcon,
  NoteIcon,
  OrdersIcon,
  ReturnIcon,
  ServiceDeskIcon,
} from '../../components/icons';
import { LoadMore } from '../../components/load-more';
import { ProblemAlert } from '../../components/problem-alert';
import { en } from '../../i18n/en';
import { useDateFormat } from '../../i18n/format';
import { type TimelineEntry, useAddNote, useTimeline } from './customer-hooks';
import classes from './customer-timeline.module.css';

type KnownKind = keyof typeof en.customers.timeline.kinds;
const isKnownKind = (kind: string): kind is KnownKind => Object.hasOwn(en.customers.timeline.kinds, kind);

const kindLooks: Record<KnownKind, { icon: Icon; color: MantineColor }> = {
  note: { icon: NoteIcon, color: 'yellow' },
  order: { icon: OrdersIcon, color: 'indigo' },
  contact: { icon: ServiceDeskIcon, color: 'teal' },
  email: { icon: MailIcon, color: 'cyan' },
  return: { icon: ReturnIcon, color: 'orange' },
};

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const known = isKnownKind(entry.kind);
  const look = known ? kindLooks[entry.kind as KnownKind] : { icon: DotIcon, color: 'gray' };
  const KindIcon = look.icon;
  // A kind added on the server shows up by itself, under its raw name until it gets a translation.
  const kind = known ? t(`customers.timeline.kinds.${entry.kind as KnownKind}`) : entry.kind;
  const text = entry.body ?? entry.summary;

  return (
    <li className={classes.entry}>
      <ThemeIcon variant="light" color={look.color} radius="xl" size={34} className={classes.bullet}>
        <KindIcon size={18} />
      </ThemeIcon>
      <div className={classes.content}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {kind}
          </Text>
          <Text size="sm" c="dimmed">
            {t('customers.timeline.byActor', { actor: entry.actorName })}
          </Text>
          <Text size="sm" c="dimmed" aria-hidden="true">
            ·
          </Text>
          <Text size="sm" c="dimmed" component="time" dateTime={entry.at} title={format.precise(entry.at)}>
            {format.relative(entry.at)}
          </Text>
        </Group>
        <Text size="sm" className={classes.text}>
          {text}
        </Text>
      </div>
    </li>
  );
}

function AddNote({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const add = useAddNote();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const failure = add.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (body.trim() === '') {
      setMissing(true);
      document.getElementById('customer-note')?.focus();
      return;
    }
    setMissing(false);
    add.mutate({ customerId, note: { body } }, { onSuccess: () => setBody('') });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {failure && !problemOnlyConcerns(failure, ['/body']) ? (
          <ProblemAlert error={failure} title={t('customers.timeline.noteFailedTitle')} />
        ) : null}
        <Textarea
          id="customer-note"
          label={t('customers.timeline.noteLabel')}
          placeholder={t('customers.timeline.notePlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          value={body}
          error={missing ? t('customers.timeline.noteRequired') : problemFieldError(failure, '/body')}
          onChange={(event) => setBody(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Ctrl+Enter (⌘+Enter) adds the note without leaving the keyboard.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey))
              event.currentTarget.form?.requestSubmit();
          }}
        />
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed">
            {t('customers.timeline.noteHint')}
          </Text>
          <Button type="submit" size="sm" loading={add.isPending}>
            {t('customers.timeline.addNote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The customer's story, newest first: notes, orders, contacts and returns; writers add notes. */
export function CustomerTimeline({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const timeline = useTimeline(customerId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      {canWrite && <AddNote customerId={customerId} />}
      {timeline.isError && !timeline.data ? (
        <ProblemAlert error={timeline.error} title={t('customers.timeline.loadFailedTitle')} />
      ) : timeline.isPending ? (
        <Group justify="center" p="lg">
          <Loader aria-label={t('common.loading')} />
        </Group>
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="lg">
          {t('customers.timeline.empty')}
        </Text>
      ) : (
        <ol className={classes.timeline} aria-label={t('customers.timeline.listLabel')}>
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      <LoadMore
        hasNextPage={timeline.hasNextPage}
        isFetchingNextPage={timeline.isFetchingNextPage}
        fetchNextPage={timeline.fetchNextPage}
        error={timeline.isFetchNextPageError ? timeline.error : null}
      />
    </Stack>
  );
}
