// The language a visitor chooses in the switcher is kept in Django's language cookie, so that `/`
// sends them back to it (LocaleMiddleware reads it). It is written here, in the browser, because a
// page answered with Set-Cookie cannot be shared: the page cache, proxies and CDNs would all have
// to skip it. Without JavaScript, `/` follows the browser's languages instead.
(function () {
  "use strict";
  var nav = document.querySelector(".language-switcher[data-cookie-name]");
  if (!nav) {
    return;
  }
  nav.addEventListener("click", function (event) {
    var link = event.target.closest("a[hreflang]");
    if (!link) {
      return;
    }
    var cookie = [
      nav.dataset.cookieName + "=" + encodeURIComponent(link.hreflang),
      "path=" + nav.dataset.cookiePath,
      "max-age=" + nav.dataset.cookieAge,
      "samesite=Lax",
    ];
    if (nav.dataset.cookieDomain) {
      cookie.push("domain=" + nav.dataset.cookieDomain);
    }
    if (window.location.protocol === "https:") {
      cookie.push("secure");
    }
    document.cookie = cookie.join("; ");
  });
})();
