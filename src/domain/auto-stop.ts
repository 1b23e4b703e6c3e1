/**
 * The watchdog that survives a closed tab: a POSIX sh snippet prepended to the rental's
 * `onstart`. Inside the container it runs in the background and stops (or destroys) its own
 * instance through the API with the CONTAINER_API_KEY and CONTAINER_ID the container receives
 * (reference §4.3, §7.4: that key is limited to its own instance), when a rule says so:
 *
 * - a deadline (stop or destroy after N hours, or a budget converted to a deadline);
 * - idle GPUs: every GPU under P % (`nvidia-smi`) for M minutes, sampled every SAMPLE_INTERVAL_S.
 *
 * - Works with curl, GNU wget or python3, whichever exists; with none it prints one line and
 *   exits (busybox's wget cannot send PUT or DELETE, so it does not count).
 * - The rules set at rent are baked in; every CHECK_INTERVAL_S it re-reads its own label and
 *   applies the marker in it (watchdog-rules.ts), so rules change without a restart. An
 *   unreadable marker keeps the rules it had.
 * - A deadline that passed before this start (the user started it again later) is off.
 * - Log lines (stdout) say what it did; watchdog-log.ts reads them back.
 * - Plain POSIX sh (dash, busybox ash): no arrays, no `[[`, no `local`.
 * - The key never appears in the snippet: the container reads it from its own environment.
 */
import type { InstanceFields as Instance } from './fields'
import { onstartRuns } from './launch-mode'
import {
  decodeRules,
  encodeRules,
  labelWithNewDeadline,
  rulesFromLabel,
  stripMarkers,
  type AutoStopAction,
  type WatchdogRules,
} from './watchdog-rules'

export type { AutoStopAction } from './watchdog-rules'

/** Marks the snippet in `onstart`, so the app can find its rules again. */
export const SNIPPET_TAG = '# vast-console auto-stop v2'
/** The first version (deadline only), still read back from instances rented with it. */
export const SNIPPET_TAG_V1 = '# vast-console auto-stop v1'
/** Seconds between label checks inside the container (env VC_AUTOSTOP_INTERVAL overrides). */
export const CHECK_INTERVAL_S = 60
/** Seconds between GPU utilisation samples (env VC_WATCHDOG_SAMPLE overrides). */
export const SAMPLE_INTERVAL_S = 15

