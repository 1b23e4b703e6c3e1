// The template picker at the top of the rent dialog: recent, recommended, search, raw image.
import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Offer } from '../../api/offers/schemas'
import { requestLog, type World } from '../../simulator/model'
import { rentPuts, worldWithOffer } from '../../test/rent-world'
import { openRentDialog } from '../../test/rent-dialog'
import { stopUsingTemplate } from '../templates/template-choice-store'

/** The simulator answers after a short delay; a busy machine stretches it. */
const SENT = { timeout: 5_000 }
const VLLM_HASH = '4e17788f74f075dd9aab7d0d4427968f'

let world: World
let offer: Offer

beforeEach(async () => {
  ;({ world, offer } = await worldWithOffer())
})
afterEach(stopUsingTemplate)

function renderDialog() {
  const opened = openRentDialog(offer)
  const picker = within(opened.dialog).getByRole('combobox', { name: 'Template' })
  return { ...opened, picker }
}

describe('the rent dialog’s template picker', () => {
  it('finds a recommended template by name, rents with its hash, and lists it as recent next time', async () => {
    const first = renderDialog()
    const { user, dialog, picker } = first
    expect(picker).toHaveValue('')
    expect(picker).toHaveAccessibleDescription('None: the Docker image below runs as given.')
    expect(within(dialog).getByLabelText('Docker image')).toHaveValue(
      'vastai/base-image:@vastai-automatic-tag',
    )

    await user.type(picker, 'vll')
    const list = screen.getByRole('listbox', { name: 'Templates' })
    const recommended = await within(list).findByRole('group', { name: 'Recommended' })
    expect(within(recommended).getAllByRole('option')).toHaveLength(1)
    await user.click(within(recommended).getByRole('option', { name: /^vLLM/ }))

    expect(picker).toHaveValue('vLLM')
    expect(picker).toHaveAccessibleDescription(
      'Runs vllm/vllm-openai:latest; its launch mode, environment and start script apply.',
    )
    expect(within(dialog).getByLabelText("Image (optional: overrides the template's)")).toHaveValue(
      '',
    )
    expect(within(dialog).getByLabelText('Disk (GB)')).toHaveValue(60)
    expect(within(dialog).queryByRole('radio', { name: 'SSH' })).toBeNull()

    await user.click(within(dialog).getByRole('button', { name: 'Rent' }))
    await waitFor(() => expect(first.onRented).toHaveBeenCalledTimes(1), SENT)
    const puts = rentPuts(world)
    expect(puts).toHaveLength(1)
    expect(puts[0]?.body).toMatchObject({ template_hash_id: VLLM_HASH, disk: 60 })
    expect(puts[0]?.body).not.toHaveProperty('image')
    expect(puts[0]?.body).not.toHaveProperty('runtype')
    first.unmount()

    // The next dialog lists it under Recent, before the recommended ones, without a search.
    const next = renderDialog()
    await user.click(next.picker)
    const again = screen.getByRole('listbox', { name: 'Templates' })
    expect(
      within(within(again).getByRole('group', { name: 'Recent' })).getAllByRole('option')[0],
    ).toHaveAccessibleName(/^vLLM/)
  })

  it('keeps the raw image as a choice: back to the image and launch mode, no template sent', async () => {
    const { user, dialog, picker, onRented } = renderDialog()
    await user.click(picker)
    // Keyboard only: the recommended list loads, Down moves past "No template", Enter picks.
    await screen.findByRole('group', { name: 'Recommended' })
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    expect(picker).not.toHaveValue('')
    expect(within(dialog).queryByRole('radio', { name: 'SSH' })).toBeNull()

    await user.click(picker)
    await user.click(screen.getByRole('option', { name: /^No template/ }))
    expect(picker).toHaveValue('')
    expect(within(dialog).getByLabelText('Docker image')).toHaveValue(
      'vastai/base-image:@vastai-automatic-tag',
    )
    expect(within(dialog).getByRole('radio', { name: 'SSH' })).toBeChecked()

    await user.click(within(dialog).getByRole('button', { name: 'Rent' }))
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1), SENT)
    expect(rentPuts(world)[0]?.body).toMatchObject({
      image: 'vastai/base-image:@vastai-automatic-tag',
      runtype: 'ssh_direc ssh_proxy',
    })
    expect(rentPuts(world)[0]?.body).not.toHaveProperty('template_hash_id')
  })

  it('Escape closes the list, not the dialog; Enter picks the first match and rents nothing', async () => {
    const { user, picker, onClose } = renderDialog()
    await user.type(picker, 'ollama')
    await screen.findByRole('option', { name: /^Ollama/ })
    await user.keyboard('{Escape}')
    expect(picker).toHaveAttribute('aria-expanded', 'false')
    expect(onClose).not.toHaveBeenCalled()

    await user.keyboard('{Enter}')
    expect(picker).toHaveValue('Ollama')
    expect(rentPuts(world)).toHaveLength(0)
  })

  it('the focus alone (as the dialog gives it) neither opens the list nor searches templates', async () => {
    const { user, picker } = renderDialog()
    const searches = () => requestLog(world).filter((r) => r.path.startsWith('/api/v0/template/'))
    act(() => picker.focus())
    expect(picker).toHaveFocus()
    expect(picker).toHaveAttribute('aria-expanded', 'false')
    expect(searches()).toHaveLength(0)

    await user.keyboard('{ArrowDown}')
    expect(picker).toHaveAttribute('aria-expanded', 'true')
    await screen.findByRole('group', { name: 'Recommended' })
    expect(searches()).toHaveLength(1)
  })
})
