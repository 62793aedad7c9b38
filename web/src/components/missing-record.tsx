import { Button, EmptyState, Paper } from '@mantine/core';
import { Link } from 'react-router';
import { ArrowLeftIcon, WarningIcon } from './icons';

interface MissingRecordProps {
  title: string;
  body: string;
  backTo: string;
  backLabel: string;
}

/** A detail page whose record the server does not have (a 404): says so and leads back to the list. */
export function MissingRecord({ title, body, backTo, backLabel }: MissingRecordProps) {
  return (
    <Paper withBorder radius="lg" py={48} px="lg">
      <EmptyState
        variant="light"
        color="gray"
        icon={<WarningIcon size={28} />}
        title={title}
        description={body}
      >
        <EmptyState.Actions mt="md">
          <Button component={Link} to={backTo} variant="default" leftSection={<ArrowLeftIcon size={16} />}>
            {backLabel}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
