/** The account (`/users/current/`). */
import * as z from 'zod/mini'
import { optNumber, optString } from '../parse'

/** `/users/current/`. The API echoes the account's full-access key as `api_key`: dropped here. */
export const accountSchema = z.pipe(
  z.looseObject({
    id: z.number(),
    email: optString,
    username: optString,
    // Vast's docs list `balance`, their example and the CLI show `credit`: neither is required.
    credit: optNumber,
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
