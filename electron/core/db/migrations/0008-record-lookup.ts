/** Finds a record by its original name and size: the import preview's cheap "probably archived already". */
export const sql = `
CREATE INDEX records_name_size ON records(original_name, size);
`;
