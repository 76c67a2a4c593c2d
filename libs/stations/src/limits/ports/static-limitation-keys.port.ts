/** Implemented by the station templates module: the configuration key a template limits power with. */
export abstract class StaticLimitationKeys {
  /** The template's static-limitation key; undefined when it names none or does not exist. */
  abstract keyOf(templateId: string): Promise<string | undefined>;
}
