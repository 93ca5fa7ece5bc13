/** The 科招 mark and name, drawn inline so nothing is fetched from outside. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#1656d6" />
      <path
        d="M14 44 L28 30 L36 38 L50 20"
        stroke="#fff"
        strokeWidth="6"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="50" cy="20" r="5" fill="#ffc53d" />
    </svg>
  );
}

export function Logo({ collapsed }: { collapsed: boolean }) {
  return (
    <div
      style={{
        height: 64,
        display: 'flex',
        alignItems: 'center',
        justifyContent: collapsed ? 'center' : 'flex-start',
        gap: 10,
        padding: collapsed ? 0 : '0 20px',
        color: '#fff',
        overflow: 'hidden',
        whiteSpace: 'nowrap',
      }}
    >
      <LogoMark size={30} />
      {!collapsed && (
        <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>
          科招 <span style={{ fontWeight: 400, fontSize: 14, opacity: 0.75 }}>KeZhao</span>
        </span>
      )}
    </div>
  );
}
