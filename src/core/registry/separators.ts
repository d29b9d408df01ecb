/** The packed index's separators (see pack.ts): between a record's fields, and between records. Neither occurs in word keys. */
export const FIELD = '|';
export const RECORD = ';';
