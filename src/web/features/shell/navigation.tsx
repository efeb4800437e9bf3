import {
  AlertOutlined,
  // issue 18: supervision
  AuditOutlined,
  BarChartOutlined,
  CheckCircleOutlined,
  TrophyOutlined,
  CompassOutlined,
  ApartmentOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FireOutlined,
  FlagOutlined,
  IdcardOutlined,
  MessageOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  ContactsOutlined,
  UsergroupAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/index.js';

export interface Capability {
  path: string;
  label: MessageKey;
  icon: ReactNode;
}

export interface NavGroup {
  label: MessageKey;
  items: Capability[];
}

export const NAV_GROUPS: NavGroup[] = [
  {
    label: 'nav.group.mine',
    items: [
      { path: '/', label: 'nav.overview', icon: <DashboardOutlined /> },
      { path: '/incidents/new', label: 'nav.report', icon: <WarningOutlined /> },
    ],
  },
  {
    label: 'nav.group.org',
    items: [
      { path: '/units', label: 'nav.units', icon: <ApartmentOutlined /> },
      { path: '/people', label: 'nav.people', icon: <TeamOutlined /> },
      { path: '/channels', label: 'nav.channels', icon: <MessageOutlined /> },
    ],
  },
  {
    label: 'nav.group.response',
    items: [
      { path: '/plans', label: 'nav.plans', icon: <FileProtectOutlined /> },
      { path: '/incidents', label: 'nav.incidents', icon: <AlertOutlined /> },
      { path: '/roll-calls', label: 'nav.rollCalls', icon: <FlagOutlined /> },
      { path: '/incident-reports', label: 'nav.incidentReports', icon: <FileTextOutlined /> },
      { path: '/drills', label: 'nav.drills', icon: <FireOutlined /> },
    ],
  },
  {
    label: 'nav.group.routine',
    items: [
      { path: '/duty', label: 'nav.duty', icon: <ScheduleOutlined /> },
      { path: '/patrols', label: 'nav.patrols', icon: <CompassOutlined /> },
      { path: '/daily-reports', label: 'nav.dailyReports', icon: <FileDoneOutlined /> },
      { path: '/directives', label: 'nav.directives', icon: <NotificationOutlined /> },
      { path: '/inspections', label: 'nav.inspections', icon: <SafetyCertificateOutlined /> },
      { path: '/visitors', label: 'nav.visitors', icon: <IdcardOutlined /> },
      { path: '/rosters', label: 'nav.rosters', icon: <ContactsOutlined /> },
      { path: '/reunifications', label: 'nav.reunifications', icon: <UsergroupAddOutlined /> },
    ],
  },
  // issue 18: what a supervising unit uses to hold the units below it to account
  {
    label: 'nav.group.supervision',
    items: [
      { path: '/assessment', label: 'nav.assessment', icon: <TrophyOutlined /> },
      { path: '/letters', label: 'nav.letters', icon: <AuditOutlined /> },
      { path: '/compliance', label: 'nav.compliance', icon: <CheckCircleOutlined /> },
      { path: '/analytics', label: 'nav.analytics', icon: <BarChartOutlined /> },
    ],
  },
  {
    label: 'nav.group.community',
    items: [{ path: '/cases', label: 'nav.cases', icon: <SolutionOutlined /> }],
  },
];

/** The nav entry a path belongs to ('/units?x' → '/units'; reporting has an entry of its own). */
export function navKeyFor(pathname: string): string {
  if (pathname === '/incidents/new') return pathname;
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}
