/**
 * Semantic colour tokens. Each is a CSS variable defined in src/index.css, so a theme (dark, for
 * one) swaps the values there without touching a component. Components use these names, never
 * the raw palette.
 */
/** @param {string} name */
const tone = (name) => `var(--color-${name})`

/** @type {import('tailwindcss').Config} */
export default {
  theme: {
    extend: {
      colors: {
        surface: {
          DEFAULT: tone('surface'),
          muted: tone('surface-muted'),
          sunken: tone('surface-sunken'),
          strong: tone('surface-strong'),
        },
        text: { DEFAULT: tone('text'), soft: tone('text-soft') },
        muted: tone('muted'),
        faint: tone('faint'),
        border: {
          DEFAULT: tone('border'),
          subtle: tone('border-subtle'),
          strong: tone('border-strong'),
        },
        'on-accent': tone('on-accent'),
        inverse: { DEFAULT: tone('inverse'), text: tone('inverse-text') },
        accent: {
          DEFAULT: tone('accent'),
          strong: tone('accent-strong'),
          soft: tone('accent-soft'),
          muted: tone('accent-muted'),
          border: tone('accent-border'),
          text: tone('accent-text'),
        },
        danger: {
          DEFAULT: tone('danger'),
          strong: tone('danger-strong'),
          soft: tone('danger-soft'),
          border: tone('danger-border'),
          text: tone('danger-text'),
        },
        warning: {
          DEFAULT: tone('warning'),
          soft: tone('warning-soft'),
          muted: tone('warning-muted'),
          border: tone('warning-border'),
          text: tone('warning-text'),
        },
        success: {
          DEFAULT: tone('success'),
          soft: tone('success-soft'),
          muted: tone('success-muted'),
          border: tone('success-border'),
          text: tone('success-text'),
        },
      },
    },
  },
}
