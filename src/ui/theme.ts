import { useSyncExternalStore } from 'react'

/** The colour theme the user chose; `system` follows the device's light/dark preference. */
export type ThemeChoice = 'light' | 'dark' | 'system'

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system']
/** Where the choice lives on this device (public/boot.js reads the same key before first paint). */
export const THEME_STORAGE_KEY = 'vast-console.theme'

const isChoice = (value: string | null): value is ThemeChoice =>
  THEME_CHOICES.some((choice) => choice === value)

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY)
    return isChoice(stored) ? stored : 'system'
  } catch {
    return 'system'
  }
}

const darkQuery = () =>
  typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null

/** Puts the `dark` class on <html> when the choice (or the system, for `system`) is dark. */
function apply(choice: ThemeChoice) {
  const dark = choice === 'dark' || (choice === 'system' && Boolean(darkQuery()?.matches))
  document.documentElement.classList.toggle('dark', dark)
}

const listeners = new Set<() => void>()
let current: ThemeChoice | null = null

function subscribe(listener: () => void) {
  listeners.add(listener)
  const query = darkQuery()
  const onSystemChange = () => {
    if (getTheme() === 'system') apply('system')
  }
  query?.addEventListener('change', onSystemChange)
  return () => {
    listeners.delete(listener)
    query?.removeEventListener('change', onSystemChange)
  }
}

export function getTheme(): ThemeChoice {
  current ??= readChoice()
  return current
}

/** Chooses a theme, remembers it on this device and applies it at once. */
export function setTheme(choice: ThemeChoice) {
  current = choice
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY)
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  apply(choice)
  listeners.forEach((listener) => listener())
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(subscribe, getTheme, () => 'system' as const)
}
