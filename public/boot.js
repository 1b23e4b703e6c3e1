// Runs before first paint (a blocking classic script: the CSP allows no inline script).
// 1. A visitor with a saved key must not see the pre-rendered key screen flash before the
//    dashboard. 2. In the production build the app's entry is started from here, after the
//    first paint, so the pre-rendered screen shows while the script downloads (`data-app`, set
//    by the build; absent in development, where index.html loads the entry itself).
try {
  if (
    window.localStorage.getItem('vast-console.api-key') ||
    window.sessionStorage.getItem('vast-console.api-key')
  ) {
    document.documentElement.setAttribute('data-has-key', '')
  }
} catch {
  // storage blocked: the key screen is what the app will show anyway
}
;(function startApp(self) {
  var entry = self && self.getAttribute('data-app')
  if (!entry) return
  var load = function () {
    var script = document.createElement('script')
    script.type = 'module'
    script.src = entry
    document.head.appendChild(script)
  }
  if (document.visibilityState === 'hidden') load()
  else
    window.requestAnimationFrame(function () {
      window.setTimeout(load, 0)
    })
})(document.currentScript)
