import { BRAND } from '@advisordesk/admin-ui';

export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      <rect width="32" height="32" rx="7" fill={BRAND.ink} />
      <path d="M9 23l7-15 7 15M11.8 17.5h8.4" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function BrandName({ fontSize = 17 }: { fontSize?: number }) {
  return <span style={{ fontSize, fontWeight: 700, color: BRAND.ink, letterSpacing: 0.2, whiteSpace: 'nowrap' }}>AdvisorDesk</span>;
}
