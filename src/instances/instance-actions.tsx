import { Fragment, useId } from 'react'
import type { Instance } from '../api/instances/schemas'
import { Button } from '../ui/button'
import { useInstanceActions } from './use-instance-actions'

/** Stop, Start and Destroy. Unavailable actions stay visible, disabled, with the reason. */
export function InstanceActions({ instance }: { instance: Instance }) {
  const actions = useInstanceActions(instance)
  const baseId = useId()
  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((action) => {
        const reasonId = `${baseId}-${action.id}-reason`
        return (
          <Fragment key={action.id}>
            <Button
              size="sm"
              variant={action.variant}
              disabled={action.disabledReason !== null}
              aria-busy={action.pending || undefined}
              title={action.disabledReason ?? undefined}
              aria-describedby={action.disabledReason ? reasonId : undefined}
              onClick={action.run}
            >
              {action.label}
            </Button>
            {action.disabledReason && (
              <span id={reasonId} className="sr-only">
                {action.disabledReason}
              </span>
            )}
          </Fragment>
        )
      })}
    </div>
  )
}
