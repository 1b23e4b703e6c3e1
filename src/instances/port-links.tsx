import { uiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'
import { portLinks } from './timeline'

const linkClass = 'text-accent-text underline hover:text-accent-text'

/** Open ports as links and Jupyter with its token, while the instance runs. */
export function PortLinks({ instance }: { instance: Instance }) {
  if (uiStatus(instance) !== 'running') return null
  const { ports, jupyter } = portLinks(instance)
  if (ports.length === 0 && !jupyter) return null
  return (
    <ul aria-label="Open ports" className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {jupyter && (
        <li>
          <a className={linkClass} href={jupyter.href} target="_blank" rel="noreferrer noopener">
            {jupyter.name}
          </a>
        </li>
      )}
      {ports.map((port) => (
        <li key={port.href}>
          <a className={linkClass} href={port.href} target="_blank" rel="noreferrer noopener">
            {port.name}
          </a>
        </li>
      ))}
    </ul>
  )
}
