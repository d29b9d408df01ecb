/** Styles of the hover card, inside its shadow root. Light and dark follow the reader's system setting. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1b1f24; --muted: #59636e; --line: #d0d7de; --link: #0b57d0;
  --sc: #b3261e; --capu: #a34700; --capr: #7b1fa2; --indep: #1f5fad;
  box-sizing: border-box; width: max-content; max-width: min(380px, calc(100vw - 16px));
  max-height: min(70vh, 560px); overflow: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif;
  text-align: start; overflow-wrap: anywhere;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #1f2328; --fg: #e6edf3; --muted: #9aa4ae; --line: #3d444d; --link: #8ab4f8;
          --sc: #ff8a80; --capu: #ffb74d; --capr: #ce93d8; --indep: #90caf9; }
}
header { margin-bottom: 8px; }
h2 { font-size: 15px; line-height: 1.3; margin: 0; font-weight: 650; }
.native { margin: 2px 0 0; font-size: 14px; }
.facts, .classified, .read, .note, .here { color: var(--muted); }
.facts { margin: 4px 0 0; }
.category { border-inline-start: 4px solid var(--indep); padding-inline-start: 8px; margin: 8px 0; }
.typology-sc { border-color: var(--sc); } .typology-capu { border-color: var(--capu); } .typology-capr { border-color: var(--capr); }
.badge { font-weight: 650; }
.typology-sc .badge { color: var(--sc); } .typology-capu .badge { color: var(--capu); } .typology-capr .badge { color: var(--capr); }
.uncertain { margin-inline-start: 6px; font-size: 12px; color: var(--muted); }
.definition { margin: 2px 0 6px; }
.criteria { list-style: none; padding: 0; margin: 0 0 6px; display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; }
.criterion { display: contents; }
.criterion strong { font-weight: 600; }
.classified { margin: 0; font-size: 12px; }
.control p { margin: 4px 0; }
.marks { margin: 6px 0 0; padding-inline-start: 18px; }
.marks li { margin: 2px 0; }
.evidence { margin: 8px 0 0; }
.evidence summary { cursor: pointer; font-weight: 600; }
.evidence ul { margin: 4px 0 0; padding-inline-start: 18px; }
.evidence li { margin: 3px 0; }
.here { margin: 8px 0 0; padding-top: 6px; border-top: 1px solid var(--line); }
a { color: var(--link); }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
`;
