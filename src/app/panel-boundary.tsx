import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Button } from '../ui/button'
import { Notice } from '../ui/notice'

interface Props {
  /** What the panel is, for the message ("Instances", "Account"). */
  name: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * Contains a crash to its panel: the rest of the dashboard keeps working, and the panel offers to
 * start over. The message is rendered as text (API strings never become markup).
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Names and stack only: no props, no data (nothing here can hold the key).
    console.error(`The ${this.props.name} panel crashed`, error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <Notice as="section" role="alert" aria-label={`${this.props.name} panel error`} tone="danger">
        <p>
          The {this.props.name} panel hit a problem and was stopped; the rest of the app still
          works. ({error.message})
        </p>
        <Button size="sm" className="mt-2" onClick={() => this.setState({ error: null })}>
          Reload {this.props.name}
        </Button>
      </Notice>
    )
  }
}
