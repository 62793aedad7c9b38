import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  Modal,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError, type UploadProgress } from '../../api/client';
import { CheckIcon, UploadIcon, WarningIcon } from '../../components/icons';
import { ProblemAlert } from '../../components/problem-alert';
import { type ImportResult, type ImportRowError, importRowErrors, useImportCatalog } from './catalog-hooks';
import classes from './import-csv-modal.module.css';

function useByteFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (bytes: number) => {
    const [unit, size] =
      bytes >= 1024 * 1024 ? (['megabyte', 1024 * 1024] as const) : (['kilobyte', 1024] as const);
    return new Intl.NumberFormat(language, {
      style: 'unit',
      unit,
      maximumFractionDigits: 1,
    }).format(bytes / size);
  };
}

/** The problems of an imported file, line by line, as the server found them. */
function RowErrorsTable({ errors, label }: { errors: ImportRowError[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Table withTableBorder verticalSpacing={6} stickyHeader aria-label={label} className={classes.errors}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70} ta="right">
              {t('catalog.import.columns.line')}
            </Table.Th>
            <Table.Th w={170}>{t('catalog.import.columns.column')}</Table.Th>
            <Table.Th>{t('catalog.import.columns.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error, index) => (
            // The same line can have several problems, even in the same column.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is the server's, shown as is, never reordered
            <Table.Tr key={index}>
              <Table.Td ta="right">{error.line}</Table.Td>
              <Table.Td>{error.field ? <Code>{error.field}</Code> : t('catalog.import.wholeRow')}</Table.Td>
              <Table.Td>{error.detail.charAt(0).toUpperCase() + error.detail.slice(1)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

function Summary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const figures = [
    ['rows', result.rows],
    ['productsCreated', result.productsCreated],
    ['productsUpdated', result.productsUpdated],
    ['variantsCreated', result.variantsCreated],
    ['variantsUpdated', result.variantsUpdated],
    ['skippedRows', result.skippedRows],
  ] as const;
  return (
    <Stack gap="md">
      <Alert
        color={result.skippedRows > 0 ? 'yellow' : 'green'}
        variant="light"
        icon={result.skippedRows > 0 ? <WarningIcon size={18} /> : <CheckIcon size={18} />}
        title={t('catalog.import.doneTitle')}
      >
        {result.skippedRows > 0
          ? t('catalog.import.doneWithSkipped', { count: result.skippedRows })
          : t('catalog.import.doneBody', { count: result.rows })}
      </Alert>
      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm" component="dl" className={classes.figures}>
        {figures.map(([name, value]) => (
          <div key={name} className={classes.figure}>
            <Text component="dt" size="xs" c="dimmed">
              {t(`catalog.import.figures.${name}`)}
            </Text>
            <Text component="dd" fw={700} fz="xl">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {result.errors.length > 0 && (
        <RowErrorsTable errors={result.errors} label={t('catalog.import.skippedLabel')} />
      )}
    </Stack>
  );
}

/** "Import CSV": uploads a catalog file with a progress bar, then shows what was imported or what is wrong. */
export function ImportCsvModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('catalog.import.title')} size="xl" centered>
      {/* The modal unmounts its content once closed, so every opening starts afresh. */}
      <ImportCsvForm onClose={onClose} />
    </Modal>
  );
}

function ImportCsvForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const bytes = useByteFormat();
  const upload = useImportCatalog();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [sent, setSent] = useState(false);
  const cancel = useRef<AbortController | null>(null);
  // Closing the modal (Escape, the close button) while a file goes up stops the upload.
  useEffect(() => () => cancel.current?.abort(), []);

  function start(partial: boolean) {
    if (!file) return;
    cancel.current = new AbortController();
    setProgress({ loaded: 0, total: file.size });
    setSent(false);
    upload.mutate({
      file,
      partial,
      onProgress: setProgress,
      onSent: () => setSent(true),
      signal: cancel.current.signal,
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    start(false);
  }

  function close() {
    cancel.current?.abort();
    onClose();
  }

  function chooseAnother() {
    upload.reset();
    setFile(null);
    setProgress(null);
  }

  const failure = upload.error;
  const refused = failure instanceof ProblemError ? importRowErrors(failure.extensions) : [];
  const cancelled = failure instanceof DOMException && failure.name === 'AbortError';

  if (upload.isPending) {
    const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
    return (
      <Stack gap="md" aria-busy="true">
        <Text size="sm" fw={600}>
          {file?.name}
        </Text>
        <Progress
          value={sent ? 100 : percent}
          striped={sent}
          animated={sent}
          size="lg"
          aria-label={t('catalog.import.progressLabel')}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {sent
            ? t('catalog.import.processing')
            : t('catalog.import.uploading', {
                sent: bytes(progress?.loaded ?? 0),
                total: bytes(progress?.total ?? file?.size ?? 0),
                percent: String(percent),
              })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => cancel.current?.abort()}>
            {t('catalog.import.cancelUpload')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (upload.isSuccess) {
    return (
      <Stack gap="md">
        <Summary result={upload.data} />
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('common.done')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (refused.length > 0) {
    const total = failure instanceof ProblemError ? failure.extensions.rows : undefined;
    return (
      <Stack gap="md">
        <Alert
          color="red"
          variant="light"
          icon={<WarningIcon size={18} />}
          title={t('catalog.import.refusedTitle', { count: refused.length })}
        >
          {typeof total === 'number'
            ? t('catalog.import.refusedBody', { count: total })
            : t('catalog.import.refusedBodyNoCount')}
        </Alert>
        <RowErrorsTable errors={refused} label={t('catalog.import.errorsLabel')} />
        <Group justify="space-between" gap="sm">
          <Button variant="subtle" onClick={chooseAnother}>
            {t('catalog.import.chooseAnother')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => start(true)} data-autofocus>
              {t('catalog.import.importGoodRows')}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('catalog.import.goodRowsHint')}
        </Text>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('catalog.import.lead')}</Text>
        <Text size="sm" c="dimmed">
          {t('catalog.import.format')}{' '}
          <Anchor href="/docs" target="_blank" size="sm">
            {t('catalog.import.formatLink')}
          </Anchor>
        </Text>
        {failure && !cancelled ? (
          <ProblemAlert error={failure} title={t('catalog.import.failedTitle')} />
        ) : null}
        <FileInput
          label={t('catalog.import.file')}
          placeholder={t('catalog.import.filePlaceholder')}
          accept=".csv,text/csv"
          leftSection={<UploadIcon size={16} />}
          clearable
          value={file}
          error={missing && !file ? t('catalog.import.fileRequired') : undefined}
          description={file ? bytes(file.size) : undefined}
          onChange={(chosen) => {
            setFile(chosen);
            setMissing(false);
            upload.reset();
          }}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('catalog.import.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
