import type { ReactNode } from 'react';

export interface IconProps {
  size?: number;
}

/** An outline icon component; decorative, so screen readers skip it. */
export type Icon = (props: IconProps) => ReactNode;

function OutlineSvg({ size = 20, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export function DashboardIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <rect x="4" y="4" width="6.5" height="6.5" rx="1.5" />
      <rect x="13.5" y="4" width="6.5" height="6.5" rx="1.5" />
      <rect x="4" y="13.5" width="6.5" height="6.5" rx="1.5" />
      <rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1.5" />
    </OutlineSvg>
  );
}

export function OrdersIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M9 5H7a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-2" />
      <rect x="9" y="3" width="6" height="4" rx="1" />
      <path d="M9 12h6M9 16h4" />
    </OutlineSvg>
  );
}

export function InventoryIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M12 3l8 4.5v9L12 21l-8-4.5v-9z" />
      <path d="M4 7.5l8 4.5 8-4.5M12 12v9" />
    </OutlineSvg>
  );
}

export function TruckIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M3 6.5h11v10H3z" />
      <path d="M14 9.5h3.5l3.5 3.5v3.5h-7" />
      <circle cx="7" cy="17.5" r="1.75" />
      <circle cx="17" cy="17.5" r="1.75" />
    </OutlineSvg>
  );
}

export function ReturnIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M9 14l-4-4 4-4" />
      <path d="M5 10h10.5a4.5 4.5 0 0 1 0 9H14" />
    </OutlineSvg>
  );
}

export function CustomersIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M3 20v-.5A5.5 5.5 0 0 1 8.5 14h1a5.5 5.5 0 0 1 5.5 5.5v.5" />
      <path d="M16 4.6a3.5 3.5 0 0 1 0 6.8M21 20v-.5a5.5 5.5 0 0 0-3.5-5.1" />
    </OutlineSvg>
  );
}

export function CatalogIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M3.5 5v6.2a2 2 0 0 0 .6 1.4l8.3 8.3a2 2 0 0 0 2.8 0l5.7-5.7a2 2 0 0 0 0-2.8L12.6 4.1a2 2 0 0 0-1.4-.6H5a1.5 1.5 0 0 0-1.5 1.5z" />
      <circle cx="8" cy="8" r="1.25" />
    </OutlineSvg>
  );
}

export function ServiceDeskIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H9l-5 4z" />
      <path d="M8 8.5h8M8 11.5h5" />
    </OutlineSvg>
  );
}

export function ReportsIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M4 20h16M7 16v-5M12 16V6M17 16v-8" />
    </OutlineSvg>
  );
}

export function SettingsIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </OutlineSvg>
  );
}

export function ExternalLinkIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
    </OutlineSvg>
  );
}

export function ArrowLeftIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M19 12H5M11 6l-6 6 6 6" />
    </OutlineSvg>
  );
}

export function StaffIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <rect x="4" y="3.5" width="16" height="17" rx="2" />
      <circle cx="12" cy="10" r="2.75" />
      <path d="M7.5 17.5a4.5 4.5 0 0 1 9 0M10 3.5v2h4v-2" />
    </OutlineSvg>
  );
}

export function KeyIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <circle cx="8" cy="15" r="4" />
      <path d="M10.85 12.15L19 4M16 7l2.5 2.5M13.5 9.5L15.5 11.5" />
    </OutlineSvg>
  );
}

export function AuditIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M3.5 12a8.5 8.5 0 1 0 2.5-6" />
      <path d="M3.5 4v4h4M12 7.5V12l3 2" />
    </OutlineSvg>
  );
}

export function ChevronDownIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M6 9l6 6 6-6" />
    </OutlineSvg>
  );
}

export function ChevronRightIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M9 6l6 6-6 6" />
    </OutlineSvg>
  );
}

export function CopyIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <rect x="8.5" y="8.5" width="11.5" height="11.5" rx="2" />
      <path d="M15.5 8.5V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v7.5a2 2 0 0 0 2 2h2.5" />
    </OutlineSvg>
  );
}

export function CheckIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </OutlineSvg>
  );
}

export function SignOutIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M14 4H6.5A1.5 1.5 0 0 0 5 5.5v13A1.5 1.5 0 0 0 6.5 20H14" />
      <path d="M10 12h10M16.5 8.5L20 12l-3.5 3.5" />
    </OutlineSvg>
  );
}

export function LockIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <rect x="5" y="10.5" width="14" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3M12 14.5v2" />
    </OutlineSvg>
  );
}

export function PlusIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M12 5v14M5 12h14" />
    </OutlineSvg>
  );
}

export function WarningIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M10.3 4.2L2.9 17a2 2 0 0 0 1.7 3h14.8a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z" />
      <path d="M12 9.5v4M12 17h.01" />
    </OutlineSvg>
  );
}

export function SearchIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <circle cx="11" cy="11" r="6.5" />
      <path d="M20 20l-4.4-4.4" />
    </OutlineSvg>
  );
}

export function UploadIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M12 15V4M7.5 8.5L12 4l4.5 4.5" />
      <path d="M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
    </OutlineSvg>
  );
}

export function DownloadIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M12 4v11M7.5 10.5L12 15l4.5-4.5" />
      <path d="M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
    </OutlineSvg>
  );
}

export function TrashIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M4.5 7h15M10 11v5.5M14 11v5.5" />
      <path d="M6 7l.9 11.6a1.5 1.5 0 0 0 1.5 1.4h7.2a1.5 1.5 0 0 0 1.5-1.4L18 7M9.5 7V5a1 1 0 0 1 1-1h3a1 1 0 0 1 1 1v2" />
    </OutlineSvg>
  );
}

export function PencilIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16z" />
      <path d="M13.5 6.5l4 4" />
    </OutlineSvg>
  );
}

export function ArchiveIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <rect x="3.5" y="4" width="17" height="4.5" rx="1" />
      <path d="M5 8.5v10A1.5 1.5 0 0 0 6.5 20h11a1.5 1.5 0 0 0 1.5-1.5v-10M10 12.5h4" />
    </OutlineSvg>
  );
}

export function NoteIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <path d="M14 3.5H6.5A1.5 1.5 0 0 0 5 5v14a1.5 1.5 0 0 0 1.5 1.5h11A1.5 1.5 0 0 0 19 19V8.5z" />
      <path d="M14 3.5v5h5M8.5 13h7M8.5 16.5h5" />
    </OutlineSvg>
  );
}

export function MailIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <rect x="3.5" y="5.5" width="17" height="13" rx="1.5" />
      <path d="M4 6.5l8 6 8-6" />
    </OutlineSvg>
  );
}

export function DotIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <circle cx="12" cy="12" r="3" />
    </OutlineSvg>
  );
}

export function CardIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <rect x="3.5" y="5.5" width="17" height="13" rx="1.5" />
      <path d="M3.5 10h17M7 15h3" />
    </OutlineSvg>
  );
}

export function CircleXIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M9.5 9.5l5 5M14.5 9.5l-5 5" />
    </OutlineSvg>
  );
}

export function CircleCheckIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M8.5 12.5l2.3 2.3 4.7-5" />
    </OutlineSvg>
  );
}

export function ClockIcon({ size }: IconProps) {
  return (
    <OutlineSvg size={size}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </OutlineSvg>
  );
}
