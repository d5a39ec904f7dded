/** The screens, who may open them (by the server's permission names), and where each role starts. */
export interface NavItem {
  path: string;
  /** Key in the common namespace. */
  label: string;
  /** Shown when the signed-in user holds this permission. */
  permission: string;
}

export const NAV: NavItem[] = [
  { path: '/console', label: 'nav.console', permission: 'conversations:act' },
  { path: '/board', label: 'nav.board', permission: 'alerts:update' },
  { path: '/incidents', label: 'nav.incidents', permission: 'incidents:read' },
  { path: '/analytics', label: 'nav.analytics', permission: 'analytics:read' },
  { path: '/wellbeing', label: 'nav.wellbeing', permission: 'wellbeing:self' },
  { path: '/reviews', label: 'nav.reviews', permission: 'reviews:write' },
  { path: '/library', label: 'nav.library', permission: 'library:read' },
  { path: '/training', label: 'nav.training', permission: 'training:practise' },
  { path: '/admin', label: 'nav.admin', permission: 'organisation:manage' },
];

/** Agents start in the console (recruits not yet signed off in training), trainers in training, leads and security on the board, admins too; others at their first screen. */
export function homeFor(role: string, permissions: readonly string[], recruit = false): string {
  // A recruit cannot take live contacts until signed off, so the console would only refuse them.
  if (recruit && permissions.includes('training:practise')) return '/training';
  if (role === 'agent') return '/console';
  if (role === 'trainer') return '/training';
  if (permissions.includes('alerts:update')) return '/board';
  return NAV.find((n) => permissions.includes(n.permission))?.path ?? '/wellbeing';
}
