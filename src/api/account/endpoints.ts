/** The account: `GET /api/v0/users/current/`. */
import { apiRequest } from '../client'
import { accountSchema, type Account } from './schemas'

export function getAccount(options: { key?: string; signal?: AbortSignal } = {}): Promise<Account> {
  return apiRequest({
    route: 'account',
    method: 'GET',
    path: '/api/v0/users/current/',
    schema: accountSchema,
    ...options,
  })
}
