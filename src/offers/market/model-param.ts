/**
 * The open model page lives in the URL (`?model=RTX 4090`), so a link or a reload shows it and
 * Back closes it. Opening pushes a history entry; closing replaces it.
 */
import { useSyncExternalStore } from 'react'
import { readUrlParam, subscribeToUrl, writeUrlParam } from '../../ui/url-param'

export const MODEL_PARAM = 'model'

const readModel = (): string | null => readUrlParam(MODEL_PARAM)?.trim().slice(0, 100) || null

/** Opens a GPU model's page (price over time, cheapest hours). */
export const openModelPage = (model: string) => writeUrlParam(MODEL_PARAM, model, true)
export const closeModelPage = () => writeUrlParam(MODEL_PARAM, null, false)

/** The GPU model whose page is open, or null. */
export const useModelParam = (): string | null =>
  useSyncExternalStore(subscribeToUrl, readModel, () => null)
