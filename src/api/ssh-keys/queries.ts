import { queryOptions } from '@tanstack/react-query'
import { listInstanceSshKeys, listSshKeys } from './endpoints'

export const sshKeyQueries = {
  all: () => ['ssh-keys'] as const,
  list: () =>
    queryOptions({
      queryKey: [...sshKeyQueries.all(), 'account'],
      queryFn: ({ signal }) => listSshKeys(signal),
    }),
  instance: (instanceId: number) =>
    queryOptions({
      queryKey: [...sshKeyQueries.all(), 'instance', instanceId],
      queryFn: ({ signal }) => listInstanceSshKeys(instanceId, signal),
    }),
}
