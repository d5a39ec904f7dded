/**
 * Writing or changing one note on a turn: a text box labelled for what the note is ("what you
 * would have said instead", a comment, what went well), saved or cancelled in place.
 */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import type { NoteKind } from './types';

interface Props {
  kind: NoteKind;
  initial?: string;
  /** The language the transcript is in: what the reviewer writes instead is in it too. */
  lang: string;
  onSave: (text: string) => Promise<unknown>;
  onCancel: () => void;
}

export function NoteEditor({ kind, initial = '', lang, onSave, onCancel }: Props) {
  const { t } = useTranslation('reviews');
  const [text, setText] = useState(initial);
  const { run, busy, error } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => onSave(text.trim()));
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="xs" mt="xs">
        <ErrorNote error={error} />
        <Textarea
          label={t(`note.label.${kind}`)}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          required
          data-autofocus
          autoFocus
          dir="auto"
          lang={kind === 'would_have_said' ? lang : undefined}
        />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={busy} disabled={!text.trim()}>
            {t('note.save')}
          </Button>
          <Button type="button" size="xs" variant="default" onClick={onCancel}>
            {t('cancel', { ns: 'common' })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
