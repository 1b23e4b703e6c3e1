/**
 * Auto-stop that survives a closed tab: a POSIX sh snippet prepended to the rental's `onstart`.
 * Inside the container it waits in the background until a deadline, then stops (or destroys) its
 * own instance through the API with the CONTAINER_API_KEY and CONTAINER_ID the container receives
 * (reference §4.3, §7.4: that key is limited to its own instance).
 *
 * - Works with curl, wget or python3, whichever exists; with none it prints one line and exits.
 * - The deadline is baked in (`D=<unix s>`); the browser can move it ("Extend") by putting
 *   `autostop@<unix s>` into the instance's label, which the snippet re-reads every minute.
 * - A container that starts after the deadline (the user started it again later) is left alone.
 * - The key never appears in the snippet: the container reads it from its own environment.
 */
import type { InstanceFields as Instance } from './fields'

export type AutoStopAction = 'stop' | 'destroy'

/** Marks the snippet in `onstart`, so the app can find its deadline again. */
export const SNIPPET_TAG = '# vast-console auto-stop v1'
const LABEL_MARKER = 'autostop@'
/** Seconds between checks inside the container (env VC_AUTOSTOP_INTERVAL overrides, for tests). */
export const CHECK_INTERVAL_S = 60

/** The snippet for a deadline in unix seconds. */
export function autoStopSnippet(action: AutoStopAction, deadlineSec: number): string {
  const deadline = Math.floor(deadlineSec)
  const body = action === 'destroy' ? "req DELETE '{}'" : `req PUT '{"state":"stopped"}'`
  // The label marker is assembled at run time (M), so this text never contains it with digits.
  return `${SNIPPET_TAG} (A=${action} D=${deadline})
(
A=${action}
D=${deadline}
I=\${VC_AUTOSTOP_INTERVAL:-${CHECK_INTERVAL_S}}
U="\${VC_API_URL:-https://console.vast.ai}/api/v0/instances/\${CONTAINER_ID}/"
M=auto; M="\${M}stop@"
[ -n "\${CONTAINER_API_KEY}" ] && [ -n "\${CONTAINER_ID}" ] || { echo "auto-stop: no container key; not armed"; exit 0; }
if command -v curl >/dev/null 2>&1; then T=curl
elif command -v wget >/dev/null 2>&1; then T=wget
elif command -v python3 >/dev/null 2>&1; then T=python3
else echo "auto-stop: needs curl, wget or python3; not armed"; exit 0; fi
req() {
  case "$T" in
  curl) curl -fsS -m 30 -X "$1" -H "Authorization: Bearer $CONTAINER_API_KEY" -H 'Content-Type: application/json' \${2:+--data "$2"} "$U" ;;
  wget) wget -q -T 30 -O- --method="$1" --header="Authorization: Bearer $CONTAINER_API_KEY" --header='Content-Type: application/json' \${2:+--body-data="$2"} "$U" ;;
  python3) python3 -c 'import os,sys,urllib.request as u
r=u.Request(sys.argv[3],method=sys.argv[1],data=sys.argv[2].encode() or None,headers={"Authorization":"Bearer "+os.environ["CONTAINER_API_KEY"],"Content-Type":"application/json"})
sys.stdout.write(u.urlopen(r,timeout=30).read().decode())' "$1" "$2" "$U" ;;
  esac
}
[ "$(date +%s)" -lt "$D" ] || { echo "auto-stop: deadline passed before this start; not armed"; exit 0; }
echo "auto-stop: armed, $A at $D with $T"
while :; do
  L=$(req GET '' 2>/dev/null | grep -o "$M[0-9]*" | head -n 1)
  [ -n "$L" ] && D=\${L#"$M"}
  if [ "$(date +%s)" -ge "$D" ]; then
    ${body} >/dev/null 2>&1 && { echo "auto-stop: $A requested"; exit 0; }
  fi
  sleep "$I"
done
) &
`
}

/** Prepends the snippet to the user's own onstart (kept after it, unchanged). */
export function withAutoStop(
  onstart: string | undefined,
  action: AutoStopAction,
  deadlineSec: number,
): string {
  const snippet = autoStopSnippet(action, deadlineSec)
  return onstart?.trim() ? `${snippet}${onstart}` : snippet
}

export interface AutoStop {
  action: AutoStopAction
  /** Unix seconds: the label's marker if present (an Extend), else the deadline set at rent. */
  deadlineSec: number
}

/** The auto-stop of an instance, read back from its onstart and label, or null when it has none. */
export function readAutoStop(
  instance: Pick<Instance, 'label'> & { onstart?: unknown },
): AutoStop | null {
  const onstart = typeof instance.onstart === 'string' ? instance.onstart : ''
  const tag = new RegExp(
    `${SNIPPET_TAG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(A=(stop|destroy) D=(\\d+)\\)`,
  ).exec(onstart)
  if (!tag) return null
  const action: AutoStopAction = tag[1] === 'destroy' ? 'destroy' : 'stop'
  const marker = new RegExp(`${LABEL_MARKER}(\\d+)`).exec(instance.label ?? '')
  return { action, deadlineSec: Number(marker?.[1] ?? tag[2]) }
}

/** The label with its auto-stop marker set to a new deadline (the user's text kept). */
export function labelWithDeadline(label: string | null | undefined, deadlineSec: number): string {
  const base = stripAutoStopMarker(label)
  const marker = `${LABEL_MARKER}${Math.floor(deadlineSec)}`
  return base ? `${base} ${marker}` : marker
}

/** The label as the user wrote it, without the marker. */
export function stripAutoStopMarker(label: string | null | undefined): string {
  return (label ?? '').replace(new RegExp(`\\s*${LABEL_MARKER}\\d+`, 'g'), '').trim()
}
