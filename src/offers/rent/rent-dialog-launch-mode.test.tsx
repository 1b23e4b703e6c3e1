// Auto-stop lives in `onstart`, which Vast runs only under SSH or Jupyter launch modes (docs
// creating-instances-with-api.mdx "Entrypoint Behavior"); a template's runtype defaults to args
// and a request's runtype overrides it (creating-and-using-templates-with-api.mdx).
import { waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Offer } from '../../api/offers/schemas'
import { searchTemplates } from '../../api/templates/endpoints'
import { SNIPPET_TAG } from '../../domain/auto-stop'
import { onstartRuns } from '../../domain/launch-mode'
import type { World } from '../../simulator/model'
import { rentPuts, worldWithOffer } from '../../test/rent-world'
import { openRentDialog } from '../../test/rent-dialog'
import { chooseTemplate, stopUsingTemplate } from '../templates/template-choice-store'

const WARNING =
  'This template starts its own program (launch mode args); Vast does not run start scripts for it, so auto-stop cannot be armed.'

/** The dialog also reads SSH keys and the instance list, paced: the rent may wait for them. */
const SLOW = { timeout: 8_000 }

let world: World
let offer: Offer

beforeEach(async () => {
  ;({ world, offer } = await worldWithOffer())
})
afterEach(() => stopUsingTemplate())

async function useTemplate(name: string) {
  const { templates } = await searchTemplates({ scope: 'public' })
  const template = templates.find((t) => t.name === name)
  if (!template) throw new Error(`no template ${name}`)
  chooseTemplate(template)
  return template
}

function openDialog() {
  const opened = openRentDialog(offer)
  return { ...opened, rent: within(opened.dialog).getByRole('button', { name: 'Rent' }) }
}

async function askForAutoStop(user: UserEvent, dialog: HTMLElement) {
  await user.selectOptions(within(dialog).getByLabelText('Auto-stop'), 'stop')
  await user.clear(within(dialog).getByLabelText('Hours'))
  await user.type(within(dialog).getByLabelText('Hours'), '2')
}

const follows = (later: Element, earlier: Element) =>
  Boolean(earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING)

describe('auto-stop and the launch mode', () => {
  it('an args template with auto-stop: warned before Rent, nothing sent until the user picks a way', async () => {
    const template = await useTemplate('Text Generation Inference')
    const { user, dialog, rent } = openDialog()
    await askForAutoStop(user, dialog)
    const warning = within(dialog).getByText(WARNING)
    expect(follows(rent, warning)).toBe(true)
    await user.click(rent)
    expect(
      await within(dialog).findByText(
        'Choose: rent with SSH launch mode, or rent without auto-stop.',
      ),
    ).toBeInTheDocument()
    expect(rentPuts(world)).toHaveLength(0)

    const choice = within(dialog).getByRole('radiogroup', { name: 'Auto-stop with this template' })
    await user.click(within(choice).getByRole('radio', { name: /^Rent without auto-stop/ }))
    await user.click(rent)
    await waitFor(() => expect(rentPuts(world)).toHaveLength(1), SLOW)
    const body = rentPuts(world)[0]?.body
    expect(body).toMatchObject({ template_hash_id: template.hash_id })
    expect(body).not.toHaveProperty('onstart')
    expect(body).not.toHaveProperty('runtype')
  })

  it('"Rent with SSH launch mode instead" sends runtype ssh with the template and arms the snippet', async () => {
    const template = await useTemplate('Text Generation Inference')
    const { user, dialog, rent, onRented } = openDialog()
    await askForAutoStop(user, dialog)
    const choice = within(dialog).getByRole('radiogroup', { name: 'Auto-stop with this template' })
    const ssh = within(choice).getByRole('radio', { name: /^Rent with SSH launch mode instead/ })
    expect(ssh).toHaveAccessibleDescription(/the template's own program .* will not start/i)
    await user.click(ssh)
    await user.click(rent)
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1), SLOW)
    const body = rentPuts(world)[0]?.body
    expect(body).toMatchObject({ template_hash_id: template.hash_id })
    const runtype = body && typeof body === 'object' && 'runtype' in body ? body.runtype : null
    expect(typeof runtype === 'string' && onstartRuns(runtype)).toBe(true)
    expect(runtype).toMatch(/^ssh/)
    const onstart = body && typeof body === 'object' && 'onstart' in body ? body.onstart : ''
    expect(String(onstart).startsWith(SNIPPET_TAG)).toBe(true)
    // The instance Vast made runs its start script.
    const instance = [...world.instances.values()][0]
    expect(onstartRuns(instance?.imageRuntype)).toBe(true)
  })

  it('an SSH template with auto-stop: no warning; the template decides the mode, its script kept', async () => {
    const template = await useTemplate('vLLM')
    const { user, dialog, rent, onRented } = openDialog()
    await askForAutoStop(user, dialog)
    expect(within(dialog).getByText(/Start script room left with the watchdog/)).toBeVisible()
    expect(within(dialog).queryByText(WARNING)).toBeNull()
    await user.click(rent)
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1), SLOW)
    const body = rentPuts(world)[0]?.body
    expect(body).not.toHaveProperty('runtype')
    const onstart = body && typeof body === 'object' && 'onstart' in body ? body.onstart : ''
    expect(String(onstart).startsWith(SNIPPET_TAG)).toBe(true)
    expect(String(onstart).endsWith(template.onstart ?? '')).toBe(true)
  })

  it('an args template without auto-stop: no warning, nothing added', async () => {
    await useTemplate('llama.cpp server')
    const { user, dialog, rent, onRented } = openDialog()
    expect(within(dialog).getByRole('combobox', { name: 'Auto-stop' })).toHaveValue('off')
    expect(within(dialog).queryByText(WARNING)).toBeNull()
    await user.click(rent)
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1), SLOW)
    expect(rentPuts(world)[0]?.body).not.toHaveProperty('onstart')
  })
})
