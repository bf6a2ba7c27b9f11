// Written by hand: the types of validate-config.generated.js, which `npm run schema:validators` writes.
import type { StandaloneValidator } from '../bundle/validate-bundle.generated.js';

/** Checks a parsed tor.config.yaml against src/config/schema.json. */
export declare const validate: StandaloneValidator;
export default validate;
