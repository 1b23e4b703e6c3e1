import { isApiError, type ApiError } from '../errors'
import type { SshKeyPermission } from './mutations'

/** What to show for a failed write: a missing permission is named, anything else is Vast's message. */
export function sshKeyErrorMessage(error: ApiError | Error, permission: SshKeyPermission): string {
  if (isApiError(error) && error.kind === 'auth') {
    return permission === 'user_write'
      ? 'This API key lacks the user_write permission needed to manage SSH keys.'
      : 'This API key lacks the instance_write permission needed to attach SSH keys to instances.'
  }
  return error.message
}
