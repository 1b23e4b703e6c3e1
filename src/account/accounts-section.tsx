/** The accounts (API keys) this browser holds: placeholder until the switcher lands. */
export function AccountsSection() {
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title" className="text-lg font-semibold">
        Accounts
      </h2>
    </section>
  )
}
