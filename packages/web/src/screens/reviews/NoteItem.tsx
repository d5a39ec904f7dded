/**
 * One note under a turn: its kind, who wrote it ("You" for one's own) and the text in its own
 * direction. The author may change or delete it, and share a "what I would have said" to the
 * library; everyone else reads it.
 */
import { Badge, Box, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, patch } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { NoteEditor } from './NoteEditor';
import type { Note } from './types';

const KIND_COLOUR = { would_have_said: 'teal.9', comment: 'gray.8', well_done: 'green.9' } as const;

interface Props {
  note: Note;
  authorName: string;
  lang: string;
  onChanged: () => Promise<void>;
  onShare: (text: string) => void;
}

export function NoteItem({ note, authorName, lang, onChanged, onShare }: Props) {
  const { t } = useTranslation('reviews');
  const { me } = useSession();
  const [editing, setEditing] = useState(false);
  const remove = useAction();
  const mine = note.authorId === me?.id;
  const n = note.turn + 1;
  if (editing)
    return (
      <NoteEditor
        kind={note.kind}
        initial={note.text}
        lang={lang}
        onCancel={() => setEditing(false)}
        onSave={async (text) => {
          await patch(`/api/reviews/notes/${note.id}`, { text });
          await onChanged();
          setEditing(false);
        }}
      />
    );
  return (
    <Box
      component="li"
      p="xs"
      style={{ borderInlineStart: `3px solid var(--mantine-color-${KIND_COLOUR[note.kind].replace('.', '-')})` }}
      data-testid="note"
      data-kind={note.kind}
    >
      <Group gap="xs" mb={2}>
        <Badge variant="light" c={KIND_COLOUR[note.kind]} color="gray">
          {t(`noteKind.${note.kind}`)}
        </Badge>
        <Text size="xs" c="gray.7" data-testid="note-author">
          {mine ? t('note.you') : authorName}
        </Text>
      </Group>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {note.text}
      </Text>
      <ErrorNote error={remove.error} />
      {mine && (
        <Group gap={4} mt={4}>
          <Button size="compact-xs" variant="subtle" aria-label={t('note.editAria', { n })} onClick={() => setEditing(true)}>
            {t('note.edit')}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red.8"
            loading={remove.busy}
            aria-label={t('note.deleteAria', { n })}
            onClick={() =>
              void remove.run(async () => {
                await del(`/api/reviews/notes/${note.id}`);
                await onChanged();
              })
            }
          >
            {t('note.delete')}
          </Button>
          {note.kind === 'would_have_said' && (
            <Button size="compact-xs" variant="subtle" onClick={() => onShare(note.text)}>
              {t('share.mine')}
            </Button>
          )}
        </Group>
      )}
    </Box>
  );
}
