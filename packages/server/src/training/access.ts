/**
 * @module training/access
 * Who may read a trainee's sessions: the trainee, the coach of a cohort they are in, a lead of one
 * of their teams, and admins. Practice is meant to be safe to fail in, so nobody else sees it — not
 * other trainees, not analysts, not security. Playing a session is for its owner alone.
 */
import type { Store } from '../store/Store.js';
import type { Actor } from '../store/types.js';

/** @example await mayViewTrainee(store, coach, recruitId) // true for their cohort's recruit */
export async function mayViewTrainee(store: Store, actor: Actor, traineeId: string): Promise<boolean> {
  if (actor.userId === traineeId || actor.role === 'admin') return true;
  if (actor.role === 'lead' && actor.teamIds.length > 0) {
    const teams = await store.teams.teamIdsOf(traineeId);
    if (teams.some((t) => actor.teamIds.includes(t))) return true;
  }
  if (actor.role === 'trainer' || actor.role === 'lead')
    return (await store.training.coachedUserIds(actor.orgId, actor.userId)).includes(traineeId);
  return false;
}

/**
 * The trainees whose sessions the actor may list: null for the whole organisation (admins).
 * @example await viewableTrainees(store, trainer) // [their recruits…, themselves]
 */
export async function viewableTrainees(store: Store, actor: Actor): Promise<string[] | null> {
  if (actor.role === 'admin') return null;
  const ids = new Set([actor.userId]);
  if (actor.role === 'trainer' || actor.role === 'lead')
    for (const id of await store.training.coachedUserIds(actor.orgId, actor.userId)) ids.add(id);
  if (actor.role === 'lead' && actor.teamIds.length > 0) for (const u of await store.users.list(actor.orgId, actor.teamIds)) ids.add(u.id);
  return [...ids];
}
