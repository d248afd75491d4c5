// Run as its own Node process by the benchmark: loads a built dist/extension.js with a minimal fake
// `vscode` module (injected through Module._load for this measurement only) and times require()
// and activate(). Every outgoing HTTP request or socket is counted: activation must make none.
// Prints one JSON line: { requireMs, activateMs, totalMs, commands, httpRequests, sockets, error? }.
import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';

const bundle = resolve(process.argv[2] ?? 'dist/extension.js');
let httpRequests = 0;
let sockets = 0;
diagnostics.subscribe('http.client.request.start', () => httpRequests++);
diagnostics.subscribe('undici:request:create', () => httpRequests++);
diagnostics.subscribe('net.client.socket', () => sockets++);

const registered = [];
const disposable = () => ({ dispose() {} });

/** Anything not modelled below: callable, constructible, and every property is another stub. */
function stub(path) {
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (prop === Symbol.toPrimitive) return () => path;
      // Collections the extension walks at activation (open documents, editors) are empty.
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'length') return 0;
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      if (prop === 'dispose') return () => {};
      return stub(`${path}.${prop}`);
    },
    apply: () => stub(`${path}()`),
    construct: () => stub(`new ${path}`),
  });
}

class EventEmitter {
  listeners = new Set();
  event = (fn) => {
    this.listeners.add(fn);
    return { dispose: () => this.listeners.delete(fn) };
  };
  fire(value) {
    for (const fn of this.listeners) fn(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(fsPath) {
    this.scheme = 'file';
    this.fsPath = fsPath;
    this.path = fsPath;
  }
  static file(p) {
    return new Uri(p);
  }
  static joinPath(base, ...parts) {
    return new Uri([base.fsPath, ...parts].join('/'));
  }
  static from(c) {
    return new Uri(c.path ?? '');
  }
  toString() {
    return `file://${this.fsPath}`;
  }
  with() {
    return this;
  }
}

const logChannel = { name: 'log', trace() {}, debug() {}, info() {}, warn() {}, error() {}, append() {}, appendLine() {}, replace() {}, clear() {}, show() {}, hide() {}, dispose() {}, logLevel: 2, onDidChangeLogLevel: () => disposable() };

const known = {
  version: '1.100.3',
  EventEmitter,
  Uri,
  Disposable: class {
    constructor(fn) {
      this.dispose = fn;
    }
    static from(...items) {
      return { dispose: () => items.forEach((d) => d.dispose()) };
    }
  },
  TreeItem: class {
    constructor(label, collapsibleState) {
      Object.assign(this, { label, collapsibleState });
    }
  },
  ThemeIcon: class {
    constructor(id, color) {
      Object.assign(this, { id, color });
    }
  },
  ThemeColor: class {
    constructor(id) {
      this.id = id;
    }
  },
  MarkdownString: class {
    constructor(value = '') {
      this.value = value;
    }
    appendMarkdown(s) {
      this.value += s;
      return this;
    }
  },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
  window: new Proxy(
    {
      createOutputChannel: () => logChannel,
      createTreeView: () => ({ dispose() {}, onDidChangeVisibility: () => disposable(), onDidExpandElement: () => disposable(), visible: false, reveal: async () => {} }),
      registerWebviewPanelSerializer: disposable,
      registerTreeDataProvider: disposable,
      visibleTextEditors: [],
      activeTextEditor: undefined,
    },
    { get: (t, p) => (p in t ? t[p] : stub(`window.${String(p)}`)) },
  ),
  commands: new Proxy(
    {
      registerCommand: (id) => {
        registered.push(id);
        return disposable();
      },
      executeCommand: async () => undefined,
    },
    { get: (t, p) => (p in t ? t[p] : stub(`commands.${String(p)}`)) },
  ),
  workspace: new Proxy(
    {
      getConfiguration: () => ({ get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} }),
      onDidChangeConfiguration: () => disposable(),
      onDidSaveTextDocument: () => disposable(),
      registerTextDocumentContentProvider: disposable,
      workspaceFolders: undefined,
      textDocuments: [],
      notebookDocuments: [],
    },
    { get: (t, p) => (p in t ? t[p] : stub(`workspace.${String(p)}`)) },
  ),
};
// The bundle copies the module's own keys (esbuild's ESM interop), so every name of the API must exist
// up front: the ones not modelled above become stubs, named after @types/vscode.
const require = createRequire(import.meta.url);
try {
  const dts = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  for (const [, name] of dts.matchAll(/^\texport (?:class|enum|namespace|const|let|function) (\w+)/gm)) if (!(name in known)) known[name] = stub(name);
} catch {
  // Without @types/vscode only the modelled names exist; activate() reports what it missed.
}
const vscode = new Proxy(known, { get: (t, p) => (p in t ? t[p] : typeof p === 'symbol' ? undefined : stub(String(p))) });

const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
};

const memento = { get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} };
const context = {
  subscriptions: [],
  extensionUri: Uri.file(resolve(bundle, '..', '..')),
  extensionPath: resolve(bundle, '..', '..'),
  globalState: memento,
  workspaceState: memento,
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => disposable() },
  globalStorageUri: Uri.file('/tmp/fse-bench-global'),
  storageUri: undefined,
  logUri: Uri.file('/tmp/fse-bench-log'),
  extensionMode: 1,
  asAbsolutePath: (p) => resolve(bundle, '..', '..', p),
};

const result = { requireMs: 0, activateMs: 0, totalMs: 0, commands: 0, httpRequests: 0, sockets: 0 };
try {
  const t0 = performance.now();
  const extension = require(bundle);
  const t1 = performance.now();
  await extension.activate(context);
  const t2 = performance.now();
  Object.assign(result, { requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0 });
} catch (err) {
  result.error = String(err?.stack ?? err);
}
// Whatever activate() may have started in the background gets a moment to show itself.
await new Promise((r) => setTimeout(r, 300));
Object.assign(result, { commands: registered.length, httpRequests, sockets });
for (const d of context.subscriptions) {
  try {
    d.dispose?.();
  } catch {
    // a stub's dispose is not the point of this probe
  }
}
console.log(JSON.stringify(result));
process.exit(0);
