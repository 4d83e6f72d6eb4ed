// Two editor extensions for pages (see pages/richtext.py): a link to a page or an
// organisation, and a live key figure, each chosen from a list and stored by id.
import { Extension, Node, updateAttrsDialog, gettext } from "django-prose-editor/editor"

// The admin serves the lists beside the change form: .../pages/page/references/
const choicesUrl = () =>
  window.location.pathname.replace(/\/pages\/page\/.*$/, "/pages/page/references/")

let choices = null
const loadChoices = async () => {
  if (!choices) {
    const response = await fetch(choicesUrl(), { credentials: "same-origin" })
    choices = await response.json()
  }
  return choices
}

const label = (kind, [id, text]) => `${text} — ${kind} ${id}`
const idFrom = (value) => value.split(" ").pop()

export const ContentLink = Extension.create({
  name: "contentLink",
  addGlobalAttributes() {
    const attribute = (name) => ({
      default: null,
      parseHTML: (element) => element.getAttribute(`data-${name}`),
      renderHTML: (attributes) => (attributes[name] ? { [`data-${name}`]: attributes[name] } : {}),
    })
    return [{ types: ["link"], attributes: { page: attribute("page"), organisation: attribute("organisation") } }]
  },
  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "contentLink",
      groups: "link",
      button: buttons.material("article", gettext("Link to a page or an organisation")),
      enabled: (editor) => !editor.state.selection.empty,
      async command(editor) {
        const { pages, organisations } = await loadChoices()
        const pageWord = gettext("page")
        const organisationWord = gettext("organisation")
        const options = [
          ...pages.map((row) => label(pageWord, row)),
          ...organisations.map((row) => label(organisationWord, row)),
        ]
        const result = await updateAttrsDialog(
          { target: { type: "string", title: gettext("Link to"), enum: options } },
          { title: gettext("Link to a page or an organisation") },
        )(editor, { target: options[0] })
        if (!result) return
        const id = idFrom(result.target)
        const isPage = result.target.endsWith(`${pageWord} ${id}`)
        // The href is a placeholder: the public page writes the target's current address.
        editor
          .chain()
          .focus()
          .extendMarkRange("link")
          .setMark("link", {
            href: "#",
            page: isPage ? id : null,
            organisation: isPage ? null : id,
          })
          .run()
      },
    })
  },
})

export const KeyFigure = Node.create({
  name: "keyFigure",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes() {
    return {
      figure: { default: null, parseHTML: (element) => element.getAttribute("data-figure") },
      text: { default: "", parseHTML: (element) => element.textContent },
    }
  },
  parseHTML() {
    return [{ tag: "span[data-figure]" }]
  },
  renderHTML({ node }) {
    return ["span", { "data-figure": node.attrs.figure }, node.attrs.text || `#${node.attrs.figure}`]
  },
  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "keyFigure",
      groups: "link",
      button: buttons.material("pin", gettext("Insert a key figure")),
      async command(editor) {
        const { figures } = await loadChoices()
        const word = gettext("figure")
        const options = figures.map((row) => label(word, row))
        const result = await updateAttrsDialog(
          { figure: { type: "string", title: gettext("Key figure"), enum: options } },
          { title: gettext("Insert a key figure") },
        )(editor, { figure: options[0] })
        if (!result) return
        const id = idFrom(result.figure)
        const text = figures.find(([pk]) => String(pk) === id)?.[1] || id
        editor.chain().focus().insertContent({ type: "keyFigure", attrs: { figure: id, text } }).run()
      },
    })
  },
})

// Tiptap adds a <style> element of its own when the editor starts: under our CSP (no
// 'unsafe-inline') it needs the page's nonce, the one Django gave the import map.
export const CspNonce = Extension.create({
  name: "cspNonce",
  onBeforeCreate() {
    const script = document.querySelector("script[nonce]")
    if (script) this.editor.options.injectNonce = script.nonce
  },
})
