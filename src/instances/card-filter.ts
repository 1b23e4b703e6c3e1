/** Filter and sort for the instance cards (UI state only; the list itself stays in the cache). */
import { uiStatus, type UiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'

export type StatusFilter = 'all' | 'running' | 'changing' | 'stopped' | 'problem'
export type CardSort = 'newest' | 'oldest' | 'price' | 'status' | 'label' | 'gpu'

export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All statuses' },
  { value: 'running', label: 'Running only' },
  { value: 'changing', label: 'Starting or changing' },
  { value: 'stopped', label: 'Stopped or paused' },
  { value: 'problem', label: 'Errors and offline hosts' },
]

export const CARD_SORTS: { value: CardSort; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'price', label: 'Price, highest first' },
  { value: 'status', label: 'Status' },
  { value: 'label', label: 'Label' },
  { value: 'gpu', label: 'GPU' },
]

const GROUP: Record<UiStatus, Exclude<StatusFilter, 'all'>> = {
  running: 'running',
  paused: 'stopped',
  stopped: 'stopped',
  provisioning: 'changing',
  loading: 'changing',
  starting: 'changing',
  stopping: 'changing',
  rebooting: 'changing',
  scheduling: 'changing',
  host_offline: 'problem',
  exited: 'problem',
  outbid: 'problem',
  error: 'problem',
  unknown: 'problem',
}

const STATUS_ORDER: StatusFilter[] = ['problem', 'running', 'changing', 'stopped']

export interface CardView {
  status: StatusFilter
  /** Matched against label, GPU name, image and id, case-insensitively. */
  text: string
  sort: CardSort
}

export const DEFAULT_VIEW: CardView = { status: 'all', text: '', sort: 'newest' }

export function filterAndSort(instances: readonly Instance[], view: CardView): Instance[] {
  const needle = view.text.trim().toLowerCase()
  const kept = instances.filter((instance) => {
    if (view.status !== 'all' && GROUP[uiStatus(instance)] !== view.status) return false
    if (!needle) return true
    return [instance.label, instance.gpu_name, instance.image_uuid, String(instance.id)].some(
      (field) => field?.toLowerCase().includes(needle),
    )
  })
  const text = (value: string | null | undefined) => value?.toLowerCase() ?? '\uffff'
  const compare: Record<CardSort, (a: Instance, b: Instance) => number> = {
    newest: (a, b) => b.id - a.id,
    oldest: (a, b) => a.id - b.id,
    price: (a, b) => (b.dph_total ?? -1) - (a.dph_total ?? -1),
    status: (a, b) =>
      STATUS_ORDER.indexOf(GROUP[uiStatus(a)]) - STATUS_ORDER.indexOf(GROUP[uiStatus(b)]),
    label: (a, b) => text(a.label).localeCompare(text(b.label)),
    gpu: (a, b) => text(a.gpu_name).localeCompare(text(b.gpu_name)),
  }
  return kept.sort((a, b) => compare[view.sort](a, b) || b.id - a.id)
}
