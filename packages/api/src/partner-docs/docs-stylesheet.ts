/**
 * The partner documentation's one stylesheet, served as /docs/docs.css: a file rather than a
 * `<style>` element because the Content-Security-Policy allows only the site's own styles.
 * Phone first; system fonts; no external assets.
 */
export const docsStylesheet = `
:root {
  --text: #1b1f24;
  --muted: #57606a;
  --line: #d0d7de;
  --soft: #f6f8fa;
  --accent: #0b5cad;
  --answer: #f2f8f2;
  --answer-line: #a9d1ad;
  --warn: #8a4b00;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text);
  background: #fff;
}
a { color: var(--accent); }
a:focus-visible, pre:focus-visible, div.wide:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 1; }
header.site {
  display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem;
  padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: var(--soft);
}
.brand { font-weight: 700; font-size: 1.15rem; color: var(--text); text-decoration: none; }
.brand span { font-weight: 400; color: var(--muted); }
header nav ul, nav.guides ul, ul.contents { list-style: none; margin: 0; padding: 0; }
header nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
header nav a { text-decoration: none; font-weight: 500; }
header nav a[aria-current="page"], nav.guides a[aria-current="page"] {
  color: var(--text); text-decoration: underline; text-underline-offset: 4px;
}
.layout { display: flex; flex-direction: column; max-width: 72rem; margin: 0 auto; }
nav.guides { padding: 1rem; border-top: 1px solid var(--line); }
nav.guides h2 { font-size: .85rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 0 .5rem; }
nav.guides li { margin: .15rem 0; }
nav.guides a { text-decoration: none; }
main { padding: 1rem; min-width: 0; flex: 1; }
main > :first-child { margin-top: .5rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
p, ul, ol, dl, table, figure, pre { margin: 0 0 1rem; }
code { font: .9em/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: .1em .3em; border-radius: 4px; overflow-wrap: anywhere; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow-x: auto; }
pre code { background: none; padding: 0; font-size: .85rem; overflow-wrap: normal; white-space: pre; }
figure { margin: 0 0 1.25rem; }
figcaption { font-size: .85rem; color: var(--muted); margin-bottom: .25rem; }
figcaption code { color: var(--text); }
figure.answer pre { background: var(--answer); border-color: var(--answer-line); }
div.wide { overflow-x: auto; max-width: 100%; margin: 0 0 1rem; }
table { border-collapse: collapse; margin: 0; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td code, th code { overflow-wrap: normal; white-space: nowrap; }
blockquote { margin: 0 0 1rem; padding: .5rem 1rem; border-left: 4px solid var(--accent); background: var(--soft); }
blockquote p:last-child { margin-bottom: 0; }
ul.contents { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin-bottom: 1.5rem; }
ul.index { columns: 14rem; column-gap: 1.5rem; padding-left: 1.2rem; font-size: .9rem; }
.entry { border-top: 1px solid var(--line); padding-top: .25rem; }
.entry h3 code { background: none; padding: 0; font-size: 1.05rem; }
.signature code { display: block; background: var(--soft); padding: .5rem .75rem; border-radius: 6px; }
.kind { font-size: .8rem; font-weight: 500; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 0 .5rem; margin-left: .25rem; vertical-align: middle; }
dl { margin-left: 0; }
dt { margin-top: .5rem; }
dt code { background: none; padding: 0; font-weight: 600; }
dd { margin: 0 0 .25rem 1rem; color: var(--text); }
dd p { margin: 0 0 .25rem; }
dd dl { margin: .25rem 0 .5rem; font-size: .95rem; }
.deprecated { color: var(--warn); }
@media (min-width: 56rem) {
  .layout { flex-direction: row; }
  nav.guides { order: -1; width: 15rem; flex: none; border-top: 0; border-right: 1px solid var(--line); padding: 1.5rem 1rem; }
  main { padding: 1.5rem 2rem 3rem; max-width: 52rem; }
  h1 { font-size: 2rem; }
}
`;
