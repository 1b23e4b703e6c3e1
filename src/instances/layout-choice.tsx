import { useId } from 'react'
import { cn } from '../ui/cn'
import { setInstancesLayout, useInstancesLayout, type InstancesLayout } from './layout-store'

const CHOICES: { value: InstancesLayout; label: string }[] = [
  { value: 'table', label: 'Table' },
  { value: 'cards', label: 'Cards' },
]

/** Table or cards, as a two-option radio group styled as a segmented control. */
export function LayoutChoice() {
  const name = useId()
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-text">View</legend>
      <div className="inline-flex rounded-md border border-border-strong bg-surface p-0.5">
        {CHOICES.map((choice) => (
          <Choice key={choice.value} name={name} {...choice} />
        ))}
      </div>
    </fieldset>
  )
}

function Choice({ name, value, label }: { name: string; value: InstancesLayout; label: string }) {
  const layout = useInstancesLayout()
  const checked = layout === value
  return (
    <label
      className={cn(
        'relative cursor-pointer rounded px-3 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
        checked ? 'bg-accent text-on-accent' : 'text-text hover:bg-surface-sunken',
      )}
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={() => setInstancesLayout(value)}
        className="absolute inset-0 size-full cursor-pointer opacity-0"
      />
      {label}
    </label>
  )
}
