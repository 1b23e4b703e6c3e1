/** The account (`/users/current/`). */
import * as z from 'zod/mini'
import { numeric, optNumber, optString } from '../parse'

/** `/users/current/`. The API echoes the account's full-access key as `api_key`: dropped here. */
export const accountSchema = z.pipe(
  z.looseObject({
    id: z.number(),
    email: optString,
    username: optString,
    credit: numeric,
    balance: optNumber,
    ssh_key: optString,
  }),
  z.transform((account) => {
    const { api_key: _secret, ...rest } = account
    void _secret
    return rest
  }),
)
export type Account = z.infer<typeof accountSchema>
