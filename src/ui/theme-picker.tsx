import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react'
import { cn } from './cn'
import { setTheme, THEME_CHOICES, useTheme, type ThemeChoice } from './theme'

const LABELS: Record<ThemeChoice, { label: string; Icon: LucideIcon }> = {
  light: { label: 'Light', Icon: Sun },
  dark: { label: 'Dark', Icon: Moon },
  system: { label: 'Same as the system', Icon: Monitor },
}

/** Light, dark or the system's: three small radio buttons, the choice kept on this device. */
export function ThemePicker({ className }: { className?: string }) {
  const theme = useTheme()
  return (
    <fieldset
      className={cn(
        'flex items-center rounded-md border border-border-strong bg-surface p-0.5',
        className,
      )}
    >
      <legend className="sr-only">Theme</legend>
      {THEME_CHOICES.map((choice) => {
        const { label, Icon } = LABELS[choice]
        return (
          <label
            key={choice}
            title={label}
            className={cn(
              'relative flex cursor-pointer items-center rounded p-1 text-muted hover:text-text has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
              theme === choice && 'bg-surface-strong text-text',
            )}
          >
            <input
              type="radio"
              name="theme"
              value={choice}
              checked={theme === choice}
              onChange={() => setTheme(choice)}
              className="absolute inset-0 cursor-pointer opacity-0"
            />
            <Icon aria-hidden="true" className="size-4" />
            <span className="sr-only">{label}</span>
          </label>
        )
      })}
    </fieldset>
  )
}
