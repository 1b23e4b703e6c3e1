import { ApiKeyForm, type ApiKeyFormProps } from '../account/api-key-form'
import { Toaster } from '../ui/toaster'

/**
 * What a visitor without a key sees. Also rendered to static HTML at build time
 * (`prerender.tsx`), so the page paints before any script has run.
 */
export function KeyScreen(props: ApiKeyFormProps) {
  return (
    <>
      <main className="px-4 pb-16">
        <ApiKeyForm {...props} />
      </main>
      <Toaster />
    </>
  )
}
