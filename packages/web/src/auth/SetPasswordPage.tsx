/**
 * First run and one-time passwords: a user signed in without a password of their own (the first
 * sign-in link, or an account an admin just created) chooses one before anything else.
 */
import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../api/client';
import { ErrorNote } from '../lib/ErrorNote';
import { useAction } from '../lib/useAction';
import { useSession } from './session';

const MIN_LENGTH = 12;

export function SetPasswordPage({ firstRun }: { firstRun: boolean }) {
  const { t } = useTranslation();
  const { refresh, me } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { run, busy, error } = useAction();
  const mismatch = repeat !== '' && repeat !== password;
  const tooShort = password !== '' && password.length < MIN_LENGTH;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch || tooShort) return;
    await run(async () => {
      await put('/api/me/password', me?.hasPassword ? { current, password } : { password });
      await refresh();
    });
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420} component="main">
        <form onSubmit={(e) => void submit(e)} aria-labelledby="set-password-title">
          <Stack>
            <Title order={1} size="h2" id="set-password-title">
              {firstRun ? t('auth.welcomeTitle') : t('auth.setPasswordTitle')}
            </Title>
            <Text size="sm">{firstRun ? t('auth.welcomeIntro') : t('auth.setPasswordIntro')}</Text>
            {me?.hasPassword && (
              <PasswordInput
                label={t('auth.currentPassword')}
                autoComplete="current-password"
                required
                value={current}
                onChange={(e) => setCurrent(e.currentTarget.value)}
              />
            )}
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.passwordRule', { count: MIN_LENGTH })}
              autoComplete="new-password"
              required
              value={password}
              error={tooShort ? t('auth.passwordTooShort', { count: MIN_LENGTH }) : undefined}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('auth.repeatPassword')}
              autoComplete="new-password"
              required
              value={repeat}
              error={mismatch ? t('auth.passwordsDiffer') : undefined}
              onChange={(e) => setRepeat(e.currentTarget.value)}
            />
            <ErrorNote error={error} />
            <Button type="submit" loading={busy}>
              {t('auth.savePassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
