import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { submitApiKey } from '../../api/api-key-store'
import SAMPLE_KEYS from '../../api/fixtures/ssh-keys.json'
import { createWorld, requestLog, type World } from '../../simulator/model'
import { createAccountKey, simulateSshKeys } from '../../simulator/ssh-keys'
import { renderWithClient } from '../../test/render'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { SshKeysSection } from './ssh-keys-section'

const WAIT = { timeout: 5_000 }
let world: World

beforeEach(() => {
  world = createWorld({ instances: 2, rateLimits: false })
  submitApiKey(world.key, false)
})

function renderSection() {
  const user = userEvent.setup()
  renderWithClient(
    <>
      <SshKeysSection />
      <ConfirmDialog />
    </>,
  )
  return user
}

const sshPosts = () =>
  requestLog(world).filter((r) => r.method === 'POST' && r.path.endsWith('/ssh/'))

describe('SshKeysSection', () => {
  it('checks the pasted text before sending it, then adds the key and lists it', async () => {
    const user = renderSection()
    expect(screen.getByRole('heading', { name: 'SSH keys' })).toBeInTheDocument()
    expect(screen.getByText('Loading SSH keys…').closest('[role="status"]')).not.toBeNull()
    expect(await screen.findByText('No SSH keys on this account yet.', {}, WAIT)).toBeVisible()
    expect(
      screen.getByText(/New account keys reach only instances created after they are added/),
    ).toBeVisible()

    const field = screen.getByRole('textbox', { name: 'Public key' })
    await user.click(field)
    await user.paste(
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----',
    )
    await user.click(screen.getByRole('button', { name: 'Add key' }))
    const privateKey =
      'That is a private key. Paste the public key (the .pub file) — never share the private one.'
    expect(screen.getByRole('alert')).toHaveTextContent(privateKey)
    expect(field).toHaveAccessibleDescription(expect.stringContaining(privateKey))
    expect(field).toBeInvalid()
    expect(sshPosts()).toEqual([])

    await user.clear(field)
    await user.paste(SAMPLE_KEYS.laptop)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add key' }))
    const list = await screen.findByRole('list', { name: 'Account SSH keys' }, WAIT)
    expect(within(list).getByRole('listitem')).toHaveTextContent(
      /laptop@home.*ssh-ed25519.*…wVr4kWmZvihX/,
    )
    expect(
      screen.getByText('Key laptop@home added. It reaches instances created from now on.'),
    ).toHaveRole('status')
    expect(field).toHaveValue('')
    expect(sshPosts().map((r) => r.body)).toEqual([{ ssh_key: SAMPLE_KEYS.laptop }])
  })

  it('attaches a key to an existing instance, then deletes the key after confirmation', async () => {
    createAccountKey(world, { ssh_key: SAMPLE_KEYS.laptop })
    const [first, second] = [...world.instances.keys()]
    const user = renderSection()
    const instance = await screen.findByRole('combobox', { name: 'Instance' }, WAIT)
    await user.selectOptions(instance, String(second))
    expect(screen.getByRole('combobox', { name: 'Key' })).toHaveDisplayValue(/^laptop@home/)
    expect(await screen.findByText('Keys on that instance: none.', {}, WAIT)).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Attach key' }))
    expect(
      await screen.findByText(`Key laptop@home attached to instance ${second}.`, {}, WAIT),
    ).toHaveRole('status')
    expect(await screen.findByText('This key is already on that instance.', {}, WAIT)).toBeVisible()
    expect(sshPosts().map((r) => r.path)).toEqual([`/api/v0/instances/${second}/ssh/`])
    expect(first).not.toBe(second)

    await user.click(screen.getByRole('button', { name: 'Delete key laptop@home' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete SSH key laptop@home?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }))
    expect(await screen.findByText('No SSH keys on this account yet.', {}, WAIT)).toBeVisible()
    expect(screen.getByText('Key laptop@home deleted.')).toHaveRole('status')
  })

  it('says which permission is missing when the key may not manage SSH keys', async () => {
    simulateSshKeys(world, { userWrite: 'forbidden' })
    const user = renderSection()
    await screen.findByText('No SSH keys on this account yet.', {}, WAIT)
    await user.click(screen.getByRole('textbox', { name: 'Public key' }))
    await user.paste(SAMPLE_KEYS.desk)
    await user.click(screen.getByRole('button', { name: 'Add key' }))
    expect(await screen.findByRole('alert', {}, WAIT)).toHaveTextContent(
      "Couldn't add the key: This API key lacks the user_write permission needed to manage SSH keys.",
    )
    expect(screen.getByText('No SSH keys on this account yet.')).toBeVisible()
  })
})
