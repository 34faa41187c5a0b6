// The search page's snippets: Sphinx fetches each result's page to cut a snippet from,
// which a browser refuses for a site opened from the file system. On the search page,
// answer those fetches from the pages' texts (_static/search-texts.js), loaded once.
if (document.currentScript && /(^|\/)search\.html$/.test(window.location.pathname)) {
  const root = document.currentScript.src.replace(/_static\/coursekit\.js.*$/, "");
  const texts = new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = root + "_static/search-texts.js";
    script.onload = () => resolve(window.courseSearchTexts || {});
    script.onerror = () => resolve({});
    document.head.appendChild(script);
  });
  const fetchPage = window.fetch.bind(window);
  window.fetch = (resource, options) => {
    const url = new URL(String(resource), document.baseURI).href;
    const name = url.startsWith(root) ? url.slice(root.length).split(/[?#]/)[0] : null;
    return texts.then((pages) => (name && name in pages)
      ? new Response(pages[name], {headers: {"Content-Type": "text/html"}})
      : fetchPage(resource, options));
  };
}

// Small accessibility repairs to the book theme's markup, run once the page is parsed.
document.addEventListener("DOMContentLoaded", () => {
  // Accessible names that match what the reader sees (WCAG 2.5.3, "label in name"), so
  // that a voice-control user can say what is on the screen:
  // the search field shows "Search... Ctrl+K" under the label "Search";
  for (const field of document.querySelectorAll(".search-button-field[aria-label]")) {
    field.removeAttribute("aria-label");
  }
  // a hidden solution's toggle shows "Show code cell source" under "Toggle hidden content";
  for (const summary of document.querySelectorAll("details > summary[aria-label]")) {
    summary.removeAttribute("aria-label");
  }
  // the colour-mode button's icons have titles (Light, Dark, ...) that are not its name
  // (its tooltip says "Color mode" already). The theme's Font Awesome script swaps each
  // <i> for an <svg> carrying the title, whenever it runs: quiet the icons again after
  // every change (an observer's callback runs before any other script can look).
  const quiet = (button) => {
    for (const icon of button.querySelectorAll("i, svg")) {
      icon.removeAttribute("title");
      icon.removeAttribute("aria-labelledby");
      icon.setAttribute("aria-hidden", "true");
      for (const title of icon.querySelectorAll("title")) title.remove();
    }
  };
  for (const button of document.querySelectorAll(".theme-switch-button")) {
    quiet(button);
    new MutationObserver(() => quiet(button)).observe(
      button, {childList: true, subtree: true, attributes: true,
               attributeFilter: ["title", "aria-labelledby"]});
  }
  // A DataFrame's corner and index headers are empty: name them for screen readers.
  for (const th of document.querySelectorAll("table th")) {
    if (!th.textContent.trim() && !th.getAttribute("aria-label")) {
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";  // the theme's screen-reader-only class
      hidden.textContent = "row";
      th.appendChild(hidden);
    }
  }
  // The left sidebar (the site's title and the course's pages) is in no landmark: it is
  // the course's navigation.
  const sidebar = document.querySelector(".bd-sidebar-primary");
  if (sidebar && !sidebar.getAttribute("role")) {
    sidebar.setAttribute("role", "navigation");
    sidebar.setAttribute("aria-label", "The course");
  }
});
