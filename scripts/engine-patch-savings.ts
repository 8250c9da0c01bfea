// What each of the policy build's json-rules-engine patches saves: the engine as the policy uses it
// (Engine and Fact), bundled for browsers with every patch, then with every patch but one.
import { join } from 'node:path';
import { ENGINE_PATCHES, vendorJsonRulesEngine } from '../packages/policy/build/vendor-json-rules-engine.js';
import { bundleSize } from './bundle-size.js';

const ENTRY = "export { Engine, Fact } from 'json-rules-engine';";

export interface PatchSaving {
  readonly name: string;
  readonly does: string;
  /** Gzip bytes the bundle grows by without this patch alone. */
  readonly savedGzip: number;
}

/** The patched engine's gzip size, plain json-rules-engine's, and each patch's saving. */
export async function enginePatchSavings(
  root: string,
): Promise<{ patchedGzip: number; plainGzip: number; patches: PatchSaving[] }> {
  const dir = join(root, 'packages/policy');
  const patched = await bundleSize(ENTRY, dir, [vendorJsonRulesEngine()]);
  const plain = await bundleSize(ENTRY, dir);
  const patches: PatchSaving[] = [];
  for (const patch of ENGINE_PATCHES) {
    const without = await bundleSize(ENTRY, dir, [vendorJsonRulesEngine({ skip: [patch.name] })]);
    patches.push({ name: patch.name, does: patch.does, savedGzip: without.gzip - patched.gzip });
  }
  return { patchedGzip: patched.gzip, plainGzip: plain.gzip, patches };
}
