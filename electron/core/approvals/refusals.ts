import { refusalsAuditor } from '../audit/refusals.js';

/** A refused step of a request's life (asking, deciding, opening a viewing, lending, returning), audited as `request.refused`. */
export const refusalsAudited = refusalsAuditor('request');
