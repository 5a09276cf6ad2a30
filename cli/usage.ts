/** A refusal of the admin CLI's own (bad or missing arguments): the message is printed as it is, the exit code is 2. */
export class UsageError extends Error {}
