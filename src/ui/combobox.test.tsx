import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Combobox } from './combobox'

const FRUITS = [
  { key: 'apple', group: 'Red' },
  { key: 'cherry', group: 'Red' },
  { key: 'banana', group: 'Yellow' },
]

function Harness({ onPick, onSubmit }: { onPick: (key: string) => void; onSubmit: () => void }) {
  const [text, setText] = useState('')
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
    >
      <label htmlFor="fruit">Fruit</label>
      <Combobox
        id="fruit"
        listLabel="Fruits"
        value={text}
        options={FRUITS.filter((f) => f.key.includes(text))}
        renderOption={(option) => option.key}
        onValueChange={setText}
        onPick={(option) => {
          setText(option.key)
          onPick(option.key)
        }}
      />
    </form>
  )
}

describe('Combobox', () => {
  it('lists options in labelled groups, moves with the arrows and picks with Enter', async () => {
    const user = userEvent.setup()
    const onPick = vi.fn<(key: string) => void>()
    const onSubmit = vi.fn<() => void>()
    render(<Harness onPick={onPick} onSubmit={onSubmit} />)
    const field = screen.getByRole('combobox', { name: 'Fruit' })
    expect(field).toHaveAttribute('aria-expanded', 'false')

    await user.click(field)
    const list = screen.getByRole('listbox', { name: 'Fruits' })
    expect(field).toHaveAttribute('aria-expanded', 'true')
    const red = within(list).getByRole('group', { name: 'Red' })
    expect(
      within(red)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['apple', 'cherry'])
    expect(within(list).getByRole('group', { name: 'Yellow' })).toHaveTextContent('banana')

    // Up from nothing wraps to the last option; the focus stays in the field.
    await user.keyboard('{ArrowUp}')
    const banana = screen.getByRole('option', { name: 'banana' })
    expect(banana).toHaveAttribute('aria-selected', 'true')
    expect(field).toHaveAttribute('aria-activedescendant', banana.id)
    expect(field).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(onPick).toHaveBeenCalledWith('banana')
    expect(field).toHaveValue('banana')
    expect(field).toHaveAttribute('aria-expanded', 'false')
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('Escape closes the list without reaching what surrounds it; Enter on text submits nothing', async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn<() => void>()
    const outside = vi.fn<() => void>()
    render(
      // eslint-disable-next-line jsx-a11y/no-static-element-interactions
      <div onKeyDown={(event) => event.key === 'Escape' && outside()}>
        <Harness onPick={() => undefined} onSubmit={onSubmit} />
      </div>,
    )
    const field = screen.getByRole('combobox', { name: 'Fruit' })
    await user.type(field, 'an')
    expect(screen.getByRole('option', { name: 'banana' })).toBeVisible()
    await user.keyboard('{Escape}')
    expect(field).toHaveAttribute('aria-expanded', 'false')
    expect(outside).not.toHaveBeenCalled()
    await user.keyboard('{Escape}')
    expect(outside).toHaveBeenCalledTimes(1)

    await user.keyboard('{Enter}')
    expect(onSubmit).not.toHaveBeenCalled()
    expect(field).toHaveValue('an')
  })

  it('a tap picks an option', async () => {
    const user = userEvent.setup()
    const onPick = vi.fn<(key: string) => void>()
    render(<Harness onPick={onPick} onSubmit={() => undefined} />)
    await user.click(screen.getByRole('combobox', { name: 'Fruit' }))
    await user.click(screen.getByRole('option', { name: 'cherry' }))
    expect(onPick).toHaveBeenCalledWith('cherry')
  })
})
