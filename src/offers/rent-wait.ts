import { createContext, useContext } from 'react'

/** Why renting waits while the offers shown are the ones kept on the device. */
export const SAVED_OFFERS_REASON =
  'Waiting for current offers from Vast: the ones shown were saved on this device.'

/** Why the rent dialog waits while the instance list is the one kept on the device. */
export const SAVED_LIST_FOR_RENT =
  'Waiting for the current instance list from Vast: the spend guards and the account figures count it.'

/**
 * Why the offers page's Rent buttons wait now, or null when they may be used: set by the page
 * for every row, card and dialog below it.
 */
export const RentWaitContext = createContext<string | null>(null)

export const useRentWait = (): string | null => useContext(RentWaitContext)
