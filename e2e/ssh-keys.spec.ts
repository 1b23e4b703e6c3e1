import { expect, expectNoAxeViolations, signIn, Sim, test } from './fixtures'

const KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM5K/QgIHezp7eiIK6BoU9oKlFIaWjzjwVr4kWmZvihX laptop@home'

test.describe('Account SSH keys', () => {
  test('adds a key, attaches it to an existing instance and deletes it after confirming', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 2 })
    await signIn(page, sim.key)
    await page.goto('/')
    await page.getByRole('tab', { name: 'Account' }).click()
    const section = page.getByRole('region', { name: 'SSH keys' })
    await expect(section.getByText('No SSH keys on this account yet.')).toBeVisible()
    await expect(section).toContainText(
      'New account keys reach only instances created after they are added. To use a key on an instance that already exists, attach it below.',
    )
    await expectNoAxeViolations(page)

    await section.getByRole('textbox', { name: 'Public key' }).fill(KEY)
    await section.getByRole('button', { name: 'Add key' }).click()
    const list = section.getByRole('list', { name: 'Account SSH keys' })
    await expect(list.getByRole('listitem')).toHaveCount(1)
    await expect(list.getByRole('listitem')).toContainText('laptop@home')
    await expect(section.getByRole('status')).toHaveText(
      'Key laptop@home added. It reaches instances created from now on.',
    )

    const instance = section.getByRole('combobox', { name: 'Instance' })
    await instance.selectOption({ index: 1 })
    const instanceId = (await instance.inputValue()).trim()
    expect(instanceId).toMatch(/^\d+$/)
    await expect(section.getByRole('combobox', { name: 'Key' })).toHaveValue(/^\d+$/)
    await expect(section.getByText('Keys on that instance: none.')).toBeVisible()
    await section.getByRole('button', { name: 'Attach key' }).click()
    await expect(section.getByRole('status')).toHaveText(
      `Key laptop@home attached to instance ${instanceId}.`,
    )
    await expect(section.getByText('This key is already on that instance.')).toBeVisible()
    const posts = await sim.requests({ method: 'POST', path: /\/ssh\/$/ })
    expect(posts.map((r) => [r.path, r.body])).toEqual([
      ['/api/v0/ssh/', { ssh_key: KEY }],
      [`/api/v0/instances/${instanceId}/ssh/`, { ssh_key: KEY }],
    ])
    await expectNoAxeViolations(page)

    await section.getByRole('button', { name: 'Delete key laptop@home' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete SSH key laptop@home?' })
    await dialog.getByRole('button', { name: 'Delete key' }).click()
    await expect(section.getByText('No SSH keys on this account yet.')).toBeVisible()
    await expect(section.getByRole('status')).toHaveText('Key laptop@home deleted.')
    const deletes = await sim.requests({ method: 'DELETE', path: /^\/api\/v0\/ssh\/\d+\/$/ })
    expect(deletes).toHaveLength(1)
  })

  test('a pasted private key is refused in the browser and never sent', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await page.getByRole('tab', { name: 'Account' }).click()
    const section = page.getByRole('region', { name: 'SSH keys' })
    await expect(section.getByText('No SSH keys on this account yet.')).toBeVisible()
    const field = section.getByRole('textbox', { name: 'Public key' })
    await field.fill(
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----',
    )
    await section.getByRole('button', { name: 'Add key' }).click()
    await expect(section.getByRole('alert')).toHaveText(
      'That is a private key. Paste the public key (the .pub file) — never share the private one.',
    )
    await expect(field).toHaveAccessibleDescription(/That is a private key/)
    expect(await sim.requests({ method: 'POST', path: /\/ssh\/$/ })).toEqual([])
  })
})
