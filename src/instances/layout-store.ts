/** How the Instances tab lists instances: a compact table (default) or cards; kept per browser. */
import { create } from 'zustand'

export type InstancesLayout = 'table' | 'cards'

const STORAGE_KEY = 'vast-console.instances-layout'

function read(): InstancesLayout {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'cards' ? 'cards' : 'table'
  } catch {
    return 'table'
  }
}

const store = create<{ layout: InstancesLayout }>()(() => ({ layout: read() }))

export const useInstancesLayout = () => store((s) => s.layout)

export function setInstancesLayout(layout: InstancesLayout): void {
  store.setState({ layout })
  try {
    window.localStorage.setItem(STORAGE_KEY, layout)
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}
