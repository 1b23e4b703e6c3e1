import type { Charge } from '../domain/spending/ledger'
import type { DayRange } from '../domain/spending/range'
import { toCsv, toJson } from '../domain/spending/csv'

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export const downloadCsv = (charges: readonly Charge[], range: DayRange) =>
  download(`vast-charges-${range.from}-to-${range.to}.csv`, 'text/csv', toCsv(charges))

export const downloadJson = (charges: readonly Charge[], range: DayRange) =>
  download(
    `vast-charges-${range.from}-to-${range.to}.json`,
    'application/json',
    toJson(charges, range),
  )
