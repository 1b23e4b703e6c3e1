import {
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { cn } from './cn'
import { inputClass } from './field'

export interface ComboboxOption {
  /** Unique among the options. */
  key: string
  /** Consecutive options with the same group are listed under it (a labelled group). */
  group?: string
}

export interface ComboboxProps<T extends ComboboxOption> extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'onKeyDown' | 'onFocus' | 'onBlur' | 'role' | 'children'
> {
  /** The listbox's accessible name. */
  listLabel: string
  /** The text in the field. */
  value: string
  onValueChange: (text: string) => void
  options: readonly T[]
  renderOption: (option: T) => ReactNode
  /** An option picked with Enter, a click or a tap; the list then closes. */
  onPick: (option: T) => void
  /**
   * Enter while no option is active. Return 'open' to open the list on its first option instead
   * of closing it.
   */
  onEnter?: (text: string) => 'open' | void
  onFocus?: (event: FocusEvent<HTMLInputElement>) => void
  /**
   * Open the list when the field gets the focus (default). Off for a field a dialog focuses
   * first: the list then opens on a click, a tap, typing or the arrow keys.
   */
  openOnFocus?: boolean
  /** The list opened (to load its options on first use). */
  onOpen?: () => void
  onBlur?: () => void
  /** Shown under the options while the list is open (a loading line, a count). */
  footer?: ReactNode
  /** Classes for the wrapper around the field and its list. */
  wrapperClassName?: string
  listClassName?: string
}

interface Section<T> {
  group: string | undefined
  items: { option: T; index: number }[]
}

function sections<T extends ComboboxOption>(options: readonly T[]): Section<T>[] {
  const out: Section<T>[] = []
  options.forEach((option, index) => {
    const last = out.at(-1)
    if (last && last.group === option.group) last.items.push({ option, index })
    else out.push({ group: option.group, items: [{ option, index }] })
  })
  return out
}

/**
 * A text field suggesting options (the ARIA 1.2 combobox with a listbox popup): typing opens the
 * list, arrow keys move through it (the focus stays in the field, `aria-activedescendant`), Enter
 * or a tap picks, Escape closes the list before anything else. Enter never submits a form. The
 * list sits under the field, over what follows; options are at least 40 px tall on touch screens.
 */
export function Combobox<T extends ComboboxOption>({
  listLabel,
  value,
  onValueChange,
  options,
  renderOption,
  onPick,
  onEnter,
  onFocus,
  openOnFocus = true,
  onOpen,
  onBlur,
  footer,
  wrapperClassName,
  listClassName,
  className,
  ...inputProps
}: ComboboxProps<T>) {
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const shown = open && (options.length > 0 || Boolean(footer))
  const activeOption = shown ? options[active] : undefined
  const optionId = (index: number) => `${listId}-${index}`

  // Called when the list opens, not again while it stays open.
  const onOpenRef = useRef(onOpen)
  useEffect(() => {
    onOpenRef.current = onOpen
  })
  useEffect(() => {
    if (open) onOpenRef.current?.()
  }, [open])

  useEffect(() => {
    if (active < 0) return
    document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [active, listId])

  const close = () => {
    setOpen(false)
    setActive(-1)
  }
  const pick = (option: T) => {
    close()
    onPick(option)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      const count = options.length
      setActive((index) => {
        if (count === 0) return -1
        const next = index + step
        return next < 0 ? count - 1 : next >= count ? 0 : next
      })
    } else if (event.key === 'Escape' && shown) {
      // The list closes first; a dialog around the field stays open.
      event.preventDefault()
      event.stopPropagation()
      close()
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (activeOption) pick(activeOption)
      else if (onEnter?.(value) === 'open' && options.length > 0) {
        setOpen(true)
        setActive(0)
      } else close()
    }
  }

  const renderItem = ({ option, index }: { option: T; index: number }) => (
    // Picked with the mouse or a tap; the keyboard works through the field (above).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
    <li
      key={option.key}
      id={optionId(index)}
      role="option"
      aria-selected={index === active}
      className={cn(
        'cursor-pointer px-3 py-2 text-sm text-text sm:py-1.5',
        index === active ? 'bg-accent-soft text-accent-text' : 'hover:bg-surface-sunken',
      )}
      // Keep the focus in the field (a blur would close the list before the click).
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => pick(option)}
    >
      {renderOption(option)}
    </li>
  )

  return (
    <div className={cn('relative', wrapperClassName)}>
      <input
        type="text"
        autoComplete="off"
        spellCheck={false}
        {...inputProps}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(active) : undefined}
        value={value}
        className={cn(inputClass, 'placeholder:text-faint', className)}
        onChange={(event) => {
          onValueChange(event.target.value)
          setOpen(true)
          setActive(-1)
        }}
        onFocus={(event) => {
          if (openOnFocus) setOpen(true)
          onFocus?.(event)
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close()
          onBlur?.()
        }}
      />
      <div
        hidden={!shown}
        className={cn(
          'absolute top-full z-30 mt-1 w-full overflow-auto rounded-md border border-border bg-surface py-1 shadow-lg',
          listClassName ?? 'max-h-72',
        )}
      >
        <div id={listId} role="listbox" aria-label={listLabel}>
          {sections(options).map((section, n) =>
            section.group ? (
              <ul
                key={`${section.group}-${n}`}
                role="group"
                aria-labelledby={`${listId}-group-${n}`}
              >
                <li
                  role="presentation"
                  id={`${listId}-group-${n}`}
                  className="px-3 pt-2 pb-1 text-xs font-medium text-muted"
                >
                  {section.group}
                </li>
                {section.items.map(renderItem)}
              </ul>
            ) : (
              <ul key={`none-${n}`} role="presentation">
                {section.items.map(renderItem)}
              </ul>
            ),
          )}
        </div>
        {footer}
      </div>
    </div>
  )
}
