/** The `naughty-words` package (LDNOOBW lists, CC-BY-4.0): one list of words and phrases per language code. */
declare module 'naughty-words' {
  const lists: Record<string, string[]>;
  export default lists;
}
