/**
 * Launch modes (Vast's `runtype`) and whether a start script runs under them. Vast replaces the
 * image's entrypoint with its own under the SSH and Jupyter modes and runs `onstart` after it;
 * under `args` the image's own ENTRYPOINT runs and `onstart` never does (docs
 * creating-instances-with-api.mdx "Entrypoint Behavior"). A template without a runtype is `args`
 * (docs creating-and-using-templates-with-api.mdx, template fields). The auto-stop snippet lives
 * in `onstart`, so it is armed only where this says true.
 */

const tokens = (runtype: string | null | undefined): string[] =>
  (runtype ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean)

/** One token of a runtype: `ssh`, `ssh_direc`, `ssh_proxy`, `jupyter_direct`, … */
const NAMES = /^(ssh|jupyter)(_|$)/

/** True iff the runtype names SSH or Jupyter (as Vast or the CLI spell it); missing = args. */
export function onstartRuns(runtype: string | null | undefined): boolean {
  return tokens(runtype).some((token) => NAMES.test(token))
}

/** The base mode a runtype stands for: `jupyter` (SSH included), `ssh` or `args`. */
export function launchModeName(runtype: string | null | undefined): 'ssh' | 'jupyter' | 'args' {
  const names = tokens(runtype)
  if (names.some((t) => /^jupyter(_|$)/.test(t))) return 'jupyter'
  if (names.some((t) => /^ssh(_|$)/.test(t))) return 'ssh'
  return 'args'
}
