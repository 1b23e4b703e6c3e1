import { Calculator } from 'lucide-react'
import { Field } from '../ui/field'
import { ToolbarPopover } from '../ui/toolbar-popover'
import { type JobPlan } from '../domain/money/job-cost'

const PLAN_FIELDS: { key: keyof JobPlan; label: string }[] = [
  { key: 'hours', label: 'Planned hours' },
  { key: 'diskGb', label: 'Job disk (GB)' },
  { key: 'downloadGb', label: 'Download (GB)' },
  { key: 'uploadGb', label: 'Upload (GB)' },
]

/** The job the "Job cost" column prices. */
export function JobPlanInputs({
  plan,
  onChange,
}: {
  plan: JobPlan
  onChange: (plan: JobPlan) => void
}) {
  return (
    <ToolbarPopover
      summary={
        <>
          <Calculator aria-hidden="true" className="size-4" />
          Job cost: {plan.hours} h
        </>
      }
      panelClassName="w-[36rem]"
    >
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">Job cost</legend>
        {PLAN_FIELDS.map(({ key, label }) => (
          <Field
            key={key}
            label={label}
            type="number"
            min={0}
            step="any"
            className="w-32"
            defaultValue={plan[key]}
            onChange={(event) => {
              const value = event.target.valueAsNumber
              if (Number.isFinite(value) && value >= 0) onChange({ ...plan, [key]: value })
            }}
          />
        ))}
        <p className="pb-1 text-xs text-muted">
          Compute + storage for the disk + data at each host&apos;s $/GB.
        </p>
      </fieldset>
    </ToolbarPopover>
  )
}
