// Client paths of the moderation pages.
export type StaffTab = 'queue' | 'appeals' | 'rules' | 'audit' | 'mediation';

export const staffTabs: { id: StaffTab; label: string }[] = [
  { id: 'queue', label: 'Queue' },
  { id: 'appeals', label: 'Appeals' },
  { id: 'rules', label: 'Rules' },
  { id: 'audit', label: 'Audit log' },
  { id: 'mediation', label: 'Mediation' },
];

export function toStaffTab(value: string | undefined): StaffTab {
  return staffTabs.find((tab) => tab.id === value)?.id ?? 'queue';
}

export function staffPath(tab: StaffTab = 'queue'): string {
  return tab === 'queue' ? '/moderation' : `/moderation/${tab}`;
}

export function memberPath(id: number): string {
  return `/moderation/members/${id}`;
}

export const minePath = '/moderation/mine';
