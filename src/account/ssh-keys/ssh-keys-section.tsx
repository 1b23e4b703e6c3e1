/** Account SSH keys: placeholder until the section lands. */
export function SshKeysSection() {
  return (
    <section aria-labelledby="ssh-keys-title">
      <h2 id="ssh-keys-title" className="text-lg font-semibold">
        SSH keys
      </h2>
    </section>
  )
}
