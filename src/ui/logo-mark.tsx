/** The product's mark: a GPU die in the accent colour (decorative: the name sits beside it). */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className}>
      <rect x="3" y="3" width="18" height="18" rx="4" className="fill-accent" />
      <rect x="7.5" y="7.5" width="9" height="9" rx="1.5" className="fill-on-accent" />
      <path
        d="M10 5v2.5M14 5v2.5M10 16.5V19M14 16.5V19M5 10h2.5M5 14h2.5M16.5 10H19M16.5 14H19"
        className="stroke-on-accent"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  )
}
