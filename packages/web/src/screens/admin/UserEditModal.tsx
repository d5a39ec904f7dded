/** Changing a user's name or role (the server signs them out everywhere on a role change). */
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { ROLES, type Role } from './types';
import { useAction } from '../../lib/useAction';

export function UserEditModal({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const { run, busy, error, clearError } = useAction();

  useEffect(() => {
    if (user) {
      setName(user.name);
      setRole(user.role);
      clearError();
    }
    // Only opening the dialog for a (different) user resets the form.
  }, [user]);

  const save = async () => {
    if (!user) return;
    const body: { name?: string; role?: Role } = {};
    if (name.trim() !== user.name) body.name = name.trim();
    if (role !== user.role) body.role = role;
    const done = await run(() => patch<User>(`/api/users/${user.id}`, body));
    if (done) onSaved();
  };

  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.editTitle', { name: user?.name ?? '' })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <TextInput label={t('users.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label={t('users.role')}
            value={role}
            onChange={(v) => v && setRole(v)}
            data={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
            allowDeselect={false}
          />
          <ErrorNote error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
