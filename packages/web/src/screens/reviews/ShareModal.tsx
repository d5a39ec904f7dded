/**
 * Sharing a reply to the team's library: the line as the agent said it, or the reviewer's better
 * version, with its language, the situation it fits and an optional note on when to use it. The
 * server has the draft coach check it first; if the coach finds something, its findings are shown
 * in the UI's language so the reviewer can improve the line and try again.
 */
import { Alert, Button, Group, List, Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import type { Language } from '../../api/types';
import { LANGUAGES } from '../../i18n/languages';
import { ErrorNote } from '../../lib/ErrorNote';
import { useAction } from '../../lib/useAction';
import { SITUATIONS, type NotExemplaryDetails, type SubjectKind } from './types';

export interface ShareDraft {
  text: string;
  lang: Language;
  source: { kind: SubjectKind; id: string; turn: number };
}

export function ShareModal({ draft, onClose }: { draft: ShareDraft | null; onClose: () => void }) {
  const { t } = useTranslation('reviews');
  return (
    <Modal opened={draft !== null} onClose={onClose} title={t('share.title')} size="lg">
      {/* A fresh form for each line shared, so nothing of the previous one lingers. */}
      {draft && <ShareForm key={`${draft.source.turn}:${draft.text}`} draft={draft} onClose={onClose} />}
    </Modal>
  );
}

function ShareForm({ draft, onClose }: { draft: ShareDraft; onClose: () => void }) {
  const { t } = useTranslation('reviews');
  const [text, setText] = useState(draft.text);
  const [lang, setLang] = useState<string>(draft.lang);
  const [situation, setSituation] = useState('');
  const [context, setContext] = useState('');
  const { run, busy, error } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run(() =>
      post('/api/library', {
        lang,
        situation,
        text: text.trim(),
        ...(context.trim() ? { context: context.trim() } : {}),
        source: draft.source,
      }),
    );
    if (done === undefined) return;
    notifications.show({ message: t('share.done'), color: 'teal' });
    onClose();
  };

  const refused = error?.id === 'not_exemplary' ? (error.details as NotExemplaryDetails | undefined)?.findings : undefined;
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="sm">
        <Text size="sm">{t('share.intro')}</Text>
        {refused ? (
          <Alert color="orange" variant="light" title={t('share.refused')} role="alert" data-testid="share-refused">
            <List size="sm" spacing={4}>
              {refused.map((f, i) => (
                <List.Item key={i}>
                  {t(`coach.kind.${f.kind}`, { ns: 'console', defaultValue: f.message })}{' '}
                  <Text component="span" size="sm" dir="auto" fs="italic">
                    {t('coach.try', { ns: 'console', better: f.better })}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ErrorNote error={error} />
        )}
        <Textarea
          label={t('share.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          minLength={5}
          maxLength={600}
          autosize
          minRows={2}
          required
          dir="auto"
          lang={lang}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('share.language')}
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value)}
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
          />
          <NativeSelect
            label={t('share.situation')}
            value={situation}
            onChange={(e) => setSituation(e.currentTarget.value)}
            required
            data={[
              { value: '', label: t('share.chooseSituation'), disabled: true },
              ...SITUATIONS.map((s) => ({ value: s, label: t(`situations.${s}`, { ns: 'library' }) })),
            ]}
          />
        </Group>
        <TextInput label={t('share.context')} value={context} onChange={(e) => setContext(e.currentTarget.value)} maxLength={500} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel', { ns: 'common' })}
          </Button>
          <Button type="submit" loading={busy} disabled={text.trim().length < 5 || !situation}>
            {t('share.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
