/**
 * /library: replies colleagues found worked, to reuse or adapt. Search by words, filter by
 * language and situation, copy a reply with one click; leads and trainers take out what no
 * longer fits (it stays on record on the server).
 */
import { Anchor, Badge, Button, CopyButton, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { del, query } from '../../api/client';
import { useSession } from '../../auth/session';
import { LANGUAGES } from '../../i18n/languages';
import { ErrorNote } from '../../lib/ErrorNote';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ConfirmButton } from '../admin/ConfirmButton';
import { reviewPath, SITUATIONS, type LibraryReply } from '../reviews/types';

function ReplyCard({ reply, onRemoved }: { reply: LibraryReply; onRemoved: () => void }) {
  const { t } = useTranslation('library');
  const { can } = useSession();
  const format = useFormat();
  const language = LANGUAGES.find((l) => l.code === reply.lang)?.name ?? reply.lang;
  return (
    <Paper component="li" withBorder p="sm" data-testid="library-reply">
      <Group gap="xs" mb="xs">
        <Badge variant="light" color="gray" c="dark.7">
          {t(`situations.${reply.situation}`)}
        </Badge>
        <Badge variant="outline" color="gray" c="dark.7">
          {language}
        </Badge>
      </Group>
      {/* The reply keeps its own direction and language, whatever the UI's. */}
      <Text dir="auto" lang={reply.lang} size="lg" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="library-text">
        {reply.text}
      </Text>
      {reply.context && (
        <Text size="sm" c="gray.7" dir="auto" mt={4}>
          {t('whenItFits', { context: reply.context })}
        </Text>
      )}
      <Group justify="space-between" mt="xs" gap="xs" wrap="wrap">
        <Text size="xs" c="gray.7">
          {t('sharedBy', { name: reply.sharedBy.name, date: format.date(reply.createdAt) })}
          {reply.source && can('reviews:write') && (
            <>
              {' · '}
              <Anchor component={Link} to={reviewPath(reply.source.kind, reply.source.id)} size="xs">
                {t('fromReview')}
              </Anchor>
            </>
          )}
        </Text>
        <Group gap="xs">
          <CopyButton value={reply.text} timeout={2000}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" c="teal.9" onClick={copy} aria-label={copied ? t('copied') : t('copyAria')}>
                <span aria-live="polite">{copied ? t('copied') : t('copy')}</span>
              </Button>
            )}
          </CopyButton>
          {can('library:manage') && (
            <ConfirmButton
              label={t('remove')}
              ariaLabel={t('removeAria')}
              question={t('removeQuestion')}
              onConfirm={async () => {
                await del(`/api/library/${reply.id}`);
                onRemoved();
              }}
            />
          )}
        </Group>
      </Group>
    </Paper>
  );
}

export default function Library() {
  const { t } = useTranslation('library');
  const format = useFormat();
  const [q, setQ] = useState('');
  const [lang, setLang] = useState('');
  const [situation, setSituation] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const { data, error, loading, reload } = useApi<{ replies: LibraryReply[] }>(
    `/api/library${query({ q: debounced, lang, situation, limit: 200 })}`,
  );
  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>
      <Text maw="50rem">{t('intro')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          label={t('search')}
          placeholder={t('searchPlaceholder')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('language')}
          value={lang}
          onChange={(e) => setLang(e.currentTarget.value)}
          data={[{ value: '', label: t('anyLanguage') }, ...LANGUAGES.map((l) => ({ value: l.code, label: l.name }))]}
        />
        <NativeSelect
          label={t('situation')}
          value={situation}
          onChange={(e) => setSituation(e.currentTarget.value)}
          data={[{ value: '', label: t('anySituation') }, ...SITUATIONS.map((s) => ({ value: s, label: t(`situations.${s}`) }))]}
        />
      </Group>
      <ErrorNote error={error} />
      {data && (
        <>
          <Text size="sm" c="gray.7" aria-live="polite" data-testid="library-count">
            {t('count', { count: data.replies.length, n: format.number(data.replies.length) })}
          </Text>
          {data.replies.length === 0 ? (
            <Text c="gray.7">{t('empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.replies.map((r) => (
                <ReplyCard key={r.id} reply={r} onRemoved={() => void reload()} />
              ))}
            </Stack>
          )}
        </>
      )}
      {loading && !data && <Text c="gray.7">{t('loading', { ns: 'common' })}</Text>}
    </Stack>
  );
}
