// Bundles the bench the way the product is bundled (esbuild, scope-hoisted, minified), so that
// what it times in-process is the code as shipped: run through tsx instead, every constant
// one module imports from another is read through a getter, which slowed the scanner and the
// formatter by a quarter or more. Packages stay outside, loaded by Node as the peer's are.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: {
    bench: 'bench/run.ts',
    'bench-probes/editorProbe': 'bench/probes/editorProbe.ts',
    'bench-probes/memoryProbe': 'bench/probes/memoryProbe.ts',
  },
  outdir: 'out',
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  logLevel: 'warning',
});
