/**
 * One turn of the transcript with everything said about it: the words (a customer's abusive words
 * stay masked until asked for, as on the board), what the coach noticed in an agent's reply, every
 * note on it with its author, and the buttons to add one. An agent's reply can be shared to the
 * library as it was said.
 */
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { NoteEditor } from './NoteEditor';
import { NoteItem } from './NoteItem';
import { NOTE_KINDS, type Finding, type Note, type NoteKind, type TranscriptTurn } from './types';

interface Props {
  turn: TranscriptTurn;
  lang: string;
  agentName: string | null;
  notes: { note: Note; authorName: string }[];
  findings: Finding[];
  highlighted: boolean;
  onAddNote: (turn: number, kind: NoteKind, text: string) => Promise<void>;
  onChanged: () => Promise<void>;
  onShare: (turn: number, text: string) => void;
}

function ActionTurn({ turn }: { turn: TranscriptTurn }) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  return (
    <Text
      component="li"
      id={`turn-${turn.index}`}
      tabIndex={-1}
      size="sm"
      c="gray.7"
      ta="center"
      py={4}
      data-testid="turn"
      data-role="action"
    >
      {t('detail.turn', { n: turn.index + 1 })} · {t(`conversation.action.${turn.action}`, { ns: 'board', defaultValue: turn.action })} ·{' '}
      {format.time(turn.at)}
    </Text>
  );
}

export function TurnCard({ turn, lang, agentName, notes, findings, highlighted, onAddNote, onChanged, onShare }: Props) {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const [revealed, setRevealed] = useState(false);
  const [adding, setAdding] = useState<NoteKind | null>(null);
  if (turn.role === 'action') return <ActionTurn turn={turn} />;
  const customer = turn.role === 'customer';
  const n = turn.index + 1;
  const kinds: readonly NoteKind[] = customer ? ['comment'] : NOTE_KINDS;
  const shown = turn.masked && !revealed ? turn.masked : turn.text;
  const headingId = `turn-${turn.index}-who`;
  return (
    <Paper
      component="li"
      id={`turn-${turn.index}`}
      tabIndex={-1}
      withBorder
      p="sm"
      bg={highlighted ? 'yellow.0' : customer ? 'gray.0' : undefined}
      bd={highlighted ? '2px solid var(--mantine-color-yellow-7)' : undefined}
      aria-labelledby={headingId}
      data-testid="turn"
      data-role={turn.role}
      data-highlighted={highlighted || undefined}
    >
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={600} id={headingId}>
          {t('detail.turn', { n })} · {customer ? t('detail.customer') : (agentName ?? t('detail.agent'))}
        </Text>
        <Group gap="xs">
          {turn.label && turn.label !== 'none' && (
            <Badge variant="light" color="gray" c="dark.7">
              {t(`label.${turn.label}`, { ns: 'common', defaultValue: turn.label })}
            </Badge>
          )}
          <Text size="xs" c="gray.7">
            {format.time(turn.at)}
          </Text>
        </Group>
      </Group>
      {/* dir="auto": the transcript keeps its own direction whatever the UI's language. */}
      <Text dir="auto" lang={lang} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="turn-text">
        {shown}
      </Text>
      {turn.masked && (
        <Group gap="xs" mt={4}>
          {!revealed && (
            <Text size="xs" c="gray.7">
              {t('detail.hiddenWords')}
            </Text>
          )}
          <Button size="compact-xs" variant="subtle" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
            {revealed ? t('detail.hideWords') : t('detail.showWords')}
          </Button>
        </Group>
      )}
      {findings.length > 0 && (
        <Stack gap={2} mt="xs" data-testid="turn-findings">
          <Text size="xs" fw={600} c="orange.9">
            {t('auto.findings')}
          </Text>
          {findings.map((f, i) => (
            <Text size="xs" key={i}>
              {t(`coach.kind.${f.kind}`, { ns: 'console', defaultValue: f.message })}
            </Text>
          ))}
        </Stack>
      )}
      {notes.length > 0 && (
        <Stack component="ul" gap={4} p={0} mt="xs" mb={0} style={{ listStyle: 'none' }} aria-label={t('note.listAria', { n })}>
          {notes.map(({ note, authorName }) => (
            <NoteItem
              key={note.id}
              note={note}
              authorName={authorName}
              lang={lang}
              onChanged={onChanged}
              onShare={(text) => onShare(turn.index, text)}
            />
          ))}
        </Stack>
      )}
      {adding ? (
        <NoteEditor
          kind={adding}
          lang={lang}
          onCancel={() => setAdding(null)}
          onSave={async (text) => {
            await onAddNote(turn.index, adding, text);
            setAdding(null);
          }}
        />
      ) : (
        <Group gap={4} mt="xs">
          {kinds.map((k) => (
            <Button key={k} size="compact-xs" variant="light" c="teal.9" onClick={() => setAdding(k)}>
              {t(`note.add.${k}`)}
            </Button>
          ))}
          {!customer && turn.text && (
            <Button size="compact-xs" variant="subtle" onClick={() => onShare(turn.index, turn.text!)}>
              {t('share.line')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}
