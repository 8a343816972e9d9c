// <norikae-calculator>: the calculator for any page, in its own shadow root.
//
//   <script type="module" src="https://HOST/embed.js"></script>
//   <norikae-calculator lang="ja" input='{"current":{"serviceStart":"2021-03-15"}}'></norikae-calculator>
//
// Everything it loads (this module's siblings, the stylesheet, the wasm) is resolved
// against import.meta.url, so it works from another origin. It defines no globals,
// touches neither the host's address nor its storage, and its styles stay inside.
import { mount, parseInput, withDefaults } from "./ui.js";

const CSS = new URL("./style.css", import.meta.url).href;
const PAGE = new URL("./index.html", import.meta.url).href;

class NorikaeCalculator extends HTMLElement {
  static observedAttributes = ["input", "lang"];
  #ui = null;

  /** The `lang` attribute, when it names one of the page's languages. */
  #lang() {
    const l = this.getAttribute("lang");
    return l === "en" || l === "ja" ? l : undefined;
  }

  /**
   * The `input` attribute over the form's defaults (the same path as the page's links):
   * { input }, or { error } when it is not a JSON object.
   */
  #read() {
    return parseInput(this.getAttribute("input"), this.#lang()) || { input: withDefaults({}, this.#lang()) };
  }

  connectedCallback() {
    if (this.#ui) return;
    const shadow = this.shadowRoot || this.attachShadow({ mode: "open" });
    const box = document.createElement("div");
    box.className = "nk-root";
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = CSS;
    // Shown once its styles are in, so it never flashes unstyled.
    box.hidden = true;
    const show = () => (box.hidden = false);
    link.addEventListener("load", show, { once: true });
    link.addEventListener("error", show, { once: true });
    shadow.replaceChildren(link, box);
    const r = this.#read();
    this.#ui = mount(box, {
      input: r.input,
      lang: this.#lang(),
      linkError: r.error ? { reason: r.error, source: "attribute" } : null,
      embedded: true,
      linkBase: PAGE,
      resetInput: () => this.#read().input,
    });
  }

  attributeChangedCallback(name, old, now) {
    if (!this.#ui || old === now) return;
    if (name === "lang") this.#ui.setLang(now === "en" ? "en" : "ja");
    else {
      const r = this.#read();
      if (r.input) this.#ui.setInput(r.input);
      else this.#ui.linkError({ reason: r.error, source: "attribute" });
    }
  }
}

if (!customElements.get("norikae-calculator")) customElements.define("norikae-calculator", NorikaeCalculator);
