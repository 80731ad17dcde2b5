// Runs only in browsers too old for JavaScript modules, which cannot run Vitrine: say so.
// Keep it plain ES5.
document.addEventListener("DOMContentLoaded", function () {
  var notice = document.getElementById("amorce");
  if (notice) {
    notice.removeAttribute("hidden");
    notice.textContent = "Votre navigateur est trop ancien pour afficher Vitrine. Vous pouvez commander directement auprès de vos commerçants.";
  }
});
