import { ChartLine } from 'lucide-react'
import { openModelPage } from './model-param'

/** Opens a GPU model's page (price over time, cheapest hours) from the offer table. */
export function ModelPageButton({ model }: { model: string }) {
  return (
    <button
      type="button"
      aria-label={`Price history of ${model}`}
      title={`${model}: price over time and cheapest hours`}
      onClick={() => openModelPage(model)}
      className="rounded p-0.5 text-muted hover:bg-surface-sunken hover:text-text focus-visible:outline-2 focus-visible:outline-accent"
    >
      <ChartLine aria-hidden="true" className="size-3.5" />
    </button>
  )
}
