import {
  expect,
  expectNoAxeViolations,
  isInView,
  openRentDialog,
  signIn,
  stringField,
  test,
} from './fixtures'

test.describe('Templates', () => {
  test('finds vLLM, rents an offer with it (template_hash_id, no runtype) and runs its image', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await page.getByRole('tab', { name: 'Account' }).click()

    const section = page.getByRole('region', { name: 'Templates' })
    await expect(section.getByRole('status')).toHaveText(/^\d+ templates$/)
    await expect(section.getByLabel('Show')).toHaveValue('recommended')
    await expectNoAxeViolations(page)

    await section.getByLabel('Search templates').fill('vLLM')
    await expect(section.getByRole('status')).toHaveText(/^1 of \d+ templates match “vLLM”$/)
    const results = section.getByRole('list', { name: 'Template results' })
    await expect(results.getByRole('listitem')).toHaveCount(1)
    await expect(results).toContainText('vllm/vllm-openai:latest')
    await expect(results).toContainText('Recommended disk 60 GB')
    await results.getByRole('button', { name: 'Rent with vLLM' }).click()

    await expect(page.getByRole('tab', { name: 'Offers' })).toHaveAttribute('aria-selected', 'true')
    await expect(
      page.getByText('Renting with template vLLM (vllm/vllm-openai:latest)'),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Stop using template' })).toBeVisible()

    const dialog = await openRentDialog(page)
    await expect(dialog.getByRole('combobox', { name: 'Template' })).toHaveValue('vLLM')
    await expect(dialog.getByRole('combobox', { name: 'Template' })).toHaveAccessibleDescription(
      'Runs vllm/vllm-openai:latest; its launch mode, environment and start script apply.',
    )
    await expect(dialog.getByLabel("Image (optional: overrides the template's)")).toHaveValue('')
    await expect(dialog.getByLabel('Disk (GB)')).toHaveValue('60')
    // The template sets the launch mode.
    await expect(dialog.getByRole('radio', { name: 'SSH' })).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()

    const card = page.getByRole('article', { name: /^Instance \d+/ })
    await expect(card).toHaveCount(1)
    await expect(card).toContainText('vllm/vllm-openai:latest')
    const rentals = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
    expect(rentals).toHaveLength(1)
    expect(rentals[0]?.body).toMatchObject({
      template_hash_id: '4e17788f74f075dd9aab7d0d4427968f',
      disk: 60,
    })
    expect(rentals[0]?.body).not.toHaveProperty('runtype')
    expect(rentals[0]?.body).not.toHaveProperty('image')
  })

  test('"Stop using template" goes back to renting with an image', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/?tab=account')
    const section = page.getByRole('region', { name: 'Templates' })
    await section.getByLabel('Show').selectOption({ label: 'My templates' })
    // Cold servers can deliver the first search late, so this one (3 s later by the app's clock)
    // may draw a 429 and wait out the back-off before it is sent again.
    await expect(section.getByRole('status')).toHaveText('2 templates', { timeout: 20_000 })
    await expect(section.getByRole('listitem').first()).toContainText('Private')
    await section.getByRole('button', { name: 'Rent with My training box' }).click()

    const notice = page.getByText(/^Renting with template My training box/)
    await expect(notice).toBeVisible()
    await page.getByRole('button', { name: 'Stop using template' }).click()
    await expect(notice).toHaveCount(0)
    await openRentDialog(page)
    await expect(page.getByRole('dialog').getByLabel('Docker image')).toHaveValue(
      'vastai/base-image:@vastai-automatic-tag',
    )
  })
})

test.describe('Templates in the rent dialog, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true })

  test('searching picks a recommended template by touch, Rent stays in view, the rental names it, and it comes back as recent', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    const rentFirst = () =>
      page
        .getByRole('article', { name: /^Offer \d+:/ })
        .first()
        .getByRole('button', { name: 'Rent', exact: true })
        .tap()
    await rentFirst()
    const dialog = page.getByRole('dialog')
    const picker = dialog.getByRole('combobox', { name: 'Template' })
    const rent = dialog.getByRole('button', { name: 'Rent', exact: true })
    // The field is at the top of the dialog, Rent at its bottom edge, both on screen.
    expect(await isInView(picker)).toBe(true)
    expect(await isInView(rent)).toBe(true)

    await picker.tap()
    await picker.fill('vll')
    const list = dialog.getByRole('listbox', { name: 'Templates' })
    const option = list
      .getByRole('group', { name: 'Recommended' })
      .getByRole('option', { name: /^vLLM/ })
    await expect(option).toBeVisible()
    expect(await isInView(option)).toBe(true)
    await expectNoAxeViolations(page)
    await option.tap()
    await expect(picker).toHaveValue('vLLM')
    await expect(list).toBeHidden()
    await expect(dialog.getByLabel("Image (optional: overrides the template's)")).toHaveValue('')
    expect(await isInView(rent)).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await rent.tap()

    await expect(page.getByRole('tab', { name: /^Instances/ })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    const rentals = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
    expect(rentals).toHaveLength(1)
    expect(rentals[0]?.body).toMatchObject({ template_hash_id: '4e17788f74f075dd9aab7d0d4427968f' })
    expect(rentals[0]?.body).not.toHaveProperty('image')

    // The next rental offers it first, under Recent.
    await page.getByRole('tab', { name: 'Offers' }).tap()
    await rentFirst()
    await picker.tap()
    await expect(
      list.getByRole('group', { name: 'Recent' }).getByRole('option').first(),
    ).toHaveAccessibleName(/^vLLM/)
  })
})

test.describe('Templates and auto-stop', () => {
  test('an args template with auto-stop is warned about; SSH launch mode rents with runtype ssh and the card confirms arming', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/?tab=account')
    const section = page.getByRole('region', { name: 'Templates' })
    await section.getByLabel('Show').selectOption({ label: 'All public' })
    await section.getByLabel('Search templates').fill('Text Generation Inference')
    // The second search may draw a 429 and wait out the back-off (as above).
    const results = section.getByRole('list', { name: 'Template results' })
    await expect(results.getByRole('listitem')).toHaveCount(1, { timeout: 20_000 })
    await results.getByRole('button', { name: 'Rent with Text Generation Inference' }).click()

    const dialog = await openRentDialog(page)
    await dialog.getByLabel('Auto-stop').selectOption('stop')
    await dialog.getByLabel('Hours').fill('2')
    await expect(
      dialog.getByText(
        'This template starts its own program (launch mode args); Vast does not run start scripts for it, so auto-stop cannot be armed.',
      ),
    ).toBeVisible()
    const choice = dialog.getByRole('radiogroup', { name: 'Auto-stop with this template' })
    await choice.getByRole('radio', { name: /^Rent with SSH launch mode instead/ }).check()
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()

    const card = page.getByRole('article', { name: /^Instance \d+/ })
    await expect(card).toHaveCount(1)
    const rentals = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
    expect(rentals).toHaveLength(1)
    expect(rentals[0]?.body).toMatchObject({ runtype: 'ssh_direc ssh_proxy' })
    expect(rentals[0]?.body).toHaveProperty('template_hash_id')
    expect(stringField(rentals[0]?.body, 'onstart')).toMatch(/^# vast-console auto-stop v2 /)

    await sim.advance(30_000) // provisioning and loading: the instance runs
    await expect(card).toContainText('Running')
    await expect(card).toContainText('Auto-stop armed (confirmed)', { timeout: 20_000 })
    await expect(card).toContainText(/Auto-stop in 1 h 59 min/)
  })
})
