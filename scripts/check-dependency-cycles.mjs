// @ts-check
/**
 * Fails when packages/api/src has a dependency cycle (docs/architecture.md, "Dependencies point
 * one way"; CONTRIBUTING.md says how to fix one):
 * - between parts: each `modules/<name>` is one part, every other top-level folder of src is one,
 *   and the files directly in src (main, server, schema) are one, the top. Every import counts,
 *   `import type` too: a type is a dependency of the design even if it leaves no trace at run time.
 * - between files: imports that stay at run time (not `import type`), which decide load order.
 * Test files are left out: a test may reach into any part.
 */
import madge from 'madge';
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../packages/api/', import.meta.url));

/**
 * Part-level dependencies that still close a cycle, each with why it is still there. Every
 * entry is a debt: the check fails on a cycle not listed here, and on an entry that no longer
 * closes a cycle (then delete it).
 */
const allowedPartDependencies = [];

/** Runtime file-level cycles that are accepted, as `a.ts <-> b.ts` with a reason. */
const allowedFileCycles = [];

const partOf = (file) => {
  const [first, second] = file.split('/');
  if (!file.includes('/')) return 'src';
  return first === 'modules' ? `modules/${second}` : first;
};

async function graph(skipTypeImports) {
  const result = await madge(`${root}src`, {
    baseDir: `${root}src`,
    fileExtensions: ['ts'],
    tsConfig: `${root}tsconfig.json`,
    excludeRegExp: [/\.test\.ts$/, /\.d\.ts$/],
    detectiveOptions: { ts: { skipTypeImports }, es6: { skipTypeImports } },
  });
  return result.obj();
}

/** Strongly connected components (Tarjan) of a graph given as node -> successors. */
function components(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      found.push(component);
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

const problems = [];

// Parts: which file imports make each part-to-part dependency.
const files = await graph(false);
const partEdges = new Map();
const because = new Map();
for (const [file, imports] of Object.entries(files)) {
  const from = partOf(file);
  if (!partEdges.has(from)) partEdges.set(from, new Set());
  for (const imported of imports) {
    const to = partOf(imported);
    if (to === from || imported.startsWith('..')) continue;
    partEdges.get(from).add(to);
    const key = `${from} -> ${to}`;
    because.set(key, [...(because.get(key) ?? []), `${file} -> ${imported}`]);
  }
}
const componentOf = new Map();
for (const component of components(partEdges)) {
  for (const part of component) componentOf.set(part, component);
}
for (const { from, to } of allowedPartDependencies) {
  if (!partEdges.get(from)?.has(to) || componentOf.get(from) !== componentOf.get(to)) {
    problems.push(
      `${from} -> ${to} is allowed in scripts/check-dependency-cycles.mjs but closes no cycle any more: delete the entry.`,
    );
  }
}
const withoutAllowed = new Map(
  [...partEdges].map(([from, targets]) => [
    from,
    new Set(
      [...targets].filter(
        (to) =>
          !allowedPartDependencies.some((allowed) => allowed.from === from && allowed.to === to),
      ),
    ),
  ]),
);
for (const component of components(withoutAllowed)) {
  if (component.length < 2) continue;
  const members = new Set(component);
  const lines = [...component].sort().flatMap((from) =>
    [...withoutAllowed.get(from)]
      .filter((to) => members.has(to))
      .sort()
      .flatMap((to) => [
        `  ${from} -> ${to}:`,
        ...because.get(`${from} -> ${to}`).map((why) => `      ${why}`),
      ]),
  );
  problems.push(`These parts depend on each other in a cycle:\n${lines.join('\n')}`);
}

// Files: runtime imports only.
const runtime = await graph(true);
const fileEdges = new Map(
  Object.entries(runtime).map(([file, imports]) => [file, new Set(imports)]),
);
const allowedFiles = new Set(
  allowedFileCycles.map(({ files: pair }) => [...pair].sort().join(' <-> ')),
);
for (const component of components(fileEdges)) {
  if (component.length < 2) continue;
  const key = [...component].sort().join(' <-> ');
  if (!allowedFiles.has(key)) problems.push(`These files import each other at run time: ${key}`);
}

if (problems.length > 0) {
  console.error(`${problems.join('\n\n')}\n\nSee CONTRIBUTING.md, "Dependency cycles".`);
  process.exit(1);
}
console.log(`No dependency cycles: ${partEdges.size} parts, ${fileEdges.size} files.`);
