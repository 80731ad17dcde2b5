// Starts the bundle the page shell names in this script's `data-app` (its JS) and
// `data-wasm` (its wasm) attributes; if it cannot start, the notice says so. A file rather
// than an inline script, so that the Content-Security-Policy refuses every inline script.
const script = document.querySelector("script[data-app]");
const notice = document.getElementById("amorce");
// Hidden in the shell, so that without JavaScript only the <noscript> text shows; and while
// a page the server drew (issue 16) is there to read, it stays hidden unless the app fails.
if (notice && !document.querySelector("fieldset.drawn")) {
  notice.hidden = false;
}
import(script.dataset.app)
  .then((module) => module.default({ module_or_path: script.dataset.wasm }))
  .catch(() => {
    const notice = document.getElementById("amorce");
    if (notice) {
      notice.hidden = false;
      notice.setAttribute("role", "alert");
      notice.textContent = "Vitrine n'a pas pu démarrer. Rechargez la page ; si le problème continue, votre navigateur est peut-être trop ancien.";
    }
  });
