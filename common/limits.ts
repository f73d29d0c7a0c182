/** The longest text a cell holds (Excel's limit: 32,767 characters). */
export const MAX_TEXT = 32_767;
