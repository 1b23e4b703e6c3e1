import { useQuery } from '@tanstack/react-query'
import { useState, type ChangeEvent, type FormEvent } from 'react'
import { stripAutoStopMarker } from '../../domain/auto-stop'
import { instanceQueries } from '../../api/instances/queries'
import type { Instance } from '../../api/instances/schemas'
import { attachSshKey } from '../../api/ssh-keys/endpoints'
import { describeKey, sameKey } from '../../domain/ssh-public-key'
import { sshKeyErrorMessage } from '../../api/ssh-keys/messages'
import { sshKeyQueries } from '../../api/ssh-keys/queries'
import { useSshKeyMutation } from '../../api/ssh-keys/mutations'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'

const instanceName = (i: Instance) =>
  [
    stripAutoStopMarker(i.label) || 'No label',
    `#${i.id}`,
    i.gpu_name ? `${i.num_gpus ?? 1}× ${i.gpu_name}` : null,
  ]
    .filter(Boolean)
    .join(' · ')

interface AttachVars {
  instanceId: number
  publicKey: string
}

/** Attaches an account key to an instance that existed before the key was added. */
export function AttachKeyForm({ onDone }: { onDone: (message: string) => void }) {
  const instances = useQuery(instanceQueries.list())
  const keys = useQuery(sshKeyQueries.list())
  // The user's choices; until they choose, the first of each list is meant.
  const [instanceChoice, setInstanceChoice] = useState('')
  const [keyChoice, setKeyChoice] = useState('')
  const instanceList = instances.data?.instances ?? []
  const keyList = keys.data?.keys ?? []
  const instance =
    instanceList.find((i) => String(i.id) === instanceChoice) ?? instanceList[0] ?? null
  const key = keyList.find((k) => String(k.id) === keyChoice) ?? keyList[0] ?? null
  const onInstance = useQuery({
    ...sshKeyQueries.instance(instance?.id ?? 0),
    enabled: instance !== null,
  })
  const attach = useSshKeyMutation(
    ({ instanceId, publicKey }: AttachVars) => attachSshKey(instanceId, publicKey),
    'instance_write',
    ({ instanceId }) => sshKeyQueries.instance(instanceId).queryKey,
  )

  const heading = <h3 className="text-base font-semibold">Attach a key to an instance</h3>
  if (!instances.data || !keys.data) {
    return (
      <div className="flex flex-col gap-2">
        {heading}
        {instances.isError ? (
          <p role="alert" className="text-sm text-danger-text">
            Couldn't load instances: {instances.error.message}
          </p>
        ) : (
          !keys.isError && (
            <p role="status" className="text-sm text-muted">
              Loading instances…
            </p>
          )
        )}
      </div>
    )
  }
  if (instance === null || key === null) {
    return (
      <div className="flex flex-col gap-2">
        {heading}
        <p className="text-sm text-muted">
          {instance === null
            ? 'No instances to attach a key to.'
            : 'Add a key to the account first, then attach it here.'}
        </p>
      </div>
    )
  }

  // A new choice clears the last attempt's error.
  const choose = (set: (value: string) => void) => (event: ChangeEvent<HTMLSelectElement>) => {
    set(event.target.value)
    attach.reset()
  }
  const already = onInstance.data?.some((k) => sameKey(k.publicKey, key.publicKey)) ?? false
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (attach.isPending) return
    const { name } = describeKey(key.publicKey)
    attach.mutate(
      { instanceId: instance.id, publicKey: key.publicKey },
      { onSuccess: () => onDone(`Key ${name} attached to instance ${instance.id}.`) },
    )
  }
  return (
    <form onSubmit={submit} className="flex max-w-2xl flex-col gap-2">
      {heading}
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="Instance"
          value={String(instance.id)}
          onChange={choose(setInstanceChoice)}
          options={instanceList.map((i) => ({ value: String(i.id), label: instanceName(i) }))}
        />
        <SelectField
          label="Key"
          value={String(key.id)}
          onChange={choose(setKeyChoice)}
          options={keyList.map((k) => {
            const d = describeKey(k.publicKey)
            return { value: String(k.id), label: `${d.name} (…${d.tail})` }
          })}
        />
        <Button type="submit" variant="primary" disabled={attach.isPending}>
          {attach.isPending ? 'Attaching…' : 'Attach key'}
        </Button>
      </div>
      <p className="text-sm text-muted">
        {onInstance.data
          ? already
            ? 'This key is already on that instance.'
            : `Keys on that instance: ${onInstance.data.length === 0 ? 'none' : onInstance.data.map((k) => describeKey(k.publicKey).name).join(', ')}.`
          : onInstance.isError
            ? `Couldn't read that instance's keys: ${onInstance.error.message}`
            : 'Reading that instance’s keys…'}
      </p>
      {attach.isError && (
        <p role="alert" className="text-sm text-danger-text">
          Couldn't attach the key: {sshKeyErrorMessage(attach.error, 'instance_write')}
        </p>
      )}
    </form>
  )
}
