/**
 * /reviews/:kind/:id: one transcript, real or simulated, turn by turn, with Calmline's review
 * beside it and every note the reader may see inline under its turn. The reader adds their own
 * notes ("what I would have said", a comment, "well done"), writes an overall summary, and shares
 * a good line, or their better one, to the team's library.
 */
import { Anchor, Center, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { post } from '../../api/client';
import { LANGUAGES } from '../../i18n/languages';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { CriteriaPanel } from './CriteriaPanel';
import { ShareModal, type ShareDraft } from './ShareModal';
import { SummaryPanel } from './SummaryPanel';
import { TurnCard } from './TurnCard';
import type { CriterionResult, Finding, Note, NoteKind, SubjectKind, SubjectView } from './types';

function BackLink() {
  const { t } = useTranslation('reviews');
  return (
    <Anchor component={Link} to="/reviews" size="sm">
      {t('detail.back')}
    </Anchor>
  );
}

export default function ReviewDetail() {
  const { t } = useTranslation('reviews');
  const format = useFormat();
  const params = useParams();
  const kind: SubjectKind = params.kind === 'simulation' ? 'simulation' : 'conversation';
  const path = `/api/reviews/subjects/${kind}/${encodeURIComponent(params.id ?? '')}`;
  const { data, error, reload } = useApi<SubjectView>(path);
  const [selected, setSelected] = useState<CriterionResult | null>(null);
  const [share, setShare] = useState<ShareDraft | null>(null);

  // Every note by turn, with its author's name, oldest review first.
  const notesByTurn = useMemo(() => {
    const out = new Map<number, { note: Note; authorName: string }[]>();
    for (const r of data?.reviews ?? [])
      for (const note of r.notes) (out.get(note.turn) ?? out.set(note.turn, []).get(note.turn)!).push({ note, authorName: r.author.name });
    return out;
  }, [data]);
  const findingsByTurn = useMemo(
    () => new Map<number, Finding[]>((data?.automatic.findings ?? []).map((f) => [f.turn, f.findings])),
    [data],
  );

  if (!data)
    return (
      <Stack gap="md">
        <BackLink />
        {error ? (
          <ErrorNote error={error} />
        ) : (
          <Center mih="30vh">
            <Loader aria-label={t('loading', { ns: 'common' })} />
          </Center>
        )}
      </Stack>
    );

  const { transcript } = data;
  const highlighted = new Set(selected?.turns ?? []);
  const select = (c: CriterionResult, turn: number) => {
    setSelected(c);
    const el = document.getElementById(`turn-${turn}`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el?.focus({ preventScroll: true });
  };
  const addNote = async (turn: number, noteKind: NoteKind, text: string) => {
    await post(`${path}/notes`, { turn, kind: noteKind, text });
    await reload();
  };
  const language = LANGUAGES.find((l) => l.code === transcript.lang)?.name ?? transcript.lang;
  return (
    <Stack gap="lg">
      <BackLink />
      <Stack gap={4}>
        <Title order={1}>{t(`detail.title.${kind}`)}</Title>
        <Text c="gray.7">
          {t('detail.meta', {
            agent: transcript.agentName ?? t('detail.agent'),
            date: format.dateTime(transcript.turns[0]?.at),
            language,
          })}
        </Text>
      </Stack>
      <ErrorNote error={error} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm" component="section" aria-labelledby="transcript-heading">
            <Title order={2} size="h3" id="transcript-heading">
              {t('detail.transcript')}
            </Title>
            {selected && (
              <Text size="sm" role="status" data-testid="highlight-note">
                {t('detail.highlighted', { criterion: t(`criterion.${selected.criterion}`, { defaultValue: selected.criterion }) })}
              </Text>
            )}
            {transcript.turns.length === 0 && <Text c="gray.7">{t('detail.empty')}</Text>}
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {transcript.turns.map((turn) => (
                <TurnCard
                  key={turn.index}
                  turn={turn}
                  lang={transcript.lang}
                  agentName={transcript.agentName}
                  notes={notesByTurn.get(turn.index) ?? []}
                  findings={findingsByTurn.get(turn.index) ?? []}
                  highlighted={highlighted.has(turn.index)}
                  onAddNote={addNote}
                  onChanged={reload}
                  onShare={(index, text) => setShare({ text, lang: transcript.lang, source: { kind, id: transcript.id, turn: index } })}
                />
              ))}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xl">
            <CriteriaPanel automatic={data.automatic} selected={selected?.criterion ?? null} onSelect={select} />
            <SummaryPanel path={path} reviews={data.reviews} onSaved={reload} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ShareModal draft={share} onClose={() => setShare(null)} />
    </Stack>
  );
}
