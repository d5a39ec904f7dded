/** Email and password. The server's refusal (wrong password, too many attempts) is shown as it says it. */
import { Button, Center, Paper, PasswordInput, Stack, TextInput, Title, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../lib/ErrorNote';
import { useAction } from '../lib/useAction';
import { LanguagePicker } from '../layout/LanguagePicker';
import { useSession } from './session';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { run, busy, error } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => signIn(email.trim(), password));
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380} component="main">
        <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
          <Stack>
            <Title order={1} size="h2" id="sign-in-title">
              {t('auth.signInTitle')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('auth.signInIntro')}
            </Text>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-autofocus
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <ErrorNote error={error} />
            <Button type="submit" loading={busy}>
              {t('auth.signIn')}
            </Button>
            <LanguagePicker />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
