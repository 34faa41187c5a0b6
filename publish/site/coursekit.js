// Accessible names that match what the reader sees (WCAG 2.5.3, "label in name"), so
// that a voice-control user can say what is on the screen:
document.addEventListener("DOMContentLoaded", () => {
  // the search field shows "Search... Ctrl+K" under the label "Search";
  for (const field of document.querySelectorAll(".search-button-field[aria-label]")) {
    field.removeAttribute("aria-label");
  }
  // a hidden solution's toggle shows "Show code cell source" under "Toggle hidden content";
  for (const summary of document.querySelectorAll("details > summary[aria-label]")) {
    summary.removeAttribute("aria-label");
  }
  // the colour-mode button's icons have titles (Light, Dark, ...) that are not its name:
  // the button's tooltip says "Color mode" already.
  for (const icon of document.querySelectorAll(".theme-switch-button i")) {
    icon.removeAttribute("title");
    icon.setAttribute("aria-hidden", "true");
  }
});
