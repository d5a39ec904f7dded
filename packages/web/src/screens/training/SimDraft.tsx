/**
 * Where the trainee writes, with the same in-browser draft coach as the live console (its advice as
 * they type, a better wording one click away). Ctrl/⌘+Enter sends, as in the console, so practice
 * builds the same habits.
 */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { DraftContext } from '@calmline/core';
import { useTranslation } from 'react-i18next';
import { applyFinding } from '../console/applyFinding';
import { CoachFindings } from '../console/CoachFindings';
import { useCoach } from '../console/useCoach';
import type { SimTurnView } from './types';

interface Props {
  draft: string;
  onDraft: (text: string) => void;
  onSend: (text: string) => void;
  sending: boolean;
  disabled: boolean;
  lang: DraftContext['lang'];
  turns: SimTurnView[];
}

/** What the coach needs: the scenario's language, the customer's last line, what the trainee already said. */
function contextOf(lang: DraftContext['lang'], turns: SimTurnView[]): DraftContext {
  let customer: DraftContext['customer'];
  const previous: string[] = [];
  for (const turn of turns) {
    if (turn.role === 'customer') customer = { label: turn.label, text: turn.text };
    else if (turn.role === 'agent') previous.push(turn.text);
  }
  return { lang, customer, previous };
}

export function SimDraft({ draft, onDraft, onSend, sending, disabled, lang, turns }: Props) {
  const { t } = useTranslation('training');
  const checked = useCoach(draft, contextOf(lang, turns));
  const send = () => {
    const text = draft.trim();
    if (text && !sending && !disabled) onSend(text);
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={t('session.draft')}
        description={t('session.draftHint')}
        value={draft}
        onChange={(e) => onDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
        lang={lang}
        dir="auto"
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        disabled={disabled}
      />
      <CoachFindings
        findings={checked.findings}
        checkedDraft={checked.draft}
        currentDraft={draft}
        onApply={(f) => onDraft(applyFinding(draft, f))}
      />
      <Group justify="flex-end">
        <Button onClick={send} loading={sending} disabled={disabled || draft.trim() === ''}>
          {t('session.send')}
        </Button>
      </Group>
    </Stack>
  );
}
