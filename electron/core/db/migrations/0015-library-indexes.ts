/**
 * Measured by bench:catalog on a million records: a rare flag combined with an officer read the
 * officer's whole share before these. Partial indexes keep those combinations to the few rows
 * that match.
 */
export const sql = `
CREATE INDEX record_search_late_officer ON record_search(officer_id, record_id) WHERE late = 1;
CREATE INDEX record_search_important_officer ON record_search(officer_id, record_id) WHERE important = 1;
`;
