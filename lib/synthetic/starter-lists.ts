/**
 * Starting points for a campaign's constraint lists, written by us: broad enough that a first campaign of a
 * few hundred items spreads over many cells, specific enough that each cell asks for something different.
 * The form offers them; every list stays editable (one entry per line).
 */
export const STARTER_TOPICS = [
  "variables and basic data types",
  "conditionals and boolean logic",
  "for and while loops",
  "functions and parameters",
  "string manipulation",
  "lists and list comprehensions",
  "dictionaries and sets",
  "tuples and unpacking",
  "recursion",
  "sorting algorithms",
  "searching and binary search",
  "file input and output",
  "exceptions and error handling",
  "classes and objects",
  "iterators and generators",
  "dates and times",
  "regular expressions",
  "stacks and queues",
  "simple graph traversal",
  "number theory and primes",
] as const;

export const STARTER_AUDIENCES = [
  "a high-school student meeting programming for the first time",
  "a first-year computer science undergraduate",
  "a data analyst who knows spreadsheets but not code",
  "a biology researcher automating lab data",
  "a self-taught web developer moving to Python",
  "a mechanical engineer writing small tools",
  "a teacher preparing a lesson for twelve-year-olds",
  "a job seeker preparing for coding interviews",
] as const;

export const STARTER_FUNCTION_NAMES = [
  "count_vowels",
  "merge_sorted_lists",
  "is_balanced_brackets",
  "rotate_matrix",
  "group_by_length",
  "find_first_duplicate",
  "running_average",
  "flatten_nested_list",
  "parse_time_span",
  "longest_common_prefix",
] as const;
