// Runs before first paint (a blocking classic script: the CSP allows no inline script).
// 0. The colour theme: the `dark` class goes on <html> now, so a dark page never flashes white
//    (the choice is 'vast-console.theme' in localStorage: light, dark, or absent for the system's).
// 1. A visitor with a saved key must not see the pre-rendered key screen flash before the
//    dashboard. 2. In the production build the app's entry is started from here once the
//    pre-rendered screen has painted, so that paint never waits for the script (`data-app`, set
//    by the build; absent in development, where index.html loads the entry itself).
;(function boot(self) {
  try {
    var theme = window.localStorage.getItem('vast-console.theme')
    var systemDark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches
    if (theme === 'dark' || (theme !== 'light' && systemDark))
      document.documentElement.classList.add('dark')
  } catch {
    // storage blocked: the light theme
  }
  var hasKey = false
  try {
    hasKey = Boolean(
      window.localStorage.getItem('vast-console.api-key') ||
      window.sessionStorage.getItem('vast-console.api-key'),
    )
  } catch {
    // storage blocked: the key screen is what the app will show anyway
  }
  if (hasKey) document.documentElement.setAttribute('data-has-key', '')

  var entry = self && self.getAttribute('data-app')
  if (!entry) return
  var started = false
  var start = function () {
    if (started) return
    started = true
    var script = document.createElement('script')
    script.type = 'module'
    script.src = entry
    document.head.appendChild(script)
  }
  var paints = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes
  // Nothing to paint first (a saved key hides the screen), or no frames (a hidden tab).
  if (hasKey || document.visibilityState === 'hidden') return start()
  if (paints && paints.indexOf('paint') >= 0) {
    new PerformanceObserver(function (list) {
      if (list.getEntriesByName('first-contentful-paint').length > 0) start()
    }).observe({ type: 'paint', buffered: true })
    window.setTimeout(start, 3000) // a paint that never comes must not hold the app back
  } else {
    window.requestAnimationFrame(function () {
      window.setTimeout(start, 0)
    })
  }
})(document.currentScript)
