// <norikae-calculator>: the calculator for any page, in its own shadow root.
//
//   <script type="module" src="https://HOST/embed.js"></script>
//   <norikae-calculator lang="ja" input='{"current":{"serviceStart":"2021-03-15"}}'></norikae-calculator>
//
// Everything it loads (this module's siblings, the stylesheet, the wasm) is resolved
// against import.meta.url, so it works from another origin. It defines no globals,
// touches neither the host's address nor its storage, and its styles stay inside.
import { mount, defaultInput } from "./ui.js";

const CSS = new URL("./style.css", import.meta.url).href;
const PAGE = new URL("./index.html", import.meta.url).href;

class NorikaeCalculator extends HTMLElement {
  static observedAttributes = ["input", "lang"];
  #ui = null;

  /** The `input` attribute over the form's defaults (today as the application date …). */
  #input() {
    let v = null;
    try {
      v = JSON.parse(this.getAttribute("input") || "null");
    } catch {
      /* not JSON: the defaults */
    }
    if (!v || typeof v !== "object" || Array.isArray(v)) v = {};
    const lang = this.getAttribute("lang");
    const d = defaultInput(lang === "en" || lang === "ja" ? lang : v.lang);
    const current = v.current && typeof v.current === "object" ? { ...d.current, ...v.current } : d.current;
    return { ...d, ...v, current, lang: d.lang };
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
    this.#ui = mount(box, {
      input: this.#input(),
      embedded: true,
      linkBase: PAGE,
      resetInput: () => this.#input(),
    });
  }

  attributeChangedCallback(name, old, now) {
    if (!this.#ui || old === now) return;
    if (name === "lang") this.#ui.setLang(now === "en" ? "en" : "ja");
    else this.#ui.setInput(this.#input());
  }
}

if (!customElements.get("norikae-calculator")) customElements.define("norikae-calculator", NorikaeCalculator);
