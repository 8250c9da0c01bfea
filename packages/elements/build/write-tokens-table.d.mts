/** The markdown table of every token, its default and what it is for. */
export function tokensTable(): string;
/** The README text with its table replaced by the current one. */
export function withTokensTable(text: string): string;
