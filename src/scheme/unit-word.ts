/**
 * What the assessed are called in headers and notes (项目名称, 项目「…」): the scheme's unitNoun, 单位
 * when it is empty. Apart from schema.ts so that the reports naming it do not load zod at start-up.
 */
export const unitWord = (scheme: { unitNoun: string }): string => scheme.unitNoun || '单位';
