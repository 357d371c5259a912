import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { readYamlDocuments } from './yaml-files';

export interface SchemaResult {
  file: string;
  index: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  /** Absent when the document is valid. */
  error?: string;
}

const PACKAGE_DIR = path.resolve(__dirname, '..');

/**
 * Each document of each file, constructed as its kubernetes-models class and `.validate()`d
 * (scripts/validate-k8s.mjs, run by node because kubernetes-models 5 is ESM-only).
 */
export function validateWithKubernetesModels(files: string[]): SchemaResult[] {
  const out = execFileSync(process.execPath, [path.join(PACKAGE_DIR, 'scripts', 'validate-k8s.mjs'), ...files], {
    cwd: PACKAGE_DIR,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as SchemaResult[];
}

/**
 * kubernetes-models' validators accept unknown fields (a misspelt `readinesProbe` passes), while the
 * API server with strict field validation refuses them. TypeScript's excess-property check on object
 * literals, against kubernetes-models' own interfaces, finds them: each document becomes
 * `const doc: IDeployment = {...}` in a program checked in memory.
 */
export function unknownFields(files: string[]): string[] {
  const pieces: string[] = [];
  const owners: Array<{ from: number; to: number; where: string }> = [];
  let lineCount = 0;
  let n = 0;
  for (const file of files) {
    readYamlDocuments(file).forEach((doc, index) => {
      const o = doc as { apiVersion?: string; kind?: string };
      const piece = `import type { I${o.kind} as T${n} } from 'kubernetes-models/${o.apiVersion}/${o.kind}';\n`
        + `export const doc${n}: T${n} = ${JSON.stringify(doc, null, 1)};`;
      const lines = piece.split('\n').length;
      owners.push({ from: lineCount, to: lineCount + lines, where: `${file}#${index} (${o.kind})` });
      pieces.push(piece);
      lineCount += lines;
      n++;
    });
  }
  const text = pieces.join('\n');
  const virtual = path.join(PACKAGE_DIR, '__manifests__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    path.resolve(name) === virtual ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, onError, create);
  host.fileExists = ((exists) => (name: string) => path.resolve(name) === virtual || exists(name))(host.fileExists.bind(host));
  host.readFile = ((read) => (name: string) => (path.resolve(name) === virtual ? text : read(name)))(host.readFile.bind(host));
  const program = ts.createProgram([virtual], options, host);
  const problems: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file && path.resolve(d.file.fileName) === virtual && d.start !== undefined) {
      const line = d.file.getLineAndCharacterOfPosition(d.start).line;
      const owner = owners.find((o) => line >= o.from && line < o.to);
      problems.push(`${owner?.where ?? `line ${line + 1}`}: ${message}`);
    } else {
      problems.push(message);
    }
  }
  return problems;
}