/** The watchdog snippet for these rules (the rules at rent; the label can change them later). */
export function watchdogSnippet(rules: WatchdogRules): string {
  const body = encodeRules(rules)
  // The label marker is assembled at run time (M), so this text never contains it: the
  // snippet's own GET returns this onstart too, and must not read its rules from it.
  return `${SNIPPET_TAG} (rules ${body})
(
set -f; R=${body}
C=\${VC_AUTOSTOP_INTERVAL:-${CHECK_INTERVAL_S}}; J=\${VC_WATCHDOG_SAMPLE:-${SAMPLE_INTERVAL_S}}; S=\${VC_WATCHDOG_MINUTE:-60}
U="\${VC_API_URL:-https://console.vast.ai}/api/v0/instances/$CONTAINER_ID/"
M=auto; M="\${M}stop@"; H="Authorization: Bearer $CONTAINER_API_KEY"; V='Content-Type: application/json'
l() { echo "watchdog: $*"; }; k() { echo "auto-stop: $*"; }; c() { command -v "$1" >/dev/null 2>&1; }
[ -n "$CONTAINER_API_KEY" ] && [ -n "$CONTAINER_ID" ] || { k "no container key; not armed"; exit 0; }
if c curl; then T=curl
elif wget --help 2>&1 | grep -q -e --method; then T=wget
elif c python3; then T=python3
else k "needs curl, wget or python3; not armed"; exit 0; fi
req() { case $T in
curl) curl -fsS -m 30 -X "$1" -H "$H" -H "$V" \${2:+--data "$2"} "$U";;
wget) wget -q -T 30 -O- --method="$1" --header="$H" --header="$V" \${2:+--body-data="$2"} "$U";;
*) python3 -c 'import sys,urllib.request as u;a=sys.argv;print(u.urlopen(u.Request(a[3],a[2].encode() or None,dict(h.split(": ",1) for h in a[4:]),method=a[1]),timeout=30).read().decode())' "$1" "$2" "$U" "$H" "$V";;
esac; }
n() { case $1 in ''|*[!0-9]*|0?*) return 1;; esac; [ \${#1} -le "\${2:-11}" ]; }
rules() { case $1 in
*.*.*.*) d=\${1%%.*}; r=\${1#*.}; a=\${r%%.*}; r=\${r#*.}; m=\${r%%.*}; p=\${r#*.}
case $a in s) a=stop;; d) a=destroy;; *) return 1;; esac
{ [ -z "$d" ] || n "$d"; } && n "$m" 5 && n "$p" 3 && [ "$p" -le 100 ] || return 1
D=$d; A=$a; N=$m; P=$p;;
*) n "$1" || return 1; D=$1;;
esac; Y=; [ -z "$D" ] || [ "$D" -gt "$O" ] || { D=; Y=1; }; }
upd() { K=$(req GET '' 2>/dev/null | grep -o "$M[^ \\"]*" | head -n 1); K=\${K#"$M"}
[ -n "$K" ] && [ "$K" != "$B" ] || return 1; B=$K; rules "$K" && return 0
l "unreadable rules in label; keeping the last ones"; return 1; }
say() { X=\${D:+$A at $D}; X=\${X:-no deadline}; [ "$N" -gt 0 ] && X="$X, idle $N min < $P%" || X="$X, idle off"; l rules "$X"; }
idle() { u=$($Q nvidia-smi --query-gpu=utilization.gpu --format=csv,noheader,nounits 2>/dev/null) && [ -n "$u" ] || u=x
for v in $u; do n "$v" 3 || { [ -n "$E" ] || l "nvidia-smi unreadable; GPUs counted busy"; E=1; return 1; }; [ "$v" -lt "$P" ] || return 1; done; }
O=$(date +%s); B=; rules "$R"; upd
[ -z "$Y" ] || { Y="deadline passed before this start"; [ "$N" -gt 0 ] || { k "$Y; not armed"; exit 0; }; k "$Y; deadline off"; }
X=\${D:+$A at $D}; k "armed, \${X:-no deadline} with $T"; say
G=; c nvidia-smi && G=1; Q=; timeout 9 true 2>/dev/null && Q="timeout 60"
t=$((O + C)); Z=; W=; E=; F=
while :; do now=$(date +%s); w=
[ "$now" -lt "$t" ] || { t=$((now + C)); upd && { Z=; say; }; }
[ -n "$D" ] && [ "$now" -ge "$D" ] && w="deadline $D"
if [ "$N" -gt 0 ]; then if [ -z "$G" ]; then [ -n "$W" ] || l "nvidia-smi not found; idle rule off"; W=1
elif idle; then Z=\${Z:-$now}; [ -n "$w" ] || [ $((now - Z)) -lt $((N * S)) ] || w="idle $N min < $P%"; else Z=; fi; fi
if [ -n "$w" ]; then a=stop; [ "\${w%% *}" = deadline ] && a=$A
if [ $a = stop ]; then req PUT '{"state":"stopped"}'; else req DELETE '{}'; fi >/dev/null 2>&1 && { l "$a requested ($w) at $now"; exit 0; }
[ -n "$F" ] || l "$a request failed; trying again"; F=1; fi
[ "$N" -gt 0 ] && [ -n "$G" ] && sleep "$J" || sleep "$C"; done
) &
`
}

/** Vast's cap on `args` + `args_str` + `onstart` together (create_instance input validation). */
export const ONSTART_MAX_CHARS = 4096

/** Characters left for the user's own onstart (and args) once the watchdog is in. */
export function onstartRoom(rules: WatchdogRules): number {
  return ONSTART_MAX_CHARS - watchdogSnippet(rules).length
}

/** Prepends the watchdog to the user's own onstart (kept after it, unchanged). */
export function withWatchdog(onstart: string | undefined, rules: WatchdogRules): string {
  const snippet = watchdogSnippet(rules)
  return onstart?.trim() ? `${snippet}${onstart}` : snippet
}

/** The snippet for a deadline in unix seconds (no idle rule). */
export function autoStopSnippet(action: AutoStopAction, deadlineSec: number): string {
  return watchdogSnippet({ deadline: { action, atSec: deadlineSec }, idle: null })
}

/** Prepends the deadline-only snippet to the user's own onstart (kept after it, unchanged). */
export function withAutoStop(
  onstart: string | undefined,
  action: AutoStopAction,
  deadlineSec: number,
): string {
  return withWatchdog(onstart, { deadline: { action, atSec: deadlineSec }, idle: null })
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const TAG_V2 = new RegExp(`${escape(SNIPPET_TAG)} \\(rules ([^)\\s]*)\\)`)
const TAG_V1 = new RegExp(`${escape(SNIPPET_TAG_V1)} \\(A=(stop|destroy) D=(\\d+)\\)`)

export interface Watchdog {
  /** 1: deadline only (the label can move the deadline); 2: every rule. */
  version: 1 | 2
  /** The rules set at rent, before any label change. */
  baked: WatchdogRules
  /** The rules in force: the label's marker over the baked ones. */
  rules: WatchdogRules
}

/** The watchdog of an instance, read back from its onstart and label, or null without one. */
export function readWatchdog(
  instance: Pick<Instance, 'label'> & { onstart?: unknown },
): Watchdog | null {
  const onstart = typeof instance.onstart === 'string' ? instance.onstart : ''
  const v2 = TAG_V2.exec(onstart)
  const decoded = v2 ? decodeRules(v2[1] ?? '') : null
  if (decoded?.kind === 'full') {
    return {
      version: 2,
      baked: decoded.rules,
      rules: rulesFromLabel(instance.label, decoded.rules),
    }
  }
  const v1 = TAG_V1.exec(onstart)
  if (!v1) return null
  const action: AutoStopAction = v1[1] === 'destroy' ? 'destroy' : 'stop'
  const baked: WatchdogRules = { deadline: { action, atSec: Number(v1[2]) }, idle: null }
  // The first snippet takes the digits after the first marker as its deadline (none: never).
  const digits = /autostop@(\d*)/.exec(instance.label ?? '')?.[1]
  const deadline =
    digits === undefined ? baked.deadline : digits ? { action, atSec: Number(digits) } : null
  return { version: 1, baked, rules: { deadline, idle: null } }
}

/**
 * The watchdog Vast actually runs: the snippet's, when the instance's launch mode runs `onstart`
 * (SSH or Jupyter, launch-mode.ts). Null without a snippet, and null under `args`, where the
 * snippet sits in `onstart` but never starts.
 */
export function armedWatchdog(
  instance: Pick<Instance, 'label' | 'image_runtype'> & { onstart?: unknown },
): Watchdog | null {
  return onstartRuns(instance.image_runtype) ? readWatchdog(instance) : null
}

export interface AutoStop {
  action: AutoStopAction
  /** Unix seconds: the label's marker if present (an Extend), else the deadline set at rent. */
  deadlineSec: number
}

/** The deadline rule of an instance's armed watchdog, or null when it has none. */
export function readAutoStop(
  instance: Pick<Instance, 'label' | 'image_runtype'> & { onstart?: unknown },
): AutoStop | null {
  const deadline = armedWatchdog(instance)?.rules.deadline
  return deadline ? { action: deadline.action, deadlineSec: deadline.atSec } : null
}

/** The label with its deadline moved (the user's text and every other rule kept). */
export function labelWithDeadline(label: string | null | undefined, deadlineSec: number): string {
  return labelWithNewDeadline(label, deadlineSec)
}

/** The label as the user wrote it, without the marker. */
export function stripAutoStopMarker(label: string | null | undefined): string {
  return stripMarkers(label)
}
